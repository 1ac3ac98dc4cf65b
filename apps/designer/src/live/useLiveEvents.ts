import { useEffect, useRef } from 'react';
import { api } from '../auth/session';
import { openLiveEvents } from './live-events';

/**
 * Calls `onChange` when the runtime reports a change on `path` (`/api/cases/<id>/events` or
 * `/api/events`), at most every `throttleMs`; null pauses. The stream reconnects by itself.
 */
export function useLiveEvents(
  path: string | null,
  onChange: (kinds: string[]) => void,
  throttleMs = 250,
): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    if (!path) return;
    let pending: ReturnType<typeof setTimeout> | null = null;
    let kinds = new Set<string>();
    const live = openLiveEvents({
      path,
      ticket: async () => (await api.streamTicket()).ticket,
      onChange(k) {
        for (const x of k) kinds.add(x);
        if (pending) return;
        pending = setTimeout(() => {
          pending = null;
          const all = [...kinds];
          kinds = new Set();
          latest.current(all);
        }, throttleMs);
      },
    });
    return () => {
      if (pending) clearTimeout(pending);
      live.close();
    };
  }, [path, throttleMs]);
}
