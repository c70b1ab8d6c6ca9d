import { AppError } from '../core/errors';
import type { Db } from '../db/knex';
import { SYSTEM_SCHEMA } from '../db/system-migrations';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { notifyAuthChange } from './principal-cache';
import { newSessionToken, tokenHash } from './tokens';

interface LoginInput {
  email: string;
  password: string;
  tenant?: string;
}

/** Checks credentials and opens a session; the same error for unknown email and wrong password. */
export async function login(db: Db, input: LoginInput, ttlHours: number): Promise<{ token: string; userId: string; expiresAt: Date }> {
  const { rows } = await db.raw(
    `SELECT u.id, u.password_hash, t.slug FROM ${SYSTEM_SCHEMA}.users u JOIN ${SYSTEM_SCHEMA}.tenants t ON t.id = u.tenant_id
     WHERE lower(u.email) = lower(?) AND u.active AND (?::text IS NULL OR t.slug = ?)`,
    [input.email, input.tenant ?? null, input.tenant ?? null],
  );
  if (rows.length > 1) throw new AppError('AUTH_TENANT_AMBIGUOUS', 'this email belongs to several organisations; send "tenant"', { tenants: rows.map((r: { slug: string }) => r.slug) });
  const user = rows[0] as { id: string; password_hash: string } | undefined;
  const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok) throw new AppError('AUTH_INVALID_CREDENTIALS', 'email or password is wrong');
  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await db.raw(`INSERT INTO ${SYSTEM_SCHEMA}.sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)`, [tokenHash(token), user.id, expiresAt]);
  return { token, userId: user.id, expiresAt };
}

/** Ends a session here and, through the notification, in every process's principal cache. */
export async function logout(db: Db, token: string): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.raw(`DELETE FROM ${SYSTEM_SCHEMA}.sessions WHERE token_hash = ?`, [tokenHash(token)]);
    await notifyAuthChange(trx, { tokenHash: tokenHash(token) });
  });
}
