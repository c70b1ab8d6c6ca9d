/**
 * The differential suite: generated rules (fast-check, fixed seeds) run
 * through the interpreter and through SQL over generated rows — nulls, empty
 * strings, Chinese text, LIKE wildcards, month ends, leap days, time zones —
 * and must give identical results (docs/rules.md). A disagreement prints the
 * rule, the row, the SQL with its parameters and both values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../../engine/shared/rules/catalogue';
import { checkRule } from '../../../engine/shared/rules/check/check-rule';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';
import { generateRows, OBJECT, OBJECT_DEF, SCOPE } from './differential/data';
import { EDGE_CASES } from './differential/edge-cases';
import { generatedOperations, sampleRules, type GenType } from './differential/generators';
import { compareValue, comparePredicate, newTally, report, type Locale, type Row, type Tally } from './differential/runner';

let t: TestTenant;
let rows: Row[];
let table: string;

// Fixed seeds keep the suite deterministic; TESSERA_DIFF_SEED / TESSERA_DIFF_SCALE explore further (e.g. 7 and 10).
const SEED = Number(process.env.TESSERA_DIFF_SEED ?? 42);
const SCALE = Number(process.env.TESSERA_DIFF_SCALE ?? 1);
const VALUE_RULES: Record<Exclude<GenType, 'list'>, number> = { number: 90 * SCALE, string: 60 * SCALE, boolean: 70 * SCALE, date: 50 * SCALE, datetime: 40 * SCALE };
const PREDICATE_RULES = 150 * SCALE;

const counts = { valueRules: 0, predicateRules: 0, edgeRules: 0, runs: 0, comparisons: 0 };
const add = (tally: Tally) => {
  counts.runs += tally.runs;
  counts.comparisons += tally.comparisons;
};
const db = () => t.server.services.db;

beforeAll(async () => {
  t = await startTestTenant('diff');
  await t.admin.defineObject(OBJECT_DEF);
  const input = generateRows(60);
  const created = await t.admin.post(`/records/${OBJECT}/bulk`, { records: input });
  if (created.status !== 201 && created.status !== 200) throw new Error(`bulk insert: ${created.status} ${JSON.stringify(created.body)}`);
  // The interpreter sees exactly what the API answers.
  const read = await t.admin.get(`/records/${OBJECT}?limit=1000`);
  expect(read.status).toBe(200);
  rows = read.body.records;
  expect(rows).toHaveLength(input.length);
  table = `"${t.tenant.schema}"."${OBJECT}"`;
});
afterAll(async () => {
  process.stdout.write(
    `differential: ${counts.valueRules} generated value rules, ${counts.predicateRules} generated predicate rules, ${counts.edgeRules} edge rules; ` +
      `${rows?.length ?? 0} rows; ${counts.runs} SQL runs, ${counts.comparisons} comparisons\n`,
  );
  await t?.close();
});

describe('differential: interpreter and SQL agree', () => {
  it('over rows with the edges the rules must handle', () => {
    const has = (p: (r: Row) => boolean) => expect(rows.some(p)).toBe(true);
    has((r) => r.txt === null);
    has((r) => r.txt === '');
    has((r) => r.txt === '上海华东精密机械有限公司');
    has((r) => typeof r.txt === 'string' && /[%_]/.test(r.txt));
    has((r) => r.d === '2024-02-29');
    has((r) => r.d === '2026-12-31');
    // Written with +08:00, answered in UTC: the 1st in Shanghai is still the 31st in UTC.
    has((r) => r.ts2 === '2026-03-31T23:59:59.999Z');
    has((r) => r.qty === -999999999);
    has((r) => Array.isArray(r.tags) && r.tags.length === 0);
  });

  for (const [type, n] of Object.entries(VALUE_RULES) as [GenType, number][]) {
    // Text may hold picklist labels: those rules run in both locales.
    const locales: Locale[] = type === 'string' ? ['zh-CN', 'en'] : ['zh-CN'];
    it(`on ${n} generated ${type} rules, as values (${locales.join(', ')})`, async () => {
      const tally = newTally();
      for (const g of sampleRules(type, n, SEED)) for (const locale of locales) await compareValue(db(), table, rows, g.rule, tally, { locale });
      counts.valueRules += n;
      add(tally);
      if (tally.disagreements.length) expect.fail(report(tally.disagreements));
    });
  }

  it(`on ${PREDICATE_RULES} generated boolean rules, as WHERE predicates`, async () => {
    const tally = newTally();
    for (const g of sampleRules('boolean', PREDICATE_RULES, SEED + 1)) await comparePredicate(db(), table, rows, g.rule, tally);
    counts.predicateRules += PREDICATE_RULES;
    add(tally);
    if (tally.disagreements.length) expect.fail(report(tally.disagreements));
  });

  it(`on ${EDGE_CASES.length} hand-picked edge rules, as values (zh-CN, en) and, when boolean, as predicates`, async () => {
    const tally = newTally();
    for (const { rule, tolerant } of EDGE_CASES) {
      for (const locale of ['zh-CN', 'en'] as const) await compareValue(db(), table, rows, rule, tally, { locale, tolerant });
      if (checkRule(rule, SCOPE).expr?.type === 'boolean') await comparePredicate(db(), table, rows, rule, tally);
    }
    counts.edgeRules += EDGE_CASES.length;
    add(tally);
    if (tally.disagreements.length) expect.fail(report(tally.disagreements, 30));
  });

  it('generates every compilable operation of the catalogue', () => {
    for (const type of ['number', 'string', 'boolean', 'date', 'datetime'] as const) sampleRules(type, 200, SEED);
    const compilable = Object.entries(OPERATIONS)
      .filter(([, s]) => s.compilable)
      .map(([name]) => name)
      .sort();
    expect(generatedOperations()).toEqual(compilable);
  });
});
