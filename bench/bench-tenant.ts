import type { Db } from '../engine/db/knex';
import { createTenant, type Tenant } from '../engine/tenants/tenants';
import { createUser, type UserInfo } from '../engine/tenants/users';
import { login } from './http-json';

/** The password of every user a bench creates. */
export const BENCH_PASSWORD = 'bench-password-not-secret';

/** A bench's organisation, its admin and the admin's session. */
export interface BenchTenant {
  tenant: Tenant;
  admin: UserInfo;
  token: string;
}

/**
 * An organisation and its admin created directly in the database (as the
 * tests do), then a session through POST /auth/login on the running product.
 */
export async function createBenchTenant(db: Db, baseUrl: string, org: { slug: string; name: string; adminEmail: string }): Promise<BenchTenant> {
  const tenant = await createTenant(db, org.slug, org.name);
  const admin = await createUser(db, tenant.id, { email: org.adminEmail, password: BENCH_PASSWORD, isAdmin: true });
  return { tenant, admin, token: await login(baseUrl, admin.email, BENCH_PASSWORD, tenant.slug) };
}
