import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api-error';
import { get } from './client';

/** What a page shows of a GET: data, the error if any, and a reload (for retry buttons). */
export interface ApiState<T> {
  data?: T;
  error?: ApiError;
  loading: boolean;
  reload(): void;
}

/** A GET whose answer a page shows; `load` answers it (by default a request each time, see useMetadata for a shared one). */
export function useApi<T>(path: string | null, load: (path: string) => Promise<T> = get<T>): ApiState<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: path !== null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load(path).then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error: error instanceof ApiError ? error : new ApiError(0, 'CLIENT_ERROR', String(error)), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [path, tick, load]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}
