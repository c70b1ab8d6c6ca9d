import { AppError } from '../core/errors';
import { runSql } from '../db/knex';
import { notifyAssignments } from '../notifications/notify-assignments';
import type { RecordContext, RecordRow } from '../records/context';
import { accessSql, explainMissedWrites } from '../records/record-security';
import { toApiRecord } from '../records/row-output';
import { bulkIds, parseBody } from '../security/admin/request-schemas';
import { requireObjectPermission } from '../security/record-access';
import { applyAssignmentRules } from './apply-assignment';
import { preparedAssignmentRules } from './prepared-rules';

const assignBody = { type: 'object', additionalProperties: false, required: ['ids'], properties: { ids: bulkIds } };

/** What on-demand assignment did: the records whose owner a rule changed, and the others. */
export interface AssignResult {
  assigned: { id: string; owner: string }[];
  unchanged: string[];
}

/**
 * Re-runs the object's assignment rules on existing records (up to 1,000),
 * all or nothing. Changing owners needs what a transfer needs: edit
 * permission and full access to every record (owner scope or modify-all),
 * else 404/403 naming the records and nothing changes. A record no rule
 * matches (or whose rule picks its current owner) keeps its owner. New
 * owners other than the caller are notified; the audit trail records each
 * owner change.
 */
export async function assignOnDemand(ctx: RecordContext, objectName: string, body: unknown): Promise<AssignResult> {
  const obj = ctx.meta.object(objectName);
  requireObjectPermission(ctx.access, objectName, 'edit');
  const { ids } = parseBody<{ ids: string[] }>(assignBody, body, 'REQUEST_INVALID');
  if (!preparedAssignmentRules(obj, ctx.meta.snapshot, ctx.registry).rules.length) {
    throw new AppError('ASSIGNMENT_NO_RULES', `${objectName} has no active assignment rules`, { object: objectName });
  }
  const wanted = ids.map((id) => id.toLowerCase());
  return ctx.db.transaction(async (trx) => {
    const tctx: RecordContext = { ...ctx, db: trx };
    const full = accessSql(tctx, obj, 'full');
    const stored = await runSql<RecordRow>(trx, `SELECT ${obj.selectList} FROM ${obj.table} WHERE id = ANY(?::uuid[])${full ? ` AND ${full.sql}` : ''} FOR UPDATE`, [wanted, ...(full?.params ?? [])]);
    if (stored.length < wanted.length) await explainMissedWrites(tctx, obj, wanted, stored.map((r) => r.id as string), 'assign', 'assigned');
    const rows = stored.map((r) => toApiRecord(obj, r));
    const before = rows.map((r) => r.owner_id);
    await applyAssignmentRules(tctx, obj, rows, rows.map(() => false));
    const changed = rows.filter((r, i) => r.owner_id !== before[i]);
    if (changed.length) {
      await runSql(
        trx,
        `UPDATE ${obj.table} AS t SET owner_id = v.owner_id, updated_at = now(), updated_by = ?, version = t.version + 1 FROM unnest(?::uuid[], ?::uuid[]) AS v(id, owner_id) WHERE t.id = v.id`,
        [ctx.actor.userId, changed.map((r) => r.id), changed.map((r) => r.owner_id)],
      );
      const others = changed.filter((r) => r.owner_id !== ctx.actor.userId);
      await notifyAssignments(tctx, obj, others.map((r) => ({ id: r.id as string, owner: r.owner_id as string, name: r.name })));
    }
    const moved = new Set(changed.map((r) => r.id as string));
    return {
      assigned: changed.map((r) => ({ id: r.id as string, owner: r.owner_id as string })),
      unchanged: rows.filter((r) => !moved.has(r.id as string)).map((r) => r.id as string),
    };
  });
}
