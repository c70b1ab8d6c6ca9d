/**
 * The object and the rows the differential suite runs rules over: one field
 * per rule type, and values chosen for the edges of the semantics (nulls,
 * empty strings, Chinese text, LIKE wildcards, month ends, leap days, time
 * zones, halves for rounding, signs for remainders).
 */
import fc from 'fast-check';
import type { RawObjectDef } from '../../../../engine/shared/metadata-types';
import type { RuleType } from '../../../../engine/shared/rules/catalogue';
import type { RuleScope } from '../../../../engine/shared/rules/typed-ast';

export const OBJECT = 'diff_row';

const STAGES = [
  { value: 'won', label: { en: 'Won', 'zh-CN': '赢单' } },
  { value: 'lost', label: { en: 'Lost', 'zh-CN': '输单' } },
  { value: 'open', label: { en: 'Open (50%)', 'zh-CN': '跟进中' } },
  { value: 'a_b', label: 'Underscore' },
];

export const OBJECT_DEF: RawObjectDef = {
  name: OBJECT,
  label: 'Differential row',
  fields: [
    { name: 'qty', type: 'integer', label: 'Qty' },
    // numeric(10,4): |x| < 1e6 with 4 decimals.
    { name: 'ratio', type: 'number', label: 'Ratio', options: { precision: 10, scale: 4 } },
    { name: 'amount', type: 'currency', label: 'Amount' },
    { name: 'txt', type: 'text', label: 'Text' },
    { name: 'txt2', type: 'text', label: 'Text 2' },
    { name: 'flag', type: 'boolean', label: 'Flag' },
    { name: 'd', type: 'date', label: 'Date' },
    { name: 'd2', type: 'date', label: 'Date 2' },
    { name: 'ts', type: 'datetime', label: 'Datetime' },
    { name: 'ts2', type: 'datetime', label: 'Datetime 2' },
    { name: 'tags', type: 'multipicklist', label: 'Tags', options: { values: ['vip', 'new', 'old', 'a_b', '50'].map((v) => ({ value: v, label: v })) } },
    { name: 'stage', type: 'picklist', label: 'Stage', options: { values: STAGES } },
  ],
} as RawObjectDef;

/** Fields by rule type (what the generator may name in {"var": …}). */
export const FIELDS: Record<string, RuleType> = {
  name: 'string',
  qty: 'number',
  ratio: 'number',
  amount: 'number',
  txt: 'string',
  txt2: 'string',
  flag: 'boolean',
  d: 'date',
  d2: 'date',
  ts: 'datetime',
  ts2: 'datetime',
  tags: 'list',
  stage: 'string',
};

export const SCOPE: RuleScope = { resolve: (p) => FIELDS[p], allowContext: true };

/** Labels of the picklist, per locale, for label_of on both sides. */
export const STAGE_LABELS: Record<'en' | 'zh-CN', Record<string, string>> = {
  en: Object.fromEntries(STAGES.map((s) => [s.value, typeof s.label === 'string' ? s.label : s.label.en])),
  'zh-CN': Object.fromEntries(STAGES.map((s) => [s.value, typeof s.label === 'string' ? s.label : s.label['zh-CN']])),
};

/** The evaluation instant: 23:30 UTC on a month's last day is already the 1st in +08:00. */
export const NOW = new Date('2026-03-31T23:30:00.000Z');
export const USER = { id: 'u-1', roles: ['sales', 'vip'], department: '华东' };
export const LOCALE = 'zh-CN' as const;

export const POOLS = {
  qty: [null, 0, 1, -1, 2, 3, 7, -7, 10, 42, 123456789, 999999999, -999999999],
  ratio: [null, 0, 0.5, -0.5, 2.5, -2.5, 1.005, 0.0001, -0.0001, 3.1416, 1.5, 123456.7891, -999999.9999],
  amount: [null, 0, 0.01, -0.01, 0.1, 0.2, 2.5, -2.5, 100, 1250.5, 999999999.99, -999999999.99, 0.35],
  txt: [null, '', ' ', '客户', '上海华东精密机械有限公司', 'abc', 'ABC', 'a b', '  padded  ', '50%', 'a_b', 'x\\y', '100% off_sale', 'Hello World', 'Zebra', 'apple', 'won', 'vip', '客户 ABC', 'a%b_c'],
  flag: [null, true, false],
  d: [null, '2024-02-29', '2024-02-28', '2024-03-01', '2024-12-31', '2025-02-28', '2025-12-31', '2026-01-31', '2026-02-28', '2026-03-01', '2026-03-31', '2026-04-01', '2026-04-30', '2026-12-31', '2027-01-01'],
  ts: [
    null,
    '2026-03-31T23:30:00.000Z',
    '2026-03-31T16:00:00+08:00',
    '2026-04-01T07:59:59.999+08:00',
    '2024-02-29T23:59:59.999Z',
    '2026-01-31T00:00:00.000Z',
    '2025-12-31T20:00:00-05:00',
    '2026-12-31T23:59:59+08:00',
    '2026-03-29T01:30:00Z',
    '2026-01-01T00:00:00+08:00',
    '2024-03-01T00:00:00.001Z',
    '2026-02-28T23:59:59.500Z',
  ],
  tags: [null, [], ['vip'], ['vip', 'new'], ['old'], ['a_b', '50'], ['new', 'old', 'vip']],
  stage: [null, 'won', 'lost', 'open', 'a_b'],
} as const;

