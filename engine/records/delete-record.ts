import { AppError } from '../core/errors';
import type { RecordContext } from './context';
import { pgErrorFor } from './pg-error-for';
import { requireRecordId } from './record-id';

/** delete honours each lookup's onDelete: restrict → 409 RECORD_IN_USE, cascade/setNull by the database. */
export async function deleteRecord(ctx: RecordContext, objectName: string, id: string): Promise<void> {
  const obj = ctx.meta.object(objectName);
  let rows;
  try {
    ({ rows } = await ctx.db.raw(`DELETE FROM ${obj.table} WHERE id = ? RETURNING id`, [requireRecordId(id)]));
  } catch (e) {
    throw pgErrorFor(obj, e, 'delete');
  }
  if (!rows.length) throw new AppError('RECORD_NOT_FOUND', `${objectName} ${id} does not exist`, { object: objectName, id });
}
