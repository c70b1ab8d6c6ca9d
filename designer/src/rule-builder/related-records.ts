/**
 * Loads what a rule reads through lookups, for testing it against a record:
 * each lookup the rule follows ("account.industry") gets its related record
 * nested in place ({account: {id, industry}}), as the server expands it
 * before evaluating, several lookups deep.
 */
import type { RawSnapshot } from '../../../engine/shared/metadata-types';
import { variablesOf } from '../../../runtime-ui/src/form/rule-variables';
import { ruleFieldsOf } from './rule-fields';

/** Reads one record: GET /records/<object>/<id>. */
export type FetchRecord = (object: string, id: string) => Promise<Record<string, unknown>>;

/** The field paths a rule reads through lookups, split into segments. */
export const lookupPathsOf = (rule: unknown): string[][] =>
  [...variablesOf(rule)].filter((v) => !v.startsWith('$') && v.includes('.')).map((v) => v.split('.'));

const idOf = (v: unknown): string | undefined => {
  if (typeof v === 'string' && v) return v;
  if (typeof v === 'object' && v !== null && 'id' in v && typeof v.id === 'string') return v.id;
  return undefined;
};

/** The record with the related records the paths go through nested in their lookup fields (missing ones stay as they are). */
export async function withRelated(snapshot: RawSnapshot, object: string, record: Record<string, unknown>, paths: string[][], fetchRecord: FetchRecord): Promise<Record<string, unknown>> {
  const byLookup = new Map<string, string[][]>();
  for (const [head, ...rest] of paths) if (head && rest.length) byLookup.set(head, [...(byLookup.get(head) ?? []), rest]);
  const out = { ...record };
  const fields = ruleFieldsOf(snapshot, object);
  await Promise.all(
    [...byLookup].map(async ([lookup, rest]) => {
      const target = fields.find((f) => f.name === lookup)?.target;
      const id = idOf(record[lookup]);
      if (!target || !id) return;
      const related = await fetchRecord(target, id);
      out[lookup] = await withRelated(snapshot, target, related, rest, fetchRecord);
    }),
  );
  return out;
}
