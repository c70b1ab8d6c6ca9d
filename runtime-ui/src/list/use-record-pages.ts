import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import { get } from '../api/client';
import type { RecordData } from '../api/describe';

/** Records per page: enough to fill a tall screen twice, small enough to answer fast. */
export const PAGE_SIZE = 100;

export interface RecordPages {
  records: RecordData[];
  /** Every matching record (count=true on the first page). */
  total?: number;
  error?: ApiError;
  /** The first page is loading (the list is empty until it arrives). */
  loading: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  /** Fetches the next keyset page, once at a time; nothing when none is left. */
  loadMore(): void;
  reload(): void;
}

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, 'CLIENT_ERROR', String(e)));

/**
 * A list's records, loaded page by page with the server's keyset cursor as
 * the user scrolls (never all at once). A new `key` (another filter, sort,
 * search or view) starts over from the first page; answers for an older key
 * are dropped.
 */
export function useRecordPages(key: string, pathFor: (page: { limit: number; cursor?: string; count?: boolean }) => string): RecordPages {
  const [state, setState] = useState<{ records: RecordData[]; total?: number; cursor?: string; error?: ApiError; loading: boolean; loadingMore: boolean }>({ records: [], loading: true, loadingMore: false });
  const generation = useRef(0);
  const busy = useRef(false);
  const pathRef = useRef(pathFor);
  pathRef.current = pathFor;
  const cursorRef = useRef<string | undefined>(undefined);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const gen = ++generation.current;
    busy.current = true;
    cursorRef.current = undefined;
    setState({ records: [], loading: true, loadingMore: false });
    get<{ records: RecordData[]; total?: number; nextCursor?: string }>(pathRef.current({ limit: PAGE_SIZE, count: true })).then(
      (page) => {
        if (gen !== generation.current) return;
        busy.current = false;
        cursorRef.current = page.nextCursor;
        setState({ records: page.records, total: page.total, cursor: page.nextCursor, loading: false, loadingMore: false });
      },
      (e: unknown) => {
        if (gen !== generation.current) return;
        busy.current = false;
        setState({ records: [], loading: false, loadingMore: false, error: asApiError(e) });
      },
    );
  }, [key, tick]);

  const loadMore = useCallback(() => {
    const cursor = cursorRef.current;
    if (busy.current || !cursor) return;
    const gen = generation.current;
    busy.current = true;
    setState((s) => ({ ...s, loadingMore: true, error: undefined }));
    get<{ records: RecordData[]; nextCursor?: string }>(pathRef.current({ limit: PAGE_SIZE, cursor })).then(
      (page) => {
        if (gen !== generation.current) return;
        busy.current = false;
        cursorRef.current = page.nextCursor;
        setState((s) => ({ ...s, records: [...s.records, ...page.records], cursor: page.nextCursor, loadingMore: false }));
      },
      (e: unknown) => {
        if (gen !== generation.current) return;
        busy.current = false;
        setState((s) => ({ ...s, loadingMore: false, error: asApiError(e) }));
      },
    );
  }, []);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { records: state.records, total: state.total, error: state.error, loading: state.loading, loadingMore: state.loadingMore, hasMore: !!state.cursor, loadMore, reload };
}
