import { AppError, issuesError } from '../core/errors';
import type { Executor } from '../db/knex';
import { SYSTEM_SCHEMA } from '../db/system-migrations';
import { hashPassword } from '../security/passwords';
import { passwordIssues } from '../security/password-policy';

export { MIN_PASSWORD_LENGTH } from '../core/config';

export interface UserInfo {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  locale: string;
  active: boolean;
}

export interface NewUser {
  email: string;
  password: string;
  displayName?: string;
  isAdmin?: boolean;
  locale?: string;
}

const toInfo = (r: { id: string; email: string; display_name: string; is_admin: boolean; locale: string; active: boolean }): UserInfo => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  isAdmin: r.is_admin,
  locale: r.locale,
  active: r.active,
});

/** Adds a user; the password must pass the password policy (400 REQUEST_INVALID with issues). */
export async function createUser(db: Executor, tenantId: string, u: NewUser): Promise<UserInfo> {
  const issues = passwordIssues(u.password, { email: u.email, ...(u.displayName ? { displayName: u.displayName } : {}) });
  if (issues.length) throw issuesError('REQUEST_INVALID', 'the password is not allowed', issues);
  const passwordHash = await hashPassword(u.password);
  try {
    const { rows } = await db.raw(
      `INSERT INTO ${SYSTEM_SCHEMA}.users (tenant_id, email, password_hash, display_name, is_admin, locale) VALUES (?, ?, ?, ?, ?, ?) RETURNING *`,
      [tenantId, u.email, passwordHash, u.displayName ?? u.email.split('@')[0], u.isAdmin ?? false, u.locale ?? 'en'],
    );
    return toInfo(rows[0]);
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new AppError('USER_EXISTS', `a user with email ${u.email} already exists`);
    throw e;
  }
}

export async function listUsers(db: Executor, tenantId: string): Promise<UserInfo[]> {
  const { rows } = await db.raw(`SELECT * FROM ${SYSTEM_SCHEMA}.users WHERE tenant_id = ? ORDER BY created_at`, [tenantId]);
  return rows.map(toInfo);
}
