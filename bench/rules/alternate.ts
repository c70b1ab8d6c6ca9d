import type { SideLoad } from '../interleave';
import { runLoadRaw } from '../load';
import { mergeLoads, type LoadResult, type RawLoad } from '../load-result';
import type { WaitSampler } from './wait-sampler';

const WARMUP_MAX_REQUESTS = 100_000;

export interface AlternateOptions {
  rounds: number;
  warmupMs: number;
  /** Per side, split over the rounds (as bench/interleave.ts). */
  durationMs: number;
  maxRequests: number;
}

/**
 * bench/interleave.ts's alternating rounds (a, b, a, b …, warm-up before each
 * side's first round), labelling the wait sampler with the side being measured.
 */
export async function runAlternating(a: SideLoad & { label: string }, b: SideLoad & { label: string }, o: AlternateOptions, sampler: WaitSampler): Promise<{ a: LoadResult; b: LoadResult }> {
  const raws: RawLoad[][] = [[], []];
  const budget = { durationMs: Math.ceil(o.durationMs / o.rounds), maxRequests: Math.ceil(o.maxRequests / o.rounds) };
  for (let round = 0; round < o.rounds; round++) {
    for (const [k, side] of [a, b].entries()) {
      const { label, ...load } = side;
      if (round === 0 && o.warmupMs > 0) {
        // Unsampled warm-up, bounded by time and count.
        const warm = await runLoadRaw({ ...load, durationMs: o.warmupMs, maxRequests: WARMUP_MAX_REQUESTS, warmupMs: 0 });
        if (warm.errors) throw new Error(`${label} warm-up: ${warm.errors} failed requests; first: ${warm.firstError}`);
      }
      sampler.label = label;
      try {
        raws[k]!.push(await runLoadRaw({ ...load, ...budget, warmupMs: 0 }));
      } finally {
        sampler.label = undefined;
      }
    }
  }
  return { a: mergeLoads(raws[0]!), b: mergeLoads(raws[1]!) };
}
