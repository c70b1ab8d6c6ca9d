/**
 * What every operation shares: the evaluation context, the shape of an
 * implementation, and the value semantics of docs/rules.md (truthiness,
 * null-aware equality, ordering). Browser-safe: no server imports.
 */
import type { OperationName } from '../catalogue';
import { parseDatetime } from './temporal';

/** Who evaluates a rule, and when. */
export interface RuleContext {
  /** The evaluation instant: `$now`, `now()`, and `today()` (its UTC date). */
  now: Date;
  /** The acting user: `$user.id`, `$user.roles`, `$user.department`. */
  user?: { id: string; roles: string[]; department?: string | null };
  /** The caller's locale (picklist labels are already resolved into it). */
  locale?: 'en' | 'zh-CN';
  /** Picklist labels in the caller's locale: field → value → label, read by `label_of`. */
  picklistLabels?: Record<string, Record<string, string>>;
}

/**
 * One operation: evaluated arguments in (undefined already turned into null),
 * a rule value out. It may throw; the interpreter turns any exception into null.
 * The context is absent only when json-logic-js is called outside evaluateRule.
 */
export type OperationFn = (args: unknown[], context: RuleContext | undefined) => unknown;

/** A table of operations of one group. */
export type OperationTable = { [K in OperationName]?: OperationFn };

export const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Spec truthiness: true, a non-zero number, a non-empty string or list. Null is false. */
export function truthy(x: unknown): boolean {
  if (x === null || x === undefined) return false;
  if (typeof x === 'boolean') return x;
  if (typeof x === 'number') return x !== 0 && !Number.isNaN(x);
  if (typeof x === 'string') return x !== '';
  if (Array.isArray(x)) return x.length > 0;
  return true;
}

/**
 * Null-aware equality without coercion: null equals only null; otherwise equal
 * values of the same type. Two datetimes are equal when they are the same
 * instant, whatever their offsets (as timestamptz in SQL).
 */
export function ruleEquals(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a !== typeof b) return false;
  if (typeof a === 'string' && typeof b === 'string' && a !== b) {
    const [x, y] = [parseDatetime(a), parseDatetime(b)];
    return x !== null && y !== null && x === y;
  }
  return (typeof a === 'number' || typeof a === 'string' || typeof a === 'boolean') && a === b;
}

/**
 * Orders two values: negative, zero or positive; null when either is null or
 * they are of different types. Numbers numerically, false < true, datetimes
 * by instant, other strings by Unicode code point (SQL COLLATE "C"; dates in
 * "YYYY-MM-DD" therefore sort chronologically).
 */
export function ruleCompare(a: unknown, b: unknown): number | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a - b) ? null : Math.sign(a - b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'string' && typeof b === 'string') {
    const [x, y] = [parseDatetime(a), parseDatetime(b)];
    if (x !== null && y !== null) return Math.sign(x - y);
    return compareCodePoints(a, b);
  }
  return null;
}

/** Code point order. JS `<` compares UTF-16 units, which misorders astral characters against U+E000–U+FFFF. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) return Math.sign(a.codePointAt(i)! - b.codePointAt(i)!);
  }
  return Math.sign(a.length - b.length);
}

/** Number of Unicode code points ("客户" is 2, an emoji is 1). */
export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
