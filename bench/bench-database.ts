import { openScratchDatabase } from '../engine/db/scratch-database';

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
