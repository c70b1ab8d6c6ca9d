import type { CpuTimes } from './cpu-usage';
import { summarize, type LatencySummary } from './latency-stats';

/** What every measured phase counts. */
interface LoadCounts {
  concurrency: number;
  /** Measured requests answered with the expected status. */
  ok: number;
  errors: number;
  firstError?: string;
  warmupRequests: number;
  elapsedMs: number;
}

/** One measured phase before summarizing: kept so alternating rounds can be merged. */
export interface RawLoad extends LoadCounts {
  samples: Float64Array;
  cpuMs?: CpuTimes;
}

/** A load's summary: what the tables and the JSON results use. */
export interface LoadResult extends LoadCounts {
  reqPerSec: number;
  latencyMs: LatencySummary;
  /** Throughput of each measured round (one unless rounds were interleaved). */
  roundsReqPerSec: number[];
  /** CPU time per answered request, by component (when serverPid was given). */
  cpuMsPerRequest?: CpuTimes;
}

/** Sums phases (requests over total measured time) and pools their latencies. */
export function mergeLoads(raws: RawLoad[]): LoadResult {
  const ok = raws.reduce((n, r) => n + r.ok, 0);
  const elapsedMs = raws.reduce((n, r) => n + r.elapsedMs, 0);
  const samples = new Float64Array(ok);
  let at = 0;
  for (const r of raws) {
    samples.set(r.samples, at);
    at += r.ok;
  }
  const firstError = raws.find((r) => r.firstError)?.firstError;
  const withCpu = raws.filter((r) => r.cpuMs);
  const perRequest = (k: keyof CpuTimes) => withCpu.reduce((n, r) => n + r.cpuMs![k], 0) / Math.max(1, withCpu.reduce((n, r) => n + r.ok, 0));
  return {
    concurrency: raws[0]!.concurrency,
    ok,
    errors: raws.reduce((n, r) => n + r.errors, 0),
    ...(firstError ? { firstError } : {}),
    warmupRequests: raws.reduce((n, r) => n + r.warmupRequests, 0),
    elapsedMs,
    reqPerSec: ok / (elapsedMs / 1000),
    latencyMs: summarize(samples),
    roundsReqPerSec: raws.map((r) => Math.round((r.ok / r.elapsedMs) * 1000)),
    ...(withCpu.length ? { cpuMsPerRequest: { server: perRequest('server'), postgres: perRequest('postgres'), loadGen: perRequest('loadGen') } } : {}),
  };
}
