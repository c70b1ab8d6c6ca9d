import { AppError } from '../core/errors';
import type { Executor } from '../db/knex';
import { SYSTEM_SCHEMA } from '../db/system-migrations';

/** When failed sign-ins lock an account, and for how long. */
export interface LockoutPolicy {
  /** Failures in a row before the lock. */
  maxFailures: number;
  /** Length of the lock; failures further apart than this start a new count. */
  minutes: number;
}

/**
 * The lockout key of an attempt: the email and the organisation *as the request
 * names them*. Only the request decides it, so unknown emails lock exactly like
 * real ones and a lock tells nothing about whether an account exists.
 */
export const lockoutKey = (email: string, tenantSlug?: string) => `${email.toLowerCase()}|${(tenantSlug ?? '').toLowerCase()}`;

/** The lock answer, the same for every email. */
export const accountLockedError = (retryAfterSeconds: number) =>
  new AppError('AUTH_ACCOUNT_LOCKED', 'too many failed sign-ins; try again later', { retryAfterSeconds });

// A lapsed lock or an old failure starts a new count; a live lock changes nothing.
const RESERVE_SQL = `
  INSERT INTO ${SYSTEM_SCHEMA}.login_lockouts AS l (key, failures, last_attempt_at) VALUES (?, 1, now())
  ON CONFLICT (key) DO UPDATE SET
    failures = CASE
      WHEN l.locked_until > now() THEN l.failures
      WHEN l.locked_until IS NOT NULL OR l.last_attempt_at <= now() - make_interval(mins => ?) THEN 1
      ELSE l.failures + 1 END,
    last_attempt_at = CASE WHEN l.locked_until > now() THEN l.last_attempt_at ELSE now() END,
    locked_until = CASE WHEN l.locked_until > now() THEN l.locked_until END
  RETURNING failures, ceil(extract(epoch FROM locked_until - now()))::int AS retry_after`;

/**
 * Counts an attempt as failed *before* the password is checked, so a burst of
 * parallel guesses (in any process) gets no more than `maxFailures` checks.
 * Answers the seconds to wait when the key is locked, else null.
 */
export async function reserveLoginAttempt(db: Executor, key: string, policy: LockoutPolicy): Promise<number | null> {
  const { rows } = await db.raw(RESERVE_SQL, [key, policy.minutes]);
  const { failures, retry_after } = rows[0] as { failures: number; retry_after: number | null };
  if (retry_after !== null && retry_after > 0) return retry_after;
  // More attempts in flight than allowed: the lock is about to be set by one of them.
  if (failures > policy.maxFailures) return policy.minutes * 60;
  return null;
}

/** The attempt failed: once `maxFailures` are counted, the key is locked for `minutes`. */
export async function lockAfterFailure(db: Executor, key: string, policy: LockoutPolicy): Promise<void> {
  await db.raw(
    `UPDATE ${SYSTEM_SCHEMA}.login_lockouts SET locked_until = now() + make_interval(mins => ?)
     WHERE key = ? AND failures >= ? AND (locked_until IS NULL OR locked_until <= now())`,
    [policy.minutes, key, policy.maxFailures],
  );
}

/** The attempt succeeded: the count starts again. Day-old rows of other keys go too. */
export async function clearLoginFailures(db: Executor, key: string): Promise<void> {
  await db.raw(
    `DELETE FROM ${SYSTEM_SCHEMA}.login_lockouts
     WHERE key = ? OR (last_attempt_at < now() - interval '1 day' AND (locked_until IS NULL OR locked_until < now()))`,
    [key],
  );
}
