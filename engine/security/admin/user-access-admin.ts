import { AppError } from '../../core/errors';
import { runSql, type Trx } from '../../db/knex';
import { SYSTEM_SCHEMA } from '../../db/system-migrations';
import { setUserPassword } from '../password-change';
import { notifyAuthChange } from '../principal-cache';
import { securityTable, securityWrite, type SecurityAdminContext } from './security-admin-context';
import { parseBody, userAccessUpdate } from './request-schemas';
import { isUuid } from '../../records/record-id';

/** A user as the admin API shows them: account and placement in the security model. */
export interface UserAccessInfo {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  locale: string;
  active: boolean;
  roleId: string | null;
  departmentId: string | null;
  managesDepartment: boolean;
  /** Names of the assigned permission sets (the default ones until an admin assigns any). */
  permissionSets: string[];
}

interface UserPatch {
  displayName?: string;
  locale?: 'en' | 'zh-CN';
  isAdmin?: boolean;
  active?: boolean;
  password?: string;
  roleId?: string | null;
  departmentId?: string | null;
  managesDepartment?: boolean;
  permissionSets?: string[];
}

/** One user of the tenant with their placement; 404 USER_NOT_FOUND for anyone else. */
export async function readUserAccess(ctx: SecurityAdminContext, userId: string, exec: SecurityAdminContext['db'] | Trx = ctx.db): Promise<UserAccessInfo> {
  if (!isUuid(userId)) throw new AppError('USER_NOT_FOUND', 'no such user in this organisation');
  const rows = await runSql<{ id: string; email: string; display_name: string; is_admin: boolean; locale: string; active: boolean; role_id: string | null; department_id: string | null; manages_department: boolean | null; configured: boolean; sets: string[] }>(
    exec,
    `SELECT u.id, u.email, u.display_name, u.is_admin, u.locale, u.active, a.role_id, a.department_id, a.manages_department, a.user_id IS NOT NULL AS configured,
            ARRAY(SELECT p.name FROM ${securityTable(ctx, '_permission_sets')} p
                  WHERE CASE WHEN a.user_id IS NULL THEN p.assign_by_default
                             ELSE EXISTS (SELECT 1 FROM ${securityTable(ctx, '_user_permission_sets')} x WHERE x.user_id = u.id AND x.permission_set_id = p.id) END
                  ORDER BY p.name) AS sets
     FROM ${SYSTEM_SCHEMA}.users u LEFT JOIN ${securityTable(ctx, '_user_access')} a ON a.user_id = u.id
     WHERE u.id = ? AND u.tenant_id = ?`,
    [userId, ctx.tenantId],
  );
  const r = rows[0];
  if (!r) throw new AppError('USER_NOT_FOUND', 'no such user in this organisation');
  return { id: r.id, email: r.email, displayName: r.display_name, isAdmin: r.is_admin, locale: r.locale, active: r.active, roleId: r.role_id, departmentId: r.department_id, managesDepartment: r.manages_department ?? false, permissionSets: r.sets };
}

async function requireExists(trx: Trx, ctx: SecurityAdminContext, table: string, id: string | null | undefined, what: string, path: string): Promise<void> {
  if (!id) return;
  const rows = await runSql(trx, `SELECT 1 FROM ${securityTable(ctx, table)} WHERE id = ?`, [id]);
  if (!rows.length) throw new AppError('SECURITY_INVALID', `no such ${what}`, { issues: [{ path, code: 'NOT_FOUND', message: `no such ${what}` }] });
}

/** The organisation keeps at least one active admin. */
async function keepAnAdmin(trx: Trx, ctx: SecurityAdminContext, userId: string, patch: UserPatch): Promise<void> {
  if (patch.isAdmin !== false && patch.active !== false) return;
  const [{ n }] = (await runSql<{ n: number }>(trx, `SELECT count(*) AS n FROM ${SYSTEM_SCHEMA}.users WHERE tenant_id = ? AND is_admin AND active AND id <> ?`, [ctx.tenantId, userId])) as [{ n: number }];
  const [{ admin }] = (await runSql<{ admin: boolean }>(trx, `SELECT is_admin AND active AS admin FROM ${SYSTEM_SCHEMA}.users WHERE id = ?`, [userId])) as [{ admin: boolean }];
  if (admin && Number(n) === 0) throw new AppError('SECURITY_INVALID', 'the organisation must keep at least one active administrator');
}

/**
 * Changes a user's account and placement — role, department, department
 * manager, permission sets (by name) — in one transaction; the user's cached
 * sessions are dropped in every process so the change applies at once.
 */
export async function updateUserAccess(ctx: SecurityAdminContext, userId: string, body: unknown): Promise<UserAccessInfo> {
  const b = parseBody<UserPatch>(userAccessUpdate, body);
  const current = await readUserAccess(ctx, userId);
  if (b.password !== undefined) await setUserPassword(ctx.db, ctx.tenantId, userId, b.password);
  return securityWrite(ctx, async (trx) => {
    await keepAnAdmin(trx, ctx, userId, b);
    await requireExists(trx, ctx, '_roles', b.roleId, 'role', '/roleId');
    await requireExists(trx, ctx, '_departments', b.departmentId, 'department', '/departmentId');
    const account: [string, unknown][] = ([['display_name', b.displayName], ['locale', b.locale], ['is_admin', b.isAdmin], ['active', b.active]] as [string, unknown][]).filter(([, v]) => v !== undefined);
    if (account.length) await runSql(trx, `UPDATE ${SYSTEM_SCHEMA}.users SET ${account.map(([k]) => `${k} = ?`).join(', ')} WHERE id = ?`, [...account.map(([, v]) => v), userId]);
    if (b.active === false) await runSql(trx, `DELETE FROM ${SYSTEM_SCHEMA}.sessions WHERE user_id = ?`, [userId]);
    const placed = b.roleId !== undefined || b.departmentId !== undefined || b.managesDepartment !== undefined || b.permissionSets !== undefined;
    if (placed) {
      await runSql(
        trx,
        `INSERT INTO ${securityTable(ctx, '_user_access')} (user_id, role_id, department_id, manages_department) VALUES (?, ?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET role_id = EXCLUDED.role_id, department_id = EXCLUDED.department_id, manages_department = EXCLUDED.manages_department`,
        [userId, b.roleId !== undefined ? b.roleId : current.roleId, b.departmentId !== undefined ? b.departmentId : current.departmentId, b.managesDepartment ?? current.managesDepartment],
      );
      // A user placed for the first time keeps the default sets they had, unless new ones are named.
      const names = b.permissionSets ?? current.permissionSets;
      const sets = await runSql<{ id: string; name: string }>(trx, `SELECT id, name FROM ${securityTable(ctx, '_permission_sets')} WHERE name = ANY(?)`, [names]);
      const missing = names.filter((n) => !sets.some((s) => s.name === n));
      if (missing.length) throw new AppError('SECURITY_INVALID', `no permission set named "${missing[0]}"`, { issues: missing.map((n) => ({ path: '/permissionSets', code: 'NOT_FOUND', message: `no permission set named "${n}"` })) });
      await runSql(trx, `DELETE FROM ${securityTable(ctx, '_user_permission_sets')} WHERE user_id = ?`, [userId]);
      if (sets.length) await runSql(trx, `INSERT INTO ${securityTable(ctx, '_user_permission_sets')} (user_id, permission_set_id) SELECT ?, unnest(?::uuid[])`, [userId, sets.map((s) => s.id)]);
    }
    await notifyAuthChange(trx, { userId });
    return readUserAccess(ctx, userId, trx);
  });
}

