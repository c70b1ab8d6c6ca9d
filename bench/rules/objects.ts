import type { RawField, RawObjectDef, RawValidationRule } from '../../engine/shared/metadata-types';
import { prng } from '../prng';

/** Objects of the rules bench, the five validation rules and the generated deals. */

const values = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));

export const STAGES = ['prospect', 'qualified', 'negotiation', 'won', 'lost'] as const;

/**
 * Five realistic validation rules (a truthy condition refuses the save):
 * comparisons, and/or, if, date arithmetic on today, string length/contains,
 * if_null, picklist membership. Every generated deal passes all five.
 */
export const DEAL_RULES: RawValidationRule[] = [
  {
    name: 'amount_range',
    condition: { or: [{ '<': [{ var: 'amount' }, 0] }, { '>': [{ var: 'amount' }, 50_000_000] }] },
    message: 'The amount must be between 0 and 50,000,000',
    errorField: 'amount',
  },
  {
    name: 'discount_cap',
    // Up to 40 % on deals of a million or more, 25 % otherwise; no discount counts as 0.
    condition: { '>': [{ if_null: [{ var: 'discount' }, 0] }, { if: [{ '>=': [{ var: 'amount' }, 1_000_000] }, 40, 25] }] },
    message: 'The discount is above the cap for this amount',
    errorField: 'discount',
  },
  {
    name: 'close_date_window',
    // Within two years back and three years ahead of today.
    condition: {
      and: [
        { not_empty: [{ var: 'close_date' }] },
        { or: [{ '<': [{ var: 'close_date' }, { add_days: [{ today: [] }, -730] }] }, { '>': [{ var: 'close_date' }, { add_days: [{ today: [] }, 1095] }] }] },
      ],
    },
    message: 'The close date must be within two years back and three years ahead',
    errorField: 'close_date',
  },
  {
    name: 'name_quality',
    condition: { or: [{ '<': [{ length: [{ var: 'name' }] }, 3] }, { contains: [{ var: 'name' }, 'TEST'] }, { contains: [{ if_null: [{ var: 'email' }, ''] }, '@example.invalid'] }] },
    message: 'Use a real deal name and contact email',
    errorField: 'name',
  },
  {
    name: 'qty_when_committed',
    condition: { and: [{ in: [{ var: 'stage' }, ['negotiation', 'won']] }, { '<=': [{ if_null: [{ var: 'qty' }, 0] }, 0] }] },
    message: 'Deals in negotiation or won need a quantity',
    errorField: 'qty',
  },
];

const DEAL_FIELDS: RawField[] = [
  { name: 'amount', type: 'currency', label: 'Amount', options: { precision: 18, scale: 2 } },
  { name: 'discount', type: 'percent', label: 'Discount' },
  { name: 'stage', type: 'picklist', label: 'Stage', options: { values: values(STAGES) } },
  { name: 'close_date', type: 'date', label: 'Close date' },
  { name: 'email', type: 'email', label: 'Contact email' },
  { name: 'qty', type: 'integer', label: 'Quantity' },
];

export const DEAL_PLAIN = 'bench_deal_plain';
export const DEAL_RULED = 'bench_deal_rules';

/** The same deal object with or without the five rules. */
export const dealDef = (name: string, withRules: boolean): RawObjectDef => ({
  name,
  label: withRules ? 'Bench deal (rules)' : 'Bench deal',
  fields: DEAL_FIELDS,
  ...(withRules ? { validationRules: DEAL_RULES } : {}),
});

export interface Deal {
  name: string;
  amount: number;
  discount: number | null;
  stage: string;
  close_date: string | null;
  email: string;
  qty: number | null;
}

const DAY_MS = 86_400_000;

