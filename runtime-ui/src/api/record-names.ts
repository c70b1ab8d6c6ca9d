import { get } from './client';

/** A reference to a record of some object, for name look-ups. */
export interface RecordRef {
  object: string;
  id: string;
}

export const refKey = (object: string, id: string) => `${object}:${id}`;

/** Ids per request: a list page's worth, well under the server's limit of 1000, and a short URL. */
const CHUNK = 100;

/**
 * The names of the records that lookups point at, for lists, kanban cards
 * and the record page: one request per object and 100 ids
 * (GET /records/<object>?filter={"in":[{"var":"id"},[…]]}&fields=name), all
 * at once. The answer has each record the user may read, by refKey — its
 * name, or null when it has none; a record that is unreadable or gone, or
 * whose request failed, is left out.
 */
export async function fetchRecordNames(refs: Iterable<RecordRef>): Promise<Map<string, string | null>> {
  const byObject = new Map<string, Set<string>>();
  for (const r of refs) byObject.set(r.object, (byObject.get(r.object) ?? new Set()).add(r.id));
  const names = new Map<string, string | null>();
  const calls: Promise<void>[] = [];
  for (const [object, idSet] of byObject) {
    const ids = [...idSet];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const filter = encodeURIComponent(JSON.stringify({ in: [{ var: 'id' }, chunk] }));
      calls.push(
        get<{ records: { id: string; name?: unknown }[] }>(`/records/${encodeURIComponent(object)}?filter=${filter}&fields=name&limit=${chunk.length}`).then(
          (page) => page.records.forEach((r) => names.set(refKey(object, r.id), r.name == null ? null : String(r.name))),
          () => undefined,
        ),
      );
    }
  }
  await Promise.all(calls);
  return names;
}
