import type { Executor } from '../db/knex';
import { SYSTEM_SCHEMA } from '../db/system-migrations';

/** Why a sign-in attempt ended as it did. */
export type LoginEventReason =
  | 'ok'
  | 'wrong_password'
  | 'unknown_user'
  | 'locked'
  | 'rate_limited'
  | 'tenant_ambiguous'
  | 'wrong_current_password';

/** Who tried to sign in, from where. */
export interface LoginAttempt {
  email: string;
  /** The organisation slug the request named, if any. */
  tenantSlug?: string;
  ip?: string;
  userAgent?: string;
}

/** One stored attempt. */
export interface LoginEvent {
  id: string;
  userId: string | null;
  email: string;
  success: boolean;
  reason: LoginEventReason;
  ip: string | null;
  userAgent: string | null;
  at: string;
}

const MAX_USER_AGENT = 512;

/**
 * Appends an event. Its organisation is the user's when the user is known,
 * else the one the request named (if it exists), else none.
 */
export async function recordLoginEvent(
  db: Executor,
  attempt: LoginAttempt,
  outcome: { reason: LoginEventReason; user?: { id: string; tenantId: string } },
): Promise<void> {
  await db.raw(
    `INSERT INTO ${SYSTEM_SCHEMA}.login_events (tenant_id, user_id, email, success, reason, ip, user_agent)
     VALUES (coalesce(?::uuid, (SELECT id FROM ${SYSTEM_SCHEMA}.tenants WHERE slug = ?)), ?, ?, ?, ?, ?, ?)`,
    [
      outcome.user?.tenantId ?? null,
      attempt.tenantSlug ?? null,
      outcome.user?.id ?? null,
      attempt.email,
      outcome.reason === 'ok',
      outcome.reason,
      attempt.ip ?? null,
      attempt.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
    ],
  );
}

/** Which events to list, newest first; `before` is the `nextCursor` of the previous page. */
export interface LoginEventQuery {
  userId?: string;
  success?: boolean;
  limit: number;
  before?: string;
}

interface EventRow {
  id: string;
  user_id: string | null;
  email: string;
  success: boolean;
  reason: LoginEventReason;
  ip: string | null;
  user_agent: string | null;
  at: Date;
}

const toEvent = (r: EventRow): LoginEvent => ({
  id: String(r.id),
  userId: r.user_id,
  email: r.email,
  success: r.success,
  reason: r.reason,
  ip: r.ip,
  userAgent: r.user_agent,
  at: r.at.toISOString(),
});

/** One organisation's events, newest first, keyset-paged by id. */
export async function listLoginEvents(db: Executor, tenantId: string, q: LoginEventQuery): Promise<{ events: LoginEvent[]; nextCursor: string | null }> {
  const { rows } = await db.raw(
    `SELECT id, user_id, email, success, reason, ip, user_agent, at FROM ${SYSTEM_SCHEMA}.login_events
     WHERE tenant_id = ? AND (?::uuid IS NULL OR user_id = ?::uuid) AND (?::boolean IS NULL OR success = ?::boolean) AND (?::bigint IS NULL OR id < ?::bigint)
     ORDER BY id DESC LIMIT ?`,
    [tenantId, q.userId ?? null, q.userId ?? null, q.success ?? null, q.success ?? null, q.before ?? null, q.before ?? null, q.limit + 1],
  );
  const events = (rows as EventRow[]).slice(0, q.limit).map(toEvent);
  return { events, nextCursor: rows.length > q.limit ? events[events.length - 1]!.id : null };
}
