import { useCallback, useEffect, useRef, useState } from 'react';
import { get } from '../api/client';
import type { FieldDef, RecordData } from '../api/describe';

/** Ids per request: the list's page size, well under the server's limit of 1000. */
const BATCH = 200;

/**
 * Names of the records that lookup cells point at: for each lookup column,
 * one request per batch of new ids (GET /records/<target>?filter={"in":[{"var":"id"},[…]]}&fields=name),
 * made when a page arrives. An id the user may not read (or that is gone)
 * gets null: the cell says so instead of waiting.
 */
export function useLookupNames(records: RecordData[], columns: FieldDef[]): (target: string, id: string) => string | null | undefined {
  const [names, setNames] = useState<Map<string, string | null>>(() => new Map());
  const asked = useRef(new Set<string>());
  useEffect(() => {
    const wanted = new Map<string, Set<string>>();
    for (const f of columns) {
      if (f.type !== 'lookup' || typeof f.options.target !== 'string') continue;
      const target = f.options.target;
      for (const r of records) {
        const id = r[f.name];
        if (typeof id !== 'string' || asked.current.has(`${target}/${id}`)) continue;
        asked.current.add(`${target}/${id}`);
        if (!wanted.has(target)) wanted.set(target, new Set());
        wanted.get(target)!.add(id);
      }
    }
    for (const [target, set] of wanted) {
      const ids = [...set];
      for (let i = 0; i < ids.length; i += BATCH) {
        const batch = ids.slice(i, i + BATCH);
        const filter = encodeURIComponent(JSON.stringify({ in: [{ var: 'id' }, batch] }));
        get<{ records: { id: string; name?: string | null }[] }>(`/records/${encodeURIComponent(target)}?filter=${filter}&fields=name&limit=${batch.length}`).then(
          (page) => {
            const found = new Map(page.records.map((r) => [r.id, r.name ?? null]));
            setNames((m) => {
              const next = new Map(m);
              for (const id of batch) next.set(`${target}/${id}`, found.get(id) ?? null);
              return next;
            });
          },
          () =>
            setNames((m) => {
              const next = new Map(m);
              for (const id of batch) next.set(`${target}/${id}`, null);
              return next;
            }),
        );
      }
    }
  }, [records, columns]);
  return useCallback((target: string, id: string) => names.get(`${target}/${id}`), [names]);
}
