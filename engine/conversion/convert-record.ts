import { AppError } from '../core/errors';
import { quoteIdent, runSql } from '../db/knex';
import type { CompiledObject } from '../metadata/compiled-object';
import { setAuditActor } from '../records/bulk-update';
import type { RecordContext, RecordRow } from '../records/context';
import { createRecord } from '../records/create-record';
import { requireRecordId } from '../records/record-id';
import { accessSql, explainMissedWrite, outputRecord, readableSelectList, recordNotFound } from '../records/record-security';
import type { WriteOptions } from '../records/write-hooks';
import { requireObjectPermission } from '../security/record-access';
import type { ConversionResult, ConvertedTarget } from '../shared/api/conversion';
import { parseConvertRequest, type ConvertRequest } from './conversion-request';
import { alreadyConverted, insertConversion, readConversion } from './converted-records';
import { mappedValues, type MappedValues } from './mapped-values';
import { preparedConversion, type PreparedConversion, type PreparedTarget } from './prepared-conversion';
import { inTarget } from './target-errors';

/** The object's prepared conversion, or 400 CONVERSION_INVALID when it has none. */
export function requireConversion(ctx: RecordContext, obj: CompiledObject): PreparedConversion {
  const prepared = preparedConversion(ctx.meta, ctx.registry, obj);
  if (!prepared) throw new AppError('CONVERSION_INVALID', `${obj.def.name} records cannot be converted`, { object: obj.def.name });
  return prepared;
}

/** Locks the source if the user may change it; otherwise 404 (not visible) or 403 (visible, not editable). */
async function lockSource(ctx: RecordContext, obj: CompiledObject, id: string): Promise<RecordRow> {
  const edit = accessSql(ctx, obj, 'edit');
  // The lock is taken on the bare row (formula columns in a locking query would be locked through their subqueries too).
  const locked = await runSql(ctx.db, `SELECT id FROM ${obj.table} WHERE id = ?${edit ? ` AND ${edit.sql}` : ''} FOR UPDATE`, [id, ...(edit?.params ?? [])]);
  if (!locked.length) return explainMissedWrite(ctx, obj, id, edit);
  // Fields hidden from the user read as empty: a mapping never carries a value they cannot see.
  const rows = await runSql(ctx.db, `SELECT ${readableSelectList(ctx, obj)} FROM ${obj.table} WHERE id = ?`, [id]);
  return outputRecord(ctx, obj, rows[0]!);
}

/** An existing record chosen for a target: it must exist in the target's object and be readable by the user. */
async function attachExisting(ctx: RecordContext, t: PreparedTarget, id: string): Promise<void> {
  const obj = ctx.meta.object(t.object);
  const refuse = () => new AppError('CONVERSION_INVALID', `no ${t.object} ${id} that you can read`, { target: t.key, issues: [{ path: `/targets/${t.key}/id`, code: 'CONVERSION_INVALID', message: `no ${t.object} with this id that you can read` }] });
  if (!ctx.access.object(t.object).read) throw refuse();
  const read = accessSql(ctx, obj, 'read');
  const rows = await runSql(ctx.db, `SELECT id FROM ${obj.table} WHERE id = ?${read ? ` AND ${read.sql}` : ''}`, [id, ...(read?.params ?? [])]);
  if (!rows.length) throw refuse();
}

