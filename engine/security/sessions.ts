import { AppError } from '../core/errors';
import type { Db, Executor } from '../db/knex';
import { SYSTEM_SCHEMA } from '../db/system-migrations';
import { recordLoginEvent, type LoginAttempt, type LoginEventReason } from './login-events';
import { accountLockedError, clearLoginFailures, lockAfterFailure, lockoutKey, reserveLoginAttempt, type LockoutPolicy } from './login-throttle';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { notifyAuthChange } from './principal-cache';
import { newSessionToken, tokenHash } from './tokens';

/** What a sign-in request says. */
export interface LoginInput {
  email: string;
  password: string;
  tenant?: string;
}

/** Where the request came from and the rules it meets. */
export interface LoginContext {
  ip?: string;
  userAgent?: string;
  /** The session the browser already had: ended on success (no session fixation). */
  previousToken?: string;
  ttlHours: number;
  lockout: LockoutPolicy;
}

export interface OpenedSession {
  token: string;
  userId: string;
  expiresAt: Date;
}

interface LoginUser {
  id: string;
  tenant_id: string;
  password_hash: string;
}

interface Candidate extends LoginUser {
  slug: string;
}

/** The active users with this email (in the organisation named, if any). */
async function findCandidates(db: Db, input: LoginInput): Promise<Candidate[]> {
  const { rows } = await db.raw(
    `SELECT u.id, u.tenant_id, u.password_hash, t.slug FROM ${SYSTEM_SCHEMA}.users u JOIN ${SYSTEM_SCHEMA}.tenants t ON t.id = u.tenant_id
     WHERE lower(u.email) = lower(?) AND u.active AND (?::text IS NULL OR t.slug = ?)`,
    [input.email, input.tenant ?? null, input.tenant ?? null],
  );
  return rows;
}

/** The candidates whose password this is; with none, a dummy hash is checked so unknown emails cost the same. */
async function withPassword(candidates: Candidate[], password: string): Promise<Candidate[]> {
  if (!candidates.length) {
    await verifyPassword(await dummyPasswordHash(), password);
    return [];
  }
  const ok = await Promise.all(candidates.map((u) => verifyPassword(u.password_hash, password)));
  return candidates.filter((_, i) => ok[i]);
}

/** Writes the events of a refused attempt (one per user concerned, so each organisation's admins see it) and throws. */
async function refuse(db: Executor, attempt: LoginAttempt, reason: LoginEventReason, error: AppError, users: LoginUser[] = []): Promise<never> {
  if (!users.length) await recordLoginEvent(db, attempt, { reason });
  for (const u of users) await recordLoginEvent(db, attempt, { reason, user: { id: u.id, tenantId: u.tenant_id } });
  throw error;
}

/** The new session, the previous one ended, the count cleared, the event written: all or nothing. */
async function openSession(db: Db, user: LoginUser, key: string, attempt: LoginAttempt, ctx: LoginContext): Promise<OpenedSession> {
  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + ctx.ttlHours * 3600_000);
  await db.transaction(async (trx) => {
    if (ctx.previousToken) {
      await trx.raw(`DELETE FROM ${SYSTEM_SCHEMA}.sessions WHERE token_hash = ?`, [tokenHash(ctx.previousToken)]);
      await notifyAuthChange(trx, { tokenHash: tokenHash(ctx.previousToken) });
    }
    await trx.raw(`INSERT INTO ${SYSTEM_SCHEMA}.sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)`, [tokenHash(token), user.id, expiresAt]);
    await clearLoginFailures(trx, key);
    await recordLoginEvent(trx, attempt, { reason: 'ok', user: { id: user.id, tenantId: user.tenant_id } });
  });
  return { token, userId: user.id, expiresAt };
}

/**
 * Checks credentials and opens a session. Unknown email and wrong password get
 * the same answer; an email used in several organisations is reported as
 * ambiguous only to someone who knows the password, and names only the
 * organisations where it is right. Failures lock the (email, organisation)
 * key for a while; every attempt leaves a login event.
 */
export async function login(db: Db, input: LoginInput, ctx: LoginContext): Promise<OpenedSession> {
  const attempt: LoginAttempt = { email: input.email, ...(input.tenant ? { tenantSlug: input.tenant } : {}), ip: ctx.ip, userAgent: ctx.userAgent };
  const candidates = await findCandidates(db, input);
  const key = lockoutKey(input.email, input.tenant);
  const retryAfter = await reserveLoginAttempt(db, key, ctx.lockout);
  if (retryAfter !== null) return refuse(db, attempt, 'locked', accountLockedError(retryAfter), candidates);
  const matching = await withPassword(candidates, input.password);
  if (!matching.length) {
    await lockAfterFailure(db, key, ctx.lockout);
    return refuse(db, attempt, candidates.length ? 'wrong_password' : 'unknown_user', new AppError('AUTH_INVALID_CREDENTIALS', 'email or password is wrong'), candidates);
  }
  if (matching.length > 1) {
    await clearLoginFailures(db, key);
    const tenants = matching.map((u) => u.slug);
    return refuse(db, attempt, 'tenant_ambiguous', new AppError('AUTH_TENANT_AMBIGUOUS', 'this email and password belong to several organisations; send "tenant"', { tenants }), matching);
  }
  return openSession(db, matching[0]!, key, attempt, ctx);
}

/** Ends a session here and, through the notification, in every process's principal cache. */
export async function logout(db: Db, token: string): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.raw(`DELETE FROM ${SYSTEM_SCHEMA}.sessions WHERE token_hash = ?`, [tokenHash(token)]);
    await notifyAuthChange(trx, { tokenHash: tokenHash(token) });
  });
}
