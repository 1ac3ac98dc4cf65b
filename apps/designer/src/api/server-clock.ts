import { useEffect, useState } from 'react';

/**
 * The runtime's clock as seen from the browser. SLA due times are the runtime's instants, so
 * countdowns must not use the browser's clock: it may be skewed, and a runtime on a manual
 * clock (tests, demos) is far from it. Every API answer carries the runtime's time in
 * `X-Caseflow-Time`; the offset to the browser's clock is kept from the latest answer.
 */
export const SERVER_TIME_HEADER = 'x-caseflow-time';

let offsetMs = 0;

/** Records the runtime's time of an answer received now (ignored when absent or malformed). */
export function noteServerTime(header: string | null, receivedAt = Date.now()): void {
  const serverMs = header === null ? Number.NaN : Number(header);
  if (Number.isFinite(serverMs)) offsetMs = serverMs - receivedAt;
}

/** The runtime's time now, in epoch milliseconds. */
export function serverNow(): number {
  return Date.now() + offsetMs;
}

/** The runtime's time, re-read every `everyMs` so countdowns tick. */
export function useServerNow(everyMs: number): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const t = setInterval(() => setNow(serverNow()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}
