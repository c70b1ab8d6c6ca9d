import { compileRule, evaluateRule, type RuleContext } from '../../engine/shared/rules/interpreter';
import { truthy } from '../../engine/records/validation-rules';
import { sendOnce } from '../load';
import { bulkBodies, runBulkAlternating, type BulkSideResult } from './bulk-sides';
import { tableOf, type RulesBenchContext } from './context';
import { DEAL_PLAIN, DEAL_RULED, DEAL_RULES, dealRow, violatingDeals, type Deal } from './objects';

export interface InterpreterPass {
  records: number;
  ms: number;
  recordsPerSec: number;
}

export interface InterpreterResult {
  records: number;
  rules: number;
  /** compileRule once per rule, then 5 rules × every record; the median of the measured passes. */
  compiled: InterpreterPass & { passes: number[] };
  /** evaluateRule (prepares the rule on every call), one pass (may stop early at its time limit). */
  uncompiled: InterpreterPass;
  /** The same five conditions written by hand in TypeScript (the floor). */
  handWritten: InterpreterPass;
  /** Each compiled rule alone over every record: where the evaluation time goes. */
  perRule: { rule: string; usPerEvaluation: number }[];
  violations: number;
}

export interface ValidationBulkResult {
  records: number;
  batchSize: number;
  concurrency: number;
  withRules: BulkSideResult;
  withoutRules: BulkSideResult;
  /** Each rule refused the one record made to break it (with the rule's name). */
  probes: { rule: string; refusedBy: string | null }[];
  rowsAfter: { withRules: number; withoutRules: number };
}

export const VALIDATION_LABELS = { withRules: '1b bulk, 5 rules', withoutRules: '1b bulk, no rules' } as const;

export const VALIDATION = { records: 100_000, batchSize: 5_000, concurrency: 2, rounds: 2, passes: 3, timeLimitMs: 60_000 } as const;

const DAY_MS = 86_400_000;
const utcToday = (now: Date) => Math.floor(now.getTime() / DAY_MS) * DAY_MS;

export function generateDeals(n: number, now: Date): Deal[] {
  const today = utcToday(now);
  return Array.from({ length: n }, (_, i) => dealRow(i, today));
}

/** The five rules as a developer would write them by hand (the same meaning on the generated data). */
function handWrittenRules(now: Date): ((d: Deal) => boolean)[] {
  const today = utcToday(now);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const earliest = iso(today - 730 * DAY_MS);
  const latest = iso(today + 1095 * DAY_MS);
  return [
    (d) => d.amount < 0 || d.amount > 50_000_000,
    (d) => (d.discount ?? 0) > (d.amount >= 1_000_000 ? 40 : 25),
    (d) => d.close_date !== null && d.close_date !== '' && (d.close_date < earliest || d.close_date > latest),
    (d) => [...d.name].length < 3 || d.name.includes('TEST') || (d.email ?? '').includes('@example.invalid'),
    (d) => (d.stage === 'negotiation' || d.stage === 'won') && (d.qty ?? 0) <= 0,
  ];
}

function timePass(records: Deal[], evaluate: (d: Deal) => number, deadline: number): InterpreterPass & { violations: number } {
  let violations = 0;
  let done = 0;
  const t0 = performance.now();
  for (const d of records) {
    violations += evaluate(d);
    done++;
    // Checked every 1,000 records: the loop is bounded by count and by time.
    if (done % 1000 === 0 && performance.now() > deadline) break;
  }
  const ms = performance.now() - t0;
  return { records: done, ms, recordsPerSec: done / (ms / 1000), violations };
}

