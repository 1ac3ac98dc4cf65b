/**
 * Watches a person's activity on the page (pointer, keys, scrolling, the tab coming back) and
 * says when they have been idle for `idleMs`, and when they come back after that. Plain
 * TypeScript; usePresence wraps it. Activity is only noted, never acted on per event, so a
 * moving mouse costs a timestamp.
 */
export interface IdleWatcherOptions {
  idleMs: number;
  onIdle: () => void;
  onActive: () => void;
  /** Where activity events arrive (the window). */
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  now?: () => number;
  /** How often idleness is checked. Default: a tenth of `idleMs`, at most a minute. */
  checkEveryMs?: number;
}

export interface IdleWatcher {
  stop(): void;
}

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'focus'] as const;

export function createIdleWatcher(options: IdleWatcherOptions): IdleWatcher {
  const now = options.now ?? Date.now;
  let last = now();
  let idle = false;
  const active = () => {
    last = now();
    if (idle) {
      idle = false;
      options.onActive();
    }
  };
  for (const type of ACTIVITY) options.target.addEventListener(type, active, { passive: true });
  const every = options.checkEveryMs ?? Math.min(60_000, Math.max(1000, options.idleMs / 10));
  const timer = setInterval(() => {
    if (!idle && now() - last >= options.idleMs) {
      idle = true;
      options.onIdle();
    }
  }, every);
  return {
    stop() {
      clearInterval(timer);
      for (const type of ACTIVITY) options.target.removeEventListener(type, active);
    },
  };
}

const MINUTES_KEY = 'caseflow.awayAfterMinutes';
/** Dispatched on the window when the minutes change in this tab (other tabs get `storage`). */
export const MINUTES_CHANGED = 'caseflow:away-minutes';
/** Minutes without activity before an online agent shows as away, unless they chose otherwise. */
export const DEFAULT_AWAY_MINUTES = 10;

/** The chosen minutes (0: never), as stored in this browser. */
export function awayAfterMinutes(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): number {
  const raw = storage?.getItem(MINUTES_KEY);
  const n = raw === null || raw === undefined ? Number.NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 480 ? n : DEFAULT_AWAY_MINUTES;
}

/** Remembers the minutes in this browser (0: never set away automatically). */
export function saveAwayAfterMinutes(
  minutes: number,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  storage?.setItem(MINUTES_KEY, String(minutes));
}
