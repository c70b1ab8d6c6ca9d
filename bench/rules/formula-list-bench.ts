import { FieldTypeRegistry } from '../../engine/field-types/registry';
import { MetadataCache } from '../../engine/metadata/metadata-cache';
import { buildListQuery } from '../../engine/query/list-query';
import { parseListParams } from '../../engine/query/list-params';
import { median } from '../latency-stats';
import { sendOnce, type Answer, type LoadResult, type PreparedRequest } from '../load';
import { runAlternating } from './alternate';
import { tableOf, type RulesBenchContext } from './context';
import { formulaBaselineSql } from './formula-baseline-sql';
import { ITEM_OBJECT, ITEM_STAGES } from './objects';

export const FORMULA = { rows: 200_000, limit: 50, share: 0.1, concurrencies: [1, 4], rounds: 4, warmupMs: 1_000, durationMs: 8_000, maxRequests: 20_000, sqlRepeats: 15 } as const;

export const formulaLabels = (concurrency: number) => ({ product: `2 formula list c=${concurrency}, product`, baseline: `2 formula list c=${concurrency}, hand-written` });

/** Median and fastest wall ms of each side's SQL alone. */
export interface SqlTimes {
  product: number;
  baseline: number;
  productMin: number;
  baselineMin: number;
}

export interface FormulaRun {
  concurrency: number;
  product: LoadResult;
  baseline: LoadResult;
}

export interface FormulaListResult {
  rows: number;
  above: number;
  matching: number;
  productPath: string;
  baselinePath: string;
  /** EXPLAIN (ANALYZE) of each side's SQL, run once after the loads: plan and server-side execution time. */
  plans: { product: { sql: string; plan: string; executionMs: number }; baseline: { sql: string; plan: string; executionMs: number } };
  /**
   * Each side's SQL alone on one connection, alternating, FORMULA.sqlRepeats times each: median wall ms,
   * with PostgreSQL's default parallel plan and with max_parallel_workers_per_gather = 0.
   */
  sqlOnly: { parallel: SqlTimes; serial: SqlTimes };
  runs: FormulaRun[];
}

/** 200,000 items straight into the product's table: amounts 0–100,000.00, qty 1–200 and 0 for 1 % (unit price null). */
export async function loadItems(ctx: RulesBenchContext): Promise<void> {
  const table = tableOf(ctx, ITEM_OBJECT);
  await ctx.sql.query(
    `INSERT INTO ${table} (name, owner_id, created_by, updated_by, amount, qty, stage)
     SELECT 'Item ' || g, $1::uuid, $1::uuid, $1::uuid, ((g::bigint * 7919) % 10000000) / 100.0,
            CASE WHEN g % 101 = 0 THEN 0 ELSE 1 + (g * 37) % 200 END,
            (ARRAY[${ITEM_STAGES.map((s) => `'${s}'`).join(', ')}])[1 + g % ${ITEM_STAGES.length}]
     FROM generate_series(1, ${FORMULA.rows}) g`,
    [ctx.tenant.userId],
  );
  await ctx.sql.query(`VACUUM ANALYZE ${table}`);
}

function checkPage(name: string, { status, body }: Answer): { id: string; unit_price: number }[] {
  if (status !== 200) throw new Error(`2 ${name} sanity request: HTTP ${status} ${body.toString().slice(0, 300)}`);
  const records = (JSON.parse(body.toString()) as { records?: { id: string; unit_price: unknown }[] }).records ?? [];
  if (records.length !== FORMULA.limit) throw new Error(`2 ${name}: expected ${FORMULA.limit} records, got ${records.length}`);
  return records.map((r) => ({ id: r.id, unit_price: Number(r.unit_price) }));
}

const executionMs = (plan: string) => Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);

/** The product's page SQL for the request, built by the engine's own list-query builder from the published metadata. */
async function productSql(ctx: RulesBenchContext, query: Record<string, string>): Promise<{ sql: string; params: unknown[] }> {
  const registry = new FieldTypeRegistry();
  const meta = await new MetadataCache(ctx.db, registry).get(ctx.tenant.schema);
  const q = buildListQuery(meta.object(ITEM_OBJECT), parseListParams(query), registry, meta.snapshot);
  return { sql: q.page.sql, params: [...q.page.params] };
}

/** Both statements alternately on the bench connection; median wall time of each. */
async function timeSql(ctx: RulesBenchContext, product: { sql: string; bindings: readonly unknown[] }, baseline: { sql: string; bindings: readonly unknown[] }): Promise<SqlTimes> {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < FORMULA.sqlRepeats; i++) {
    for (const [k, q] of [product, baseline].entries()) {
      const t0 = performance.now();
      await ctx.sql.query(q.sql, [...q.bindings]);
      times[k]!.push(performance.now() - t0);
    }
  }
  return { product: median(times[0]), baseline: median(times[1]), productMin: Math.min(...times[0]), baselineMin: Math.min(...times[1]) };
}

