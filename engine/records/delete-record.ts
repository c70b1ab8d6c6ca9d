import { AppError } from '../core/errors';
import { runSql } from '../db/knex';
import { foreignKeyName } from '../schema-engine/names';
import type { RecordContext } from './context';
import { pgErrorFor } from './pg-error-for';
import { requireRecordId } from './record-id';
import { parseIfMatch } from './update-record';

/** Names the object and field whose records still point at the one being deleted. */
function withReferrer(ctx: RecordContext, translated: unknown, original: unknown): unknown {
  if (!(translated instanceof AppError) || translated.code !== 'RECORD_IN_USE') return translated;
  const constraint = (original as { constraint?: string }).constraint;
  for (const def of ctx.meta.snapshot.objects.values()) {
    const field = def.fields.find((f) => f.type === 'lookup' && foreignKeyName(def.name, f.name) === constraint);
    if (field) return new AppError('RECORD_IN_USE', `${def.name} records refer to this record through ${field.name}`, { referencedBy: { object: def.name, field: field.name } });
  }
  return translated;
}

/**
 * delete honours each lookup's onDelete: restrict → 409 RECORD_IN_USE naming
 * the referrer, cascade/setNull by the database. An If-Match version, when
 * sent, must be current (409 RECORD_VERSION_CONFLICT otherwise).
 */
export async function deleteRecord(ctx: RecordContext, objectName: string, id: string, ifMatch?: string): Promise<void> {
  const obj = ctx.meta.object(objectName);
  const recordId = requireRecordId(id);
  const version = ifMatch === undefined ? undefined : parseIfMatch(ifMatch);
  let rows;
  try {
    rows = await runSql(ctx.db, `DELETE FROM ${obj.table} WHERE id = ?${version === undefined ? '' : ' AND version = ?'} RETURNING id`, version === undefined ? [recordId] : [recordId, version]);
  } catch (e) {
    throw withReferrer(ctx, pgErrorFor(obj, e, 'delete'), e);
  }
  if (rows.length) return;
  const current = version === undefined ? [] : await runSql<{ version: number }>(ctx.db, `SELECT version FROM ${obj.table} WHERE id = ?`, [recordId]);
  if (current.length) throw new AppError('RECORD_VERSION_CONFLICT', `${objectName} ${id} was changed by someone else (now version ${current[0]!.version})`, { currentVersion: current[0]!.version, yourVersion: version });
  throw new AppError('RECORD_NOT_FOUND', `${objectName} ${id} does not exist`, { object: objectName, id });
}