/** Creates or attaches each target in dependency order, filling links to the targets before it. */
async function convertTargets(ctx: RecordContext, prepared: PreparedConversion, request: ConvertRequest, mapped: MappedValues, opts: WriteOptions): Promise<Record<string, ConvertedTarget>> {
  const done: Record<string, ConvertedTarget> = {};
  for (const t of prepared.targets) {
    const choice = request.targets[t.key]!;
    if (choice.action === 'skip') continue;
    if (choice.action === 'existing') {
      await attachExisting(ctx, t, choice.id);
      done[t.key] = { object: t.object, id: choice.id, created: false };
      continue;
    }
    const links = Object.fromEntries(Object.entries(t.links).flatMap(([field, key]) => (done[key] ? [[field, done[key].id]] : [])));
    // Without a chosen owner the target's assignment rules decide (else the converting user), as on any create.
    const owner = choice.values.owner_id ?? request.owner;
    const payload = { ...mapped.targets[t.key], ...choice.values, ...links, ...(owner !== undefined ? { owner_id: owner } : {}) };
    try {
      const created = await createRecord(ctx, t.object, payload, opts);
      done[t.key] = { object: t.object, id: created.id as string, created: true };
    } catch (e) {
      throw inTarget(t.key, t.label[ctx.locale], e);
    }
  }
  return done;
}

/** Writes the source's `set` values and its links to the targets (a skipped target's link is cleared). */
async function updateSource(ctx: RecordContext, obj: CompiledObject, prepared: PreparedConversion, id: string, set: Record<string, unknown>, done: Record<string, ConvertedTarget>): Promise<RecordRow> {
  const values: [string, unknown][] = [...Object.entries(set), ...Object.entries(prepared.links).map(([field, key]): [string, unknown] => [field, done[key]?.id ?? null])];
  const sets = [...values.map(([k]) => `${quoteIdent(k)} = ?`), 'updated_at = now()', 'updated_by = ?', 'version = version + 1'];
  const rows = await runSql(ctx.db, `UPDATE ${obj.table} SET ${sets.join(', ')} WHERE id = ? RETURNING ${readableSelectList(ctx, obj)}`, [...values.map(([, v]) => v), ctx.actor.userId, id]);
  return outputRecord(ctx, obj, rows[0]!);
}

/**
 * convert = authorize (edit access to the source) → check the request →
 * in one transaction: lock the source, refuse a second conversion, evaluate
 * the mappings, create or attach each target through the normal create
 * pipeline (schema, defaults, conditions, validation, assignment and
 * duplicate rules), update the source and record the conversion. Any
 * refusal rolls everything back.
 */
export async function convertRecord(ctx: RecordContext, objectName: string, id: string, body: unknown, opts: WriteOptions = {}): Promise<ConversionResult> {
  const obj = ctx.meta.object(objectName);
  requireObjectPermission(ctx.access, objectName, 'edit');
  const recordId = requireRecordId(id);
  const prepared = requireConversion(ctx, obj);
  const request = parseConvertRequest(body, prepared);
  return ctx.db.transaction(async (trx) => {
    const tctx: RecordContext = { ...ctx, db: trx };
    await setAuditActor(trx, ctx.actor.userId);
    const source = await lockSource(tctx, obj, recordId);
    if (await readConversion(trx, obj.schema, objectName, recordId)) throw alreadyConverted(objectName, recordId);
    if (request.version !== undefined && request.version !== source.version) {
      throw new AppError('RECORD_VERSION_CONFLICT', `${objectName} ${recordId} was changed by someone else (now version ${String(source.version)})`, { currentVersion: source.version, yourVersion: request.version });
    }
    const mapped = await mappedValues(tctx, obj, prepared, source);
    const targets = await convertTargets(tctx, prepared, request, mapped, opts);
    const record = await updateSource(tctx, obj, prepared, recordId, mapped.set, targets);
    await insertConversion(trx, obj.schema, objectName, recordId, targets, ctx.actor.userId);
    return { record, targets };
  });
}

/** The source record as the user may read it, or 404. */
export async function readSource(ctx: RecordContext, obj: CompiledObject, id: string): Promise<RecordRow> {
  const read = accessSql(ctx, obj, 'read');
  const rows = await runSql(ctx.db, `SELECT ${readableSelectList(ctx, obj)} FROM ${obj.table} WHERE id = ?${read ? ` AND ${read.sql}` : ''}`, [id, ...(read?.params ?? [])]);
  if (!rows.length) throw recordNotFound(obj.def.name, id);
  return outputRecord(ctx, obj, rows[0]!);
}
