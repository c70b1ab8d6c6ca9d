import pg from 'pg';
import { createDb, type Db } from '../engine/db/knex';
import { openScratchDatabase, type ScratchDatabase } from '../engine/db/scratch-database';

export const BENCH_DB = 'tessera_bench';

/** The PostgreSQL the run uses and the fresh bench database in it. */
export interface BenchDatabase {
  /** Where it came from: DATABASE_URL, the local server on 5432, or embedded. */
  source: 'DATABASE_URL' | '127.0.0.1:5432' | 'embedded';
  url: string;
  stop(): Promise<void>;
}

/** DATABASE_URL, else 127.0.0.1:5432 if it answers, else an embedded PostgreSQL; then a fresh tessera_bench. */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  const db = await openScratchDatabase(BENCH_DB);
  return { ...db, source: db.source === 'local server' ? '127.0.0.1:5432' : db.source };
}

/** A fresh scratch database with a direct connection and a small knex pool on it. */
export interface BenchConnections {
  database: ScratchDatabase;
  /** For loading, checks and EXPLAIN. */
  sql: pg.Client;
  /** For tenant set-up and the engine's own SQL builders. */
  db: Db;
  /** Ends both connections and stops the database (if embedded). */
  close(): Promise<void>;
}

/** Opens the fresh database `name` (as openScratchDatabase) and connects to it. */
export async function openBenchConnections(name: string): Promise<BenchConnections> {
  const database = await openScratchDatabase(name);
  const sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  const db = createDb(database.url, 2);
  return {
    database,
    sql,
    db,
    async close() {
      await db.destroy().catch(() => undefined);
      await sql.end().catch(() => undefined);
      await database.stop();
    },
  };
}
