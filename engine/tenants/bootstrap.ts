import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Logger } from '../core/logger';
import type { Services } from '../http/services';
import { installPackMetadata } from '../packs/install-pack';
import { loadDemoData } from '../packs/load-demo-data';
import { loadPack, packsDir } from '../packs/load-pack';
import { createTenant, findTenant } from './tenants';
import { createUser } from './users';

export const DEFAULT_TENANT = 'default';

export interface Bootstrapped {
  created: boolean;
  adminEmail: string;
  /** Set only on the first start, when the password was generated here. */
  generatedPassword?: string;
  demoRecords: number;
}

/**
 * First start: the default organisation, its first admin, the crm-core pack
 * and its demo data. Later starts change nothing.
 */
export async function bootstrapDefaultTenant(s: Services, log: Logger): Promise<Bootstrapped> {
  const existing = await findTenant(s.db, DEFAULT_TENANT);
  if (existing) return { created: false, adminEmail: s.config.adminEmail, demoRecords: 0 };
  const tenant = await createTenant(s.db, DEFAULT_TENANT, 'Default organisation');
  const generatedPassword = s.config.adminPassword ? undefined : randomBytes(12).toString('base64url');
  const admin = await createUser(s.db, tenant.id, { email: s.config.adminEmail, password: s.config.adminPassword ?? generatedPassword!, displayName: 'Administrator', isAdmin: true, locale: 'zh-CN' });
  const pack = loadPack(path.join(packsDir, 'crm-core'));
  const ctx = { db: s.db, cache: s.cache, registry: s.registry, validator: s.validator, schema: tenant.schema, userId: admin.id };
  const published = await installPackMetadata(ctx, pack);
  log.info({ pack: pack.name, version: published.version, steps: published.plan.length }, 'installed pack');
  const meta = await s.cache.get(tenant.schema);
  const demoRecords = await loadDemoData({ db: s.db, meta, registry: s.registry, actor: { userId: admin.id, tenantId: tenant.id, schema: tenant.schema, isAdmin: true }, locale: 'en' }, pack);
  return { created: true, adminEmail: admin.email, generatedPassword, demoRecords };
}
