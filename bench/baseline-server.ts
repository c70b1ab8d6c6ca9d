/**
 * Child process: the hand-written baseline over BENCH_DATABASE_URL and
 * BENCH_BASELINE_TABLE. Prints {"port": n} when listening.
 */
import type { Server } from 'node:http';
import pg from 'pg';
import { createBaselineApp } from './baseline-app';
import { announcePort, exitOnShutdown, requiredEnv } from './child-lifecycle';

/** Same pool size as the product's default (TESSERA_POOL_MAX = 10). */
const POOL_MAX = 10;

const pool = new pg.Pool({ connectionString: requiredEnv('BENCH_DATABASE_URL'), max: POOL_MAX });
const app = createBaselineApp(pool, requiredEnv('BENCH_BASELINE_TABLE'), requiredEnv('BENCH_OWNER_ID'));
const server = await new Promise<Server>((resolve, reject) => {
  const srv = app.listen(0, () => resolve(srv));
  srv.once('error', reject);
});
server.keepAliveTimeout = 65_000;
exitOnShutdown(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  await pool.end();
});
announcePort((server.address() as { port: number }).port);