/** Deal n, as the API takes it; passes every rule relative to `today` (ms since epoch, UTC midnight). */
export function dealRow(n: number, today: number): Deal {
  const rand = prng(Math.imul(n + 7, 2654435761));
  const stage = STAGES[Math.floor(rand() * STAGES.length)]!;
  const amount = Math.floor(rand() * 4_000_000_000) / 100; // 0 … 40M
  const discount = rand() < 0.3 ? null : Math.floor(rand() * 2500) / 100; // ≤ 25 %
  const close = rand() < 0.1 ? null : new Date(today + Math.floor(rand() * 1400 - 500) * DAY_MS).toISOString().slice(0, 10); // −500 … +900 days
  const qty = stage === 'prospect' && rand() < 0.5 ? null : 1 + Math.floor(rand() * 500);
  return { name: `Deal ${n}`, amount, discount, stage, close_date: close, email: `buyer${n}@corp${n % 97}.example.com`, qty };
}

/** One deal per rule that breaks only that rule: the rules are really enforced. */
export function violatingDeals(today: number): { rule: string; deal: Deal }[] {
  const ok = dealRow(1, today);
  const committed = { ...ok, stage: 'won', qty: 3, amount: 500, discount: 10 };
  return [
    { rule: 'amount_range', deal: { ...committed, amount: 60_000_000 } },
    { rule: 'discount_cap', deal: { ...committed, discount: 30 } },
    { rule: 'close_date_window', deal: { ...committed, close_date: new Date(today + 2000 * DAY_MS).toISOString().slice(0, 10) } },
    { rule: 'name_quality', deal: { ...committed, name: 'TEST deal' } },
    { rule: 'qty_when_committed', deal: { ...committed, qty: null } },
  ];
}

/** Formula list: unit_price = round(amount / qty, 2). */
export const ITEM_OBJECT = 'bench_item';
export const ITEM_STAGES = ['draft', 'active', 'paused', 'retired'] as const;
export const itemDef: RawObjectDef = {
  name: ITEM_OBJECT,
  label: 'Bench item',
  fields: [
    { name: 'amount', type: 'currency', label: 'Amount', options: { precision: 18, scale: 2 } },
    { name: 'qty', type: 'integer', label: 'Quantity' },
    { name: 'unit_price', type: 'formula', label: 'Unit price', options: { expression: { round: [{ '/': [{ var: 'amount' }, { var: 'qty' }] }, 2] }, returns: 'number' } },
    { name: 'stage', type: 'picklist', label: 'Stage', options: { values: values(ITEM_STAGES) } },
  ],
};

/** Roll-ups: a parent with sum and max over one child, and a second child of the same shape without roll-ups. */
export const PARENT_OBJECT = 'bench_parent';
export const CHILD_ROLLUP = 'bench_line';
export const CHILD_PLAIN = 'bench_line_plain';

export const parentDef = (withRollups: boolean): RawObjectDef => ({
  name: PARENT_OBJECT,
  label: 'Bench parent',
  fields: withRollups
    ? [
        { name: 'total_amount', type: 'rollup', label: 'Total amount', options: { relation: `${CHILD_ROLLUP}.parent`, function: 'sum', field: 'amount' } },
        { name: 'max_amount', type: 'rollup', label: 'Largest amount', options: { relation: `${CHILD_ROLLUP}.parent`, function: 'max', field: 'amount' } },
      ]
    : [],
});

export const childDef = (name: string): RawObjectDef => ({
  name,
  label: name === CHILD_ROLLUP ? 'Bench line' : 'Bench line (no roll-ups)',
  fields: [
    { name: 'parent', type: 'lookup', label: 'Parent', options: { target: PARENT_OBJECT, onDelete: 'cascade' } },
    { name: 'amount', type: 'currency', label: 'Amount', options: { precision: 18, scale: 2 } },
    { name: 'qty', type: 'integer', label: 'Quantity' },
  ],
});

/** Child line n pointing at one of the parents (uniformly). */
export function lineRow(n: number, parents: string[]): { name: string; parent: string; amount: number; qty: number } {
  const rand = prng(Math.imul(n + 11, 2246822519));
  return { name: `Line ${n}`, parent: parents[Math.floor(rand() * parents.length)]!, amount: Math.floor(rand() * 10_000_000) / 100, qty: 1 + Math.floor(rand() * 100) };
}
