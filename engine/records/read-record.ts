import type { RecordContext, RecordRow } from './context';
import { requireRecordId } from './record-id';
import { outputRecord, readableSelectList, recordNotFound, withAccess } from './record-security';
import { requireObjectPermission } from '../security/record-access';
import { runSql } from '../db/knex';

/** One record, if the user may read the object and see the record (404 otherwise), with the fields they may read. */
export async function readRecord(ctx: RecordContext, objectName: string, id: string): Promise<RecordRow> {
  const obj = ctx.meta.object(objectName);
  requireObjectPermission(ctx.access, objectName, 'read');
  const { where, params } = withAccess(ctx, obj, 'read', 'id = ?', [requireRecordId(id)]);
  const rows = await runSql(ctx.db, `SELECT ${readableSelectList(ctx, obj)} FROM ${obj.table} WHERE ${where}`, params);
  if (!rows.length) throw recordNotFound(objectName, id);
  return outputRecord(ctx, obj, rows[0]!);
}
