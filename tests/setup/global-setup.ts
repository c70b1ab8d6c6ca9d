import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createLogger } from '../../engine/core/logger';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../engine/db/embedded-postgres';
import { createDb } from '../../engine/db/knex';
import { migrateSystem } from '../../engine/db/system-migrations';
import { portAnswers } from '../../engine/core/net';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

const TEST_DB = 'tessera_test';

async function recreateDatabase(adminUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${TEST_DB} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${TEST_DB}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${TEST_DB}`;
  return url.toString();
}

/**
 * The database for the run: DATABASE_URL, else the server on 127.0.0.1:5432,
 * else an embedded PostgreSQL started here. Tests get a fresh database;
 * each test file then works in its own tenant schema.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let adminUrl = process.env.DATABASE_URL;
  // TESSERA_TEST_PG_PROBE (host:port) lets the embedded fallback be exercised on a machine that has a server.
  const [host, port] = (process.env.TESSERA_TEST_PG_PROBE ?? '127.0.0.1:5432').split(':');
  if (!adminUrl && (await portAnswers(host!, Number(port)))) adminUrl = `postgres://postgres@${host}:${port}/postgres`;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres(path.join(os.tmpdir(), `tessera-test-pg-${process.pid}`), createLogger('warn'));
    adminUrl = embedded.url;
  }
  const url = await recreateDatabase(adminUrl);
  const db = createDb(url, 1);
  await migrateSystem(db);
  await db.destroy();
  project.provide('databaseUrl', url);
  process.env.TESSERA_TEST_DATABASE_URL = url;
  return async () => {
    await embedded?.stop();
  };
}
