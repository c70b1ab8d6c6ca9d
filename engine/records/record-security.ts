import { AppError } from '../core/errors';
import { runSql } from '../db/knex';
import { SYSTEM_SCHEMA } from '../db/system-migrations';
import type { CompiledObject } from '../metadata/compiled-object';
import type { ListAccess } from '../query/list-query';
import type { SqlFragment } from '../query/sql-fragment';
import { makeFieldReadable, visibleFields } from '../security/field-access';
import { recordAccessPredicate, type AccessMode } from '../security/record-access';
import type { Field } from '../shared/metadata-types';
import type { RecordContext, RecordRow } from './context';
import { toApiRecord } from './row-output';
import { bindParams, type RuleRuntime } from '../rules/sql/ctx-param';
import { isUuid } from './record-id';

/** The values $now, $user and $locale take in SQL compiled from rules, for this request. */
export function ruleRuntime(ctx: RecordContext): RuleRuntime {
  return { now: new Date(), user: { id: ctx.actor.userId, roles: ctx.access.roleNames, department: ctx.access.departmentName }, locale: ctx.locale };
}

/** The record-access predicate for this request (context values such as $user bound), or undefined when every record qualifies. */
export function accessSql(ctx: RecordContext, obj: CompiledObject, mode: AccessMode): SqlFragment | undefined {
  const p = recordAccessPredicate(ctx.access, ctx.meta, ctx.registry, obj, mode);
  return p && { sql: p.sql, params: bindParams(p.params, ruleRuntime(ctx)) };
}

/** Appends the access predicate to a WHERE clause's SQL and parameters. */
export function withAccess(ctx: RecordContext, obj: CompiledObject, mode: AccessMode, where: string, params: unknown[]): { where: string; params: unknown[] } {
  const p = accessSql(ctx, obj, mode);
  return p ? { where: `${where} AND ${p.sql}`, params: [...params, ...p.params] } : { where, params };
}

/** The fields of the object this user may read (all of them for admins). */
export function readableFields(ctx: RecordContext, obj: CompiledObject): Map<string, Field> {
  return ctx.access.isAdmin ? obj.fields : visibleFields(obj, makeFieldReadable(ctx.access, ctx.meta, ctx.registry));
}

/** What a list request may read and see. */
export function listAccess(ctx: RecordContext, obj: CompiledObject): ListAccess {
  if (ctx.access.isAdmin) return { readable: () => true };
  const predicate = accessSql(ctx, obj, 'read');
  return { readable: makeFieldReadable(ctx.access, ctx.meta, ctx.registry), ...(predicate ? { predicate } : {}) };
}

/** The select list of the fields the user may read. */
export function readableSelectList(ctx: RecordContext, obj: CompiledObject): string {
  return ctx.access.isAdmin ? obj.selectList : [...readableFields(ctx, obj).keys()].map((f) => obj.selectItem(f)).join(', ');
}

/** A stored row as the user may see it: converted for the API, hidden fields left out. */
export function outputRecord(ctx: RecordContext, obj: CompiledObject, row: RecordRow): RecordRow {
  const out = toApiRecord(obj, row);
  if (ctx.access.isAdmin) return out;
  const fields = readableFields(ctx, obj);
  for (const k of Object.keys(out)) if (!fields.has(k)) delete out[k];
  return out;
}

/** A record the user may not see is answered like one that does not exist. */
export const recordNotFound = (objectName: string, id: string) => new AppError('RECORD_NOT_FOUND', `${objectName} ${id} does not exist`, { object: objectName, id });

/** The new owner is an active user of this organisation (400 RECORD_OWNER_INVALID). */
export async function assertActiveUser(ctx: RecordContext, ownerId: unknown, path = '/owner_id'): Promise<void> {
  if (ownerId === ctx.actor.userId) return;
  const ok = typeof ownerId === 'string' && isUuid(ownerId) &&
    (await runSql(ctx.db, `SELECT 1 FROM ${SYSTEM_SCHEMA}.users WHERE id = ? AND tenant_id = ? AND active`, [ownerId, ctx.actor.tenantId])).length > 0;
  if (!ok) throw new AppError('RECORD_OWNER_INVALID', 'the owner must be an active user of this organisation', { issues: [{ path, code: 'FIELD_INVALID', message: 'no such active user' }] });
}

