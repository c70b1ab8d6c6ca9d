import type pg from 'pg';
import type { BenchSettings } from '../bench-settings';

/** What every workload gets from the orchestrator. */
export interface WorkloadContext {
  settings: BenchSettings;
  product: { port: number; pid: number; token: string; table: string };
  baseline: { port: number; pid: number; table: string; ownerId: string };
  /** The bench database, for extra direct connections (COPY). */
  databaseUrl: string;
  /** A direct connection to the bench database for checks, COPY and maintenance. */
  sql: pg.Client;
  log: (message: string) => void;
}
