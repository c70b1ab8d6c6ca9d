/**
 * Every operation a Tessera rule may use, with its signature. The type
 * checker, the interpreter and the SQL compiler all key off this table, so an
 * operation cannot exist in one of them only. Semantics: docs/rules.md.
 */

/** The static types of rule values. `any` only appears in signatures. */
export type RuleType = 'null' | 'boolean' | 'number' | 'string' | 'date' | 'datetime' | 'list' | 'any';

/** How an operation's arguments and result are typed. */
export interface OperationSignature {
  /** Minimum and maximum argument count (Infinity for n-ary). */
  arity: [number, number];
  /** Allowed types per argument position (the last entry repeats for n-ary). */
  args: RuleType[][];
  /** The result type, or 'arg0' / 'same' (all non-null args share one type, which is the result). */
  returns: RuleType | 'arg0' | 'same';
  /** False for operations that only the interpreter can run (refused in SQL contexts). */
  compilable: boolean;
  /** A short description for the docs and the designer's function picker. */
  doc: string;
}

const num: RuleType[] = ['number'];
const str: RuleType[] = ['string'];
const temporal: RuleType[] = ['date', 'datetime'];
const comparable: RuleType[] = ['number', 'string', 'date', 'datetime'];
const scalar: RuleType[] = ['number', 'string', 'date', 'datetime', 'boolean'];
const any: RuleType[] = ['any'];

const op = (arity: [number, number], args: RuleType[][], returns: OperationSignature['returns'], doc: string, compilable = true): OperationSignature => ({ arity, args, returns, compilable, doc });

export const OPERATIONS = {
  // logic
  and: op([1, Infinity], [['boolean']], 'boolean', 'true when every operand is true'),
  or: op([1, Infinity], [['boolean']], 'boolean', 'true when any operand is true'),
  '!': op([1, 1], [any], 'boolean', 'not truthy'),
  '!!': op([1, 1], [any], 'boolean', 'truthy: true, a non-zero number, a non-empty string or list'),
  if: op([1, Infinity], [any], 'same', 'first value whose condition is truthy, else the last value'),
  // comparison
  '==': op([2, 2], [[...scalar, 'list'], [...scalar, 'list']], 'boolean', 'equal (null equals only null; a multi-select only with null)'),
  '===': op([2, 2], [[...scalar, 'list'], [...scalar, 'list']], 'boolean', 'same as =='),
  '!=': op([2, 2], [[...scalar, 'list'], [...scalar, 'list']], 'boolean', 'not equal (null-aware)'),
  '!==': op([2, 2], [[...scalar, 'list'], [...scalar, 'list']], 'boolean', 'same as !='),
  '<': op([2, 3], [comparable], 'boolean', 'less than; false with a null; 3 arguments: between (exclusive)'),
  '<=': op([2, 3], [comparable], 'boolean', 'less than or equal; false with a null; 3 arguments: between (inclusive)'),
  '>': op([2, 2], [comparable], 'boolean', 'greater than; false with a null'),
  '>=': op([2, 2], [comparable], 'boolean', 'greater than or equal; false with a null'),
  in: op([2, 2], [[...scalar, 'list'], ['list', 'string']], 'boolean', 'value in a literal list (a multi-select: shares a value with it), or substring in a string'),
  // arithmetic
  '+': op([1, Infinity], [num], 'number', 'sum; null if any operand is null'),
  '-': op([1, 2], [num], 'number', 'difference, or negation with one operand'),
  '*': op([1, Infinity], [num], 'number', 'product; null if any operand is null'),
  '/': op([2, 2], [num], 'number', 'quotient; null when dividing by zero'),
  '%': op([2, 2], [num], 'number', 'remainder (sign of the dividend); null when dividing by zero'),
  min: op([1, Infinity], [num], 'number', 'smallest non-null operand'),
  max: op([1, Infinity], [num], 'number', 'largest non-null operand'),
  round: op([1, 2], [num, num], 'number', 'round half away from zero, optionally to n decimals'),
  floor: op([1, 1], [num], 'number', 'largest integer not greater'),
  ceil: op([1, 1], [num], 'number', 'smallest integer not smaller'),
  abs: op([1, 1], [num], 'number', 'absolute value'),
  // strings
  cat: op([1, Infinity], [scalar], 'string', 'concatenation; nulls count as empty'),
  concat: op([1, Infinity], [scalar], 'string', 'same as cat'),
  lower: op([1, 1], [str], 'string', 'lower case'),
  upper: op([1, 1], [str], 'string', 'upper case'),
  length: op([1, 1], [str], 'number', 'number of characters (code points)'),
  trim: op([1, 1], [str], 'string', 'without leading and trailing spaces'),
  contains: op([2, 2], [['string', 'list'], str], 'boolean', 'case-sensitive substring test, or list membership for a multi-select'),
  starts_with: op([2, 2], [str, str], 'boolean', 'case-sensitive prefix test'),
  ends_with: op([2, 2], [str, str], 'boolean', 'case-sensitive suffix test'),
  regex_match: op([2, 2], [str, str], 'boolean', 'JavaScript regular expression test (interpreter only)', false),
  // nulls
  if_null: op([2, 2], [any, any], 'same', 'the first operand unless it is null, else the second'),
  is_empty: op([1, 1], [any], 'boolean', 'null, empty string or empty list'),
  not_empty: op([1, 1], [any], 'boolean', 'not is_empty'),
  // picklists
  label_of: op([2, 2], [str, str], 'string', 'label of a picklist value in the caller’s locale: label_of(value, "field")'),
  in_set: op([2, 2], [['list'], str], 'boolean', 'a multi-select value contains the value'),
  // dates
  today: op([0, 0], [], 'date', 'the current date (UTC)'),
  now: op([0, 0], [], 'datetime', 'the current instant'),
  add_days: op([2, 2], [temporal, num], 'arg0', 'date or datetime plus n days'),
  add_months: op([2, 2], [temporal, num], 'arg0', 'plus n months, clamped to the month’s last day'),
  add_years: op([2, 2], [temporal, num], 'arg0', 'plus n years, clamped to the month’s last day'),
  diff_days: op([2, 2], [temporal, temporal], 'number', 'whole days from the second to the first'),
  diff_months: op([2, 2], [temporal, temporal], 'number', 'calendar months from the second to the first'),
  diff_years: op([2, 2], [temporal, temporal], 'number', 'calendar years from the second to the first'),
  year: op([1, 1], [temporal], 'number', 'year'),
  month: op([1, 1], [temporal], 'number', 'month 1–12'),
  day: op([1, 1], [temporal], 'number', 'day of month'),
  weekday: op([1, 1], [temporal], 'number', 'ISO weekday, Monday 1 … Sunday 7'),
  start_of_week: op([1, 1], [temporal], 'date', 'the Monday of the week'),
  start_of_month: op([1, 1], [temporal], 'date', 'the first day of the month'),
  start_of_quarter: op([1, 1], [temporal], 'date', 'the first day of the quarter'),
} as const satisfies Record<string, OperationSignature>;

export type OperationName = keyof typeof OPERATIONS;

export const isOperation = (name: string): name is OperationName => Object.prototype.hasOwnProperty.call(OPERATIONS, name);

/** Limits every rule obeys (checked at publish time). */
export const RULE_LIMITS = { maxDepth: 64, maxListItems: 10_000, maxRegexLength: 200, maxRegexInput: 10_000 } as const;
