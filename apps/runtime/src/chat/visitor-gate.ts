/*
 * How many anonymous chats may open: each opening runs a case's first event transaction, so a
 * flood must be refused before it reaches the store. Two fixed windows per process — one per
 * source address, one for everybody — counting admitted openings only, so the per-source map
 * never holds more entries than the global window admits.
 */

export interface VisitorGateLimits {
  /** Openings one source address may make per `sourceWindowMs`. */
  perSource: number;
  sourceWindowMs: number;
  /** Openings everybody together may make per `globalWindowMs`. */
  global: number;
  globalWindowMs: number;
}

export const DEFAULT_VISITOR_LIMITS: VisitorGateLimits = {
  perSource: 5,
  sourceWindowMs: 10 * 60_000,
  global: 60,
  globalWindowMs: 60_000,
};

/** Admitted, or how long to wait before trying again. */
export type GateAnswer = { ok: true } | { ok: false; retryAfterMs: number };

export interface VisitorGate {
  /** Counts an opening from `source` at `now` when both windows have room. */
  admit(source: string, now: number): GateAnswer;
}

interface Window {
  start: number;
  count: number;
}

/** A gate with `limits`; time is an argument (wall clock in the route). */
export function createVisitorGate(limits: VisitorGateLimits = DEFAULT_VISITOR_LIMITS): VisitorGate {
  const sources = new Map<string, Window>();
  let global: Window = { start: 0, count: 0 };
  return {
    admit(source, now) {
      if (now - global.start >= limits.globalWindowMs) {
        global = { start: now, count: 0 };
        // Entries whose window ended count nothing any more.
        for (const [key, w] of sources) if (now - w.start >= limits.sourceWindowMs) sources.delete(key);
      }
      let mine = sources.get(source);
      if (mine && now - mine.start >= limits.sourceWindowMs) mine = undefined;
      if (mine && mine.count >= limits.perSource) {
        return { ok: false, retryAfterMs: mine.start + limits.sourceWindowMs - now };
      }
      if (global.count >= limits.global) {
        return { ok: false, retryAfterMs: global.start + limits.globalWindowMs - now };
      }
      global.count++;
      if (mine) mine.count++;
      else sources.set(source, { start: now, count: 1 });
      return { ok: true };
    },
  };
}
