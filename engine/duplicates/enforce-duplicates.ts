import { AppError } from '../core/errors';
import { runSql } from '../db/knex';
import type { CompiledObject } from '../metadata/compiled-object';
import type { RecordContext } from '../records/context';
import { accessSql } from '../records/record-security';
import type { DuplicateMatch } from '../shared/api/duplicates';
import { activeRules, matchRows } from './find-duplicates';

/** What the user is told about one match: readable records by name, the others only as "records you cannot see". */
function describe(m: DuplicateMatch): string {
  const names = m.records.map((r) => `"${r.name}"`);
  if (m.hidden) names.push(m.hidden === 1 ? 'a record you cannot see' : `${m.hidden} records you cannot see`);
  if (m.rows?.length) names.push(`row${m.rows.length > 1 ? 's' : ''} ${m.rows.join(', ')} of this request`);
  return `${m.label}: ${names.join(', ')}`;
}

/** Whether a match counts: warn matches on readable records or rows; block matches on anything (records the user cannot see too). */
const counts = (m: DuplicateMatch) => m.records.length > 0 || (m.rows?.length ?? 0) > 0 || (m.action === 'block' && (m.hidden ?? 0) > 0);

/**
 * Refuses the write when a block rule matched (409 RECORD_DUPLICATE), or when
 * a warn rule matched and the user has not said to save anyway (409
 * RECORD_DUPLICATE_WARNING); details.matches lists every match. `at(i)` names
 * row i in the matches (`path`).
 */
function refuseDuplicates(found: DuplicateMatch[], allowWarnings: boolean, at?: (i: number) => string): void {
  const matches = found.filter(counts).map((m) => (at && m.row !== undefined ? { ...m, path: at(m.row) } : m));
  const blocking = matches.filter((m) => m.action === 'block');
  if (blocking.length) throw new AppError('RECORD_DUPLICATE', `duplicate record (${describe(blocking[0]!)}); nothing was written`, { matches });
  if (matches.length && !allowWarnings) {
    throw new AppError('RECORD_DUPLICATE_WARNING', `possible duplicate (${describe(matches[0]!)}); send again with ?allowDuplicates=true to save anyway`, { matches });
  }
}

/**
 * Before records are created (every create path): the rows against the
 * stored records and against each other, with one query for the batch.
 */
export async function enforceDuplicateRules(ctx: RecordContext, obj: CompiledObject, rows: Record<string, unknown>[], opts: { allowWarnings: boolean; at?: (i: number) => string; excludeIds?: (string | undefined)[] }): Promise<void> {
  if (!activeRules(obj).length) return;
  const found = await matchRows(ctx, obj, rows, { ...(opts.excludeIds ? { excludeIds: opts.excludeIds } : {}), inBatch: true }, rows.length > 1 || opts.at !== undefined);
  refuseDuplicates(found, opts.allowWarnings, opts.at);
}

/**
 * Before an update: only when the change touches a field of an active rule,
 * the record as the change would leave it, the record itself left out. A
 * record the user may not change is left alone here (the update answers 404
 * or 403).
 */
export async function enforceDuplicatesOnUpdate(ctx: RecordContext, obj: CompiledObject, id: string, change: Record<string, unknown>, opts: { allowWarnings: boolean }): Promise<void> {
  const rules = activeRules(obj).filter((r) => r.conditions.some((c) => c.field in change));
  if (!rules.length) return;
  const fields = [...new Set(rules.flatMap((r) => r.conditions.map((c) => c.field)))];
  const edit = accessSql(ctx, obj, 'edit');
  const [stored] = await runSql<Record<string, unknown>>(
    ctx.db,
    `SELECT ${fields.map((f) => obj.selectItem(f)).join(', ')} FROM ${obj.table} WHERE id = ?${edit ? ` AND ${edit.sql}` : ''}`,
    [id, ...(edit?.params ?? [])],
  );
  if (!stored) return;
  const found = await matchRows(ctx, obj, [{ ...stored, ...change }], { excludeIds: [id] }, false);
  // Rules whose fields the change left alone were checked when the record got those values.
  const touched = new Set(rules.map((r) => r.name));
  refuseDuplicates(found.filter((m) => touched.has(m.rule)), opts.allowWarnings);
}

/**
 * After a bulk edit's UPDATE, inside its transaction (so the table already
 * holds every edited record's new values, and a refusal rolls the edit back):
 * each edited record against every other record — the other edited ones
 * included — for the active rules the change touches. `at(i)` names ids[i].
 */
export async function enforceDuplicatesAfterBulkUpdate(ctx: RecordContext, obj: CompiledObject, ids: string[], change: Record<string, unknown>, opts: { allowWarnings: boolean; at: (i: number) => string }): Promise<void> {
  const rules = activeRules(obj).filter((r) => r.conditions.some((c) => c.field in change));
  if (!rules.length || !ids.length) return;
  const fields = [...new Set(rules.flatMap((r) => r.conditions.map((c) => c.field)))];
  const rows = await runSql<Record<string, unknown>>(
    ctx.db,
    `SELECT ${fields.map((f) => obj.selectItem(f)).join(', ')} FROM ${obj.table} t JOIN unnest(?::uuid[]) WITH ORDINALITY AS x(id, n) ON t.id = x.id ORDER BY x.n`,
    [ids],
  );
  const found = await matchRows(ctx, obj, rows, { excludeIds: ids }, true);
  const touched = new Set(rules.map((r) => r.name));
  refuseDuplicates(found.filter((m) => touched.has(m.rule)), opts.allowWarnings, opts.at);
}
