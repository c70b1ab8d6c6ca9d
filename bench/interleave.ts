import { runLoadRaw, type LoadOptions } from './load';
import { mergeLoads, type LoadResult, type RawLoad } from './load-result';

/** Per side: the load without its time and count budget, which the rounds share. */
export type SideLoad = Omit<LoadOptions, 'durationMs' | 'maxRequests' | 'warmupMs'>;

export interface InterleaveOptions {
  rounds: number;
  warmupMs: number;
  durationMs: number;
  maxRequests: number;
}

/**
 * Product, baseline, product, baseline, …: each side gets `rounds` slices of
 * the time and request budget (warm-up only before its first slice), so a
 * burst of noise on the machine hits both sides instead of one.
 */
export async function runInterleaved(product: SideLoad, baseline: SideLoad, o: InterleaveOptions): Promise<{ product: LoadResult; baseline: LoadResult }> {
  const raws: Record<'product' | 'baseline', RawLoad[]> = { product: [], baseline: [] };
  const budget = { durationMs: Math.ceil(o.durationMs / o.rounds), maxRequests: Math.ceil(o.maxRequests / o.rounds) };
  for (let round = 0; round < o.rounds; round++) {
    for (const [side, load] of [['product', product], ['baseline', baseline]] as const) {
      raws[side].push(await runLoadRaw({ ...load, ...budget, warmupMs: round === 0 ? o.warmupMs : 0 }));
    }
  }
  return { product: mergeLoads(raws.product), baseline: mergeLoads(raws.baseline) };
}
