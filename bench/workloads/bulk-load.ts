import { ACCOUNT_COLUMNS, accountRow } from '../account-rows';
import { BENCH_OBJECT } from '../bench-object';
import { copyBatches, csvChunks } from '../copy-rows';
import { checkpoint, countRows } from '../db-maintenance';
import type { LatencySummary } from '../latency-stats';
import { runLoad, type LoadResult } from '../load';
import type { WorkloadContext } from './workload-context';

export interface BulkWorkloadResult {
  rows: number;
  batchSize: number;
  product: { load: LoadResult; rowsPerSec: number; elapsedMs: number };
  baseline: { rowsPerSec: number; elapsedMs: number; batchLatencyMs: LatencySummary };
  rowsAfter: { product: number; baseline: number };
}

/**
 * W2: the same N rows through POST /records/:object/bulk (batches, concurrency 2)
 * vs raw COPY of the same batches as CSV on as many connections — the product's
 * bulk path is itself one COPY per batch, so equal parallelism keeps the ratio
 * about the product's overhead. Bodies and CSV are built first.
 */
export async function runBulkWorkload(ctx: WorkloadContext): Promise<BulkWorkloadResult> {
  const s = ctx.settings.w2;
  const rows = Array.from({ length: s.rows }, (_, n) => accountRow(n));
  const batches: Buffer[] = [];
  for (let i = 0; i < rows.length; i += s.batchSize) batches.push(Buffer.from(JSON.stringify({ records: rows.slice(i, i + s.batchSize) })));
  const owner = ctx.baseline.ownerId;
  const csv: string[][] = [];
  for (let i = 0; i < rows.length; i += s.batchSize) csv.push(csvChunks(rows.slice(i, i + s.batchSize).map((r) => [...ACCOUNT_COLUMNS.map((c) => r[c]), owner, owner, owner])));

  await checkpoint(ctx.sql);
  ctx.log(`W2 product: ${batches.length} × POST /api/v1/records/${BENCH_OBJECT}/bulk (${s.batchSize} records), c=${s.concurrency}`);
  const load = await runLoad({
    port: ctx.product.port,
    concurrency: s.concurrency,
    warmupMs: 0,
    durationMs: s.timeLimitMs,
    maxRequests: batches.length,
    expectStatus: 201,
    timeoutMs: 120_000,
    request: (i) => ({ method: 'POST', path: `/api/v1/records/${BENCH_OBJECT}/bulk`, headers: { authorization: `Bearer ${ctx.product.token}` }, body: batches[i] }),
  });
  if (load.ok !== batches.length) throw new Error(`W2 product: ${load.ok}/${batches.length} batches succeeded; first error: ${load.firstError}`);

  await checkpoint(ctx.sql);
  ctx.log(`W2 baseline: ${csv.length} × COPY ${s.batchSize} rows FROM STDIN (FORMAT csv), ${s.concurrency} connections`);
  const copy = await copyBatches(ctx.databaseUrl, ctx.baseline.table, [...ACCOUNT_COLUMNS, 'owner_id', 'created_by', 'updated_by'], csv, s.concurrency);
  const rowsAfter = { product: await countRows(ctx.sql, ctx.product.table), baseline: await countRows(ctx.sql, ctx.baseline.table) };
  if (rowsAfter.product !== s.rows || rowsAfter.baseline !== s.rows) throw new Error(`W2 expected ${s.rows} rows in each table, found ${JSON.stringify(rowsAfter)}`);
  return {
    rows: s.rows,
    batchSize: s.batchSize,
    product: { load, rowsPerSec: s.rows / (load.elapsedMs / 1000), elapsedMs: load.elapsedMs },
    baseline: { rowsPerSec: copy.rows / (copy.elapsedMs / 1000), elapsedMs: copy.elapsedMs, batchLatencyMs: copy.batchLatencyMs },
    rowsAfter,
  };
}