/** 1a: the shared interpreter alone, in this process (the product server idles meanwhile). */
export function runInterpreterBench(records: Deal[], now: Date, log: (m: string) => void): InterpreterResult {
  const context: RuleContext = { now, user: { id: 'bench', roles: [], department: null }, locale: 'en', picklistLabels: {} };
  const compiled = DEAL_RULES.map((r) => compileRule(r.condition));
  const runCompiled = (d: Deal) => {
    let v = 0;
    for (const rule of compiled) if (truthy(rule(d as unknown as Record<string, unknown>, context))) v++;
    return v;
  };
  const deadline = () => performance.now() + VALIDATION.timeLimitMs / 3;
  timePass(records.slice(0, 20_000), runCompiled, deadline()); // warm-up (JIT)
  const passes: (InterpreterPass & { violations: number })[] = [];
  for (let p = 0; p < VALIDATION.passes; p++) passes.push(timePass(records, runCompiled, deadline()));
  const sorted = [...passes].sort((x, y) => x.recordsPerSec - y.recordsPerSec);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  log(`1a interpreter: ${passes.map((p) => Math.round(p.recordsPerSec).toLocaleString('en-US')).join(', ')} records/s (5 compiled rules)`);

  const uncompiled = timePass(
    records,
    (d) => {
      let v = 0;
      for (const r of DEAL_RULES) if (truthy(evaluateRule(r.condition, d as unknown as Record<string, unknown>, context))) v++;
      return v;
    },
    deadline(),
  );
  const perRule = DEAL_RULES.map((r, k) => {
    const rule = compiled[k]!;
    const pass = timePass(records, (d) => (truthy(rule(d as unknown as Record<string, unknown>, context)) ? 1 : 0), deadline());
    return { rule: r.name, usPerEvaluation: (pass.ms * 1000) / pass.records, violations: pass.violations };
  });
  const hand = handWrittenRules(now);
  const runHand = (d: Deal) => {
    let v = 0;
    for (const f of hand) if (f(d)) v++;
    return v;
  };
  timePass(records.slice(0, 20_000), runHand, deadline());
  const handWritten = timePass(records, runHand, deadline());
  const violations = passes.reduce((n, p) => n + p.violations, 0) + uncompiled.violations + handWritten.violations + perRule.reduce((n, p) => n + p.violations, 0);
  if (violations) throw new Error(`1a: ${violations} rule violations on deals generated to pass every rule`);
  return {
    records: records.length,
    rules: DEAL_RULES.length,
    compiled: { records: median.records, ms: median.ms, recordsPerSec: median.recordsPerSec, passes: passes.map((p) => Math.round(p.recordsPerSec)) },
    uncompiled: { records: uncompiled.records, ms: uncompiled.ms, recordsPerSec: uncompiled.recordsPerSec },
    handWritten: { records: handWritten.records, ms: handWritten.ms, recordsPerSec: handWritten.recordsPerSec },
    perRule: perRule.map(({ rule, usPerEvaluation }) => ({ rule, usPerEvaluation })),
    violations,
  };
}

/** Sends one record per rule, built to break only that rule, and reads which rule refused it. */
async function probeRules(ctx: RulesBenchContext, now: Date): Promise<ValidationBulkResult['probes']> {
  const out: ValidationBulkResult['probes'] = [];
  for (const { rule, deal } of violatingDeals(utcToday(now))) {
    const res = await sendOnce(ctx.product.port, { method: 'POST', path: `/api/v1/records/${DEAL_RULED}`, headers: { authorization: `Bearer ${ctx.product.token}` }, body: Buffer.from(JSON.stringify(deal)) });
    const body = JSON.parse(res.body.toString() || '{}') as { error?: { code?: string; details?: { rule?: string } } };
    out.push({ rule, refusedBy: res.status === 400 && body.error?.code === 'RECORD_RULE_VIOLATION' ? (body.error.details?.rule ?? '?') : null });
  }
  return out;
}

/** 1b: 100,000 deals through the bulk API, object with the five rules vs the same object without. */
export async function runValidationBulk(ctx: RulesBenchContext, deals: Deal[], now: Date): Promise<ValidationBulkResult> {
  const probes = await probeRules(ctx, now);
  const broken = probes.filter((p) => p.refusedBy !== p.rule);
  if (broken.length) ctx.log(`WARNING 1b: rules not enforced as expected: ${JSON.stringify(broken)}`);
  const batches = bulkBodies(deals, VALIDATION.batchSize);
  const warmup = bulkBodies(generateDeals(VALIDATION.batchSize, now).map((d) => ({ ...d, name: `Warm-up ${d.name}` })), VALIDATION.batchSize)[0]!;
  ctx.log(`1b: ${batches.length} × POST /records/<deal>/bulk (${VALIDATION.batchSize} records), c=${VALIDATION.concurrency}, ${VALIDATION.rounds} alternating rounds, without / with 5 rules`);
  const { a, b } = await runBulkAlternating(
    ctx,
    { object: DEAL_PLAIN, batches, label: VALIDATION_LABELS.withoutRules },
    { object: DEAL_RULED, batches, label: VALIDATION_LABELS.withRules },
    warmup,
    { batchSize: VALIDATION.batchSize, concurrency: VALIDATION.concurrency, rounds: VALIDATION.rounds, timeLimitMs: 120_000 },
  );
  const count = async (object: string) => Number((await ctx.sql.query<{ n: string }>(`SELECT count(*) AS n FROM ${tableOf(ctx, object)}`)).rows[0]!.n);
  const rowsAfter = { withRules: await count(DEAL_RULED), withoutRules: await count(DEAL_PLAIN) };
  const expected = deals.length + VALIDATION.batchSize;
  if (rowsAfter.withRules !== expected || rowsAfter.withoutRules !== expected) throw new Error(`1b: expected ${expected} rows in each deal table, found ${JSON.stringify(rowsAfter)}`);
  return { records: deals.length, batchSize: VALIDATION.batchSize, concurrency: VALIDATION.concurrency, withRules: b, withoutRules: a, probes, rowsAfter };
}
