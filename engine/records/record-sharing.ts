import { AppError } from '../core/errors';
import { runSql } from '../db/knex';
import type { CompiledObject } from '../metadata/compiled-object';
import { qualified } from '../schema-engine/column-ddl';
import { parseBody, recordShareCreate, teamMemberCreate } from '../security/admin/request-schemas';
import { requirePrincipal } from '../security/admin/sharing-rule-admin';
import { requireObjectPermission } from '../security/record-access';
import type { PrincipalKind, ShareAccess } from '../security/model/types';
import type { RecordContext } from './context';
import { isUuid, requireRecordId } from './record-id';
import { accessSql, recordNotFound } from './record-security';

/** A team member or a manual share of one record. */
export interface RecordShare {
  kind: PrincipalKind;
  id: string;
  access: ShareAccess;
  teamRole?: string;
  createdBy: string | null;
  createdAt: string;
}

type Reason = 'team' | 'manual';

/**
 * The record exists and the user may see it (else 404), and for 'full' may
 * manage it — its owner scope, modify-all or an admin (else 403).
 */
export async function requireRecordAccess(ctx: RecordContext, obj: CompiledObject, recordId: string, mode: 'read' | 'full'): Promise<void> {
  const read = accessSql(ctx, obj, 'read');
  const full = mode === 'full' ? accessSql(ctx, obj, 'full') : undefined;
  const rows = await runSql<{ can_read: boolean; can_manage: boolean }>(
    ctx.db,
    `SELECT ${read ? read.sql : 'TRUE'} AS can_read, ${full ? full.sql : 'TRUE'} AS can_manage FROM ${obj.table} WHERE id = ?`,
    [...(read?.params ?? []), ...(full?.params ?? []), recordId],
  );
  if (!rows[0]?.can_read) throw recordNotFound(obj.def.name, recordId);
  if (!rows[0].can_manage) throw new AppError('RECORD_ACCESS_DENIED', `only the owner, their managers or an administrator may share this ${obj.def.name}`, { object: obj.def.name, id: recordId });
}

function target(ctx: RecordContext, objectName: string, id: string): { obj: CompiledObject; recordId: string } {
  const obj = ctx.meta.object(objectName);
  requireObjectPermission(ctx.access, objectName, 'read');
  return { obj, recordId: requireRecordId(id) };
}

export async function listRecordShares(ctx: RecordContext, objectName: string, id: string, reason: Reason): Promise<RecordShare[]> {
  const { obj, recordId } = target(ctx, objectName, id);
  await requireRecordAccess(ctx, obj, recordId, 'read');
  const rows = await runSql<{ principal_kind: PrincipalKind; principal_id: string; access: ShareAccess; team_role: string | null; created_by: string | null; created_at: Date }>(
    ctx.db,
    `SELECT principal_kind, principal_id, access, team_role, created_by, created_at FROM ${qualified(obj.schema, '_record_shares')} WHERE object = ? AND record_id = ? AND reason = ? ORDER BY created_at, principal_id`,
    [objectName, recordId, reason],
  );
  return rows.map((r) => ({ kind: r.principal_kind, id: r.principal_id, access: r.access, ...(r.team_role ? { teamRole: r.team_role } : {}), createdBy: r.created_by, createdAt: r.created_at.toISOString() }));
}

async function upsertShare(ctx: RecordContext, obj: CompiledObject, recordId: string, reason: Reason, share: { kind: PrincipalKind; id: string; access: ShareAccess; teamRole?: string }): Promise<RecordShare> {
  await requireRecordAccess(ctx, obj, recordId, 'full');
  await requirePrincipal(ctx.db, { schema: obj.schema, tenantId: ctx.actor.tenantId }, share.kind, share.id, reason === 'team' ? '/userId' : '/id');
  const rows = await runSql<{ created_at: Date; created_by: string | null }>(
    ctx.db,
    `INSERT INTO ${qualified(obj.schema, '_record_shares')} (object, record_id, reason, principal_kind, principal_id, access, team_role, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (object, record_id, reason, principal_id) DO UPDATE SET access = EXCLUDED.access, team_role = EXCLUDED.team_role RETURNING created_at, created_by`,
    [obj.def.name, recordId, reason, share.kind, share.id, share.access, share.teamRole ?? null, ctx.actor.userId],
  );
  return { kind: share.kind, id: share.id, access: share.access, ...(share.teamRole ? { teamRole: share.teamRole } : {}), createdBy: rows[0]!.created_by, createdAt: rows[0]!.created_at.toISOString() };
}

/** Adds (or changes) a team member: a user with read or edit access to this record. */
export async function addTeamMember(ctx: RecordContext, objectName: string, id: string, body: unknown): Promise<RecordShare> {
  const { obj, recordId } = target(ctx, objectName, id);
  const b = parseBody<{ userId: string; access: ShareAccess; teamRole?: string }>(teamMemberCreate, body, 'REQUEST_INVALID');
  return upsertShare(ctx, obj, recordId, 'team', { kind: 'user', id: b.userId, access: b.access, ...(b.teamRole ? { teamRole: b.teamRole } : {}) });
}

/** Shares the record by hand with a user, a role (and those above it) or a department (and those below it). */
export async function addManualShare(ctx: RecordContext, objectName: string, id: string, body: unknown): Promise<RecordShare> {
  const { obj, recordId } = target(ctx, objectName, id);
  const b = parseBody<{ kind: PrincipalKind; id: string; access: ShareAccess }>(recordShareCreate, body, 'REQUEST_INVALID');
  return upsertShare(ctx, obj, recordId, 'manual', b);
}

/** Removes a team member or a manual share; 404 when there is none. */
export async function removeRecordShare(ctx: RecordContext, objectName: string, id: string, reason: Reason, principalId: string): Promise<void> {
  const { obj, recordId } = target(ctx, objectName, id);
  await requireRecordAccess(ctx, obj, recordId, 'full');
  const rows = isUuid(principalId)
    ? await runSql(ctx.db, `DELETE FROM ${qualified(obj.schema, '_record_shares')} WHERE object = ? AND record_id = ? AND reason = ? AND principal_id = ? RETURNING 1`, [obj.def.name, recordId, reason, principalId])
    : [];
  if (!rows.length) throw new AppError('SECURITY_NOT_FOUND', reason === 'team' ? 'that user is not on this record\'s team' : 'the record is not shared with that user, role or department', { id: principalId });
}
