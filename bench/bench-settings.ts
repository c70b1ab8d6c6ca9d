/**
 * Sizes and time limits of one bench run. Every loop in the harness is bounded
 * by a request count and a time limit from here. BENCH_QUICK=1 shrinks
 * everything for a smoke run (its numbers are not comparable).
 * Durations and request caps are per side, split over `rounds` alternating
 * product/baseline slices.
 */
export interface BenchSettings {
  quick: boolean;
  w1: { concurrency: number; rounds: number; warmupMs: number; durationMs: number; maxRequests: number };
  w2: { rows: number; batchSize: number; concurrency: number; timeLimitMs: number };
  w3: { concurrencies: number[]; rounds: number; warmupMs: number; durationMs: number; maxRequests: number; revenueAbove: number; industry: string; limit: number };
  /** Kills the children and exits if the whole run takes longer than this. */
  watchdogMs: number;
}

export function benchSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const quick = env.BENCH_QUICK === '1';
  return {
    quick,
    w1: { concurrency: 16, rounds: 4, warmupMs: 2_000, durationMs: quick ? 4_000 : 20_000, maxRequests: quick ? 2_000 : 20_000 },
    w2: { rows: quick ? 20_000 : 200_000, batchSize: 5_000, concurrency: 2, timeLimitMs: 150_000 },
    w3: { concurrencies: [4, 1], rounds: 2, warmupMs: quick ? 1_000 : 2_000, durationMs: quick ? 3_000 : 10_000, maxRequests: 20_000, revenueAbove: 85_000_000, industry: 'it', limit: 50 },
    watchdogMs: 8 * 60_000,
  };
}
