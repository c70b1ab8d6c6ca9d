import { get } from '../api/client';

/** How long typing pauses before a lookup searches (typing itself never waits). */
export const LOOKUP_DEBOUNCE_MS = 250;

/** A record a lookup can point at: its id and name. */
export interface LookupHit {
  id: string;
  name: string;
}

const names = new Map<string, string>();
const key = (target: string, id: string) => `${target}/${id}`;

/** Remembers a record's name (from a search hit), so choosing it shows the name without asking again. */
export function rememberName(target: string, hit: LookupHit): void {
  names.set(key(target, hit.id), hit.name);
}

export function knownName(target: string, id: string): string | undefined {
  return names.get(key(target, id));
}

/** The name of the record a lookup holds (its id when it has no name). */
export async function fetchName(target: string, id: string): Promise<string> {
  const known = knownName(target, id);
  if (known !== undefined) return known;
  const r = await get<{ id: string; name?: unknown }>(`/records/${encodeURIComponent(target)}/${encodeURIComponent(id)}`);
  const name = r.name == null || r.name === '' ? id : String(r.name);
  names.set(key(target, id), name);
  return name;
}

/** Up to ten records of the target matching what was typed (quick search on their searchable fields). */
export async function searchRecords(target: string, q: string): Promise<LookupHit[]> {
  const query = new URLSearchParams(q.trim() ? { q: q.trim() } : {});
  query.set('fields', 'name');
  query.set('limit', '10');
  const r = await get<{ records: { id: string; name?: unknown }[] }>(`/records/${encodeURIComponent(target)}?${query.toString()}`);
  return r.records.map((x) => ({ id: x.id, name: x.name == null || x.name === '' ? x.id : String(x.name) }));
}
