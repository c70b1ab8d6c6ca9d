import { AppError } from '../core/errors';
import { quoteIdent, runSql } from '../db/knex';
import type { RecordContext, RecordRow } from './context';
import { inactiveValueError, inactiveValuesUsed } from './inactive-values';
import { pgErrorFor } from './pg-error-for';
import { requireRecordId } from './record-id';
import { explainMissedWrite, outputRecord, readableSelectList, writablePredicate } from './record-security';
import { requireObjectPermission } from '../security/record-access';
import { assertFieldsWritable } from '../security/field-access';
import type { SqlFragment } from '../query/sql-fragment';
import { validatePayload } from './validate-payload';
import { enforceValidationRules } from './validation-rules';
import { dependencyIssues } from './dependent-values';
import { enforceFieldConditions } from './field-conditions';
import type { CompiledObject } from '../metadata/compiled-object';

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

/** Whether a change touches a dependent picklist or its controller. */
const touchesDependencies = (obj: CompiledObject, change: RecordRow) =>
  obj.dependents.some((f) => f.name in change || (f.options.controllingField as string) in change);

/**
 * The checks that need the stored record: deactivated picklist values may stay
 * but not be newly chosen; dependent picklists and validation rules judge the
 * record as it will be (stored values with the change applied). The stored row
 * is read once, only when one of them applies, and only if the user may
 * change it (otherwise the UPDATE explains why not).
 */
async function checkAgainstStored(ctx: RecordContext, obj: CompiledObject, recordId: string, change: RecordRow, writable: SqlFragment | undefined): Promise<void> {
  const inactive = inactiveValuesUsed(obj, change);
  if (!inactive.length && !obj.validationRules.length && !obj.fieldConditions.conditions.length && !touchesDependencies(obj, change)) return;
  const rows = await runSql(ctx.db, `SELECT ${obj.selectList} FROM ${obj.table} WHERE id = ?${writable ? ` AND ${writable.sql}` : ''}`, [recordId, ...(writable?.params ?? [])]);
  if (!rows.length) return; // the UPDATE answers 404 / 403
  const stored = rows[0]!;
  const changed = inactive.filter((f) => newlyChosen(change[f], stored[f], obj.inactiveValues.get(f)!));
  if (changed.length) throw inactiveValueError(changed);
  const next = { ...stored, ...change, updated_by: ctx.actor.userId };
  const notAllowed = dependencyIssues(obj.dependents, next);
  if (notAllowed.length) throw new AppError('RECORD_VALIDATION_FAILED', notAllowed[0]!.message, { issues: notAllowed });
  await enforceFieldConditions(ctx, obj, [{ next, change, stored }]);
  await enforceValidationRules(ctx, obj, [next]);
}

/** update = authorize → validate → check version and access → persist with version + 1, or 404/403/409 and nothing written. */
export async function updateRecord(ctx: RecordContext, objectName: string, id: string, payload: unknown, ifMatch?: string): Promise<RecordRow> {
  const obj = ctx.meta.object(objectName);
  requireObjectPermission(ctx.access, objectName, 'edit');
  const recordId = requireRecordId(id);
  validatePayload(obj, payload, 'update');
  assertFieldsWritable(ctx.access, obj, Object.keys(payload));
  const version = expectedVersion(payload, ifMatch);
  const changes = Object.entries(payload).filter(([k]) => k !== 'version');
  const change = Object.fromEntries(changes);
  const writable = await writablePredicate(ctx, obj, change);
  await checkAgainstStored(ctx, obj, recordId, change, writable);
  const sets = changes.map(([k]) => `${quoteIdent(k)} = ?`);
  const sql = `UPDATE ${obj.table} SET ${[...sets, 'updated_at = now()', 'updated_by = ?', 'version = version + 1'].join(', ')} WHERE id = ? AND version = ?${writable ? ` AND ${writable.sql}` : ''} RETURNING ${readableSelectList(ctx, obj)}`;
  let rows;
  try {
    rows = await runSql(ctx.db, sql, [...changes.map(([, v]) => v), ctx.actor.userId, recordId, version, ...(writable?.params ?? [])]);
  } catch (e) {
    throw pgErrorFor(obj, e);
  }
  if (rows.length) return outputRecord(ctx, obj, rows[0]!);
  return explainMissedWrite(ctx, obj, recordId, writable, version);
}
