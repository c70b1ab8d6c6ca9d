import { runSql, type Executor } from '../db/knex';
import type { FieldTypeRegistry } from '../field-types/registry';
import type { CompiledObject } from '../metadata/compiled-object';
import type { RecordContext } from '../records/context';
import { isUuid } from '../records/record-id';
import { accessSql } from '../records/record-security';
import type { DuplicateMatch } from '../shared/api/duplicates';
import type { DuplicateRule, Field } from '../shared/metadata-types';
import { matchKey } from './match-methods';
import { matchQuery, type MatchRow, type ReadAccess } from './match-query';

/** What a check may leave out or add. */
export interface MatchOptions {
  /** Per row: a record not to count (the record being updated). */
  excludeIds?: (string | undefined)[];
  /** Compare the rows with each other too (several rows of one request). */
  inBatch?: boolean;
}

/** The object's active rules whose fields all exist. */
export function activeRules(obj: CompiledObject): DuplicateRule[] {
  return obj.def.duplicateRules.filter((r) => r.active && r.conditions.length > 0 && r.conditions.every((c) => obj.fields.has(c.field)));
}

const arrayLiteral = (xs: unknown[]) => `{${xs.map((x) => `"${String(x).replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;

/** A value as the text the matching query casts back: null when it is empty or not of the field's kind (it then cannot match). */
export function candidateText(registry: FieldTypeRegistry, field: Field, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  switch (registry.describe(field.type).kind) {
    case 'string':
      return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
    case 'number':
      return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) ? String(value) : null;
    case 'boolean':
      return typeof value === 'boolean' ? String(value) : null;
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
    case 'datetime':
      if (value instanceof Date) return value.toISOString();
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : null;
    case 'uuid':
      return typeof value === 'string' && isUuid(value) ? value : null;
    case 'array':
      return Array.isArray(value) && value.length ? arrayLiteral(value) : null;
  }
}

/** Whether a row has a key for every condition of a rule (in JavaScript: the same keys the SQL computes). */
function hasKeys(rule: DuplicateRule, texts: Map<string, (string | null)[]>, row: number): boolean {
  return rule.conditions.every((c) => {
    const text = texts.get(c.field)![row];
    return text !== null && (c.method === 'exact' || matchKey(c.method, text) !== null);
  });
}

/** What this user may read of the object: nothing without the read permission, else the record-access predicate. */
function readAccess(ctx: RecordContext, obj: CompiledObject): ReadAccess {
  if (!ctx.access.isAdmin && !ctx.access.object(obj.def.name).read) return false;
  return accessSql(ctx, obj, 'read');
}

/**
 * Fuzzy conditions use the trigram operator so the GIN index serves them; its
 * cut-off is a setting, lowered (or raised) to the rules' smallest threshold
 * for this query only, inside a transaction.
 */
async function withTrigramThreshold<T>(db: Executor, threshold: number | undefined, run: (exec: Executor) => Promise<T>): Promise<T> {
  if (threshold === undefined) return run(db);
  const scoped = async (trx: Executor) => {
    const [before] = await runSql<{ v: string | null }>(trx, "SELECT current_setting('pg_trgm.similarity_threshold', true) AS v");
    await runSql(trx, "SELECT set_config('pg_trgm.similarity_threshold', ?, true)", [String(threshold)]);
    const out = await run(trx);
    await runSql(trx, "SELECT set_config('pg_trgm.similarity_threshold', ?, true)", [before?.v || '0.3']);
    return out;
  };
  return (db as { isTransaction?: boolean }).isTransaction ? scoped(db) : db.transaction(scoped);
}

/** Matches of query rows, grouped per row and rule, in row then rule order. */
function groupMatches(ctx: RecordContext, rules: DuplicateRule[], found: MatchRow[], withRow: boolean): DuplicateMatch[] {
  const groups = new Map<string, DuplicateMatch>();
  for (const m of found) {
    const rule = rules[m.rule]!;
    const k = `${m.row}:${m.rule}`;
    let g = groups.get(k);
    if (!g) {
      g = { ...(withRow ? { row: m.row } : {}), rule: rule.name, label: rule.label[ctx.locale] ?? rule.label.en, action: rule.action, records: [] };
      groups.set(k, g);
    }
    if (m.other !== null) (g.rows ??= []).push(m.other);
    else if (m.readable) {
      if (!g.records.some((r) => r.id === m.id)) g.records.push({ id: m.id!, name: m.name ?? '' });
    } else g.hidden = (g.hidden ?? 0) + 1;
  }
  const order = (m: DuplicateMatch) => [m.row ?? 0, rules.findIndex((r) => r.name === m.rule)] as const;
  return [...groups.values()]
    .map((g) => (g.rows ? { ...g, rows: [...new Set(g.rows)].sort((a, b) => a - b) } : g))
    .sort((a, b) => order(a)[0] - order(b)[0] || order(a)[1] - order(b)[1]);
}

/**
 * The duplicate matches of several rows at once, with one query: for each row
 * and active rule, the stored records it matches (readable ones named, block
 * rules also counting the ones the user cannot see) and, with `inBatch`, the
 * earlier rows of the batch it matches. Rows are numbered when `withRow`.
 */
export async function matchRows(ctx: RecordContext, obj: CompiledObject, rows: Record<string, unknown>[], opts: MatchOptions = {}, withRow = rows.length > 1): Promise<DuplicateMatch[]> {
  const rules = activeRules(obj);
  if (!rules.length || !rows.length) return [];
  const fields = [...new Set(rules.flatMap((r) => r.conditions.map((c) => c.field)))].map((n) => obj.fields.get(n)!);
  const texts = new Map(fields.map((f) => [f.name, rows.map((row) => candidateText(ctx.registry, f, row[f.name]))]));
  const used = rules.filter((r) => rows.some((_, i) => hasKeys(r, texts, i)));
  if (!used.length) return [];
  const fuzzy = used.flatMap((r) => r.conditions.filter((c) => c.method === 'fuzzy').map((c) => c.threshold!));
  const q = matchQuery({
    obj,
    registry: ctx.registry,
    rules: used,
    fields,
    columns: fields.map((f) => texts.get(f.name)!),
    excludeIds: rows.map((_, i) => opts.excludeIds?.[i] ?? null),
    read: readAccess(ctx, obj),
    inBatch: (opts.inBatch ?? false) && rows.length > 1,
  });
  const found = await withTrigramThreshold(ctx.db, fuzzy.length ? Math.min(...fuzzy) : undefined, (exec) => runSql<MatchRow>(exec, q.sql, q.params));
  return groupMatches(ctx, used, found, withRow);
}

/**
 * The existing records that the object's active duplicate rules say `values`
 * duplicates (records the user cannot read are counted in `hidden` for block
 * rules, never named). `excludeId` leaves one record out (the record itself).
 */
export async function findDuplicates(ctx: RecordContext, objectName: string, values: Record<string, unknown>, opts: { excludeId?: string } = {}): Promise<DuplicateMatch[]> {
  const obj = ctx.meta.object(objectName);
  return matchRows(ctx, obj, [values], opts.excludeId ? { excludeIds: [opts.excludeId] } : {}, false);
}