/**
 * Who may be named owner when creating: yourself, or a user below you (role
 * hierarchy, managed department); anyone with modify-all or as an admin.
 */
export async function assertMayAssignOwner(ctx: RecordContext, obj: CompiledObject, ownerId: unknown, path = '/owner_id'): Promise<void> {
  if (ownerId === undefined || ownerId === ctx.actor.userId) return;
  await assertActiveUser(ctx, ownerId, path);
  if (ctx.access.isAdmin || ctx.access.object(obj.def.name).modifyAll || ctx.access.ownedScope.includes(ownerId as string)) return;
  throw new AppError('RECORD_ACCESS_DENIED', 'you may give new records only to yourself or to users below you', { field: 'owner_id', path });
}

/**
 * Why a write to one record touched no row: it is not there or not visible
 * (404), visible but not writable by this user (403), or its version moved
 * on (409 with the current version).
 */
export async function explainMissedWrite(ctx: RecordContext, obj: CompiledObject, recordId: string, writable: SqlFragment | undefined, expectedVersion?: number): Promise<never> {
  const read = accessSql(ctx, obj, 'read');
  const rows = await runSql<{ version: number; can_read: boolean; can_write: boolean }>(
    ctx.db,
    `SELECT version, ${read ? read.sql : 'TRUE'} AS can_read, ${writable ? writable.sql : 'TRUE'} AS can_write FROM ${obj.table} WHERE id = ?`,
    [...(read?.params ?? []), ...(writable?.params ?? []), recordId],
  );
  const row = rows[0];
  if (!row || !row.can_read) throw recordNotFound(obj.def.name, recordId);
  if (!row.can_write) throw new AppError('RECORD_ACCESS_DENIED', `you may not change this ${obj.def.name}`, { object: obj.def.name, id: recordId });
  throw new AppError('RECORD_VERSION_CONFLICT', `${obj.def.name} ${recordId} was changed by someone else (now version ${row.version})`, { currentVersion: row.version, yourVersion: expectedVersion });
}

/**
 * Why a write to several records touched only `written` of `ids` (nothing is
 * kept): names the records the user cannot see (404, as if they did not
 * exist), or else the ones they see but may not `verb` (403).
 */
export async function explainMissedWrites(ctx: RecordContext, obj: CompiledObject, ids: string[], written: string[], verb: string, past: string): Promise<never> {
  const done = new Set(written);
  const refused = ids.filter((id) => !done.has(id));
  const read = accessSql(ctx, obj, 'read');
  const visible = await runSql<{ id: string }>(ctx.db, `SELECT id FROM ${obj.table} WHERE id = ANY(?::uuid[])${read ? ` AND ${read.sql}` : ''}`, [refused, ...(read?.params ?? [])]);
  const seen = new Set(visible.map((r) => r.id));
  const missing = refused.filter((id) => !seen.has(id));
  const name = obj.def.name;
  if (missing.length) throw new AppError('RECORD_NOT_FOUND', `${missing.length} of the ${name} records do not exist; nothing was ${past}`, { object: name, ids: missing });
  throw new AppError('RECORD_ACCESS_DENIED', `you may not ${verb} ${refused.length} of the ${name} records; nothing was ${past}`, { object: name, ids: refused });
}

/**
 * Which records this user may write with this change: edit access, and when
 * the owner changes, full access (owner scope or modify-all) — a change that
 * sends the unchanged owner needs only edit access. The new owner must be an
 * active user.
 */
export async function writablePredicate(ctx: RecordContext, obj: CompiledObject, change: RecordRow, ownerPath = '/owner_id'): Promise<SqlFragment | undefined> {
  const edit = accessSql(ctx, obj, 'edit');
  if (!('owner_id' in change)) return edit;
  await assertActiveUser(ctx, change.owner_id, ownerPath);
  const full = accessSql(ctx, obj, 'full');
  if (!full) return edit;
  const transfer = { sql: `(owner_id = ?::uuid OR ${full.sql})`, params: [change.owner_id, ...full.params] };
  return edit ? { sql: `(${edit.sql} AND ${transfer.sql})`, params: [...edit.params, ...transfer.params] } : transfer;
}
