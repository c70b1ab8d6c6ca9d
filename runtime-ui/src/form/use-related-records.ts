import { useEffect, useRef, useState } from 'react';
import { get } from '../api/client';
import type { RelatedRecords } from './live-rules';

/**
 * The related records that rules read through lookups ("account.industry"),
 * fetched whenever such a lookup gets a new value. Typing never waits for
 * them: until one arrives, the rules that need it are left to the server.
 */
export function useRelatedRecords(needed: Map<string, string>, values: Record<string, unknown>): RelatedRecords {
  const [related, setRelated] = useState<RelatedRecords>({});
  const latest = useRef(related);
  latest.current = related;
  const wanted = [...needed].map(([lookup, target]) => ({ lookup, target, id: typeof values[lookup] === 'string' && values[lookup] ? (values[lookup] as string) : undefined }));
  const key = wanted.map((w) => `${w.lookup}=${w.id ?? ''}`).join('&');
  useEffect(() => {
    let live = true;
    for (const { lookup, target, id } of wanted) {
      if (!id || latest.current[lookup]?.id === id) continue;
      get<Record<string, unknown>>(`/records/${encodeURIComponent(target)}/${encodeURIComponent(id)}`).then(
        (r) => live && setRelated((p) => ({ ...p, [lookup]: r })),
        () => undefined, // unreadable or gone: the server judges those rules
      );
    }
    return () => {
      live = false;
    };
    // `key` names every lookup and its value, which is all the effect depends on.
  }, [key]);
  return related;
}
