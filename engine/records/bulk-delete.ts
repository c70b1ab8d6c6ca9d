import { runSql } from '../db/knex';
import { qualified } from '../schema-engine/column-ddl';
import { bulkIds, parseBody } from '../security/admin/request-schemas';
import { requireObjectPermission } from '../security/record-access';
import { lockWritable, setAuditActor } from './bulk-update';
import type { RecordContext } from './context';
import { deleteError } from './delete-record';
import { accessSql } from './record-security';

const bulkDeleteBody = { type: 'object', additionalProperties: false, required: ['ids'], properties: { ids: bulkIds } };

/**
 * Bulk delete, all or nothing, with the checks of a single delete: delete
 * permission on the object and full access to every record (owner scope or
 * modify-all). Invisible ids → 404 naming them, visible but not deletable →
 * 403 naming them; a restricting lookup → 409 RECORD_IN_USE. One transaction
 * names the actor for the audit trail and removes the records' shares.
 */
export async function bulkDeleteRecords(ctx: RecordContext, objectName: string, body: unknown): Promise<{ deleted: number }> {
  const obj = ctx.meta.object(objectName);
  requireObjectPermission(ctx.access, objectName, 'delete');
  const ids = parseBody<{ ids: string[] }>(bulkDeleteBody, body, 'REQUEST_INVALID').ids.map((id) => id.toLowerCase());
  const full = accessSql(ctx, obj, 'full');
  return ctx.db.transaction(async (trx) => {
    await setAuditActor(trx, ctx.actor.userId);
    await lockWritable({ ...ctx, db: trx }, obj, ids, full, 'delete');
    try {
      const gone = await runSql(trx, `DELETE FROM ${obj.table} WHERE id = ANY(?::uuid[]) RETURNING id`, [ids]);
      await runSql(trx, `DELETE FROM ${qualified(obj.schema, '_record_shares')} WHERE object = ? AND record_id = ANY(?::uuid[])`, [obj.def.name, ids]);
      return { deleted: gone.length };
    } catch (e) {
      throw deleteError(ctx, obj, e, 'one of these records', '; nothing was deleted');
    }
  });
}
