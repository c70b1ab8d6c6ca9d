/**
 * Well-typed rules, generated with fast-check from the catalogue's
 * operations: one recursive arbitrary per result type, nesting at most 4
 * levels below the root.
 *
 * Numbers carry a bound on their size: `I` integer digits and `S` decimals.
 * The interpreter holds every intermediate number as a double and SQL as an
 * exact numeric; the two agree exactly while every intermediate result has at
 * most 15 significant digits (docs/rules.md §6), so exact sub-results stay
 * within that budget. A quotient by anything but a "nice" literal is inexact
 * (SQL cuts it at 16–20 digits): it may flow into continuous operations
 * (+ - * min max abs, if branches), whose result is compared with a relative
 * tolerance, but never into ones that jump (round, floor, %, comparisons,
 * cat, counts, conditions), where a difference in the 17th digit could turn
 * into a different answer.
 */
import fc from 'fast-check';
import { OPERATIONS, type OperationName } from '../../../../engine/shared/rules/catalogue';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type GenType = 'number' | 'string' | 'boolean' | 'date' | 'datetime' | 'list';

/** A generated rule with what the generator knows about it. */
export interface Gen {
  rule: Json;
  type: GenType;
  /** Numbers: |value| < 10^I. */
  I: number;
  /** Numbers: at most S decimals (when exact). */
  S: number;
  /** Numbers: the interpreter's double holds the exact decimal result. */
  exact: boolean;
}

export const MAX_DEPTH = 4;
const MAX_SIGNIFICANT = 15;
const MAX_INEXACT_DIGITS = 30;

const opsUsed = new Set<OperationName>();
/** The rule {op: args}, checked against the catalogue's arity as it is built. */
function op(name: OperationName, args: Json[]): Json {
  const [min, max] = OPERATIONS[name].arity;
  if (args.length < min || args.length > max) throw new Error(`generator bug: ${name} with ${args.length} args`);
  opsUsed.add(name);
  return { [name]: args };
}
/** Operations the generator can produce (the suite checks it covers the catalogue). */
export const generatedOperations = () => [...opsUsed].sort();

const v = (name: string): Json => ({ var: name });
const g = (type: GenType, rule: Json, I = 0, S = 0, exact = true): Gen => ({ rule, type, I, S, exact });

/** Integer digits and decimals of a number as written. */
export function digitsOf(n: number): { I: number; S: number } {
  const [int, frac = ''] = Math.abs(n).toString().split('.');
  return { I: int === '0' ? 0 : int!.length, S: frac.length };
}

const within = (x: Gen) => (x.exact ? x.I + x.S <= MAX_SIGNIFICANT : x.I <= MAX_INEXACT_DIGITS);
const num = (rule: Json, parts: Gen[], I: number, S: number, exact = parts.every((p) => p.exact)) => g('number', rule, I, S, exact);
const maxOf = (xs: number[]) => Math.max(0, ...xs);

// ---------- leaves ----------

const NUMBER_FIELDS: [string, number, number][] = [
  ['qty', 9, 0],
  ['ratio', 6, 4],
  ['amount', 9, 2],
];
const NUMBER_LITERALS = [0, 1, -1, 2, 3, 7, -7, 0.5, -0.5, 2.5, -2.5, 1.005, 0.1, 0.2, 0.3, 100, 1000000, 123.4567, -0.0001, 999999999];
// '2026-02-30' is not a calendar day, so it is text (a date rule would refuse it).
const STRING_LITERALS = ['2026-02-30', '', ' ', 'a', 'abc', 'ABC', 'b', 'Zebra', '客户', '上海', '华东', '上海华东精密机械有限公司', '%', '_', 'a_b', '50%', 'x\\y', ' padded ', 'won', 'vip', 'a b', '客户 ABC', 'u-1', '\\'];
const DATE_LITERALS = ['2024-02-29', '2024-03-01', '2025-02-28', '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-01', '2026-12-31', '2027-01-01'];
const DATETIME_LITERALS = [
  '2026-03-31T23:30:00.000Z',
  '2026-04-01T07:30:00+08:00',
  '2026-03-31T16:00:00+08:00',
  '2024-02-29T12:00:00.5Z',
  '2026-01-31T16:00:00-08:00',
  '2026-12-31T23:59:59.999Z',
  '2026-04-01T07:30+0800',
  '2026-03-31T23:29:59.9999Z',
  '2025-12-31T23:00:00Z',
];
const LIST_LITERALS: string[][] = [[], ['vip'], ['vip', 'sales'], ['new', 'old', 'a_b'], ['50', '客户']];

