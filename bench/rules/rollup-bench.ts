import { runLoad, sendOnce, type LoadResult, type PreparedRequest } from '../load';
import { runAlternating } from './alternate';
import { bulkBodies, runBulkAlternating, type BulkSideResult } from './bulk-sides';
import { tableOf, type RulesBenchContext } from './context';
import { CHILD_PLAIN, CHILD_ROLLUP, lineRow, PARENT_OBJECT } from './objects';

export const ROLLUP = {
  parents: 1_000,
  single: { concurrency: 16, rounds: 2, warmupMs: 1_500, durationMs: 8_000, maxRequests: 40_000, bodyPool: 4_096 },
  /** Each concurrency loads `rows` more rows per side. */
  bulk: { rows: 100_000, batchSize: 5_000, concurrencies: [2, 1], rounds: 2 },
} as const;

export const ROLLUP_LABELS = {
  singleWith: '3 single insert, roll-ups',
  singleWithout: '3 single insert, no roll-ups',
  bulkWith: (c: number) => `3 bulk c=${c}, roll-ups`,
  bulkWithout: (c: number) => `3 bulk c=${c}, no roll-ups`,
};

export interface RollupBulkRun {
  concurrency: number;
  /** Rows in the child table with roll-ups before this run (the max roll-up rereads a touched parent's children). */
  childrenBefore: number;
  withRollups: BulkSideResult;
  withoutRollups: BulkSideResult;
}

export interface RollupResult {
  /** Whether the roll-ups were published and kept right; when not, why. */
  working: boolean;
  problem?: string;
  parents: number;
  /** Statement-level triggers found on the child table with roll-ups (3 per roll-up expected). */
  triggers: number;
  single?: { withRollups: LoadResult; withoutRollups: LoadResult };
  bulk?: RollupBulkRun[];
  /** When the roll-ups do not work: the plain child alone, single inserts. */
  plainOnly?: { single: LoadResult };
  /** After all the inserts: parents whose stored sum or max differs from the child rows. */
  check?: { children: number; wrongSum: number; wrongMax: number };
}

async function createParents(ctx: RulesBenchContext): Promise<string[]> {
  const records = Array.from({ length: ROLLUP.parents }, (_, i) => ({ name: `Parent ${i}` }));
  const res = await sendOnce(ctx.product.port, { method: 'POST', path: `/api/v1/records/${PARENT_OBJECT}/bulk`, headers: { authorization: `Bearer ${ctx.product.token}` }, body: Buffer.from(JSON.stringify({ records })) });
  if (res.status !== 201) throw new Error(`3: creating parents: HTTP ${res.status} ${res.body.toString().slice(0, 300)}`);
  return (JSON.parse(res.body.toString()) as { ids: string[] }).ids;
}

async function countTriggers(ctx: RulesBenchContext): Promise<number> {
  const { rows } = await ctx.sql.query<{ n: string }>(`SELECT count(*) AS n FROM pg_trigger WHERE tgrelid = $1::regclass AND NOT tgisinternal`, [tableOf(ctx, CHILD_ROLLUP)]);
  return Number(rows[0]!.n);
}

/** Every parent's stored roll-ups against sum/max computed here from the child rows. */
async function checkValues(ctx: RulesBenchContext): Promise<NonNullable<RollupResult['check']>> {
  const { rows } = await ctx.sql.query<{ children: string; wrong_sum: string; wrong_max: string }>(
    `SELECT (SELECT count(*) FROM ${tableOf(ctx, CHILD_ROLLUP)}) AS children,
            count(*) FILTER (WHERE p.total_amount IS DISTINCT FROM coalesce(s.total, 0)) AS wrong_sum,
            count(*) FILTER (WHERE p.max_amount IS DISTINCT FROM s.biggest) AS wrong_max
     FROM ${tableOf(ctx, PARENT_OBJECT)} p
     LEFT JOIN (SELECT parent, sum(amount) AS total, max(amount) AS biggest FROM ${tableOf(ctx, CHILD_ROLLUP)} GROUP BY parent) s ON s.parent = p.id`,
  );
  return { children: Number(rows[0]!.children), wrongSum: Number(rows[0]!.wrong_sum), wrongMax: Number(rows[0]!.wrong_max) };
}

/**
 * 3: child inserts into bench_line (its parent has sum and max roll-ups over
 * it) vs bench_line_plain (same shape and lookup, no roll-ups): single POSTs
 * at c=16, then 5,000-row bulk batches. `publishError` is set when publishing
 * the roll-ups failed: then only the plain child is measured.
 */
