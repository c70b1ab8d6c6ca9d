import type { Db } from '../db/knex';
import { SYSTEM_SCHEMA } from '../db/system-migrations';
import { createTenantTables } from '../db/tenant-schema';

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  schema: string;
}

export const TENANT_SLUG = /^[a-z][a-z0-9_]{0,40}$/;

/** Creates an organisation and its own PostgreSQL schema (t_<slug>). */
export async function createTenant(db: Db, slug: string, name: string): Promise<Tenant> {
  if (!TENANT_SLUG.test(slug)) throw new Error(`tenant slug must match ${TENANT_SLUG}`);
  const schema = `t_${slug}`;
  return db.transaction(async (trx) => {
    const { rows } = await trx.raw(`INSERT INTO ${SYSTEM_SCHEMA}.tenants (slug, name, schema_name) VALUES (?, ?, ?) RETURNING id`, [slug, name, schema]);
    await createTenantTables(trx, schema);
    return { id: rows[0].id, slug, name, schema };
  });
}

export async function findTenant(db: Db, slug: string): Promise<Tenant | undefined> {
  const { rows } = await db.raw(`SELECT id, slug, name, schema_name FROM ${SYSTEM_SCHEMA}.tenants WHERE slug = ?`, [slug]);
  return rows[0] ? { id: rows[0].id, slug: rows[0].slug, name: rows[0].name, schema: rows[0].schema_name } : undefined;
}

/** Drops a tenant and everything in its schema (used by tests and tenant deletion). */
export async function dropTenant(db: Db, slug: string): Promise<void> {
  if (!TENANT_SLUG.test(slug)) throw new Error(`tenant slug must match ${TENANT_SLUG}`);
  await db.transaction(async (trx) => {
    await trx.raw(`DROP SCHEMA IF EXISTS "t_${slug}" CASCADE`);
    await trx.raw(`DELETE FROM ${SYSTEM_SCHEMA}.tenants WHERE slug = ?`, [slug]);
  });
}