const nullLit = (type: GenType) => fc.constant(g(type, null));

const leaves: Record<GenType, fc.Arbitrary<Gen>> = {
  number: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...NUMBER_FIELDS).map(([f, I, S]) => g('number', v(f), I, S)) },
    { weight: 3, arbitrary: fc.constantFrom(...NUMBER_LITERALS).map((n) => ({ ...g('number', n), ...digitsOf(n) })) },
    { weight: 1, arbitrary: fc.integer({ min: -1000, max: 1000 }).map((n) => ({ ...g('number', n), ...digitsOf(n) })) },
    { weight: 1, arbitrary: nullLit('number') },
  ),
  string: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom('name', 'txt', 'txt2', 'stage').map((f) => g('string', v(f))) },
    { weight: 1, arbitrary: fc.constantFrom('$user.id', '$user.department').map((f) => g('string', v(f))) },
    { weight: 4, arbitrary: fc.constantFrom(...STRING_LITERALS).map((s) => g('string', s)) },
    { weight: 1, arbitrary: nullLit('string') },
  ),
  boolean: fc.oneof(
    { weight: 4, arbitrary: fc.constant(g('boolean', v('flag'))) },
    { weight: 2, arbitrary: fc.constantFrom(true, false).map((b) => g('boolean', b)) },
    { weight: 1, arbitrary: nullLit('boolean') },
  ),
  date: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom('d', 'd2').map((f) => g('date', v(f))) },
    { weight: 3, arbitrary: fc.constantFrom(...DATE_LITERALS).map((s) => g('date', s)) },
    { weight: 1, arbitrary: fc.constant(null).map(() => g('date', op('today', []))) },
    { weight: 1, arbitrary: nullLit('date') },
  ),
  datetime: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom('ts', 'ts2').map((f) => g('datetime', v(f))) },
    { weight: 1, arbitrary: fc.constant(g('datetime', v('$now'))) },
    { weight: 3, arbitrary: fc.constantFrom(...DATETIME_LITERALS).map((s) => g('datetime', s)) },
    { weight: 1, arbitrary: fc.constant(null).map(() => g('datetime', op('now', []))) },
    { weight: 1, arbitrary: nullLit('datetime') },
  ),
  list: fc.oneof(
    { weight: 4, arbitrary: fc.constant(g('list', v('tags'))) },
    { weight: 1, arbitrary: fc.constant(g('list', v('$user.roles'))) },
    { weight: 2, arbitrary: fc.constantFrom(...LIST_LITERALS).map((l) => g('list', l)) },
  ),
};

// ---------- recursion ----------

const cache = new Map<string, fc.Arbitrary<Gen>>();
const memo = (key: string, make: () => fc.Arbitrary<Gen>) => {
  let a = cache.get(key);
  if (!a) cache.set(key, (a = make()));
  return a;
};

/** A rule of `type` nesting at most `depth` levels. */
export function arb(type: GenType, depth: number): fc.Arbitrary<Gen> {
  if (depth <= 0) return leaves[type];
  return memo(`${type}/${depth}`, () => {
    const ops = OPS[type](depth - 1).map((arbitrary) => ({ weight: 2, arbitrary }));
    return fc.oneof({ weight: 2, arbitrary: leaves[type] }, ...ops).filter(within);
  });
}

