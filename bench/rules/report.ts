import { writeDocSection } from '../benchmarks-doc';
import type { CpuTimes } from '../cpu-usage';
import type { LatencySummary } from '../latency-stats';
import type { MachineInfo } from '../machine-info';
import { renderMarkdown, renderText, type Cells } from '../table-render';
import { atLeast, atMost } from '../targets';
import type { BulkSideResult } from './bulk-sides';
import { FORMULA, formulaLabels, type FormulaListResult } from './formula-list-bench';
import { ROLLUP, ROLLUP_LABELS, type RollupResult } from './rollup-bench';
import { VALIDATION, VALIDATION_LABELS, type InterpreterResult, type ValidationBulkResult } from './validation-bench';
import { waitSummary, type WaitProfile } from './wait-sampler';

/** Everything one run of bench/rules-bench.ts measured (also written as JSON to bench/.results/). */
export interface RulesBenchResults {
  startedAt: string;
  finishedAt: string;
  elapsedS: number;
  machine: MachineInfo;
  database: { source: string };
  interpreter: InterpreterResult;
  validation: ValidationBulkResult;
  formula: FormulaListResult;
  rollup: RollupResult;
  /** PostgreSQL wait events per measured side (bench/rules/wait-sampler.ts). */
  waits: Record<string, WaitProfile>;
  /** The machine's 1-minute load average around each part (other work on a shared machine shows here). */
  loadAverage: { part: string; start: number; end: number }[];
}

/** The formula list's target from the issue: product p50 at most 1.5× the hand-written SQL's. */
export const FORMULA_LIST_P50_TARGET = 1.5;

type Key = 'measure' | 'tessera' | 'comparison' | 'tesseraLatency' | 'comparisonLatency' | 'ratio' | 'target' | 'met';
const HEADERS: Cells<Key> = {
  measure: 'Measure',
  tessera: 'Tessera',
  comparison: 'Compared with',
  tesseraLatency: 'Tessera p50 / p99 ms',
  comparisonLatency: 'Compared p50 / p99 ms',
  ratio: 'Ratio',
  target: 'Target',
  met: 'Met',
};

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const lat = (l: LatencySummary, per = '') => `${ms(l.p50)} / ${ms(l.p99)}${per}`;
const x = (n: number) => `${n.toFixed(2)}×`;
const NONE = '—';

function rows(r: RulesBenchResults): Cells<Key>[] {
  const i = r.interpreter;
  const v = r.validation;
  const us = (perSec: number) => `${((1e6 / perSec) * 1).toFixed(2)} µs/record`;
  const out: Cells<Key>[] = [
    {
      measure: `1a rule evaluation: compileRule once, ${i.rules} rules × ${int(i.records)} records`,
      tessera: `${int(i.compiled.recordsPerSec)} records/s`,
      comparison: `${int(i.handWritten.recordsPerSec)} records/s (same 5 checks in plain TS)`,
      tesseraLatency: us(i.compiled.recordsPerSec),
      comparisonLatency: us(i.handWritten.recordsPerSec),
      ratio: `${x(i.compiled.recordsPerSec / i.handWritten.recordsPerSec)} records/s`,
      target: NONE,
      met: NONE,
    },
    {
      measure: `1a rule evaluation: evaluateRule (prepares per call)`,
      tessera: `${int(i.uncompiled.recordsPerSec)} records/s`,
      comparison: `${int(i.compiled.recordsPerSec)} records/s (compileRule)`,
      tesseraLatency: us(i.uncompiled.recordsPerSec),
      comparisonLatency: us(i.compiled.recordsPerSec),
      ratio: `${x(i.uncompiled.recordsPerSec / i.compiled.recordsPerSec)} records/s`,
      target: NONE,
      met: NONE,
    },
    bulkRow(`1b bulk ${int(v.records)} records, 5 rules vs none (c=${v.concurrency})`, v.withRules, v.withoutRules, 'without rules'),
  ];
  for (const run of r.formula.runs) {
    const check = atMost(run.product.latencyMs.p50, run.baseline.latencyMs.p50, FORMULA_LIST_P50_TARGET, 'p50', ` (${x(run.product.reqPerSec / run.baseline.reqPerSec)} req/s)`);
    out.push({
      measure: `2 formula list, ${int(r.formula.rows)} rows, c=${run.concurrency}`,
      tessera: `${int(run.product.reqPerSec)} req/s`,
      comparison: `${int(run.baseline.reqPerSec)} req/s (Express + pg, same SQL by hand)`,
      tesseraLatency: lat(run.product.latencyMs),
      comparisonLatency: lat(run.baseline.latencyMs),
      ratio: check.ratioLabel,
      target: check.target,
      met: check.met ? 'yes' : '**no**',
    });
  }
  const ru = r.rollup;
  if (ru.single && ru.bulk) {
    const s = ru.single;
    out.push({
      measure: `3 child insert, 2 roll-ups vs none, c=${s.withRollups.concurrency}`,
      tessera: `${int(s.withRollups.reqPerSec)} req/s`,
      comparison: `${int(s.withoutRollups.reqPerSec)} req/s (no roll-ups)`,
      tesseraLatency: lat(s.withRollups.latencyMs),
      comparisonLatency: lat(s.withoutRollups.latencyMs),
      ratio: `${x(s.withRollups.reqPerSec / s.withoutRollups.reqPerSec)} req/s (${x(s.withRollups.latencyMs.p50 / s.withoutRollups.latencyMs.p50)} p50)`,
      target: NONE,
      met: NONE,
    });
    for (const run of ru.bulk) out.push(bulkRow(`3 child bulk ${int(run.withRollups.rows)} rows, 2 roll-ups vs none (c=${run.concurrency})`, run.withRollups, run.withoutRollups, 'no roll-ups'));
  } else if (ru.plainOnly) {
    const s = ru.plainOnly.single;
    out.push({ measure: `3 child insert, c=${s.concurrency} — ROLL-UPS NOT WORKING`, tessera: 'not measured', comparison: `${int(s.reqPerSec)} req/s (no roll-ups)`, tesseraLatency: NONE, comparisonLatency: lat(s.latencyMs), ratio: NONE, target: NONE, met: NONE });
  }
  return out;
}

