import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

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

/** One `COPY … FROM STDIN (FORMAT csv)` of prepared chunks; returns rows written and wall time. */
export async function copyCsv(client: pg.Client, table: string, columns: string[], chunks: string[]): Promise<{ rows: number; elapsedMs: number }> {
  const start = process.hrtime.bigint();
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN (FORMAT csv)`));
  await pipeline(Readable.from(chunks), stream);
  return { rows: stream.rowCount, elapsedMs: Number(process.hrtime.bigint() - start) / 1e6 };
}
