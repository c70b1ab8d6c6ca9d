import { BENCH_OBJECT } from '../bench-object';
import { runInterleaved } from '../interleave';
import { sendOnce, type LoadResult, type PreparedRequest } from '../load';
import type { WorkloadContext } from './workload-context';

export interface ListRun {
  concurrency: number;
  product: LoadResult;
  baseline: LoadResult;
}

export interface ListWorkloadResult {
  filter: unknown;
  productPath: string;
  baselinePath: string;
  /** How selective the filter is on the loaded data. */
  selectivity: { rows: number; industryRows: number; matching: number; matchingShareOfIndustry: number };
  /** EXPLAIN of the count on each table (to show the index-only scan). */
  countPlans: { product: string; baseline: string };
  runs: ListRun[];
}

async function explainCount(ctx: WorkloadContext, table: string, industry: string, above: number): Promise<string> {
  const { rows } = await ctx.sql.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT count(*) FROM ${table} WHERE industry = $1 AND annual_revenue > $2::numeric`, [industry, above]);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

function checkPage(name: string, status: number, body: Buffer, limit: number): number {
  if (status !== 200) throw new Error(`W3 ${name} sanity request: HTTP ${status} ${body.toString().slice(0, 300)}`);
  const parsed = JSON.parse(body.toString()) as { records?: unknown[]; total?: number };
  if (parsed.records?.length !== limit || typeof parsed.total !== 'number') throw new Error(`W3 ${name}: expected ${limit} records and a total, got ${body.toString().slice(0, 300)}`);
  return parsed.total;
}

/** W3: filtered, sorted 50-row page with total, product vs the same two queries by hand. */
export async function runListWorkload(ctx: WorkloadContext): Promise<ListWorkloadResult> {
  const s = ctx.settings.w3;
  const filter = { and: [{ '==': [{ var: 'industry' }, s.industry] }, { '>': [{ var: 'annual_revenue' }, s.revenueAbove] }] };
  const productPath = `/api/v1/records/${BENCH_OBJECT}?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=-annual_revenue&limit=${s.limit}&count=true`;
  const baselinePath = `/accounts?industry=${s.industry}&revenue_above=${s.revenueAbove}&limit=${s.limit}`;
  const product: PreparedRequest = { method: 'GET', path: productPath, headers: { authorization: `Bearer ${ctx.product.token}` } };
  const baseline: PreparedRequest = { method: 'GET', path: baselinePath };

  const { rows } = await ctx.sql.query<{ rows: string; industry_rows: string; matching: string }>(
    `SELECT count(*) AS rows, count(*) FILTER (WHERE industry = $1) AS industry_rows, count(*) FILTER (WHERE industry = $1 AND annual_revenue > $2::numeric) AS matching FROM ${ctx.baseline.table}`,
    [s.industry, s.revenueAbove],
  );
  const [industryRows, matching] = [Number(rows[0]!.industry_rows), Number(rows[0]!.matching)];
  const sel = { rows: Number(rows[0]!.rows), industryRows, matching, matchingShareOfIndustry: matching / industryRows };
  if (sel.matchingShareOfIndustry < 0.1 || sel.matchingShareOfIndustry > 0.2) ctx.log(`WARNING W3: the filter matches ${(sel.matchingShareOfIndustry * 100).toFixed(1)}% of ${s.industry} rows (meant: 10–20%)`);

  const p = await sendOnce(ctx.product.port, product);
  const b = await sendOnce(ctx.baseline.port, baseline);
  const totals = [checkPage('product', p.status, p.body, s.limit), checkPage('baseline', b.status, b.body, s.limit)];
  if (totals[0] !== sel.matching || totals[1] !== sel.matching) throw new Error(`W3 totals differ: product ${totals[0]}, baseline ${totals[1]}, SQL ${sel.matching}`);

  const countPlans = { product: await explainCount(ctx, ctx.product.table, s.industry, s.revenueAbove), baseline: await explainCount(ctx, ctx.baseline.table, s.industry, s.revenueAbove) };
  const runs: ListRun[] = [];
  for (const concurrency of s.concurrencies) {
    ctx.log(`W3: GET list vs GET /accounts, c=${concurrency}, ${s.rounds} alternating rounds`);
    const r = await runInterleaved(
      { port: ctx.product.port, serverPid: ctx.product.pid, concurrency, expectStatus: 200, request: () => product },
      { port: ctx.baseline.port, serverPid: ctx.baseline.pid, concurrency, expectStatus: 200, request: () => baseline },
      { rounds: s.rounds, warmupMs: s.warmupMs, durationMs: s.durationMs, maxRequests: s.maxRequests },
    );
    runs.push({ concurrency, ...r });
  }
  return { filter, productPath, baselinePath, selectivity: sel, countPlans, runs };
}