function bulkRow(measure: string, a: BulkSideResult, b: BulkSideResult, label: string): Cells<Key> {
  const check = atLeast(a.rowsPerSec, b.rowsPerSec, 0, 'rows/s');
  return {
    measure,
    tessera: `${int(a.rowsPerSec)} rows/s`,
    comparison: `${int(b.rowsPerSec)} rows/s (${label})`,
    tesseraLatency: lat(a.batchLatencyMs, ' per batch'),
    comparisonLatency: lat(b.batchLatencyMs, ' per batch'),
    ratio: check.ratioLabel,
    target: NONE,
    met: NONE,
  };
}

type CpuKey = 'measure' | 'per' | 'tessera' | 'comparison';
const CPU_HEADERS: Cells<CpuKey> = { measure: 'Measure', per: 'Per', tessera: 'Tessera CPU ms: server / postgres', comparison: 'Compared CPU ms: server / postgres' };
const cpu = (c: CpuTimes | undefined) => (c ? `${c.server.toFixed(3)} / ${c.postgres.toFixed(3)}` : 'n/a');

function cpuRows(r: RulesBenchResults): Cells<CpuKey>[] {
  const out: Cells<CpuKey>[] = [{ measure: '1b bulk, 5 rules vs none', per: '1,000 rows', tessera: cpu(r.validation.withRules.cpuMsPer1000Rows), comparison: cpu(r.validation.withoutRules.cpuMsPer1000Rows) }];
  for (const run of r.formula.runs) out.push({ measure: `2 formula list, c=${run.concurrency}`, per: 'request', tessera: cpu(run.product.cpuMsPerRequest), comparison: cpu(run.baseline.cpuMsPerRequest) });
  const ru = r.rollup;
  if (ru.single) out.push({ measure: '3 child insert, roll-ups vs none', per: 'request', tessera: cpu(ru.single.withRollups.cpuMsPerRequest), comparison: cpu(ru.single.withoutRollups.cpuMsPerRequest) });
  for (const run of ru.bulk ?? []) out.push({ measure: `3 child bulk c=${run.concurrency}, roll-ups vs none`, per: '1,000 rows', tessera: cpu(run.withRollups.cpuMsPer1000Rows), comparison: cpu(run.withoutRollups.cpuMsPer1000Rows) });
  return out;
}