/** A number whose value both sides hold exactly (may feed round, %, comparisons …). */
const exactNum = (d: number) => memo(`exact/${d}`, () => arb('number', d).filter((x) => x.exact));
/** Any scalar, numbers exact. */
const scalar = (d: number) => fc.oneof(exactNum(d), arb('string', d), arb('boolean', d), arb('date', d), arb('datetime', d));
/** Anything, for truthiness and emptiness tests. */
const anything = (d: number) => fc.oneof(scalar(d), arb('list', d));
/** A temporal of either kind. */
const temporal = (d: number) => fc.oneof(arb('date', d), arb('datetime', d));
/** A day/month/year count: mostly small whole numbers, sometimes fractional, null or any number. */
const count = (d: number) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: -400, max: 400 }).map((n) => g('number', n)) },
    { weight: 2, arbitrary: fc.constantFrom<Json>(0, 1, -1, 12, -12, 31, 366, 1.5, -0.5, null).map((n) => g('number', n)) },
    { weight: 2, arbitrary: exactNum(d) },
  );

/** Same-type operands for comparisons: [type, operands]. */
const sameType = (d: number, n: number, types: GenType[]) =>
  fc.constantFrom(...types).chain((t) => fc.array(t === 'number' ? exactNum(d) : arb(t, d), { minLength: n, maxLength: n }));

/** if: [c1, v1, (c2, v2,)? else?] over values of one arbitrary. */
const conditional = (d: number, value: fc.Arbitrary<Gen>, type: GenType) =>
  fc.tuple(fc.array(fc.tuple(anything(d), value), { minLength: 1, maxLength: 2 }), fc.option(value, { nil: undefined })).map(([pairs, otherwise]) => {
    const values = [...pairs.map(([, x]) => x), ...(otherwise ? [otherwise] : [])];
    const rule = op('if', [...pairs.flatMap(([c, x]) => [c.rule, x.rule]), ...(otherwise ? [otherwise.rule] : [])]);
    return type === 'number' ? num(rule, values, maxOf(values.map((x) => x.I)), maxOf(values.map((x) => x.S))) : g(type, rule);
  });

const ifNull = (value: fc.Arbitrary<Gen>, type: GenType) =>
  fc.tuple(value, value).map(([a, b]) => (type === 'number' ? num(op('if_null', [a.rule, b.rule]), [a, b], Math.max(a.I, b.I), Math.max(a.S, b.S)) : g(type, op('if_null', [a.rule, b.rule]))));

/** Divisors whose quotient is an exact decimal: [divisor, extra integer digits, extra decimals]. */
const NICE_DIVISORS: [number | null, number, number][] = [
  [1, 0, 0],
  [2, 0, 1],
  [-2, 0, 1],
  [4, 0, 2],
  [5, 0, 1],
  [8, 0, 3],
  [10, 0, 1],
  [100, 0, 2],
  [0.5, 1, 0],
  [0.25, 1, 0],
  [0, 0, 0],
  [null, 0, 0],
];

