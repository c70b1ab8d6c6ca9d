import { AppError } from '../core/errors';
import { runSql } from '../db/knex';
import { foreignKeyName } from '../schema-engine/names';
import type { CompiledObject } from '../metadata/compiled-object';
import type { RecordContext } from './context';
import { pgErrorFor } from './pg-error-for';
import { requireRecordId } from './record-id';
import { parseIfMatch } from './update-record';
import { accessSql, explainMissedWrite } from './record-security';
import { requireObjectPermission } from '../security/record-access';
import { qualified } from '../schema-engine/column-ddl';

/**
 * A failed delete, translated; a restricting lookup (409 RECORD_IN_USE) is
 * named — the object and field whose records still point at `what` ("this
 * record", "one of these records").
 */
export function deleteError(ctx: RecordContext, obj: CompiledObject, e: unknown, what: string, outcome = ''): unknown {
  const translated = pgErrorFor(obj, e, 'delete');
  if (!(translated instanceof AppError) || translated.code !== 'RECORD_IN_USE') return translated;
  const constraint = (e as { constraint?: string }).constraint;
  for (const def of ctx.meta.snapshot.objects.values()) {
    const field = def.fields.find((f) => f.type === 'lookup' && foreignKeyName(def.name, f.name) === constraint);
    if (field) return new AppError('RECORD_IN_USE', `${def.name} records refer to ${what} through ${field.name}${outcome}`, { referencedBy: { object: def.name, field: field.name } });
  }
  return translated;
}

/**
 * delete = authorize (delete permission, full access to the record) → delete
 * in one statement that also names the actor for the audit trail and removes
 * the record's shares. Each lookup's onDelete applies: restrict → 409
 * RECORD_IN_USE naming the referrer, cascade/setNull by the database. An
 * If-Match version, when sent, must be current (409 otherwise); a record the
 * user may not see is 404, one they see but may not delete 403.
 */
export async function deleteRecord(ctx: RecordContext, objectName: string, id: string, ifMatch?: string): Promise<void> {
  const obj = ctx.meta.object(objectName);
  requireObjectPermission(ctx.access, objectName, 'delete');
  const recordId = requireRecordId(id);
  const version = ifMatch === undefined ? undefined : parseIfMatch(ifMatch);
  const full = accessSql(ctx, obj, 'full');
  const where = ['id = ?', ...(version === undefined ? [] : ['version = ?']), ...(full ? [full.sql] : [])].join(' AND ');
  const params = [ctx.actor.userId, recordId, ...(version === undefined ? [] : [version]), ...(full?.params ?? []), obj.def.name];
  // set_config(..., true) lasts for this statement's transaction only: the audit trigger reads it.
  const sql =
    `WITH actor AS (SELECT set_config('tessera.actor_id', ?, true) AS v), ` +
    `gone AS (DELETE FROM ${obj.table} WHERE ${where} AND (SELECT v FROM actor) IS NOT NULL RETURNING id), ` +
    `unshared AS (DELETE FROM ${qualified(obj.schema, '_record_shares')} WHERE object = ? AND record_id IN (SELECT id FROM gone)) ` +
    'SELECT id FROM gone';
  let rows;
  try {
    rows = await runSql(ctx.db, sql, params);
  } catch (e) {
    throw deleteError(ctx, obj, e, 'this record');
  }
  if (rows.length) return;
  await explainMissedWrite(ctx, obj, recordId, full, version);
}