type WaitKey = 'measure' | 'tessera' | 'comparison';
const WAIT_HEADERS: Cells<WaitKey> = { measure: 'Measure', tessera: 'Tessera: top waits of active backends', comparison: 'Compared: top waits of active backends' };

function waitRows(r: RulesBenchResults): Cells<WaitKey>[] {
  const w = (label: string) => waitSummary(r.waits[label]);
  const out: Cells<WaitKey>[] = [{ measure: '1b bulk, 5 rules vs none', tessera: w(VALIDATION_LABELS.withRules), comparison: w(VALIDATION_LABELS.withoutRules) }];
  for (const run of r.formula.runs) {
    const l = formulaLabels(run.concurrency);
    out.push({ measure: `2 formula list, c=${run.concurrency}`, tessera: w(l.product), comparison: w(l.baseline) });
  }
  if (r.rollup.single) out.push({ measure: '3 child insert, roll-ups vs none', tessera: w(ROLLUP_LABELS.singleWith), comparison: w(ROLLUP_LABELS.singleWithout) });
  for (const run of r.rollup.bulk ?? []) out.push({ measure: `3 child bulk c=${run.concurrency}, roll-ups vs none`, tessera: w(ROLLUP_LABELS.bulkWith(run.concurrency)), comparison: w(ROLLUP_LABELS.bulkWithout(run.concurrency)) });
  return out;
}

/** Active backends of other databases on the same server, averaged over every sampled phase. */
function otherWork(r: RulesBenchResults): number {
  const ps = Object.values(r.waits);
  const polls = ps.reduce((n, p) => n + p.polls, 0);
  return polls ? ps.reduce((n, p) => n + p.otherDatabasesActiveAvg * p.polls, 0) / polls : 0;
}

const trig = (t: { triggers: { name: string; ms: number }[]; executionMs: number }) =>
  `${t.triggers.map((x) => `${x.name} ${ms(x.ms)} ms`).join(', ')}; ${ms(t.executionMs)} ms in all`;

/** Figures that explain the table: where the time goes, measured in the same run. */
function evidence(r: RulesBenchResults): string[] {
  const i = r.interpreter;
  const v = r.validation;
  const out: string[] = [];
  const extra = (v.withRules.cpuMsPer1000Rows?.server ?? NaN) - (v.withoutRules.cpuMsPer1000Rows?.server ?? NaN);
  out.push(
    `1: the rules add ${extra.toFixed(1)} µs of product-server CPU per record in the bulk path; the interpreter alone takes ${(1e6 / i.compiled.recordsPerSec).toFixed(1)} µs per record ` +
      `for the five rules (per rule: ${i.perRule.map((p) => `${p.rule} ${p.usPerEvaluation.toFixed(2)} µs`).join(', ')}).`,
  );
  const so = r.formula.sqlOnly;
  const c1 = r.formula.runs.find((run) => run.concurrency === 1);
  const filterOf = (plan: string) => /Filter: (.*)$/m.exec(plan)?.[1]?.trim() ?? 'n/a';
  out.push(
    `2: the two SQL statements alone, alternating on one connection, ${FORMULA.sqlRepeats} times each, median (fastest) ms: parallel plan, product ${ms(so.parallel.product)} (${ms(so.parallel.productMin)}) ` +
      `vs hand-written ${ms(so.parallel.baseline)} (${ms(so.parallel.baselineMin)}); max_parallel_workers_per_gather = 0, ${ms(so.serial.product)} (${ms(so.serial.productMin)}) vs ${ms(so.serial.baseline)} (${ms(so.serial.baselineMin)}). ` +
      `Fastest-run ratio product / hand-written: ${x(so.parallel.productMin / so.parallel.baselineMin)} parallel, ${x(so.serial.productMin / so.serial.baselineMin)} serial` +
      (c1 ? ` (HTTP p50 ratio at c=1: ${x(c1.product.latencyMs.p50 / c1.baseline.latencyMs.p50)}; Tessera's own server CPU per request: ${c1.product.cpuMsPerRequest?.server.toFixed(2) ?? 'n/a'} ms vs ${c1.baseline.cpuMsPerRequest?.server.toFixed(2) ?? 'n/a'} ms)` : '') +
      `. Every request scans all ${int(r.formula.rows)} rows (no index on the expression). The filter as PostgreSQL runs it — product: \`${filterOf(r.formula.plans.product.plan)}\`; ` +
      `hand-written: \`${filterOf(r.formula.plans.baseline.plan)}\`.`,
  );
  for (const t of r.rollup.triggerProfiles ?? []) {
    out.push(`3: EXPLAIN ANALYZE of one ${int(ROLLUP.bulk.batchSize)}-row INSERT (rolled back) ${t.when}, ${int(t.children)} children in bench_line — with roll-ups: ${trig(t.withRollups)}; without: ${trig(t.withoutRollups)}.`);
  }
  return out;
}

