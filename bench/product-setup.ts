import { createDb } from '../engine/db/knex';
import { qualified } from '../engine/schema-engine/column-ddl';
import { createTenant } from '../engine/tenants/tenants';
import { createUser } from '../engine/tenants/users';
import { BENCH_OBJECT, benchObjectDef } from './bench-object';
import { requestJson } from './http-json';

/** What the workloads need to talk to the product. */
export interface ProductTenant {
  token: string;
  userId: string;
  schema: string;
  /** The object's table, schema-qualified and quoted. */
  table: string;
}

const TENANT = 'bench';
const PASSWORD = 'bench-password-not-secret';

/**
 * A tenant and admin created directly in the database (as the tests do), a
 * session from POST /auth/login, then the bench object via PUT /metadata/objects.
 * The product server must already be running (it applies the system migrations).
 */
export async function setUpProductTenant(databaseUrl: string, baseUrl: string): Promise<ProductTenant> {
  const db = createDb(databaseUrl, 2);
  let tenant;
  let user;
  try {
    tenant = await createTenant(db, TENANT, 'Benchmark organisation');
    user = await createUser(db, tenant.id, { email: `admin@${TENANT}.test`, password: PASSWORD, isAdmin: true });
  } finally {
    await db.destroy();
  }
  const login = await requestJson(baseUrl, 'POST', '/api/v1/auth/login', { email: user.email, password: PASSWORD, tenant: TENANT });
  const token = (login.body as { token?: string } | undefined)?.token;
  if (login.status !== 200 || !token) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  const put = await requestJson(baseUrl, 'PUT', `/api/v1/metadata/objects/${BENCH_OBJECT}`, benchObjectDef, token);
  if (put.status !== 200) throw new Error(`defining ${BENCH_OBJECT} failed: ${put.status} ${JSON.stringify(put.body)}`);
  return { token, userId: user.id, schema: tenant.schema, table: qualified(tenant.schema, BENCH_OBJECT) };
}
