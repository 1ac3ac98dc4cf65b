import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './useResource';

/** A list read a page at a time, newest first: what has been loaded and how to load more. */
export interface HistoryPages<T> {
  /** Every item loaded so far, newest first. */
  items: T[];
  error: string | null;
  loading: boolean;
  /** True when older items remain on the server. */
  hasMore: boolean;
  /** Loads the next (older) page and appends it. */
  more(): void;
  /** Starts again from the newest page (after a change). */
  reload(): void;
}

type PageLoader<T> = (cursor: string | undefined) => Promise<{ items: T[]; next: string | null }>;

/**
 * Loads a paged list (`{items, next}`) on mount and whenever `deps` change, then older pages on
 * demand; answers of a stale load (deps changed, reload) are ignored.
 */
export function useHistoryPages<T>(load: PageLoader<T>, deps: readonly unknown[]): HistoryPages<T> {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const fetchPage = useCallback((cursor: string | undefined, append: boolean) => {
    const mine = generation.current;
    setLoading(true);
    loadRef.current(cursor).then(
      (page) => {
        if (mine !== generation.current) return;
        setItems((old) => (append ? [...old, ...page.items] : page.items));
        setNext(page.next);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== generation.current) return;
        setError(errorMessage(e));
        setLoading(false);
      },
    );
  }, []);

  const reload = useCallback(() => {
    generation.current++;
    fetchPage(undefined, false);
  }, [fetchPage]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names the dependencies of load
  useEffect(() => {
    reload();
    return () => {
      generation.current++;
    };
  }, [...deps, reload]);

  const more = useCallback(() => {
    if (next) fetchPage(next, true);
  }, [fetchPage, next]);

  return { items, error, loading, hasMore: next !== null, more, reload };
}
