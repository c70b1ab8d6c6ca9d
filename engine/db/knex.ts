import knexFactory, { type Knex } from 'knex';
import pg from 'pg';

export type Db = Knex;
export type Trx = Knex.Transaction;
/** Either the pool or an open transaction: every query function takes one. */
export type Executor = Knex | Knex.Transaction;

// Numbers come back as numbers, dates as YYYY-MM-DD strings (never shifted by a time zone).
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export function createDb(url: string, poolMax = 10): Db {
  return knexFactory({
    client: 'pg',
    connection: { connectionString: url, application_name: 'tessera' },
    pool: {
      min: 0,
      max: poolMax,
      afterCreate(conn: pg.Client, done: (err: Error | null, conn: pg.Client) => void) {
        // JIT pays off for long analytical queries, not for an OLTP API: it can add 50-100 ms to a count.
        conn.query("SET TIME ZONE 'UTC'; SET jit = off", (err: Error | null) => done(err, conn));
      },
    },
  });
}

/** Quotes an identifier that already passed metadata validation. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Runs SQL with `?` placeholders; values are always bound, never spliced. */
export async function runSql<Row = Record<string, unknown>>(exec: Executor, sql: string, params: readonly unknown[] = []): Promise<Row[]> {
  // knex's binding type is narrower than what pg accepts (arrays, Dates, null); pg serializes them.
  const result = await exec.raw(sql, params as unknown as readonly Knex.RawBinding[]);
  return result.rows as Row[];
}
