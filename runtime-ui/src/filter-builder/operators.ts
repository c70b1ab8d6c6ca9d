import type { FieldDef } from '../api/describe';
import { valueKind } from '../widgets/display-value';

/** How a field is filtered: the operators and value input it gets. */
export type FilterKind = 'text' | 'number' | 'date' | 'datetime' | 'boolean' | 'picklist' | 'multipicklist' | 'lookup' | 'user';

const FILTER_KINDS: Record<string, FilterKind> = {
  text: 'text', textarea: 'text', email: 'text', phone: 'text', url: 'text', autonumber: 'text',
  integer: 'number', number: 'number', currency: 'number', percent: 'number',
  date: 'date', datetime: 'datetime', boolean: 'boolean', picklist: 'picklist', multipicklist: 'multipicklist', lookup: 'lookup', user: 'user',
};

/** What kind of filter a field takes (a formula or roll-up by the type it gives); undefined for fields not offered (record ids, unknown plug-in types). */
export const filterKindOf = (field: FieldDef): FilterKind | undefined => FILTER_KINDS[valueKind(field)];

/** The value an operator needs: none, one, two (a range), a list of choices, or a number of days. */
export type Arity = 'none' | 'one' | 'range' | 'list' | 'days';

type Rule = Record<string, unknown>;
const v = (field: string) => ({ var: field });
const today = { today: [] };
const now = { now: [] };

/** One operator: how it writes json-logic, and how it recognises its own json-logic (field and value), for round trips. */
export interface OperatorDef {
  arity: Arity;
  toLogic(field: string, value: unknown, kind: FilterKind): Rule;
  fromLogic(rule: unknown, kind: FilterKind): { field: string; value?: unknown } | undefined;
}

const isObj = (x: unknown): x is Rule => typeof x === 'object' && x !== null && !Array.isArray(x);
/** The single operator of a rule and its arguments (a lone argument is wrapped). */
function opOf(rule: unknown): [string, unknown[]] | undefined {
  if (!isObj(rule)) return undefined;
  const keys = Object.keys(rule);
  if (keys.length !== 1) return undefined;
  const args = rule[keys[0]!];
  return [keys[0]!, Array.isArray(args) ? args : [args]];
}
const varName = (x: unknown): string | undefined => (isObj(x) && typeof x.var === 'string' && Object.keys(x).length === 1 && !x.var.startsWith('$') ? x.var : undefined);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isScalar = (x: unknown) => typeof x === 'string' || typeof x === 'number';

/** {"op": [{"var": f}, value]} with a literal value. */
function binary(op: string, accept: (value: unknown) => boolean = isScalar): OperatorDef {
  return {
    arity: 'one',
    toLogic: (f, value) => ({ [op]: [v(f), value] }),
    fromLogic: (rule) => {
      const m = opOf(rule);
      if (!m || m[0] !== op || m[1].length !== 2) return undefined;
      const field = varName(m[1][0]);
      return field && accept(m[1][1]) ? { field, value: m[1][1] } : undefined;
    },
  };
}

/** {"op": [{"var": f}, constant]}: an operator without a value (is true, today, me …). */
function fixed(op: string, constant: unknown): OperatorDef {
  return {
    arity: 'none',
    toLogic: (f) => ({ [op]: [v(f), constant] }),
    fromLogic: (rule) => {
      const m = opOf(rule);
      if (!m || m[0] !== op || m[1].length !== 2 || !same(m[1][1], constant)) return undefined;
      const field = varName(m[1][0]);
      return field ? { field } : undefined;
    },
  };
}

/** {"!": [inner]}: the negation of another operator. */
function not(inner: OperatorDef): OperatorDef {
  return {
    arity: inner.arity,
    toLogic: (f, value, kind) => ({ '!': [inner.toLogic(f, value, kind)] }),
    fromLogic: (rule, kind) => {
      const m = opOf(rule);
      return m && m[0] === '!' && m[1].length === 1 ? inner.fromLogic(m[1][0], kind) : undefined;
    },
  };
}

function unary(op: string): OperatorDef {
  return {
    arity: 'none',
    toLogic: (f) => ({ [op]: [v(f)] }),
    fromLogic: (rule) => {
      const m = opOf(rule);
      const field = m && m[0] === op && m[1].length === 1 ? varName(m[1][0]) : undefined;
      return field ? { field } : undefined;
    },
  };
}

