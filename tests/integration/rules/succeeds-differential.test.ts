/**
 * The differential suite: generated rules run through the interpreter and
 * through SQL over generated rows must give identical results (docs/rules.md).
 * Deterministic: fixed seeds for rows and rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../../engine/shared/rules/catalogue';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';
import { generateRows, OBJECT, OBJECT_DEF } from './differential/data';
import { generatedOperations, sampleRules, type GenType } from './differential/generators';
import { compareValue, comparePredicate, newTally, report, type Row, type Tally } from './differential/runner';

let t: TestTenant;
let rows: Row[];
let table: string;
const totals = newTally();

// Fixed seeds keep the suite deterministic; TESSERA_DIFF_SEED / TESSERA_DIFF_SCALE explore further (e.g. 7 and 10).
const SEED = Number(process.env.TESSERA_DIFF_SEED ?? 42);
const SCALE = Number(process.env.TESSERA_DIFF_SCALE ?? 1);
const VALUE_RULES: Record<Exclude<GenType, 'list'>, number> = { number: 90 * SCALE, string: 60 * SCALE, boolean: 70 * SCALE, date: 50 * SCALE, datetime: 40 * SCALE };
const PREDICATE_RULES = 150 * SCALE;

beforeAll(async () => {
  t = await startTestTenant('diff');
  await t.admin.defineObject(OBJECT_DEF);
  const input = generateRows(60);
  const created = await t.admin.post(`/records/${OBJECT}/bulk`, { records: input });
  if (created.status !== 201 && created.status !== 200) throw new Error(`bulk insert: ${created.status} ${JSON.stringify(created.body)}`);
  const read = await t.admin.get(`/records/${OBJECT}?limit=1000`);
  expect(read.status).toBe(200);
  rows = read.body.records;
  expect(rows).toHaveLength(input.length);
  table = `"${t.tenant.schema}"."${OBJECT}"`;
});
afterAll(async () => {
  process.stdout.write(`differential: ${totals.rules} rules, ${rows?.length ?? 0} rows, ${totals.comparisons} comparisons\n`);
  await t?.close();
});

const add = (tally: Tally) => {
  totals.rules += tally.rules;
  totals.comparisons += tally.comparisons;
};

describe('differential: interpreter and SQL agree', () => {
  for (const [type, n] of Object.entries(VALUE_RULES) as [GenType, number][]) {
    it(`on ${n} generated ${type} rules, as values`, async () => {
      const tally = newTally();
      for (const g of sampleRules(type, n, SEED)) await compareValue(t.server.services.db, table, rows, g.rule, tally);
      add(tally);
      if (tally.disagreements.length) expect.fail(report(tally.disagreements));
    });
  }

  it(`on ${PREDICATE_RULES} generated boolean rules, as WHERE predicates`, async () => {
    const tally = newTally();
    for (const g of sampleRules('boolean', PREDICATE_RULES, SEED + 1)) await comparePredicate(t.server.services.db, table, rows, g.rule, tally);
    add(tally);
    if (tally.disagreements.length) expect.fail(report(tally.disagreements));
  });

  it('generates every compilable operation of the catalogue', () => {
    const compilable = Object.entries(OPERATIONS).filter(([, s]) => s.compilable).map(([name]) => name).sort();
    expect(generatedOperations()).toEqual(compilable);
  });
});