/** 2: GET list filtered and sorted by the formula vs the hand-written SQL, c=1 and c=4, alternating rounds. */
export async function runFormulaList(ctx: RulesBenchContext, baseline: { port: number; pid: number }): Promise<FormulaListResult> {
  const table = tableOf(ctx, ITEM_OBJECT);
  const pct = await ctx.sql.query<{ x: string }>(`SELECT percentile_disc($1::float8) WITHIN GROUP (ORDER BY round(amount / NULLIF(qty, 0), 2)) AS x FROM ${table}`, [1 - FORMULA.share]);
  const above = Math.floor(Number(pct.rows[0]!.x));
  const matching = Number((await ctx.sql.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE round(amount / NULLIF(qty, 0), 2) > $1`, [above])).rows[0]!.n);
  const filter = { '>': [{ var: 'unit_price' }, above] };
  const query = { filter: JSON.stringify(filter), sort: '-unit_price', limit: String(FORMULA.limit) };
  const productPath = `/api/v1/records/${ITEM_OBJECT}?filter=${encodeURIComponent(query.filter)}&sort=${query.sort}&limit=${query.limit}`;
  const baselinePath = `/items?above=${above}&limit=${FORMULA.limit}`;
  const product: PreparedRequest = { method: 'GET', path: productPath, headers: { authorization: `Bearer ${ctx.product.token}` } };
  const hand: PreparedRequest = { method: 'GET', path: baselinePath };

  const p = checkPage('product', await sendOnce(ctx.product.port, product));
  const b = checkPage('baseline', await sendOnce(baseline.port, hand));
  const differ = p.findIndex((r, i) => r.id !== b[i]!.id || r.unit_price !== b[i]!.unit_price);
  if (differ >= 0) throw new Error(`2: the pages differ at row ${differ}: product ${JSON.stringify(p[differ])}, baseline ${JSON.stringify(b[differ])}`);
  ctx.log(`2: ${matching.toLocaleString('en-US')} of ${FORMULA.rows.toLocaleString('en-US')} items have unit_price > ${above}; both sides return the same 50 rows`);

  const runs: FormulaRun[] = [];
  for (const concurrency of FORMULA.concurrencies) {
    ctx.log(`2: GET list by formula vs hand-written SQL, c=${concurrency}, ${FORMULA.rounds} alternating rounds`);
    const labels = formulaLabels(concurrency);
    const r = await runAlternating(
      { label: labels.product, port: ctx.product.port, serverPid: ctx.product.pid, concurrency, expectStatus: 200, request: () => product },
      { label: labels.baseline, port: baseline.port, serverPid: baseline.pid, concurrency, expectStatus: 200, request: () => hand },
      { rounds: FORMULA.rounds, warmupMs: FORMULA.warmupMs, durationMs: FORMULA.durationMs, maxRequests: FORMULA.maxRequests },
      ctx.sampler,
    );
    runs.push({ concurrency, product: r.a, baseline: r.b });
  }

  const ps = await productSql(ctx, query);
  const native = ctx.db.raw(ps.sql, ps.params as never).toSQL().toNative();
  const bsql = formulaBaselineSql(table);
  const sqlOnly = { parallel: await timeSql(ctx, native, { sql: bsql, bindings: [above, FORMULA.limit] }), serial: { product: 0, baseline: 0, productMin: 0, baselineMin: 0 } };
  await ctx.sql.query('SET max_parallel_workers_per_gather = 0');
  sqlOnly.serial = await timeSql(ctx, native, { sql: bsql, bindings: [above, FORMULA.limit] });
  await ctx.sql.query('RESET max_parallel_workers_per_gather');
  const productPlan = ((await ctx.db.raw(`EXPLAIN (ANALYZE, BUFFERS) ${ps.sql}`, ps.params as never)).rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
  const baselinePlan = (await ctx.sql.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${bsql}`, [above, FORMULA.limit])).rows.map((r) => r['QUERY PLAN']).join('\n');
  return {
    rows: FORMULA.rows,
    above,
    matching,
    productPath,
    baselinePath,
    sqlOnly,
    plans: { product: { sql: ps.sql, plan: productPlan, executionMs: executionMs(productPlan) }, baseline: { sql: bsql, plan: baselinePlan, executionMs: executionMs(baselinePlan) } },
    runs,
  };
}
