import { quoteIdent, type Db, type Executor } from './knex';
import { SYSTEM_SCHEMA } from './system-migrations';
import { baseTables } from './tenant-migrations/001-base';
import { securityTables } from './tenant-migrations/002-security';
import { auditTables } from './tenant-migrations/003-audit';
import { shareArrays } from './tenant-migrations/004-share-arrays';
import { userPrefs } from './tenant-migrations/005-user-prefs';
import { conversionsTables } from './tenant-migrations/006-conversions';
import { assignmentTables } from './tenant-migrations/007-assignment';
import { importsTables } from './tenant-migrations/008-imports';
import { mergeAudit } from './tenant-migrations/009-merge-audit';
import type { TenantMigration } from './tenant-migrations/tenant-migration';

/** Append-only, like the system migrations: never edit one that has shipped. */
export const TENANT_MIGRATIONS: TenantMigration[] = [baseTables, securityTables, auditTables, shareArrays, userPrefs, conversionsTables, assignmentTables, importsTables, mergeAudit];

/** Applies a tenant schema's pending migrations (names start with _ so no object can collide). */
export async function migrateTenantSchema(trx: Executor, schema: string): Promise<void> {
  const s = quoteIdent(schema);
  await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`tessera_tenant_migrations:${schema}`]);
  await trx.raw(`CREATE TABLE IF NOT EXISTS ${s}._tenant_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  // A schema made before tenant migrations existed already has the base tables.
  await trx.raw(`INSERT INTO ${s}._tenant_migrations (id) SELECT '001-base' WHERE to_regclass(?) IS NOT NULL ON CONFLICT DO NOTHING`, [`${s}._meta_versions`]);
  const done = new Set((await trx.raw(`SELECT id FROM ${s}._tenant_migrations`)).rows.map((r: { id: string }) => r.id));
  for (const m of TENANT_MIGRATIONS) {
    if (done.has(m.id)) continue;
    await trx.raw(m.sql(s));
    await trx.raw(`INSERT INTO ${s}._tenant_migrations (id) VALUES (?)`, [m.id]);
  }
}

/** Creates a tenant's schema with every tenant table. */
export async function createTenantTables(trx: Executor, schema: string): Promise<void> {
  await trx.raw(`CREATE SCHEMA ${quoteIdent(schema)}`);
  await migrateTenantSchema(trx, schema);
}

/** Brings every tenant's schema up to date, one transaction per tenant. */
export async function migrateAllTenants(db: Db): Promise<void> {
  const { rows } = await db.raw(`SELECT schema_name FROM ${SYSTEM_SCHEMA}.tenants ORDER BY created_at`);
  for (const r of rows as { schema_name: string }[]) await db.transaction((trx) => migrateTenantSchema(trx, r.schema_name));
}
