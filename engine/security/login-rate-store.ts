import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { Db } from '../db/knex';
import { SYSTEM_SCHEMA } from '../db/system-migrations';

// A lapsed window starts again at one hit; else the hit is added to the open window.
const INCREMENT_SQL = `
  INSERT INTO ${SYSTEM_SCHEMA}.login_rate_limits AS r (key, hits, reset_at) VALUES (?, 1, now() + make_interval(secs => ?))
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN r.reset_at <= now() THEN 1 ELSE r.hits + 1 END,
    reset_at = CASE WHEN r.reset_at <= now() THEN excluded.reset_at ELSE r.reset_at END
  RETURNING hits, reset_at`;

/**
 * An express-rate-limit store in PostgreSQL: fixed windows per key, counted
 * with one atomic upsert, so every process shares the same limit.
 */
export class PgRateLimitStore implements Store {
  /** Keys are shared by every process using the table. */
  readonly localKeys = false;
  private windowMs = 60_000;

  constructor(
    private readonly db: Db,
    /** Prepended to keys, so several limiters can share the table. */
    readonly prefix = 'login:',
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const { rows } = await this.db.raw(`SELECT hits, reset_at FROM ${SYSTEM_SCHEMA}.login_rate_limits WHERE key = ? AND reset_at > now()`, [this.prefix + key]);
    return rows[0] ? { totalHits: rows[0].hits, resetTime: rows[0].reset_at } : undefined;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const { rows } = await this.db.raw(INCREMENT_SQL, [this.prefix + key, this.windowMs / 1000]);
    const { hits, reset_at } = rows[0] as { hits: number; reset_at: Date };
    // A new window: a good moment to drop windows that lapsed long ago.
    if (hits === 1) await this.db.raw(`DELETE FROM ${SYSTEM_SCHEMA}.login_rate_limits WHERE reset_at < now() - interval '1 hour'`);
    return { totalHits: hits, resetTime: reset_at };
  }

  async decrement(key: string): Promise<void> {
    await this.db.raw(`UPDATE ${SYSTEM_SCHEMA}.login_rate_limits SET hits = greatest(hits - 1, 0) WHERE key = ? AND reset_at > now()`, [this.prefix + key]);
  }

  async resetKey(key: string): Promise<void> {
    await this.db.raw(`DELETE FROM ${SYSTEM_SCHEMA}.login_rate_limits WHERE key = ?`, [this.prefix + key]);
  }
}
