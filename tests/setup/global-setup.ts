import type { TestProject } from 'vitest/node';
import { createDb } from '../../engine/db/knex';
import { openScratchDatabase } from '../../engine/db/scratch-database';
import { migrateSystem } from '../../engine/db/system-migrations';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * The database for the run: DATABASE_URL, else the server on 127.0.0.1:5432,
 * else an embedded PostgreSQL started here. Tests get a fresh database;
 * each test file then works in its own tenant schema.
 * TESSERA_TEST_PG_PROBE (host:port) lets the embedded fallback be exercised on
 * a machine that has a server.
 */
export default async function setup(project: TestProject) {
  const database = await openScratchDatabase('tessera_test', process.env.TESSERA_TEST_PG_PROBE);
  const db = createDb(database.url, 1);
  await migrateSystem(db);
  await db.destroy();
  project.provide('databaseUrl', database.url);
  process.stdout.write(`tests use a fresh tessera_test database (${database.source})\n`);
  return () => database.stop();
}
