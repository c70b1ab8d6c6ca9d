import { AppError, issuesError } from '../core/errors';
import type { Db } from '../db/knex';
import { SYSTEM_SCHEMA } from '../db/system-migrations';
import type { Principal } from './authenticate';
import { recordLoginEvent, type LoginAttempt } from './login-events';
import { accountLockedError, clearLoginFailures, lockAfterFailure, lockoutKey, reserveLoginAttempt, type LockoutPolicy } from './login-throttle';
import { hashPassword, verifyPassword } from './passwords';
import { passwordIssues } from './password-policy';
import { notifyAuthChange } from './principal-cache';
import { tokenHash } from './tokens';

/** Options of setUserPassword. */
export interface SetPasswordOptions {
  /** The one session that stays signed in (the caller's own, on a self-service change). */
  keepSessionToken?: string;
  /** The body field the password came in, for issue paths (default "password"). */
  field?: string;
}

/**
 * Sets a user's password (admin reset or own change) after the policy allows
 * it, and ends the user's sessions, except `keepSessionToken`, in every process.
 * API tokens stay valid.
 */
export async function setUserPassword(db: Db, tenantId: string, userId: string, password: string, opts: SetPasswordOptions = {}): Promise<void> {
  const { rows } = await db.raw(`SELECT email, display_name FROM ${SYSTEM_SCHEMA}.users WHERE id = ? AND tenant_id = ?`, [userId, tenantId]);
  const user = rows[0] as { email: string; display_name: string } | undefined;
  if (!user) throw new AppError('USER_NOT_FOUND', 'no such user in this organisation');
  const issues = passwordIssues(password, { email: user.email, displayName: user.display_name }, `/${opts.field ?? 'password'}`);
  if (issues.length) throw issuesError('REQUEST_INVALID', 'the new password is not allowed', issues);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (trx) => {
    await trx.raw(`UPDATE ${SYSTEM_SCHEMA}.users SET password_hash = ? WHERE id = ?`, [passwordHash, userId]);
    await trx.raw(`DELETE FROM ${SYSTEM_SCHEMA}.sessions WHERE user_id = ? AND token_hash <> ?`, [userId, opts.keepSessionToken ? tokenHash(opts.keepSessionToken) : '']);
    await notifyAuthChange(trx, { userId });
  });
}

/** A signed-in user's request to change their own password. */
export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/** Where the request came from, the lockout rules, and the session to keep. */
export interface PasswordChangeContext {
  ip?: string;
  userAgent?: string;
  /** The session token the request was made with (kept signed in); none for API tokens. */
  sessionToken?: string;
  lockout: LockoutPolicy;
}

/**
 * Changes the caller's own password. A wrong current password counts as a
 * failed sign-in of the same (email, organisation), so a stolen session cannot
 * be used to guess it; a locked account cannot change it either.
 */
export async function changeOwnPassword(db: Db, p: Principal, change: PasswordChange, ctx: PasswordChangeContext): Promise<void> {
  const attempt: LoginAttempt = { email: p.email, tenantSlug: p.tenantSlug, ip: ctx.ip, userAgent: ctx.userAgent };
  const user = { id: p.userId, tenantId: p.tenantId };
  const key = lockoutKey(p.email, p.tenantSlug);
  const retryAfter = await reserveLoginAttempt(db, key, ctx.lockout);
  if (retryAfter !== null) {
    await recordLoginEvent(db, attempt, { reason: 'locked', user });
    throw accountLockedError(retryAfter);
  }
  const { rows } = await db.raw(`SELECT password_hash FROM ${SYSTEM_SCHEMA}.users WHERE id = ?`, [p.userId]);
  if (!rows.length || !(await verifyPassword(rows[0].password_hash, change.currentPassword))) {
    await lockAfterFailure(db, key, ctx.lockout);
    await recordLoginEvent(db, attempt, { reason: 'wrong_current_password', user });
    throw new AppError('AUTH_CURRENT_PASSWORD_INVALID', 'the current password is wrong');
  }
  await clearLoginFailures(db, key);
  if (change.newPassword === change.currentPassword) {
    throw issuesError('REQUEST_INVALID', 'the new password is not allowed', [{ path: '/newPassword', code: 'PASSWORD_UNCHANGED', message: 'choose a password different from the current one' }]);
  }
  await setUserPassword(db, p.tenantId, p.userId, change.newPassword, { field: 'newPassword', ...(ctx.sessionToken ? { keepSessionToken: ctx.sessionToken } : {}) });
}