export async function runRollupBench(ctx: RulesBenchContext, publishError: string | undefined): Promise<RollupResult> {
  const parents = await createParents(ctx);
  const triggers = publishError ? 0 : await countTriggers(ctx);
  const s = ROLLUP.single;
  const bodies = Array.from({ length: s.bodyPool }, (_, k) => Buffer.from(JSON.stringify(lineRow(k, parents))));
  const insert = (object: string) => (i: number): PreparedRequest => ({ method: 'POST', path: `/api/v1/records/${object}`, headers: { authorization: `Bearer ${ctx.product.token}` }, body: bodies[i % s.bodyPool] });
  const problem = publishError ?? (triggers === 0 ? 'no roll-up triggers on the child table after publishing' : undefined);

  for (const object of problem ? [CHILD_PLAIN] : [CHILD_ROLLUP, CHILD_PLAIN]) {
    const res = await sendOnce(ctx.product.port, insert(object)(0));
    if (res.status !== 201) throw new Error(`3 sanity insert into ${object}: HTTP ${res.status} ${res.body.toString().slice(0, 300)}`);
  }

  if (problem) {
    ctx.log(`3: ROLL-UPS NOT WORKING (${problem}); measuring only the plain child`);
    const single = await runLoad({ port: ctx.product.port, serverPid: ctx.product.pid, concurrency: s.concurrency, warmupMs: s.warmupMs, durationMs: s.durationMs / s.rounds, maxRequests: s.maxRequests / s.rounds, expectStatus: 201, request: insert(CHILD_PLAIN) });
    return { working: false, problem, parents: parents.length, triggers, plainOnly: { single } };
  }

  ctx.log(`3: POST /records/${CHILD_ROLLUP} (2 roll-ups on ${PARENT_OBJECT}) vs /records/${CHILD_PLAIN}, c=${s.concurrency}, ${s.rounds} alternating rounds, children spread over ${parents.length} parents`);
  const single = await runAlternating(
    { label: ROLLUP_LABELS.singleWith, port: ctx.product.port, serverPid: ctx.product.pid, concurrency: s.concurrency, expectStatus: 201, request: insert(CHILD_ROLLUP) },
    { label: ROLLUP_LABELS.singleWithout, port: ctx.product.port, serverPid: ctx.product.pid, concurrency: s.concurrency, expectStatus: 201, request: insert(CHILD_PLAIN) },
    { rounds: s.rounds, warmupMs: s.warmupMs, durationMs: s.durationMs, maxRequests: s.maxRequests },
    ctx.sampler,
  );
  const b = ROLLUP.bulk;
  const bulk: RollupBulkRun[] = [];
  for (const [k, concurrency] of b.concurrencies.entries()) {
    const base = 1_000_000 * (k + 1);
    const batches = bulkBodies(Array.from({ length: b.rows }, (_, n) => lineRow(base + n, parents)), b.batchSize);
    const warmup = bulkBodies(Array.from({ length: b.batchSize }, (_, n) => lineRow(base + 900_000 + n, parents)), b.batchSize)[0]!;
    const childrenBefore = Number((await ctx.sql.query<{ n: string }>(`SELECT count(*) AS n FROM ${tableOf(ctx, CHILD_ROLLUP)}`)).rows[0]!.n);
    ctx.log(`3: ${batches.length} × POST /records/<line>/bulk (${b.batchSize} rows), c=${concurrency}, ${b.rounds} alternating rounds, with / without roll-ups (${childrenBefore.toLocaleString('en-US')} children already)`);
    const r = await runBulkAlternating(
      ctx,
      { object: CHILD_ROLLUP, batches, label: ROLLUP_LABELS.bulkWith(concurrency) },
      { object: CHILD_PLAIN, batches, label: ROLLUP_LABELS.bulkWithout(concurrency) },
      warmup,
      { batchSize: b.batchSize, concurrency, rounds: b.rounds, timeLimitMs: 120_000 },
    );
    bulk.push({ concurrency, childrenBefore, withRollups: r.a, withoutRollups: r.b });
  }
  const check = await checkValues(ctx);
  const working = check.wrongSum === 0 && check.wrongMax === 0;
  return {
    working,
    ...(working ? {} : { problem: `${check.wrongSum} parents with a wrong sum, ${check.wrongMax} with a wrong max after the inserts` }),
    parents: parents.length,
    triggers,
    single: { withRollups: single.a, withoutRollups: single.b },
    bulk,
    check,
  };
}
