import { AppError } from '../core/errors';
import { runSql } from '../db/knex';
import type { CompiledObject } from '../metadata/compiled-object';
import { foreignKeyName } from '../schema-engine/names';
import { qualified } from '../schema-engine/column-ddl';
import { parseBody } from '../security/admin/request-schemas';
import { requireObjectPermission } from '../security/record-access';
import { bulkIds, lockWritable, setAuditActor } from './bulk-update';
import type { RecordContext } from './context';
import { pgErrorFor } from './pg-error-for';
import { accessSql } from './record-security';

const bulkDeleteBody = { type: 'object', additionalProperties: false, required: ['ids'], properties: { ids: bulkIds } };

/** A refused delete because other records point at one of these: names the object and field, as a single delete does. */
function explainInUse(ctx: RecordContext, obj: CompiledObject, e: unknown): unknown {
  const translated = pgErrorFor(obj, e, 'delete');
  if (!(translated instanceof AppError) || translated.code !== 'RECORD_IN_USE') return translated;
  const constraint = (e as { constraint?: string }).constraint;
  for (const def of ctx.meta.snapshot.objects.values()) {
    const field = def.fields.find((f) => f.type === 'lookup' && foreignKeyName(def.name, f.name) === constraint);
    if (field) return new AppError('RECORD_IN_USE', `${def.name} records refer to one of these records through ${field.name}; nothing was deleted`, { referencedBy: { object: def.name, field: field.name } });
  }
  return translated;
}

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
      throw explainInUse(ctx, obj, e);
    }
  });
}
