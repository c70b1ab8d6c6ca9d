import { AppError } from '../core/errors';
import { quoteIdent, runSql } from '../db/knex';
import type { RecordContext, RecordRow } from './context';
import { inactiveValueError, inactiveValuesUsed } from './inactive-values';
import { pgErrorFor } from './pg-error-for';
import { requireRecordId } from './record-id';
import { toApiRecord } from './row-output';
import { validatePayload } from './validate-payload';
import { enforceValidationRules } from './validation-rules';

/** Inactive values in `next` that `current` did not already hold. */
function newlyChosen(next: unknown, current: unknown, inactive: Set<string>): boolean {
  const had = new Set(Array.isArray(current) ? current : [current]);
  return (Array.isArray(next) ? next : [next]).some((v) => inactive.has(v as string) && !had.has(v));
}

/** Reads the expected version from the body or an If-Match header ("3", W/"3"). */
export function expectedVersion(payload: Record<string, unknown>, ifMatch: string | undefined): number {
  if (typeof payload.version === 'number') return payload.version;
  if (ifMatch !== undefined) return parseIfMatch(ifMatch);
  throw new AppError('RECORD_VERSION_REQUIRED', 'send the version you read, in the body ("version") or an If-Match header');
}

/** An If-Match header carrying a record version: "3", W/"3" or 3. */
export function parseIfMatch(ifMatch: string): number {
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  if (!m) throw new AppError('REQUEST_INVALID', 'If-Match must carry the record version, e.g. "3"');
  return Number(m[1]);
}

/** update = validate → check version → persist with version + 1, or 409 and nothing written. */
export async function updateRecord(ctx: RecordContext, objectName: string, id: string, payload: unknown, ifMatch?: string): Promise<RecordRow> {
  const obj = ctx.meta.object(objectName);
  const recordId = requireRecordId(id);
  validatePayload(obj, payload, 'update');
  const version = expectedVersion(payload, ifMatch);
  const changes = Object.entries(payload).filter(([k]) => k !== 'version');
  const inactive = inactiveValuesUsed(obj, Object.fromEntries(changes));
  if (inactive.length) {
    // A deactivated value may stay where it already is, but not be newly chosen.
    const { rows } = await ctx.db.raw(`SELECT ${inactive.map(quoteIdent).join(', ')} FROM ${obj.table} WHERE id = ?`, [recordId]);
    const changed = inactive.filter((f) => newlyChosen(payload[f], rows[0]?.[f], obj.inactiveValues.get(f)!));
    if (changed.length) throw inactiveValueError(changed);
  }
  if (obj.validationRules.length) {
    // Rules judge the record as it will be: the stored values with this change applied.
    const current = await runSql(ctx.db, `SELECT ${obj.selectList} FROM ${obj.table} WHERE id = ?`, [recordId]);
    if (current.length) await enforceValidationRules(ctx, obj, [{ ...current[0], ...Object.fromEntries(changes), updated_by: ctx.actor.userId }]);
  }
  const sets = changes.map(([k]) => `${quoteIdent(k)} = ?`);
  const sql = `UPDATE ${obj.table} SET ${[...sets, 'updated_at = now()', 'updated_by = ?', 'version = version + 1'].join(', ')} WHERE id = ? AND version = ? RETURNING ${obj.selectList}`;
  let rows;
  try {
    rows = await runSql(ctx.db, sql, [...changes.map(([, v]) => v), ctx.actor.userId, recordId, version]);
  } catch (e) {
    throw pgErrorFor(obj, e);
  }
  if (rows.length) return toApiRecord(obj, rows[0]!);
  const current = await runSql<{ version: number }>(ctx.db, `SELECT version FROM ${obj.table} WHERE id = ?`, [recordId]);
  if (!current.length) throw new AppError('RECORD_NOT_FOUND', `${objectName} ${id} does not exist`, { object: objectName, id });
  throw new AppError('RECORD_VERSION_CONFLICT', `${objectName} ${id} was changed by someone else (now version ${current[0]!.version})`, { currentVersion: current[0]!.version, yourVersion: version });
}