/** The edges, one row each, then combinations drawn with a fixed seed. */
function edgeRows(): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  rows.push({ name: 'all null' });
  rows.push({ name: 'zeros', qty: 0, ratio: 0, amount: 0, txt: '', txt2: '', flag: false, d: '2026-03-31', d2: '2026-03-31', ts: '2026-03-31T23:30:00.000Z', ts2: '2026-03-31T23:30:00Z', tags: [], stage: 'open' });
  rows.push({ name: '客户', qty: 1, ratio: 0.5, amount: 0.01, txt: '客户', txt2: '上海华东精密机械有限公司', flag: true, d: '2024-02-29', d2: '2025-02-28', ts: '2026-03-31T16:00:00+08:00', ts2: '2026-04-01T07:59:59.999+08:00', tags: ['vip'], stage: 'won' });
  rows.push({ name: '上海华东精密机械有限公司', qty: -1, ratio: -0.5, amount: -0.01, txt: '上海华东精密机械有限公司', txt2: '客户', flag: false, d: '2026-01-31', d2: '2026-02-28', ts: '2024-02-29T23:59:59.999Z', ts2: '2024-03-01T00:00:00.001Z', tags: ['vip', 'new'], stage: 'lost' });
  rows.push({ name: 'wild % _', qty: 7, ratio: 2.5, amount: 2.5, txt: '50%', txt2: 'a_b', flag: null, d: '2026-12-31', d2: '2027-01-01', ts: '2026-12-31T23:59:59+08:00', ts2: '2025-12-31T20:00:00-05:00', tags: ['a_b', '50'], stage: 'a_b' });
  rows.push({ name: 'backslash', qty: -7, ratio: -2.5, amount: -2.5, txt: 'x\\y', txt2: '100% off_sale', flag: true, d: '2024-12-31', d2: '2024-02-28', ts: '2026-01-31T00:00:00.000Z', ts2: '2026-01-01T00:00:00+08:00', tags: ['old'], stage: null });
  rows.push({ name: 'big', qty: 999999999, ratio: 123456.7891, amount: 999999999.99, txt: 'Zebra', txt2: 'apple', flag: true, d: '2025-12-31', d2: '2026-01-31', ts: '2026-03-29T01:30:00Z', ts2: '2026-02-28T23:59:59.500Z', tags: ['new', 'old', 'vip'], stage: 'won' });
  rows.push({ name: 'negative big', qty: -999999999, ratio: -999999.9999, amount: -999999999.99, txt: '  padded  ', txt2: ' ', flag: false, d: '2024-03-01', d2: '2026-04-30', ts: '2025-12-31T20:00:00-05:00', ts2: null, tags: null, stage: 'open' });
  rows.push({ name: 'halves', qty: 2, ratio: 1.005, amount: 0.35, txt: 'a b', txt2: 'A B', flag: false, d: '2026-02-28', d2: '2026-03-01', ts: '2026-02-28T23:59:59.500Z', ts2: '2026-03-31T23:30:00.000Z', tags: [], stage: 'won' });
  rows.push({ name: 'same text', qty: 3, ratio: 3.1416, amount: 1250.5, txt: 'abc', txt2: 'abc', flag: true, d: '2026-04-01', d2: '2026-04-01', ts: '2026-04-01T07:59:59.999+08:00', ts2: '2026-03-31T23:59:59.999Z', tags: ['vip'], stage: 'lost' });
  rows.push({ name: 'case', qty: 10, ratio: 0.0001, amount: 0.1, txt: 'ABC', txt2: 'abc', flag: null, d: '2027-01-01', d2: '2026-12-31', ts: '2024-03-01T00:00:00.001Z', ts2: '2024-02-29T23:59:59.999Z', tags: ['vip', 'new'], stage: 'open' });
  rows.push({ name: 'mixed', qty: 123456789, ratio: -0.0001, amount: 0.2, txt: '客户 ABC', txt2: 'a%b_c', flag: true, d: '2026-03-01', d2: '2024-02-29', ts: null, ts2: '2026-12-31T23:59:59+08:00', tags: ['old'], stage: 'a_b' });
  return rows;
}

const pick = <K extends keyof typeof POOLS>(k: K) => fc.constantFrom(...(POOLS[k] as readonly unknown[]));

/** ~60 rows: the edges, then fixed-seed combinations of the pools. */
export function generateRows(total = 60): Record<string, unknown>[] {
  const rows = edgeRows();
  const arb = fc.record({
    qty: pick('qty'),
    ratio: pick('ratio'),
    amount: pick('amount'),
    txt: pick('txt'),
    txt2: pick('txt'),
    flag: pick('flag'),
    d: pick('d'),
    d2: pick('d'),
    ts: pick('ts'),
    ts2: pick('ts'),
    tags: pick('tags'),
    stage: pick('stage'),
  });
  fc.sample(arb, { seed: 20260331, numRuns: total - rows.length }).forEach((r, i) => rows.push({ name: `row ${i + 1}`, ...r }));
  // A missing key and null mean the same; the API gets only what is set.
  return rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)));
}
