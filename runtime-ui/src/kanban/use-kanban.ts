import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import { get, patch } from '../api/client';
import type { FieldDef, RecordData } from '../api/describe';
import { columnFilter, columnsFor, moveCard, replaceCard, type AggregateGroup, type KanbanColumn } from './kanban-model';

/** Cards per column page. */
export const COLUMN_PAGE = 25;

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, 'CLIENT_ERROR', String(e)));

export interface Kanban {
  columns: KanbanColumn[];
  error?: ApiError;
  /** The last refused move, with the server's message. */
  refused?: ApiError;
  loadMore(key: string): void;
  /** Moves a card: at once on screen, then PATCH with the record's version; a refusal puts it back where it was. */
  move(id: string, toKey: string): Promise<void>;
  dismiss(): void;
  reload(): void;
}

/**
 * The data of a kanban: per-column counts and sums from one aggregate
 * request, the first cards of each column (filter + count per column), more
 * on demand, and moves that change the picklist through the API.
 */
export function useKanban(object: string, field: FieldDef, sum: FieldDef | undefined, cardFields: FieldDef[]): Kanban {
  const [columns, setColumns] = useState<KanbanColumn[]>([]);
  const [error, setError] = useState<ApiError>();
  const [refused, setRefused] = useState<ApiError>();
  const [tick, setTick] = useState(0);
  const live = useRef(0);
  const columnsRef = useRef(columns);
  columnsRef.current = columns;
  const fields = ['name', field.name, ...cardFields.map((f) => f.name)].join(',');
  const base = `/records/${encodeURIComponent(object)}`;

  const page = useCallback(
    (value: string | null, cursor?: string) => {
      const p = new URLSearchParams({ filter: JSON.stringify(columnFilter(field.name, value)), sort: '-updated_at', fields, limit: String(COLUMN_PAGE) });
      if (cursor) p.set('cursor', cursor);
      return get<{ records: RecordData[]; nextCursor?: string }>(`${base}?${p.toString()}`);
    },
    [base, field.name, fields],
  );

  useEffect(() => {
    const gen = ++live.current;
    setColumns([]);
    setError(undefined);
    const p = new URLSearchParams({ groupBy: field.name, ...(sum ? { sum: sum.name } : {}) });
    get<{ groups: AggregateGroup[] }>(`${base}/aggregate?${p.toString()}`).then(
      ({ groups }) => {
        if (gen !== live.current) return;
        const cols = columnsFor(field, groups, !!sum);
        setColumns(cols);
        for (const c of cols) {
          page(c.value).then(
            (r) => gen === live.current && setColumns((cs) => cs.map((x) => (x.key === c.key ? { ...x, cards: r.records, cursor: r.nextCursor, loading: false } : x))),
            (e: unknown) => gen === live.current && setError(asApiError(e)),
          );
        }
      },
      (e: unknown) => gen === live.current && setError(asApiError(e)),
    );
  }, [base, field, sum, page, tick]);

  const loadMore = useCallback(
    (key: string) => {
      const c = columnsRef.current.find((x) => x.key === key);
      if (!c?.cursor || c.loading) return;
      const gen = live.current;
      setColumns((cs) => cs.map((x) => (x.key === key ? { ...x, loading: true } : x)));
      page(c.value, c.cursor).then(
        (r) => gen === live.current && setColumns((cs) => cs.map((x) => (x.key === key ? { ...x, cards: [...x.cards, ...r.records.filter((n) => !x.cards.some((o) => o.id === n.id))], cursor: r.nextCursor, loading: false } : x))),
        (e: unknown) => gen === live.current && (setError(asApiError(e)), setColumns((cs) => cs.map((x) => (x.key === key ? { ...x, loading: false } : x)))),
      );
    },
    [page],
  );

  const move = useCallback(
    async (id: string, toKey: string) => {
      const before = columnsRef.current;
      const from = before.find((c) => c.cards.some((r) => r.id === id));
      const to = before.find((c) => c.key === toKey);
      if (!from || !to || from === to || !to.droppable) return;
      const index = from.cards.findIndex((r) => r.id === id);
      const card = from.cards[index]!;
      setRefused(undefined);
      setColumns((cs) => moveCard(cs, id, toKey, field.name, sum?.name));
      try {
        const saved = await patch<RecordData>(`${base}/${encodeURIComponent(id)}`, { [field.name]: to.value, version: card.version });
        setColumns((cs) => replaceCard(cs, saved));
      } catch (e) {
        // Snap back: the card returns to its place with its old values, and the server's reason is shown.
        setColumns((cs) => replaceCard(moveCard(cs, id, from.key, field.name, sum?.name, index), card));
        setRefused(asApiError(e));
      }
    },
    [base, field.name, sum],
  );

  return { columns, error, refused, loadMore, move, dismiss: useCallback(() => setRefused(undefined), []), reload: useCallback(() => setTick((n) => n + 1), []) };
}
