import { AppError } from '../../core/errors';
import { quoteIdent, type Db, type Trx } from '../../db/knex';
import type { FieldTypeRegistry } from '../../field-types/registry';
import type { TenantMetadata } from '../../metadata/tenant-metadata';
import { notifySecurityChange, type SecurityCache } from '../model/security-cache';

/** What every security admin operation gets, explicitly. */
export interface SecurityAdminContext {
  db: Db;
  security: SecurityCache;
  meta: TenantMetadata;
  registry: FieldTypeRegistry;
  schema: string;
  tenantId: string;
  userId: string;
}

/** `"schema"._table` for one of the tenant's security tables. */
export const securityTable = (ctx: SecurityAdminContext, table: string) => `${quoteIdent(ctx.schema)}.${table}`;

/**
 * Runs a change to the security model in one transaction, serialized per
 * tenant (so two admins cannot build a cycle between them), then drops the
 * model in this process at once and in every other through NOTIFY.
 */
export async function securityWrite<T>(ctx: SecurityAdminContext, work: (trx: Trx) => Promise<T>): Promise<T> {
  const result = await ctx.db.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`tessera_security:${ctx.schema}`]);
    const out = await work(trx);
    await notifySecurityChange(trx, ctx.schema);
    return out;
  });
  ctx.security.invalidate(ctx.schema);
  return result;
}

export const notFound = (what: string, id: string) => new AppError('SECURITY_NOT_FOUND', `no ${what} ${id} in this organisation`, { id });

/** Unique violations (23505) become 409 SECURITY_EXISTS naming what clashed. */
export function translateUnique(e: unknown, what: string, name: string): unknown {
  return (e as { code?: string }).code === '23505' ? new AppError('SECURITY_EXISTS', `a ${what} named "${name}" already exists`, { name }) : e;
}
