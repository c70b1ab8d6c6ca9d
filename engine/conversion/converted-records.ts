import { AppError } from '../core/errors';
import { runSql, type Executor } from '../db/knex';
import type { CompiledObject } from '../metadata/compiled-object';
import type { RecordContext } from '../records/context';
import { accessSql } from '../records/record-security';
import { qualified } from '../schema-engine/column-ddl';
import type { ConversionRecord, ConvertedTarget } from '../shared/api/conversion';

const table = (schema: string) => qualified(schema, '_conversions');

/** How a record was converted, or undefined when it was not. */
export async function readConversion(db: Executor, schema: string, objectName: string, id: string): Promise<ConversionRecord | undefined> {
  const rows = await runSql<{ targets: Record<string, ConvertedTarget>; converted_by: string; converted_at: Date }>(
    db,
    `SELECT targets, converted_by, converted_at FROM ${table(schema)} WHERE object = ? AND record_id = ?`,
    [objectName, id],
  );
  const r = rows[0];
  return r && { targets: r.targets, convertedBy: r.converted_by, convertedAt: r.converted_at.toISOString() };
}

export const alreadyConverted = (objectName: string, id: string) =>
  new AppError('RECORD_ALREADY_CONVERTED', `this ${objectName} has already been converted`, { object: objectName, id });

/** Records the conversion; the primary key refuses a second one even when two requests race (409 RECORD_ALREADY_CONVERTED). */
export async function insertConversion(db: Executor, schema: string, objectName: string, id: string, targets: Record<string, ConvertedTarget>, userId: string): Promise<void> {
  try {
    await runSql(db, `INSERT INTO ${table(schema)} (object, record_id, targets, converted_by) VALUES (?, ?, ?::jsonb, ?)`, [objectName, id, JSON.stringify(targets), userId]);
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw alreadyConverted(objectName, id);
    throw e;
  }
}

/**
 * Refuses changes to converted records while the object's conversion makes
 * them read-only (409 RECORD_CONVERTED) — for everyone, admins included: the
 * admin switches `source.readOnly` off to allow edits again. Only records
 * the user can read are named, so the answer never reveals a hidden record
 * (the update itself then answers 404). Deletes are not refused here: a
 * converted record is deleted under the usual delete permission and access.
 */
export async function assertNotConverted(ctx: RecordContext, obj: CompiledObject, ids: string[]): Promise<void> {
  if (!obj.def.conversion?.source.readOnly || !ids.length) return;
  const read = accessSql(ctx, obj, 'read');
  const rows = await runSql<{ id: string }>(
    ctx.db,
    `SELECT id FROM ${obj.table} WHERE id = ANY(?::uuid[])${read ? ` AND ${read.sql}` : ''} AND EXISTS (SELECT 1 FROM ${table(obj.schema)} c WHERE c.object = ? AND c.record_id = ${obj.table}.id) LIMIT 1000`,
    [ids, ...(read?.params ?? []), obj.def.name],
  );
  if (!rows.length) return;
  const name = obj.def.name;
  const message = ids.length === 1 ? `this ${name} has been converted and is read-only` : `${rows.length} of the ${name} records have been converted and are read-only; nothing was changed`;
  throw new AppError('RECORD_CONVERTED', message, { object: name, ids: rows.map((r) => r.id) });
}
