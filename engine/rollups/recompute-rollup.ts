import { AppError } from '../core/errors';
import type { Db } from '../db/knex';
import { rollupOptions } from '../field-types/rollup/rollup-options';
import type { TenantMetadata } from '../metadata/tenant-metadata';
import { qualified } from '../schema-engine/column-ddl';
import { recomputeRollupSql } from '../schema-engine/rollup-recompute-sql';

/**
 * Repairs a roll-up: recomputes it for every parent from the child records and
 * answers how many stored values were wrong. 404 for an unknown object, 400
 * REQUEST_INVALID for a field that is not a roll-up.
 */
export async function recomputeRollup(db: Db, meta: TenantMetadata, objectName: string, fieldName: string): Promise<number> {
  const obj = meta.object(objectName);
  const field = obj.fields.get(fieldName);
  if (field?.type !== 'rollup') {
    throw new AppError('REQUEST_INVALID', `${objectName}.${fieldName.slice(0, 63)} is not a roll-up field`, { object: objectName, field: fieldName.slice(0, 63) });
  }
  const child = qualified(meta.schema, rollupOptions(field).resolved.childObject);
  return db.transaction(async (trx) => {
    // Child writes wait for the recompute: a trigger's delta landing between its read and its write would be lost.
    // SHARE ROW EXCLUSIVE also queues two recomputes, which could otherwise deadlock when parent and child are one table.
    await trx.raw(`LOCK TABLE ${child} IN SHARE ROW EXCLUSIVE MODE`);
    const result = await trx.raw(recomputeRollupSql(meta.schema, objectName, field).replace(/\?/g, '\\?'));
    return (result as { rowCount?: number }).rowCount ?? 0;
  });
}
