import type { TestProject } from 'vitest/node';
import { createDb } from '../../engine/db/knex';
import { dropDatabase, openScratchDatabase } from '../../engine/db/scratch-database';
import { migrateSystem } from '../../engine/db/system-migrations';
import { buildUi } from '../../scripts/build-ui';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * The database for the run: DATABASE_URL, else the server on 127.0.0.1:5432,
 * else an embedded PostgreSQL started here. Each run gets its own fresh database (dropped at the end);
 * each test file then works in its own tenant schema.
 * TESSERA_TEST_PG_PROBE (host:port) lets the embedded fallback be exercised on
 * a machine that has a server.
 */
export default async function setup(project: TestProject) {
  // The browser tests serve the built web app: build it once per run when its sources changed
  // (first, so a failing build leaves no database behind).
  if (await buildUi()) process.stdout.write('tests built the web app (dist/ui)\n');
  // One database per run, so two runs on one machine never share (or drop) each other's.
  const database = await openScratchDatabase(`tessera_test_${process.pid}`, process.env.TESSERA_TEST_PG_PROBE);
  const db = createDb(database.url, 1);
  await migrateSystem(db);
  await db.destroy();
  project.provide('databaseUrl', database.url);
  process.stdout.write(`tests use a fresh database ${new URL(database.url).pathname.slice(1)} (${database.source})\n`);
  return async () => {
    await dropDatabase(database.url).catch(() => undefined);
    await database.stop();
  };
}
