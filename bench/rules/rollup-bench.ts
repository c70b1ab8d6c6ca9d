import { rollupTriggerName } from '../../engine/schema-engine/rollup-names';
import { runLoad, sendOnce, type LoadResult, type PreparedRequest } from '../load';
import { runAlternating } from './alternate';
import { bulkBodies, runBulkAlternating, type BulkSideResult } from './bulk-sides';
import { tableOf, type RulesBenchContext } from './context';
import { CHILD_PLAIN, CHILD_ROLLUP, lineRow, PARENT_OBJECT, parentDef } from './objects';

export const ROLLUP = {
  parents: 1_000,
  single: { concurrency: 16, rounds: 4, warmupMs: 1_500, durationMs: 8_000, maxRequests: 40_000, bodyPool: 4_096 },
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
  /**
   * EXPLAIN ANALYZE of one 5,000-row INSERT … SELECT into each child (rolled back), before the bulk
   * runs and after them: the time of each trigger (the roll-ups', the foreign key's) and in all.
   */
  triggerProfiles?: { when: string; children: number; withRollups: TriggerProfile; withoutRollups: TriggerProfile }[];
  /** After all the inserts: parents whose stored sum or max differs from the child rows. */
  check?: { children: number; wrongSum: number; wrongMax: number };
}

export interface TriggerProfile {
  executionMs: number;
  triggers: { name: string; ms: number; calls: number }[];
}

/** Readable names for EXPLAIN's trigger lines: the foreign key, and each roll-up by its field. */
function triggerLabel(name: string): string {
  if (name.startsWith('for constraint') || name.startsWith('RI_ConstraintTrigger')) return 'lookup FK check';
  for (const f of parentDef(true).fields) if (name === rollupTriggerName(PARENT_OBJECT, f.name, 'ins')) return `${f.name} (${String(f.options?.function)})`;
  return name;
}

/** A 5,000-row INSERT … SELECT into `object` under EXPLAIN ANALYZE, rolled back: per-trigger times. */
async function triggerProfile(ctx: RulesBenchContext, object: string): Promise<TriggerProfile> {
  await ctx.sql.query('BEGIN');
  try {
    const { rows } = await ctx.sql.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE) INSERT INTO ${tableOf(ctx, object)} (name, owner_id, created_by, updated_by, parent, amount, qty)
       SELECT 'Profile ' || g, $1::uuid, $1::uuid, $1::uuid, p.id, (g % 100000) / 1.0, 1 + g % 100
       FROM generate_series(1, ${ROLLUP.bulk.batchSize}) g
       JOIN (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM ${tableOf(ctx, PARENT_OBJECT)}) p ON p.rn = 1 + (g * 7919) % ${ROLLUP.parents}`,
      [ctx.tenant.userId],
    );
    const lines = rows.map((r) => r['QUERY PLAN']);
    const triggers = lines.flatMap((l) => {
      const m = /^Trigger (.+): time=([\d.]+) calls=(\d+)/.exec(l.trim());
      return m ? [{ name: triggerLabel(m[1]!), ms: Number(m[2]), calls: Number(m[3]) }] : [];
    });
    const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(lines.join('\n'))?.[1] ?? NaN);
    return { executionMs, triggers };
  } finally {
    await ctx.sql.query('ROLLBACK');
  }
}

async function profileBoth(ctx: RulesBenchContext, when: string): Promise<NonNullable<RollupResult['triggerProfiles']>[number]> {
  const children = Number((await ctx.sql.query<{ n: string }>(`SELECT count(*) AS n FROM ${tableOf(ctx, CHILD_ROLLUP)}`)).rows[0]!.n);
  return { when, children, withRollups: await triggerProfile(ctx, CHILD_ROLLUP), withoutRollups: await triggerProfile(ctx, CHILD_PLAIN) };
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
  const triggerProfiles = [await profileBoth(ctx, 'before the bulk runs')];
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
  triggerProfiles.push(await profileBoth(ctx, 'after the bulk runs'));
  const check = await checkValues(ctx);
  const working = check.wrongSum === 0 && check.wrongMax === 0;
  return {
    working,
    ...(working ? {} : { problem: `${check.wrongSum} parents with a wrong sum, ${check.wrongMax} with a wrong max after the inserts` }),
    parents: parents.length,
    triggers,
    single: { withRollups: single.a, withoutRollups: single.b },
    bulk,
    triggerProfiles,
    check,
  };
}