const OPS: Record<GenType, (d: number) => fc.Arbitrary<Gen>[]> = {
  number: (d) => {
    const n = arb('number', d);
    const x = exactNum(d);
    return [
      fc.array(n, { minLength: 1, maxLength: 3 }).chain((ps) =>
        fc.constantFrom<OperationName>('+', '*', 'min', 'max').map((o) => {
          const rule = op(o, ps.map((p) => p.rule));
          if (o === '*') return num(rule, ps, ps.reduce((s, p) => s + p.I, 0), ps.reduce((s, p) => s + p.S, 0));
          return num(rule, ps, maxOf(ps.map((p) => p.I)) + (o === '+' && ps.length > 1 ? 1 : 0), maxOf(ps.map((p) => p.S)));
        }),
      ),
      fc.array(n, { minLength: 1, maxLength: 2 }).map((ps) => num(op('-', ps.map((p) => p.rule)), ps, maxOf(ps.map((p) => p.I)) + 1, maxOf(ps.map((p) => p.S)))),
      // a / nice literal: exact; a / anything: inexact.
      fc.tuple(n, fc.constantFrom(...NICE_DIVISORS)).map(([a, [by, dI, dS]]) => num(op('/', [a.rule, by]), [a], a.I + dI, a.S + dS)),
      fc.tuple(n, n).map(([a, b]) => num(op('/', [a.rule, b.rule]), [a, b], a.I + b.S + 1, 0, false)),
      fc.tuple(x, fc.oneof(x, fc.constantFrom<Json>(3, -3, 0.7, 0, 2, null).map((k) => ({ ...g('number', k), ...(typeof k === 'number' ? digitsOf(k) : {}) })))).map(([a, b]) =>
        num(op('%', [a.rule, b.rule]), [a, b], Math.min(a.I, b.I), Math.max(a.S, b.S)),
      ),
      fc.tuple(x, fc.option(fc.oneof(fc.integer({ min: -3, max: 5 }).map((k) => g('number', k)), exactNum(d)), { nil: undefined })).map(([a, places]) => {
        const rule = op('round', places ? [a.rule, places.rule] : [a.rule]);
        const S = places === undefined ? 0 : typeof places.rule === 'number' ? Math.min(a.S, Math.max(0, places.rule)) : a.S;
        return num(rule, [a], a.I + 1, S);
      }),
      fc.tuple(x, fc.constantFrom<OperationName>('floor', 'ceil')).map(([a, o]) => num(op(o, [a.rule]), [a], a.I + 1, 0)),
      n.map((a) => num(op('abs', [a.rule]), [a], a.I, a.S)),
      arb('string', d).map((s) => num(op('length', [s.rule]), [], 3, 0)),
      fc.tuple(temporal(d), fc.constantFrom<[OperationName, number]>(['year', 4], ['month', 2], ['day', 2], ['weekday', 1])).map(([t, [o, I]]) => num(op(o, [t.rule]), [], I, 0)),
      fc.constantFrom<GenType>('date', 'datetime').chain((t) =>
        fc.tuple(arb(t, d), arb(t, d), fc.constantFrom<[OperationName, number]>(['diff_days', 7], ['diff_months', 6], ['diff_years', 4])).map(([a, b, [o, I]]) => num(op(o, [a.rule, b.rule]), [], I, 0)),
      ),
      conditional(d, n, 'number'),
      ifNull(n, 'number'),
    ];
  },
  string: (d) => {
    const s = arb('string', d);
    return [
      fc.tuple(fc.array(scalar(d), { minLength: 1, maxLength: 4 }), fc.constantFrom<OperationName>('cat', 'concat')).map(([ps, o]) => g('string', op(o, ps.map((p) => p.rule)))),
      fc.tuple(s, fc.constantFrom<OperationName>('lower', 'upper', 'trim')).map(([a, o]) => g('string', op(o, [a.rule]))),
      s.map((a) => g('string', op('label_of', [a.rule, 'stage']))),
      conditional(d, s, 'string'),
      ifNull(s, 'string'),
    ];
  },
  boolean: (d) => {
    const b = arb('boolean', d);
    const s = arb('string', d);
    // The types the catalogue lets each comparison take.
    const accepted = (o: OperationName) => (OPERATIONS[o].args[0] as readonly string[]).filter((x): x is GenType => ['number', 'string', 'boolean', 'date', 'datetime'].includes(x));
    const equatable = accepted('==');
    const ordered = accepted('<');
    return [
      fc.tuple(fc.array(b, { minLength: 1, maxLength: 3 }), fc.constantFrom<OperationName>('and', 'or')).map(([ps, o]) => g('boolean', op(o, ps.map((p) => p.rule)))),
      fc.tuple(anything(d), fc.constantFrom<OperationName>('!', '!!', 'is_empty', 'not_empty')).map(([a, o]) => g('boolean', op(o, [a.rule]))),
      fc.tuple(sameType(d, 2, equatable), fc.constantFrom<OperationName>('==', '===', '!=', '!==')).map(([ps, o]) => g('boolean', op(o, ps.map((p) => p.rule)))),
      // Ordering refuses a literal null (always false: "== null" is meant); null-valued expressions stay.
      fc.tuple(sameType(d, 2, ordered), fc.constantFrom<OperationName>('<', '<=', '>', '>='))
        .filter(([ps]) => ps.every((p) => p.rule !== null))
        .map(([ps, o]) => g('boolean', op(o, ps.map((p) => p.rule)))),
      fc.tuple(sameType(d, 3, ordered), fc.constantFrom<OperationName>('<', '<='))
        .filter(([ps]) => ps.every((p) => p.rule !== null))
        .map(([ps, o]) => g('boolean', op(o, ps.map((p) => p.rule)))),
      // in: a value in a literal list of its type (a multi-select: sharing a value with it) …
      fc.constantFrom<GenType>('number', 'string', 'date', 'datetime', 'boolean', 'list').chain((t) => {
        const pool: Json[] = t === 'number' ? NUMBER_LITERALS : t === 'date' ? DATE_LITERALS : t === 'datetime' ? DATETIME_LITERALS : t === 'boolean' ? [true, false] : t === 'list' ? ['vip', 'new', 'sales', 'x'] : STRING_LITERALS;
        const needle = t === 'number' ? exactNum(d) : arb(t, d);
        return fc.tuple(needle, fc.subarray(pool, { maxLength: Math.min(4, pool.length) })).map(([x, list]) => g('boolean', op('in', [x.rule, list])));
      }),
      // A multi-select equals only null.
      fc.tuple(arb('list', d), fc.constantFrom<OperationName>('==', '!=', '===', '!=='), fc.boolean()).map(([l, o, first]) => g('boolean', op(o, first ? [l.rule, null] : [null, l.rule]))),
      // … or a substring of a string.
      fc.tuple(s, s).map(([a, b]) => g('boolean', op('in', [a.rule, b.rule]))),
      fc.tuple(s, s, fc.constantFrom<OperationName>('contains', 'starts_with', 'ends_with')).map(([a, b, o]) => g('boolean', op(o, [a.rule, b.rule]))),
      fc.tuple(arb('list', d), s, fc.constantFrom<OperationName>('contains', 'in_set')).map(([l, x, o]) => g('boolean', op(o, [l.rule, x.rule]))),
      conditional(d, b, 'boolean'),
      ifNull(b, 'boolean'),
    ];
  },
  date: (d) => {
    const dt = arb('date', d);
    return [
      fc.tuple(dt, count(d), fc.constantFrom<OperationName>('add_days', 'add_months', 'add_years')).map(([a, n, o]) => g('date', op(o, [a.rule, n.rule]))),
      fc.tuple(temporal(d), fc.constantFrom<OperationName>('start_of_week', 'start_of_month', 'start_of_quarter')).map(([a, o]) => g('date', op(o, [a.rule]))),
      conditional(d, dt, 'date'),
      ifNull(dt, 'date'),
    ];
  },
  datetime: (d) => {
    const dt = arb('datetime', d);
    return [
      fc.tuple(dt, count(d), fc.constantFrom<OperationName>('add_days', 'add_months', 'add_years')).map(([a, n, o]) => g('datetime', op(o, [a.rule, n.rule]))),
      conditional(d, dt, 'datetime'),
      ifNull(dt, 'datetime'),
    ];
  },
  list: (d) => {
    const l = arb('list', d);
    return [conditional(d, l, 'list'), ifNull(l, 'list')];
  },
};

/** `n` rules of `type`, deterministic for a seed. */
export function sampleRules(type: GenType, n: number, seed: number): Gen[] {
  return fc.sample(arb(type, MAX_DEPTH), { seed, numRuns: n });
}
