import { ACCOUNT_COLUMNS, accountRow } from '../account-rows';
import { BENCH_OBJECT } from '../bench-object';
import { closeClients, copyBatches, csvChunks, openClients } from '../copy-rows';
import { cpuSince, cpuSnapshot, type CpuTimes } from '../cpu-usage';
import { checkpoint, countRows } from '../db-maintenance';
import type { LatencySummary } from '../latency-stats';
import { runLoad, type LoadResult } from '../load';
import type { WorkloadContext } from './workload-context';

export interface BulkWorkloadResult {
  rows: number;
  batchSize: number;
  product: { load: LoadResult; rowsPerSec: number; elapsedMs: number };
  /** cpuMsPer1000Rows.server is the idle baseline server; the COPY client is the load generator. */
  baseline: { rowsPerSec: number; elapsedMs: number; batchLatencyMs: LatencySummary; cpuMsPer1000Rows: CpuTimes };
  rowsAfter: { product: number; baseline: number };
}

type CopyResult = BulkWorkloadResult['baseline'];

/** The baseline side: raw COPY of the prepared CSV batches on `concurrency` connections. */
async function measureCopy(ctx: WorkloadContext, csv: string[][]): Promise<CopyResult> {
  // Connections stay open until the second snapshot: a backend that exits takes its CPU time with it.
  const clients = await openClients(ctx.databaseUrl, ctx.settings.w2.concurrency);
  try {
    const before = cpuSnapshot(ctx.baseline.pid);
    const copy = await copyBatches(clients, ctx.baseline.table, [...ACCOUNT_COLUMNS, 'owner_id', 'created_by', 'updated_by'], csv);
    const cpu = cpuSince(before, cpuSnapshot(ctx.baseline.pid));
    const perK = (ms: number) => (ms * 1000) / copy.rows;
    return {
      rowsPerSec: copy.rows / (copy.elapsedMs / 1000),
      elapsedMs: copy.elapsedMs,
      batchLatencyMs: copy.batchLatencyMs,
      cpuMsPer1000Rows: { server: perK(cpu.server), postgres: perK(cpu.postgres), loadGen: perK(cpu.loadGen) },
    };
  } finally {
    await closeClients(clients);
  }
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
    serverPid: ctx.product.pid,
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
  const copy = await measureCopy(ctx, csv);
  const rowsAfter = { product: await countRows(ctx.sql, ctx.product.table), baseline: await countRows(ctx.sql, ctx.baseline.table) };
  if (rowsAfter.product !== s.rows || rowsAfter.baseline !== s.rows) throw new Error(`W2 expected ${s.rows} rows in each table, found ${JSON.stringify(rowsAfter)}`);
  return {
    rows: s.rows,
    batchSize: s.batchSize,
    product: { load, rowsPerSec: s.rows / (load.elapsedMs / 1000), elapsedMs: load.elapsedMs },
    baseline: copy,
    rowsAfter,
  };
}
