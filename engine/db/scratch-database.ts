import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createLogger } from '../core/logger';
import { portAnswers } from '../core/net';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';

/** A freshly created database for a test or benchmark run, and where its server came from. */
export interface ScratchDatabase {
  source: 'DATABASE_URL' | 'local server' | 'embedded';
  url: string;
  stop(): Promise<void>;
}

/** Drops and creates `name` on the server at adminUrl; answers the new database's URL. */
export async function recreateDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops the database a URL names, connecting to the server's `postgres` database. */
export async function dropDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`bad database name ${name}`);
  target.pathname = '/postgres';
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * DATABASE_URL, else the server at `probe` (host:port, default 127.0.0.1:5432)
 * when it answers, else an embedded PostgreSQL under the temp dir — then a
 * fresh database `name` on it.
 */
export async function openScratchDatabase(name: string, probe = '127.0.0.1:5432'): Promise<ScratchDatabase> {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`bad database name ${name}`);
  let embedded: EmbeddedDatabase | undefined;
  let source: ScratchDatabase['source'] = 'DATABASE_URL';
  let adminUrl = process.env.DATABASE_URL;
  const [host, port] = probe.split(':');
  if (!adminUrl && (await portAnswers(host!, Number(port)))) {
    adminUrl = `postgres://postgres@${host}:${port}/postgres`;
    source = 'local server';
  }
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres(path.join(os.tmpdir(), `tessera-${name}-pg`), createLogger('warn'));
    adminUrl = embedded.url;
    source = 'embedded';
  }
  const url = await recreateDatabase(adminUrl, name);
  return { source, url, stop: async () => embedded?.stop() };
}
