import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { summarize, type LatencySummary } from './latency-stats';

const CHUNK_CHARS = 256 * 1024;

const csvValue = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : `"${String(v).replace(/"/g, '""')}"`);

/** Rows → CSV text in ~256 KB chunks, built before the clock starts. */
export function csvChunks(rows: unknown[][]): string[] {
  const chunks: string[] = [];
  let buf = '';
  for (const r of rows) {
    buf += `${r.map(csvValue).join(',')}\n`;
    if (buf.length >= CHUNK_CHARS) {
      chunks.push(buf);
      buf = '';
    }
  }
  if (buf) chunks.push(buf);
  return chunks;
}

async function copyOne(client: pg.Client, sql: string, chunks: string[]): Promise<number> {
  const stream = client.query(copyFrom(sql));
  await pipeline(Readable.from(chunks), stream);
  return stream.rowCount;
}

/** Opens n connections (before the clock starts; close them with closeClients). */
export async function openClients(databaseUrl: string, n: number): Promise<pg.Client[]> {
  const clients = Array.from({ length: n }, () => new pg.Client({ connectionString: databaseUrl }));
  await Promise.all(clients.map((c) => c.connect()));
  return clients;
}

export async function closeClients(clients: pg.Client[]): Promise<void> {
  await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
}

/**
 * Raw `COPY … FROM STDIN (FORMAT csv)`: each batch is one COPY statement (its
 * own transaction); the clients take batches in order, one at a time each.
 * Returns rows written, wall time and per-batch latency.
 */
export async function copyBatches(clients: pg.Client[], table: string, columns: string[], batches: string[][]): Promise<{ rows: number; elapsedMs: number; batchLatencyMs: LatencySummary }> {
  const sql = `COPY ${table} (${columns.join(', ')}) FROM STDIN (FORMAT csv)`;
  let next = 0;
  let rows = 0;
  const latencies = new Float64Array(batches.length);
  const start = process.hrtime.bigint();
  await Promise.all(
    clients.map(async (c) => {
      while (next < batches.length) {
        const i = next++;
        const t0 = process.hrtime.bigint();
        const n = await copyOne(c, sql, batches[i]!);
        rows += n; // not `rows += await …`: that reads rows before the await and loses the other clients' updates
        latencies[i] = Number(process.hrtime.bigint() - t0) / 1e6;
      }
    }),
  );
  return { rows, elapsedMs: Number(process.hrtime.bigint() - start) / 1e6, batchLatencyMs: summarize(latencies) };
}
