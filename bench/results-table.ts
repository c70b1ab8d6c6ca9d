import type { BenchResults } from './bench-results';
import type { LatencySummary } from './latency-stats';
import type { LoadResult } from './load';
import { renderMarkdown, renderText } from './table-render';
import { atLeast, atMost, TARGETS, type TargetCheck } from './targets';

/** One printed row: every cell already formatted. */
export interface TableRow {
  workload: string;
  product: string;
  baseline: string;
  productLatency: string;
  baselineLatency: string;
  ratio: string;
  target: string;
  met: string;
}

const HEADERS: TableRow = {
  workload: 'Workload',
  product: 'Product',
  baseline: 'Baseline',
  productLatency: 'Product p50 / p99 ms',
  baselineLatency: 'Baseline p50 / p99 ms',
  ratio: 'Product / baseline',
  target: 'Target',
  met: 'Met',
};

const rate = (n: number, unit: string) => `${Math.round(n).toLocaleString('en-US')} ${unit}`;
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const pair = (l: LatencySummary) => `${ms(l.p50)} / ${ms(l.p99)}`;
const lat = (r: LoadResult) => pair(r.latencyMs);

function row(workload: string, product: string, baseline: string, productLatency: string, baselineLatency: string, check: TargetCheck): TableRow {
  return { workload, product, baseline, productLatency, baselineLatency, ratio: check.ratioLabel, target: check.target, met: check.met ? 'yes' : 'NO' };
}

function tableRows(r: BenchResults): TableRow[] {
  const { w1, w2, w3 } = r;
  const rows = [
    row(`W1 create, c=${w1.product.concurrency}`, rate(w1.product.reqPerSec, 'req/s'), rate(w1.baseline.reqPerSec, 'req/s'), lat(w1.product), lat(w1.baseline), atLeast(w1.product.reqPerSec, w1.baseline.reqPerSec, TARGETS.createThroughput, 'req/s')),
    row(
      `W2 bulk load ${w2.rows.toLocaleString('en-US')} rows`,
      rate(w2.product.rowsPerSec, 'rows/s'),
      rate(w2.baseline.rowsPerSec, 'rows/s'),
      `${lat(w2.product.load)} per batch`,
      `${pair(w2.baseline.batchLatencyMs)} per batch`,
      atLeast(w2.product.rowsPerSec, w2.baseline.rowsPerSec, TARGETS.bulkThroughput, 'rows/s'),
    ),
  ];
  for (const run of w3.runs) {
    const thr = ` (${(run.product.reqPerSec / run.baseline.reqPerSec).toFixed(2)}× req/s)`;
    rows.push(row(`W3 list, c=${run.concurrency}`, rate(run.product.reqPerSec, 'req/s'), rate(run.baseline.reqPerSec, 'req/s'), lat(run.product), lat(run.baseline), atMost(run.product.latencyMs.p50, run.baseline.latencyMs.p50, TARGETS.listP50, 'p50', thr)));
  }
  return rows;
}

/** The main table, as text for the console. */
export const resultsText = (r: BenchResults) => renderText(HEADERS, tableRows(r));
/** The main table, as Markdown for docs/benchmarks.md. */
export const resultsMarkdown = (r: BenchResults) => renderMarkdown(HEADERS, tableRows(r));
