import { AppError } from '../core/errors';
import type { RecordContext, RecordRow } from './context';
import { requireRecordId } from './record-id';
import { toApiRecord } from './row-output';

export async function readRecord(ctx: RecordContext, objectName: string, id: string): Promise<RecordRow> {
  const obj = ctx.meta.object(objectName);
  const { rows } = await ctx.db.raw(`SELECT ${obj.selectList} FROM ${obj.table} WHERE id = ?`, [requireRecordId(id)]);
  if (!rows.length) throw new AppError('RECORD_NOT_FOUND', `${objectName} ${id} does not exist`, { object: objectName, id });
  return toApiRecord(obj, rows[0]);
}
