/**
 * Fixtures for the rule builder's tests (never imported by the app): a deal
 * object with one field of each kind, a sample rule per operation, and a
 * sample comparison per operator and field kind with the values typed.
 */
import { OPERATIONS, type OperationName } from '../../../engine/shared/rules/catalogue';
import type { RawObjectDef } from '../../../engine/shared/metadata-types';
import type { ComparisonId } from './comparisons';
import { argTypes } from './operation-groups';
import type { FieldKind } from './rule-fields';

export const ACCOUNT: RawObjectDef = {
  name: 'account',
  label: { en: 'Account', 'zh-CN': '客户' },
  fields: [
    { name: 'industry', type: 'picklist', label: 'Industry', options: { values: [{ value: 'tech', label: 'Tech' }, { value: 'retail', label: 'Retail' }] } },
    { name: 'revenue', type: 'number', label: 'Revenue' },
    { name: 'parent', type: 'lookup', label: 'Parent', options: { target: 'account' } },
  ],
};

export const DEAL: RawObjectDef = {
  name: 'deal',
  label: { en: 'Deal', 'zh-CN': '商机' },
  fields: [
    { name: 'title', type: 'text', label: 'Title' },
    { name: 'amount', type: 'currency', label: 'Amount' },
    { name: 'qty', type: 'integer', label: 'Quantity' },
    { name: 'close_date', type: 'date', label: 'Close date' },
    { name: 'closed_at', type: 'datetime', label: 'Closed at' },
    { name: 'won', type: 'boolean', label: 'Won' },
    { name: 'stage', type: 'picklist', label: 'Stage', options: { values: [{ value: 'new', label: { en: 'New', 'zh-CN': '新建' } }, { value: 'won', label: 'Won' }] } },
    { name: 'tags', type: 'multipicklist', label: 'Tags', options: { values: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] } },
    { name: 'account', type: 'lookup', label: 'Account', options: { target: 'account' } },
    { name: 'margin', type: 'formula', label: 'Margin', options: { expression: { '*': [{ var: 'amount' }, 0.2] }, returns: 'number' } },
  ],
};

/** How an argument of a sample is entered in the builder: a field picked, or a literal typed. */
export type SampleArg = { field: string } | { literal: string | number | boolean };

const FIELD_OF_TYPE = { number: 'amount', string: 'title', date: 'close_date', datetime: 'closed_at', boolean: 'won', list: 'tags', any: 'title', null: 'title' } as const;

/** The arguments of an operation's sample: the first from a field of its type, the rest literals where they can be. */
export function operationArgs(op: OperationName): SampleArg[] {
  if (op === 'if') return [{ field: 'won' }, { literal: 'yes' }, { literal: 'no' }];
  if (op === 'label_of') return [{ field: 'stage' }, { literal: 'stage' }];
  if (op === 'regex_match') return [{ field: 'title' }, { literal: '^A' }];
  const [min, max] = OPERATIONS[op].arity;
  const n = Math.max(min, Math.min(2, max));
  return Array.from({ length: n }, (_, i): SampleArg => {
    const type = argTypes(op, i)[0]!;
    if (i > 0 && type === 'number') return { literal: 2 };
    if (i > 0 && type === 'string') return { literal: 'x' };
    return { field: FIELD_OF_TYPE[type] };
  });
}

const argRule = (a: SampleArg) => ('field' in a ? { var: a.field } : a.literal);

/** A rule calling the operation with its sample arguments. */
export const operationSample = (op: OperationName): unknown => ({ [op]: operationArgs(op).map(argRule) });

/** A comparison as a row of the builder: field, operator, the values typed, and the rule it gives. */
export interface ComparisonSample {
  field: string;
  values: unknown[];
  rule: unknown;
}

const cmp = (field: string, values: unknown[], rule: unknown): ComparisonSample => ({ field, values, rule });
const v = (f: string) => ({ var: f });

