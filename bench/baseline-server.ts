/**
 * Child process: the hand-written baseline over BENCH_DATABASE_URL and
 * BENCH_BASELINE_TABLE. Prints {"port": n} when listening.
 */
import pg from 'pg';
import { createBaselineApp } from './baseline-app';
import { requiredEnv, serveBenchChild } from './child-lifecycle';

/** Same pool size as the product's default (TESSERA_POOL_MAX = 10). */
const POOL_MAX = 10;

const pool = new pg.Pool({ connectionString: requiredEnv('BENCH_DATABASE_URL'), max: POOL_MAX });
const app = createBaselineApp(pool, requiredEnv('BENCH_BASELINE_TABLE'), requiredEnv('BENCH_OWNER_ID'));
await serveBenchChild(app, pool);
