import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/api-error';
import { errorText } from '../api/error-text';
import { useLocale } from '../i18n/use-locale';

/** State of one loaded resource: the data, the error message, and a reload function. */
export interface Resource<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload(): void;
}

/** Message a person reads for any thrown value, in the screens' language (ApiError names its fields). */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return errorText(e, useLocale.getState().locale);
  if (e instanceof Error) return e.message;
  return String(e);
}

/** Loads `load()` on mount and whenever `deps` change; ignores answers of stale loads. */
export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names the dependencies of load
  useEffect(() => {
    let live = true;
    setLoading(true);
    load().then(
      (d) => {
        if (!live) return;
        setData(d);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(errorMessage(e));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