const loadLine = (r: RulesBenchResults) => r.loadAverage.map((l) => `${l.part} ${l.start.toFixed(1)} → ${l.end.toFixed(1)}`).join('; ');

export const resultsText = (r: RulesBenchResults) =>
  `${renderText(HEADERS, rows(r))}\n\nCPU (from /proc, measured phases; parallel-query workers that exited are not counted):\n${renderText(CPU_HEADERS, cpuRows(r))}` +
  `\n\nPostgreSQL waits (pg_stat_activity every 10 ms, share of active-backend samples):\n${renderText(WAIT_HEADERS, waitRows(r))}` +
  `\n\nLoad average (1 min) per part: ${loadLine(r)}; other databases' active backends during the measured phases: ${otherWork(r).toFixed(2)} on average` +
  `\n\n${evidence(r).map((e) => `- ${e}`).join('\n')}`;

const START = '<!-- rules-bench:start -->';
const END = '<!-- rules-bench:end -->';

/** The first plan line naming a scan or sort, without costs. */
const planNodes = (plan: string) =>
  plan
    .split('\n')
    .filter((l) => /Scan|Sort|Limit/.test(l) && !/Sort Key|Sort Method/.test(l))
    .map((l) => l.replace(/^[\s>-]+/, '').replace(/\s+\(cost=.*$/, ''))
    .join(' → ');

export function rulesSection(r: RulesBenchResults, resultsFile: string): string {
  const m = r.machine;
  const f = r.formula;
  const ru = r.rollup;
  const probesOk = r.validation.probes.every((p) => p.refusedBy === p.rule);
  const rollupLine = ru.working
    ? `Roll-ups checked after the run: ${int(ru.parents)} parents, ${int(ru.check?.children ?? 0)} child rows, every stored sum and max equal to the values computed from the child rows (${ru.triggers} statement-level triggers on \`bench_line\`).`
    : `**Roll-ups were not working in this run: ${ru.problem}.**${ru.plainOnly ? ' Only the child without roll-ups was measured.' : ''}`;
  const busy = r.loadAverage.some((l) => Math.max(l.start, l.end) > m.cores);
  const noise = busy
    ? `\n**The machine was shared during this run** (1-minute load average above its ${m.cores} cores: ${loadLine(r)}), so absolute figures are ` +
      'noisy; the ratios come from alternating rounds, which spread that noise over both sides, but they too vary from run to run.\n'
    : '';
  return `${START}
## Rules, formulas and roll-ups

- Date: ${r.finishedAt} (run took ${r.elapsedS.toFixed(0)} s)
- Machine: ${m.cores} cores (${m.cpuModel}), ${m.totalMemoryGiB} GiB RAM, ${m.platform}; Node ${m.node}
- ${m.postgres}; database: ${r.database.source}, fresh \`tessera_bench_rules\`
- Command: \`npx tsx bench/rules-bench.ts\` (last part of \`npm run bench\`); raw results: \`${resultsFile}\`

${renderMarkdown(HEADERS, rows(r))}
${noise}
CPU time over the measured phases, from \`/proc\` (server process; every local \`postgres\` process — parallel-query
workers that exit within the phase are not counted, so part 2's postgres figures are low):

${renderMarkdown(CPU_HEADERS, cpuRows(r))}

What the active PostgreSQL backends of the bench database were doing (\`pg_stat_activity\` polled every 10 ms;
share of samples per wait event, "CPU" when not waiting; average number of active backends):

${renderMarkdown(WAIT_HEADERS, waitRows(r))}

Machine load (1-minute load average, start → end of each part): ${loadLine(r)}. Active backends of other
databases on the same PostgreSQL during the measured phases: ${otherWork(r).toFixed(2)} on average.

Where the time goes (measured in the same run):

${evidence(r).map((e) => `- ${e}`).join('\n')}

Process layout: this script is the load generator (node:http keep-alive, closed loop). The product runs in
its own process (\`bench/product-server.ts\`: \`createServices\` + \`startServer\`, pool 10); the hand-written
formula endpoint too (\`bench/rules/formula-baseline-server.ts\`: Express 5 + pg Pool 10). All share the ${m.cores} cores with PostgreSQL.

- **1a** (in this process, no I/O): ${int(r.interpreter.records)} generated deals, the ${r.interpreter.rules} validation rules of \`bench/rules/objects.ts\`
  (comparisons, and/or, \`if\`, \`add_days\`/\`today\`, \`length\`, \`contains\`, \`if_null\`, \`in\`, \`not_empty\`), each prepared once with
  \`compileRule\` and evaluated on every deal; median of ${r.interpreter.compiled.passes.length} passes (${r.interpreter.compiled.passes.map(int).join(', ')} records/s) after a warm-up.
  Compared with \`evaluateRule\` (which prepares the rule on every call) and with the same five checks written by hand in TypeScript.
- **1b**: the same ${int(r.validation.records)} deals through \`POST /api/v1/records/<object>/bulk\` in batches of ${int(VALIDATION.batchSize)}, concurrency ${VALIDATION.concurrency}, into
  \`bench_deal_rules\` (the five \`validationRules\`, all passing) and \`bench_deal_plain\` (same fields, no rules), in ${VALIDATION.rounds} alternating rounds after one
  warm-up batch each. Each rule was checked to refuse a record made to break it: ${probesOk ? 'all five did' : `**not all did**: ${JSON.stringify(r.validation.probes)}`}.
- **2**: \`bench_item\` with amount (currency), qty (integer), stage (picklist) and the formula \`unit_price = round(amount / qty, 2)\`; ${int(f.rows)} rows inserted
  with \`INSERT … SELECT generate_series\` into the product's table, then \`VACUUM ANALYZE\`. Product: \`GET ${decodeURIComponent(f.productPath)}\`;
  hand-written: \`${f.baselinePath}\` running \`${f.plans.baseline.sql.replace(/"[^"]+"\./, '')}\` on the same table.
  ${int(f.matching)} rows (${((f.matching / f.rows) * 100).toFixed(1)}%) match; both return the same 50 rows (checked). ${FORMULA.warmupMs / 1000} s warm-up, then ${FORMULA.durationMs / 1000} s per side and
  concurrency in ${FORMULA.rounds} alternating rounds. Neither side can use an index (the filter and sort are on an expression), so both scan the table:
  EXPLAIN ANALYZE after the runs — product ${f.plans.product.executionMs.toFixed(1)} ms (${planNodes(f.plans.product.plan)}),
  hand-written ${f.plans.baseline.executionMs.toFixed(1)} ms (${planNodes(f.plans.baseline.plan)}).
- **3**: \`bench_parent\` with two roll-ups over \`bench_line.parent\`: \`total_amount\` (sum of amount, kept by deltas) and \`max_amount\` (max of amount,
  recomputed for the touched parents, rereading their children); \`bench_line_plain\` has the same fields and lookup to \`bench_parent\` but no roll-ups. Children point at one of
  ${int(ru.parents)} parents at random. Single inserts: \`POST /api/v1/records/<child>\`, concurrency ${ROLLUP.single.concurrency}, ${ROLLUP.single.warmupMs / 1000} s warm-up, then ${ROLLUP.single.durationMs / 1000} s per side in
  ${ROLLUP.single.rounds} alternating rounds. Bulk: ${int(ROLLUP.bulk.rows)} rows per side and concurrency in batches of ${int(ROLLUP.bulk.batchSize)}, concurrency ${ROLLUP.bulk.concurrencies.join(' then ')},
  ${ROLLUP.bulk.rounds} alternating rounds each (children already in \`bench_line\` before each: ${(ru.bulk ?? []).map((b) => `c=${b.concurrency}: ${int(b.childrenBefore)}`).join(', ')}).
  ${rollupLine}
${END}`;
}

/** Replaces the rules-bench section of docs/benchmarks.md, appending it when missing. */
export function writeRulesSection(file: string, section: string): void {
  writeDocSection(file, { start: START, end: END }, section);
}
