import { createDb } from '../engine/db/knex';
import { qualified } from '../engine/schema-engine/column-ddl';
import { BENCH_OBJECT, benchObjectDef } from './bench-object';
import { createBenchTenant, type BenchTenant } from './bench-tenant';
import { api } from './http-json';

/** What the workloads need to talk to the product. */
export interface ProductTenant {
  token: string;
  userId: string;
  schema: string;
  /** The object's table, schema-qualified and quoted. */
  table: string;
}

const TENANT = 'bench';

/**
 * A tenant and admin created directly in the database (as the tests do), a
 * session from POST /auth/login, then the bench object via PUT /metadata/objects.
 * The product server must already be running (it applies the system migrations).
 */
export async function setUpProductTenant(databaseUrl: string, baseUrl: string): Promise<ProductTenant> {
  const db = createDb(databaseUrl, 2);
  let bench: BenchTenant;
  try {
    bench = await createBenchTenant(db, baseUrl, { slug: TENANT, name: 'Benchmark organisation', adminEmail: `admin@${TENANT}.test` });
  } finally {
    await db.destroy();
  }
  const { tenant, admin, token } = bench;
  await api(baseUrl, token, 'PUT', `/metadata/objects/${BENCH_OBJECT}`, benchObjectDef);
  return { token, userId: admin.id, schema: tenant.schema, table: qualified(tenant.schema, BENCH_OBJECT) };
}
