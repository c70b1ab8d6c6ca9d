/** No value: undefined, null, empty text or an empty list (the API stores these as null). */
export const isEmptyValue = (v: unknown): boolean => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Whether two field values are the same for saving purposes (every kind of empty is the same). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (isEmptyValue(a) && isEmptyValue(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The POST body of a new record: the editable fields that have a value (absent ones get their defaults). */
export function createPayload(values: Record<string, unknown>, editable: Iterable<string>, skip: ReadonlySet<string> = new Set()): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of editable) if (!skip.has(name) && !isEmptyValue(values[name])) out[name] = values[name];
  return out;
}

/** The fields changed since the record was read, for a PATCH (a cleared field is sent as null). */
export function changedValues(values: Record<string, unknown>, baseline: Record<string, unknown>, editable: Iterable<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of editable) if (!sameValue(values[name], baseline[name])) out[name] = isEmptyValue(values[name]) ? null : values[name];
  return out;
}

/** The names whose value differs between two states of the record. */
export function changedNames(next: Record<string, unknown>, prev: Record<string, unknown>): string[] {
  const names = new Set([...Object.keys(next), ...Object.keys(prev)]);
  return [...names].filter((n) => !sameValue(next[n], prev[n]));
}
