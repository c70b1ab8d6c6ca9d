import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api-error';
import { get } from './client';

/** A GET whose answer a page shows: data, the error if any, and a reload (for retry buttons). */
export function useApi<T>(path: string | null): { data?: T; error?: ApiError; loading: boolean; reload(): void } {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: path !== null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    get<T>(path).then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error: error instanceof ApiError ? error : new ApiError(0, 'CLIENT_ERROR', String(error)), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}
