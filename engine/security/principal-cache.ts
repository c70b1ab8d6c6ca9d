import { AppError } from '../core/errors';
import type { Db, Executor } from '../db/knex';
import type { PgListener } from '../db/pg-listener';
import { lookupPrincipal, type Principal } from './authenticate';
import { tokenHash } from './tokens';

export const AUTH_CHANNEL = 'tessera_auth';

/** What changed: a session or token (by hash), an API token (by id), or everything of a user. */
export type AuthChange = { tokenHash: string } | { tokenId: string } | { userId: string };

const encode = (c: AuthChange) => ('tokenHash' in c ? `hash:${c.tokenHash}` : 'tokenId' in c ? `token:${c.tokenId}` : `user:${c.userId}`);

/** Tells every process (this one included, on commit) that cached principals must go. */
export async function notifyAuthChange(db: Executor, change: AuthChange): Promise<void> {
  await db.raw('SELECT pg_notify(?, ?)', [AUTH_CHANNEL, encode(change)]);
}

interface Entry {
  principal: Principal;
  until: number;
}

/**
 * Resolved sessions and API tokens, so a request costs no authentication query.
 * Logout, token revocation and user changes notify `tessera_auth`; every
 * process evicts at once. Entries also lapse with the session's expiry and
 * after `ttlMs` at most, and all go when notifications may have been missed.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 10_000,
  ) {}

  async authenticate(token: string | undefined): Promise<Principal> {
    if (!token || token.length > 200) throw new AppError('AUTH_REQUIRED', 'sign in or send an API token');
    const key = tokenHash(token);
    const hit = this.entries.get(key);
    const now = this.now();
    if (hit && hit.until > now) return hit.principal;
    this.entries.delete(key);
    const { principal, expiresAt } = await lookupPrincipal(this.db, token);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { principal, until: Math.min(now + this.ttlMs, expiresAt) });
    return principal;
  }

  evict(change: AuthChange): void {
    if ('tokenHash' in change) {
      this.entries.delete(change.tokenHash);
      return;
    }
    for (const [key, e] of this.entries) {
      if ('tokenId' in change ? e.principal.tokenId === change.tokenId : e.principal.userId === change.userId) this.entries.delete(key);
    }
  }

  subscribe(listener: PgListener): void {
    listener.on(
      AUTH_CHANNEL,
      (payload) => {
        const [kind, value] = [payload.slice(0, payload.indexOf(':')), payload.slice(payload.indexOf(':') + 1)];
        if (kind === 'hash') this.evict({ tokenHash: value });
        else if (kind === 'token') this.evict({ tokenId: value });
        else if (kind === 'user') this.evict({ userId: value });
      },
      () => this.entries.clear(),
    );
  }
}
