import { runSql } from '../db/knex';
import { ownerTransfer, parseBody } from '../security/admin/request-schemas';
import { requireObjectPermission } from '../security/record-access';
import type { RecordContext } from './context';
import { accessSql, assertActiveUser, explainMissedWrites } from './record-security';

/**
 * Bulk ownership transfer, all or nothing: every record must be visible
 * (else 404 naming none of the others) and in the user's full access —
 * owner scope or modify-all (else 403 listing the ones refused). The audit
 * trail records each owner change.
 */
export async function transferOwners(ctx: RecordContext, objectName: string, body: unknown): Promise<{ transferred: number }> {
  const obj = ctx.meta.object(objectName);
  requireObjectPermission(ctx.access, objectName, 'edit');
  const b = parseBody<{ ids: string[]; ownerId: string }>(ownerTransfer, body, 'REQUEST_INVALID');
  await assertActiveUser(ctx, b.ownerId, '/ownerId');
  const full = accessSql(ctx, obj, 'full');
  return ctx.db.transaction(async (trx) => {
    const rows = await runSql<{ id: string }>(
      trx,
      `UPDATE ${obj.table} SET owner_id = ?, updated_at = now(), updated_by = ?, version = version + 1 WHERE id = ANY(?::uuid[])${full ? ` AND ${full.sql}` : ''} RETURNING id`,
      [b.ownerId, ctx.actor.userId, b.ids, ...(full?.params ?? [])],
    );
    if (rows.length === b.ids.length) return { transferred: rows.length };
    return explainMissedWrites({ ...ctx, db: trx }, obj, b.ids, rows.map((r) => r.id), 'transfer', 'transferred');
  });
}
