import { AppError } from '../core/errors';
import type { Db } from '../db/knex';
import { SYSTEM_SCHEMA } from '../db/system-migrations';
import type { Actor } from '../records/context';
import { API_TOKEN_PREFIX, tokenHash } from './tokens';

/** The caller behind a session or API token. */
export interface Principal extends Actor {
  email: string;
  displayName: string;
  locale: string;
  tenantSlug: string;
  via: 'session' | 'token';
  tokenId?: string;
}

const SESSION_SQL = `
  SELECT u.id, u.tenant_id, u.is_admin, u.email, u.display_name, u.locale, t.schema_name, t.slug
  FROM ${SYSTEM_SCHEMA}.sessions s
  JOIN ${SYSTEM_SCHEMA}.users u ON u.id = s.user_id
  JOIN ${SYSTEM_SCHEMA}.tenants t ON t.id = u.tenant_id
  WHERE s.token_hash = ? AND s.expires_at > now() AND u.active`.replace('SELECT u.id', 'SELECT s.expires_at, u.id');

const TOKEN_SQL = `
  SELECT u.id, u.tenant_id, u.is_admin, u.email, u.display_name, u.locale, t.schema_name, t.slug, k.id AS token_id
  FROM ${SYSTEM_SCHEMA}.api_tokens k
  JOIN ${SYSTEM_SCHEMA}.users u ON u.id = k.user_id
  JOIN ${SYSTEM_SCHEMA}.tenants t ON t.id = u.tenant_id
  WHERE k.token_hash = ? AND k.revoked_at IS NULL AND u.active`;

interface PrincipalRow {
  id: string;
  tenant_id: string;
  is_admin: boolean;
  email: string;
  display_name: string;
  locale: string;
  schema_name: string;
  slug: string;
  token_id?: string;
  expires_at?: Date;
}

/** A principal and until when it may be trusted without asking the database again. */
export interface PrincipalLookup {
  principal: Principal;
  /** Session expiry (epoch ms); API tokens do not expire. */
  expiresAt: number;
}

/** Looks a token up by its hash: one indexed query over sessions or API tokens. */
export async function lookupPrincipal(db: Db, token: string): Promise<PrincipalLookup> {
  const isApi = token.startsWith(API_TOKEN_PREFIX);
  const { rows } = await db.raw(isApi ? TOKEN_SQL : SESSION_SQL, [tokenHash(token)]);
  const r = rows[0] as PrincipalRow | undefined;
  if (!r) throw new AppError('AUTH_REQUIRED', 'the session or token is invalid or expired');
  const principal: Principal = {
    userId: r.id,
    tenantId: r.tenant_id,
    schema: r.schema_name,
    isAdmin: r.is_admin,
    email: r.email,
    displayName: r.display_name,
    locale: r.locale,
    tenantSlug: r.slug,
    via: isApi ? 'token' : 'session',
    ...(r.token_id ? { tokenId: r.token_id } : {}),
  };
  return { principal, expiresAt: r.expires_at ? r.expires_at.getTime() : Number.POSITIVE_INFINITY };
}