export const COMPARISON_SAMPLES: Record<FieldKind, Partial<Record<ComparisonId, ComparisonSample>>> = {
  text: {
    eq: cmp('title', ['Acme'], { '==': [v('title'), 'Acme'] }),
    ne: cmp('title', ['Acme'], { '!=': [v('title'), 'Acme'] }),
    contains: cmp('title', ['cm'], { contains: [v('title'), 'cm'] }),
    starts_with: cmp('title', ['上海'], { starts_with: [v('title'), '上海'] }),
    ends_with: cmp('title', ['.cn'], { ends_with: [v('title'), '.cn'] }),
    is_empty: cmp('title', [], { is_empty: [v('title')] }),
    not_empty: cmp('title', [], { not_empty: [v('title')] }),
    in: cmp('title', [['a', 'b']], { in: [v('title'), ['a', 'b']] }),
  },
  number: {
    eq: cmp('amount', [5], { '==': [v('amount'), 5] }),
    ne: cmp('amount', [5], { '!=': [v('amount'), 5] }),
    lt: cmp('qty', [-1], { '<': [v('qty'), -1] }),
    le: cmp('qty', [10], { '<=': [v('qty'), 10] }),
    gt: cmp('amount', [2.5], { '>': [v('amount'), 2.5] }),
    ge: cmp('margin', [0], { '>=': [v('margin'), 0] }),
    between: cmp('amount', [1, 5], { '<=': [1, v('amount'), 5] }),
    is_empty: cmp('amount', [], { is_empty: [v('amount')] }),
    not_empty: cmp('amount', [], { not_empty: [v('amount')] }),
  },
  date: {
    eq: cmp('close_date', ['2026-03-15'], { '==': [v('close_date'), '2026-03-15'] }),
    ne: cmp('close_date', ['2026-03-15'], { '!=': [v('close_date'), '2026-03-15'] }),
    lt: cmp('close_date', ['2026-03-15'], { '<': [v('close_date'), '2026-03-15'] }),
    le: cmp('close_date', ['2026-03-15'], { '<=': [v('close_date'), '2026-03-15'] }),
    gt: cmp('close_date', ['2026-03-15'], { '>': [v('close_date'), '2026-03-15'] }),
    ge: cmp('close_date', ['2026-03-15'], { '>=': [v('close_date'), '2026-03-15'] }),
    between: cmp('close_date', ['2026-01-01', '2026-03-31'], { '<=': ['2026-01-01', v('close_date'), '2026-03-31'] }),
    is_empty: cmp('close_date', [], { is_empty: [v('close_date')] }),
    not_empty: cmp('close_date', [], { not_empty: [v('close_date')] }),
  },
  datetime: {
    eq: cmp('closed_at', ['2026-03-01T08:00:00Z'], { '==': [v('closed_at'), '2026-03-01T08:00:00Z'] }),
    ne: cmp('closed_at', ['2026-03-01T08:00:00Z'], { '!=': [v('closed_at'), '2026-03-01T08:00:00Z'] }),
    lt: cmp('closed_at', ['2026-03-01T08:00:00Z'], { '<': [v('closed_at'), '2026-03-01T08:00:00Z'] }),
    le: cmp('closed_at', ['2026-03-01T08:00:00Z'], { '<=': [v('closed_at'), '2026-03-01T08:00:00Z'] }),
    gt: cmp('closed_at', ['2026-03-01T08:00:00Z'], { '>': [v('closed_at'), '2026-03-01T08:00:00Z'] }),
    ge: cmp('closed_at', ['2026-03-01T08:00:00Z'], { '>=': [v('closed_at'), '2026-03-01T08:00:00Z'] }),
    between: cmp('closed_at', ['2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z'], { '<=': ['2026-03-01T00:00:00Z', v('closed_at'), '2026-03-02T00:00:00Z'] }),
    is_empty: cmp('closed_at', [], { is_empty: [v('closed_at')] }),
    not_empty: cmp('closed_at', [], { not_empty: [v('closed_at')] }),
  },
  boolean: {
    is_true: cmp('won', [], { '==': [v('won'), true] }),
    is_false: cmp('won', [], { '==': [v('won'), false] }),
    is_empty: cmp('won', [], { is_empty: [v('won')] }),
    not_empty: cmp('won', [], { not_empty: [v('won')] }),
  },
  picklist: {
    eq: cmp('stage', ['won'], { '==': [v('stage'), 'won'] }),
    ne: cmp('stage', ['new'], { '!=': [v('stage'), 'new'] }),
    in: cmp('stage', [['new', 'won']], { in: [v('stage'), ['new', 'won']] }),
    is_empty: cmp('stage', [], { is_empty: [v('stage')] }),
    not_empty: cmp('stage', [], { not_empty: [v('stage')] }),
  },
  multipicklist: {
    in_set: cmp('tags', ['a'], { in_set: [v('tags'), 'a'] }),
    contains: cmp('tags', ['b'], { contains: [v('tags'), 'b'] }),
    is_empty: cmp('tags', [], { is_empty: [v('tags')] }),
    not_empty: cmp('tags', [], { not_empty: [v('tags')] }),
  },
  lookup: {
    eq: cmp('account', ['2b0c4d6e-8f10-4a2b-9c3d-4e5f60718293'], { '==': [v('account'), '2b0c4d6e-8f10-4a2b-9c3d-4e5f60718293'] }),
    ne: cmp('account', ['2b0c4d6e-8f10-4a2b-9c3d-4e5f60718293'], { '!=': [v('account'), '2b0c4d6e-8f10-4a2b-9c3d-4e5f60718293'] }),
    is_empty: cmp('account', [], { is_empty: [v('account')] }),
    not_empty: cmp('account', [], { not_empty: [v('account')] }),
    in: cmp('account', [['x1', 'x2']], { in: [v('account'), ['x1', 'x2']] }),
  },
};
