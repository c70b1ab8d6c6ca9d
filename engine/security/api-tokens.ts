import { AppError } from '../core/errors';
import type { Db } from '../db/knex';
import { SYSTEM_SCHEMA } from '../db/system-migrations';
import { notifyAuthChange } from './principal-cache';
import { newApiToken, tokenHash } from './tokens';

export interface ApiTokenInfo {
  id: string;
  name: string;
  userId: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const toInfo = (r: { id: string; name: string; user_id: string; created_at: Date; last_used_at: Date | null; revoked_at: Date | null }): ApiTokenInfo => ({
  id: r.id,
  name: r.name,
  userId: r.user_id,
  createdAt: r.created_at.toISOString(),
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
  revokedAt: r.revoked_at?.toISOString() ?? null,
});

/** Creates a token acting as `userId` (a user of the same tenant); the secret is shown once. */
export async function createApiToken(db: Db, tenantId: string, createdBy: string, input: { name: string; userId: string }): Promise<ApiTokenInfo & { token: string }> {
  const user = await db.raw(`SELECT id FROM ${SYSTEM_SCHEMA}.users WHERE id = ? AND tenant_id = ?`, [input.userId, tenantId]);
  if (!user.rows.length) throw new AppError('USER_NOT_FOUND', 'no such user in this organisation');
  const token = newApiToken();
  const { rows } = await db.raw(
    `INSERT INTO ${SYSTEM_SCHEMA}.api_tokens (tenant_id, user_id, name, token_hash, created_by) VALUES (?, ?, ?, ?, ?) RETURNING id, name, user_id, created_at, last_used_at, revoked_at`,
    [tenantId, input.userId, input.name, tokenHash(token), createdBy],
  );
  return { ...toInfo(rows[0]), token };
}

export async function listApiTokens(db: Db, tenantId: string): Promise<ApiTokenInfo[]> {
  const { rows } = await db.raw(`SELECT id, name, user_id, created_at, last_used_at, revoked_at FROM ${SYSTEM_SCHEMA}.api_tokens WHERE tenant_id = ? ORDER BY created_at`, [tenantId]);
  return rows.map(toInfo);
}

export async function recordTokenUse(db: Db, id: string): Promise<void> {
  await db.raw(`UPDATE ${SYSTEM_SCHEMA}.api_tokens SET last_used_at = now() WHERE id = ?`, [id]);
}

/** Revokes a token; every process's principal cache drops it on commit. */
export async function revokeApiToken(db: Db, tenantId: string, id: string): Promise<void> {
  await db.transaction(async (trx) => {
    const { rows } = await trx.raw(`UPDATE ${SYSTEM_SCHEMA}.api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = ? AND tenant_id = ? RETURNING id`, [id, tenantId]);
    if (!rows.length) throw new AppError('TOKEN_NOT_FOUND', 'no such token');
    await notifyAuthChange(trx, { tokenId: id });
  });
}
