import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldDef, RecordData } from '../api/describe';
import { fetchRecordNames, refKey, type RecordRef } from '../api/record-names';

/**
 * Names of the records that lookup cells point at, fetched in batches
 * (fetchRecordNames) for the ids each new page brings. An id the user may
 * not read (or that is gone) gets null: the cell says so instead of waiting.
 */
export function useLookupNames(records: RecordData[], columns: FieldDef[]): (target: string, id: string) => string | null | undefined {
  const [names, setNames] = useState<Map<string, string | null>>(() => new Map());
  const asked = useRef(new Set<string>());
  useEffect(() => {
    const wanted: RecordRef[] = [];
    for (const f of columns) {
      if (f.type !== 'lookup' || typeof f.options.target !== 'string') continue;
      for (const r of records) {
        const id = r[f.name];
        const key = typeof id === 'string' ? refKey(f.options.target, id) : undefined;
        if (!key || asked.current.has(key)) continue;
        asked.current.add(key);
        wanted.push({ object: f.options.target, id: id as string });
      }
    }
    if (!wanted.length) return;
    void fetchRecordNames(wanted).then((found) =>
      setNames((m) => {
        const next = new Map(m);
        for (const r of wanted) next.set(refKey(r.object, r.id), found.get(refKey(r.object, r.id)) ?? null);
        return next;
      }),
    );
  }, [records, columns]);
  return useCallback((target: string, id: string) => names.get(refKey(target, id)), [names]);
}
