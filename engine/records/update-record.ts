import { AppError } from '../core/errors';
import { quoteIdent, runSql } from '../db/knex';
import type { RecordContext, RecordRow } from './context';
import { checkAgainstStored, needsStoredRecords } from './check-against-stored';
import { pgErrorFor } from './pg-error-for';
import { requireRecordId } from './record-id';
import { explainMissedWrite, outputRecord, readableSelectList, writablePredicate } from './record-security';
import { requireObjectPermission } from '../security/record-access';
import { assertFieldsWritable } from '../security/field-access';
import { validatePayload } from './validate-payload';
import { beforeUpdate, type WriteOptions } from './write-hooks';

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

/** update = authorize → validate → check version and access → persist with version + 1, or 404/403/409 and nothing written. */
export async function updateRecord(ctx: RecordContext, objectName: string, id: string, payload: unknown, ifMatch?: string, opts: WriteOptions = {}): Promise<RecordRow> {
  const obj = ctx.meta.object(objectName);
  requireObjectPermission(ctx.access, objectName, 'edit');
  const recordId = requireRecordId(id);
  validatePayload(obj, payload, 'update');
  assertFieldsWritable(ctx.access, obj, Object.keys(payload));
  const version = expectedVersion(payload, ifMatch);
  const changes = Object.entries(payload).filter(([k]) => k !== 'version');
  const change = Object.fromEntries(changes);
  const writable = await writablePredicate(ctx, obj, change);
  if (needsStoredRecords(obj, change)) {
    // Read only if the user may change the record; otherwise the UPDATE below explains why not (404 / 403).
    const stored = await runSql(ctx.db, `SELECT ${obj.selectList} FROM ${obj.table} WHERE id = ?${writable ? ` AND ${writable.sql}` : ''}`, [recordId, ...(writable?.params ?? [])]);
    if (stored.length) await checkAgainstStored(ctx, obj, stored, change);
  }
  await beforeUpdate(ctx, obj, recordId, change, opts);
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
