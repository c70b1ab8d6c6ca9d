import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createLogger } from '../engine/core/logger';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../engine/db/embedded-postgres';

export const BENCH_DB = 'tessera_bench';

/** The PostgreSQL the run uses and the fresh bench database in it. */
export interface BenchDatabase {
  /** Where it came from: DATABASE_URL, the local server on 5432, or embedded. */
  source: 'DATABASE_URL' | '127.0.0.1:5432' | 'embedded';
  url: string;
  stop(): Promise<void>;
}

function portAnswers(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function recreate(adminUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${BENCH_DB}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DB}`;
  return url.toString();
}

/** DATABASE_URL, else 127.0.0.1:5432 if it answers, else an embedded PostgreSQL; then a fresh tessera_bench. */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  let embedded: EmbeddedDatabase | undefined;
  let source: BenchDatabase['source'] = 'DATABASE_URL';
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl && (await portAnswers('127.0.0.1', 5432))) {
    adminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
    source = '127.0.0.1:5432';
  }
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres(path.join(os.tmpdir(), 'tessera-bench-pg'), createLogger('warn'));
    adminUrl = embedded.url;
    source = 'embedded';
  }
  const url = await recreate(adminUrl);
  return { source, url, stop: async () => embedded?.stop() };
}
