import type pg from 'pg';
import type { Db } from '../../engine/db/knex';
import type { WaitSampler } from './wait-sampler';

/** What every part of the rules bench gets from bench/rules-bench.ts. */
export interface RulesBenchContext {
  /** The product, in its own process (bench/product-server.ts). */
  product: { port: number; pid: number; token: string };
  tenant: { schema: string; userId: string };
  databaseUrl: string;
  /** A direct connection for loading, checks and EXPLAIN. */
  sql: pg.Client;
  /** A knex handle on the same database (tenant set-up, metadata, the product's own SQL builders). */
  db: Db;
  /** Tallies PostgreSQL wait events under the label of the side being measured. */
  sampler: WaitSampler;
  log: (message: string) => void;
}

/** `"schema"."object"`, as the product names its tables. */
export const tableOf = (ctx: RulesBenchContext, object: string) => `"${ctx.tenant.schema}"."${object}"`;