const between: OperatorDef = {
  arity: 'range',
  toLogic: (f, value) => ({ '<=': [(value as unknown[])[0], v(f), (value as unknown[])[1]] }),
  fromLogic: (rule) => {
    const m = opOf(rule);
    if (!m || m[0] !== '<=' || m[1].length !== 3 || !isScalar(m[1][0]) || !isScalar(m[1][2])) return undefined;
    const field = varName(m[1][1]);
    return field ? { field, value: [m[1][0], m[1][2]] } : undefined;
  },
};

/** Within the last / next N days: today (now, for datetimes) and N days from it, as a range. */
function days(direction: -1 | 1): OperatorDef {
  const anchor = (kind: FilterKind) => (kind === 'datetime' ? now : today);
  const shifted = (n: number, kind: FilterKind) => ({ add_days: [anchor(kind), direction * n] });
  return {
    arity: 'days',
    toLogic: (f, value, kind) => ({ '<=': direction < 0 ? [shifted(value as number, kind), v(f), anchor(kind)] : [anchor(kind), v(f), shifted(value as number, kind)] }),
    fromLogic: (rule, kind) => {
      const m = opOf(rule);
      if (!m || m[0] !== '<=' || m[1].length !== 3) return undefined;
      const field = varName(m[1][1]);
      const [lo, hi] = [m[1][0], m[1][2]];
      const [fixedEnd, moving] = direction < 0 ? [hi, lo] : [lo, hi];
      const shift = opOf(moving);
      if (!field || !same(fixedEnd, anchor(kind)) || !shift || shift[0] !== 'add_days' || !same(shift[1][0], anchor(kind))) return undefined;
      const n = (shift[1][1] as number) * direction;
      return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? { field, value: n } : undefined;
    },
  };
}

const isList = (x: unknown) => Array.isArray(x) && x.length > 0 && x.every((i) => typeof i === 'string');
const anyOf: OperatorDef = { ...binary('in', isList), arity: 'list' };

/** Every operator, by id (the message key is filter.op.<id>). */
export const OPERATORS = {
  eq: binary('=='),
  ne: binary('!='),
  contains: binary('contains', (x) => typeof x === 'string'),
  not_contains: not(binary('contains', (x) => typeof x === 'string')),
  starts_with: binary('starts_with', (x) => typeof x === 'string'),
  ends_with: binary('ends_with', (x) => typeof x === 'string'),
  lt: binary('<'),
  le: binary('<='),
  gt: binary('>'),
  ge: binary('>='),
  between,
  today: fixed('==', today),
  last_days: days(-1),
  next_days: days(1),
  is_true: fixed('==', true),
  is_false: fixed('==', false),
  any_of: anyOf,
  none_of: not(anyOf),
  me: fixed('==', { var: '$user.id' }),
  empty: unary('is_empty'),
  not_empty: unary('not_empty'),
} satisfies Record<string, OperatorDef>;

export type OperatorId = keyof typeof OPERATORS;

/**
 * The operators each kind of field offers, in menu order. When json-logic is
 * read back, the first operator of the field's kind that recognises the rule
 * wins, so the specific ones (today, is true, me) come before plain equality.
 */
export const OPERATORS_BY_KIND: Record<FilterKind, OperatorId[]> = {
  text: ['contains', 'not_contains', 'eq', 'ne', 'starts_with', 'ends_with', 'empty', 'not_empty'],
  number: ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'between', 'empty', 'not_empty'],
  date: ['today', 'eq', 'ne', 'lt', 'gt', 'le', 'ge', 'last_days', 'next_days', 'between', 'empty', 'not_empty'],
  datetime: ['lt', 'gt', 'last_days', 'next_days', 'between', 'empty', 'not_empty'],
  boolean: ['is_true', 'is_false', 'empty'],
  picklist: ['any_of', 'none_of', 'empty', 'not_empty'],
  multipicklist: ['any_of', 'none_of', 'contains', 'empty', 'not_empty'],
  lookup: ['eq', 'ne', 'empty', 'not_empty'],
  user: ['me', 'eq', 'ne'],
};
