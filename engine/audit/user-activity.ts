import { AppError } from '../core/errors';
import { runSql, type Executor } from '../db/knex';
import { SYSTEM_SCHEMA } from '../db/system-migrations';
import { qualified } from '../schema-engine/column-ddl';
import type { AuditActor } from './actor-names';
import { AUDIT_COLUMNS, type AuditAction, type AuditRow } from './audit-entry';
import { pageOf, type AuditPage } from './audit-page';
import { isUuid } from '../records/record-id';

/** What the admin audit reads need: the tenant, explicitly. */
export interface AuditContext {
  db: Executor;
  schema: string;
  tenantId: string;
}

/** One change a user made, to any record of any object. */
export interface ActivityEntry {
  id: number;
  at: string;
  action: AuditAction;
  object: string;
  recordId: string;
  changes: Record<string, unknown>;
}

async function requireUser(ctx: AuditContext, userId: string): Promise<AuditActor> {
  const rows = isUuid(userId) ? await runSql<{ id: string; display_name: string }>(ctx.db, `SELECT id, display_name FROM ${SYSTEM_SCHEMA}.users WHERE tenant_id = ? AND id = ?`, [ctx.tenantId, userId.toLowerCase()]) : [];
  if (!rows.length) throw new AppError('USER_NOT_FOUND', 'no such user in this organisation', { id: userId.slice(0, 100) });
  return { id: rows[0]!.id, displayName: rows[0]!.display_name };
}

/** A user's creates, updates and deletes across every object, newest first (for admins: every field, deleted records included). */
export async function userActivity(ctx: AuditContext, userId: string, page: AuditPage): Promise<{ user: AuditActor; entries: ActivityEntry[]; nextBefore: number | null }> {
  const user = await requireUser(ctx, userId);
  const below = page.before === undefined ? '' : ' AND id < ?';
  const rows = await runSql<AuditRow>(
    ctx.db,
    `SELECT ${AUDIT_COLUMNS} FROM ${qualified(ctx.schema, '_audit_log')} WHERE actor_id = ?${below} ORDER BY id DESC LIMIT ?`,
    [user.id, ...(page.before === undefined ? [] : [page.before]), page.limit + 1],
  );
  const { rows: kept, nextBefore } = pageOf(rows, page, (r) => r.id);
  const entries = kept.map((r): ActivityEntry => ({ id: r.id, at: r.at.toISOString(), action: r.action, object: r.object, recordId: r.record_id, changes: r.changes }));
  return { user, entries, nextBefore };
}
