import { AppError } from '../core/errors';
import { quoteIdent, runSql, type Executor } from '../db/knex';
import type { CompiledObject } from '../metadata/compiled-object';
import type { SqlFragment } from '../query/sql-fragment';
import { bulkIds, parseBody } from '../security/admin/request-schemas';
import { assertFieldsWritable } from '../security/field-access';
import { requireObjectPermission } from '../security/record-access';
import { checkAgainstStored, needsStoredRecords } from './check-against-stored';
import type { RecordContext } from './context';
import { pgErrorFor } from './pg-error-for';
import { explainMissedWrites, writablePredicate } from './record-security';
import { validatePayload } from './validate-payload';
import { assertNotConverted } from '../conversion/converted-records';
import { enforceDuplicatesAfterBulkUpdate } from '../duplicates/enforce-duplicates';
import type { WriteOptions } from './write-hooks';

/** The body of a bulk edit: the record ids and the values to set on all of them. */
const bulkUpdateBody = { type: 'object', additionalProperties: false, required: ['ids', 'values'], properties: { ids: bulkIds, values: { type: 'object', minProperties: 1 } } };

/** Sets the audit trail's actor for the rest of this transaction. */
export const setAuditActor = (trx: Executor, userId: string) => runSql(trx, "SELECT set_config('tessera.actor_id', ?, true)", [userId]);

/**
 * Locks the records the user may write; when some are missing, names the
 * ones the user cannot see (404, as if they did not exist) or else the ones
 * they see but may not change (403). Nothing is written either way.
 */
export async function lockWritable(ctx: RecordContext, obj: CompiledObject, ids: string[], writable: SqlFragment | undefined, action: 'change' | 'delete'): Promise<void> {
  const locked = await runSql<{ id: string }>(ctx.db, `SELECT id FROM ${obj.table} WHERE id = ANY(?::uuid[])${writable ? ` AND ${writable.sql}` : ''} FOR UPDATE`, [ids, ...(writable?.params ?? [])]);
  if (locked.length < ids.length) await explainMissedWrites(ctx, obj, ids, locked.map((r) => r.id), action, `${action}d`);
}

/** Where a problem with the record at ids[i] is reported. */
const pathOf = (i: number) => `/ids/${i}`;

/**
 * Bulk edit, all or nothing: the same values on every listed record, with
 * exactly the checks of a single update (object permission, field-level
 * security, edit access — full access when the owner changes —, picklist,
 * dependency, condition and validation rules), in one transaction that bumps
 * each version and names the actor for the audit trail. Invisible ids → 404
 * naming them; visible but not writable → 403 naming them.
 */
export async function bulkUpdateRecords(ctx: RecordContext, objectName: string, body: unknown, opts: WriteOptions = {}): Promise<{ updated: number }> {
  const obj = ctx.meta.object(objectName);
  requireObjectPermission(ctx.access, objectName, 'edit');
  const b = parseBody<{ ids: string[]; values: Record<string, unknown> }>(bulkUpdateBody, body, 'REQUEST_INVALID');
  if ('version' in b.values) throw new AppError('REQUEST_INVALID', 'a bulk edit applies to the current version of each record; leave "version" out of values', { issues: [{ path: '/values/version', code: 'FIELD_UNKNOWN', message: 'not allowed in a bulk edit' }] });
  validatePayload(obj, b.values, 'update', '/values');
  assertFieldsWritable(ctx.access, obj, Object.keys(b.values), '/values');
  const ids = b.ids.map((id) => id.toLowerCase());
  const change = b.values;
  const writable = await writablePredicate(ctx, obj, change, '/values/owner_id');
  return ctx.db.transaction(async (trx) => {
    const tctx: RecordContext = { ...ctx, db: trx };
    await setAuditActor(trx, ctx.actor.userId);
    await lockWritable(tctx, obj, ids, writable, 'change');
    await assertNotConverted(tctx, obj, ids);
    if (needsStoredRecords(obj, change)) {
      const rows = await runSql(trx, `SELECT ${obj.selectList} FROM ${obj.table} WHERE id = ANY(?::uuid[])`, [ids]);
      const byId = new Map(rows.map((r) => [r.id as string, r]));
      await checkAgainstStored(tctx, obj, ids.map((id) => byId.get(id)!), change, pathOf);
    }
    const entries = Object.entries(change);
    const sets = [...entries.map(([k]) => `${quoteIdent(k)} = ?`), 'updated_at = now()', 'updated_by = ?', 'version = version + 1'];
    try {
      const rows = await runSql(trx, `UPDATE ${obj.table} SET ${sets.join(', ')} WHERE id = ANY(?::uuid[]) RETURNING id`, [...entries.map(([, v]) => v), ctx.actor.userId, ids]);
      await enforceDuplicatesAfterBulkUpdate(tctx, obj, ids, change, { allowWarnings: opts.allowDuplicates ?? false, at: (i) => `/ids/${i}` });
      return { updated: rows.length };
    } catch (e) {
      throw e instanceof AppError ? e : pgErrorFor(obj, e);
    }
  });
}
