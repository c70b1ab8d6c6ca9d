import { accountRow } from '../account-rows';
import { BENCH_OBJECT } from '../bench-object';
import { checkpoint, countRows } from '../db-maintenance';
import { runInterleaved } from '../interleave';
import { sendOnce, type LoadResult, type PreparedRequest } from '../load';
import type { WorkloadContext } from './workload-context';

export interface CreateWorkloadResult {
  product: LoadResult;
  baseline: LoadResult;
  /** Rows in each table afterwards (warm-up plus measured requests). */
  rowsAfter: { product: number; baseline: number };
}

/** Distinct bodies, cycled; serialized once so the load generator only writes bytes. */
const BODY_POOL = 1024;

/** W1: one record per POST at concurrency 16, product vs INSERT … RETURNING *. */
export async function runCreateWorkload(ctx: WorkloadContext): Promise<CreateWorkloadResult> {
  const s = ctx.settings.w1;
  const bodies = Array.from({ length: BODY_POOL }, (_, k) => Buffer.from(JSON.stringify(accountRow(1_000_000 + k))));
  const product = (i: number): PreparedRequest => ({ method: 'POST', path: `/api/v1/records/${BENCH_OBJECT}`, headers: { authorization: `Bearer ${ctx.product.token}` }, body: bodies[i % BODY_POOL] });
  const baseline = (i: number): PreparedRequest => ({ method: 'POST', path: '/accounts', body: bodies[i % BODY_POOL] });

  for (const [name, port, req] of [['product', ctx.product.port, product(0)], ['baseline', ctx.baseline.port, baseline(0)]] as const) {
    const res = await sendOnce(port, req);
    if (res.status !== 201) throw new Error(`W1 ${name} sanity request: HTTP ${res.status} ${res.body.toString().slice(0, 300)}`);
  }

  await checkpoint(ctx.sql);
  ctx.log(`W1: POST /api/v1/records/${BENCH_OBJECT} vs POST /accounts, c=${s.concurrency}, ${s.rounds} alternating rounds`);
  const { product: p, baseline: b } = await runInterleaved(
    { port: ctx.product.port, serverPid: ctx.product.pid, concurrency: s.concurrency, expectStatus: 201, request: product },
    { port: ctx.baseline.port, serverPid: ctx.baseline.pid, concurrency: s.concurrency, expectStatus: 201, request: baseline },
    { rounds: s.rounds, warmupMs: s.warmupMs, durationMs: s.durationMs, maxRequests: s.maxRequests },
  );
  return { product: p, baseline: b, rowsAfter: { product: await countRows(ctx.sql, ctx.product.table), baseline: await countRows(ctx.sql, ctx.baseline.table) } };
}
