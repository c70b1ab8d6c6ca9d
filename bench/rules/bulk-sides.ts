import type { CpuTimes } from '../cpu-usage';
import { checkpoint } from '../db-maintenance';
import type { LatencySummary } from '../latency-stats';
import { runLoadRaw, sendOnce, type RawLoad } from '../load';
import { mergeLoads } from '../load-result';
import type { RulesBenchContext } from './context';

/** One side of a bulk comparison: an object and its pre-serialized batch bodies. */
export interface BulkSide {
  object: string;
  batches: Buffer[];
  /** The wait sampler's label while this side is measured. */
  label: string;
}

export interface BulkSideResult {
  object: string;
  rows: number;
  batchSize: number;
  elapsedMs: number;
  rowsPerSec: number;
  batchLatencyMs: LatencySummary;
  /** Per round, to show the spread. */
  roundsRowsPerSec: number[];
  cpuMsPer1000Rows?: CpuTimes;
}

export interface BulkOptions {
  batchSize: number;
  concurrency: number;
  rounds: number;
  /** Per side, over all its rounds. */
  timeLimitMs: number;
}

const bulkRequest = (ctx: RulesBenchContext, object: string, body: Buffer) => ({
  method: 'POST' as const,
  path: `/api/v1/records/${object}/bulk`,
  headers: { authorization: `Bearer ${ctx.product.token}` },
  body,
});

function summarizeSide(object: string, raws: RawLoad[], batchSize: number): BulkSideResult {
  const load = mergeLoads(raws);
  const rows = load.ok * batchSize;
  const k = 1000 / batchSize;
  const cpu = load.cpuMsPerRequest;
  return {
    object,
    rows,
    batchSize,
    elapsedMs: load.elapsedMs,
    rowsPerSec: rows / (load.elapsedMs / 1000),
    batchLatencyMs: load.latencyMs,
    roundsRowsPerSec: raws.map((r) => Math.round((r.ok * batchSize) / (r.elapsedMs / 1000))),
    ...(cpu ? { cpuMsPer1000Rows: { server: cpu.server * k, postgres: cpu.postgres * k, loadGen: cpu.loadGen * k } } : {}),
  };
}

/**
 * The same batches through POST /records/<object>/bulk for two objects, in
 * alternating rounds (a, b, a, b …), each round a closed loop at
 * `concurrency`; one unmeasured warm-up batch per side first. Throws if any
 * batch fails.
 */
export async function runBulkAlternating(ctx: RulesBenchContext, a: BulkSide, b: BulkSide, warmup: Buffer, o: BulkOptions): Promise<{ a: BulkSideResult; b: BulkSideResult }> {
  for (const side of [a, b]) {
    const res = await sendOnce(ctx.product.port, bulkRequest(ctx, side.object, warmup), 120_000);
    if (res.status !== 201) throw new Error(`bulk warm-up on ${side.object}: HTTP ${res.status} ${res.body.toString().slice(0, 300)}`);
  }
  const raws: RawLoad[][] = [[], []];
  const perRound = Math.ceil(a.batches.length / o.rounds);
  for (let round = 0; round < o.rounds; round++) {
    for (const [k, side] of [a, b].entries()) {
      const first = round * perRound;
      const count = Math.min(perRound, side.batches.length - first);
      if (count <= 0) continue;
      await checkpoint(ctx.sql);
      ctx.sampler.label = side.label;
      const raw = await runLoadRaw({
        port: ctx.product.port,
        serverPid: ctx.product.pid,
        concurrency: o.concurrency,
        warmupMs: 0,
        durationMs: Math.ceil(o.timeLimitMs / o.rounds),
        maxRequests: count,
        expectStatus: 201,
        timeoutMs: 120_000,
        request: (i) => bulkRequest(ctx, side.object, side.batches[first + i]!),
      }).finally(() => {
        ctx.sampler.label = undefined;
      });
      if (raw.errors || raw.ok !== count) throw new Error(`bulk ${side.object} round ${round + 1}: ${raw.ok}/${count} batches succeeded; first error: ${raw.firstError ?? 'time limit'}`);
      raws[k]!.push(raw);
    }
  }
  return { a: summarizeSide(a.object, raws[0]!, o.batchSize), b: summarizeSide(b.object, raws[1]!, o.batchSize) };
}

/** Splits records into pre-serialized `{"records": […]}` bodies. */
export function bulkBodies(records: unknown[], batchSize: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < records.length; i += batchSize) out.push(Buffer.from(JSON.stringify({ records: records.slice(i, i + batchSize) })));
  return out;
}
