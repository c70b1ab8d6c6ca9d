import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Logger } from '../core/logger';
import { quoteIdent } from '../db/knex';
import type { Services } from '../http/services';
import { publishPackMetadata, recordPackInstall } from '../packs/install-pack';
import { loadDemoData } from '../packs/load-demo-data';
import { loadPack, packsDir } from '../packs/load-pack';
import { createTenant, findTenant, type Tenant } from './tenants';
import { createUser, listUsers } from './users';
import { systemAccess } from '../security/model/user-access';
import { passwordIssues } from '../security/password-policy';

export const DEFAULT_TENANT = 'default';
const CORE_PACK = 'crm-core';

export interface Bootstrapped {
  created: boolean;
  adminEmail: string;
  /** Set only when the password was generated here (shown once). */
  generatedPassword?: string;
  demoRecords: number;
}

async function packInstalled(s: Services, tenant: Tenant, name: string): Promise<boolean> {
  const { rows } = await s.db.raw(`SELECT 1 FROM ${quoteIdent(tenant.schema)}._packs WHERE name = ?`, [name]);
  return rows.length > 0;
}

/**
 * First start: the default organisation, its first admin, the crm-core pack
 * and its demo data. Each step is skipped when already done, so a first start
 * that was interrupted completes on the next start; later starts change nothing.
 */
export async function bootstrapDefaultTenant(s: Services, log: Logger): Promise<Bootstrapped> {
  const given = s.config.adminPassword;
  const tenant = (await findTenant(s.db, DEFAULT_TENANT)) ?? (await createTenant(s.db, DEFAULT_TENANT, 'Default organisation'));
  let admin = (await listUsers(s.db, tenant.id)).find((u) => u.isAdmin);
  let generatedPassword: string | undefined;
  if (!admin) {
    const weak = given === undefined ? [] : passwordIssues(given, { email: s.config.adminEmail, displayName: 'Administrator' }, '/TESSERA_ADMIN_PASSWORD');
    if (weak.length) throw new Error(`TESSERA_ADMIN_PASSWORD is not allowed: ${weak.map((i) => i.message).join('; ')}`);
    generatedPassword = given ? undefined : randomBytes(12).toString('base64url');
    admin = await createUser(s.db, tenant.id, { email: s.config.adminEmail, password: given ?? generatedPassword!, displayName: 'Administrator', isAdmin: true, locale: 'zh-CN' });
  }
  if (await packInstalled(s, tenant, CORE_PACK)) return { created: false, adminEmail: admin.email, demoRecords: 0 };

  const pack = loadPack(path.join(packsDir, CORE_PACK));
  const ctx = { db: s.db, cache: s.cache, registry: s.registry, validator: s.validator, schema: tenant.schema, userId: admin.id };
  // Demo data first, the pack's _packs row last: an interrupted load is redone from a clean object set.
  const published = await publishPackMetadata(ctx, pack);
  log.info({ pack: pack.name, version: published.version, steps: published.plan.length }, 'installed pack metadata');
  const meta = await s.cache.get(tenant.schema);
  const actor = { userId: admin.id, tenantId: tenant.id, schema: tenant.schema, isAdmin: true };
  const demoRecords = await loadDemoData({ db: s.db, meta, registry: s.registry, actor, access: systemAccess(admin.id), locale: 'en' }, pack);
  await recordPackInstall(ctx, pack, published.version);
  return { created: true, adminEmail: admin.email, generatedPassword, demoRecords };
}
