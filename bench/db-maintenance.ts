import type pg from 'pg';

/** Empties the tables between workloads (W1's rows must not end up in W2/W3). */
export async function truncate(client: pg.Client, tables: string[]): Promise<void> {
  await client.query(`TRUNCATE ${tables.join(', ')}`);
}

/** Sets visibility-map bits and statistics so counts can use index-only scans. */
export async function vacuumAnalyze(client: pg.Client, tables: string[]): Promise<void> {
  for (const t of tables) await client.query(`VACUUM ANALYZE ${t}`);
}

/** Flushes dirty buffers before a measured phase so a checkpoint is less likely to land in it (needs superuser; skipped otherwise). */
export async function checkpoint(client: pg.Client): Promise<void> {
  await client.query('CHECKPOINT').catch(() => undefined);
}

export async function countRows(client: pg.Client, table: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(rows[0]!.n);
}
