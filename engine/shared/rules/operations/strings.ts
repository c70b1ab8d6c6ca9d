/**
 * Strings. Case-sensitive matching; lengths in Unicode code points; cat
 * treats null as "" and writes numbers in plain shortest form.
 */
import { RULE_LIMITS } from '../catalogue';
import { formatDecimal, toDecimal } from './decimal';
import { codePointLength, ruleEquals, type OperationTable } from './values';

/** How a scalar reads inside cat: null → "", 1.5 → "1.5", 1e21 → "1000000000000000000000", true → "true". */
function catPiece(x: unknown): string {
  if (x === null) return '';
  if (typeof x === 'string') return x;
  if (typeof x === 'number') return formatDecimal(toDecimal(x));
  if (typeof x === 'boolean') return String(x);
  throw new TypeError('cat takes scalars only');
}

const cat = (args: unknown[]) => args.map(catPiece).join('');

/** A string → string function: null (or a non-string) gives null. */
const text = (f: (s: string) => unknown) => ([s]: unknown[]) => (typeof s === 'string' ? f(s) : null);

/** A (string, string) → boolean test: false when either side is null. */
const test = (f: (s: string, t: string) => boolean) => ([s, t]: unknown[]) => typeof s === 'string' && typeof t === 'string' && f(s, t);

/** contains(s, sub) on text, or contains(list, value) on a multi-select. */
function contains([s, sub]: unknown[]): boolean {
  if (Array.isArray(s)) return sub !== null && s.some((v) => ruleEquals(v, sub));
  return typeof s === 'string' && typeof sub === 'string' && s.includes(sub);
}

const patterns = new Map<string, RegExp | null>();
const PATTERN_CACHE_SIZE = 256;

/** Compiled once per pattern; null for an invalid one. */
function compile(pattern: string): RegExp | null {
  let re = patterns.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern);
    } catch {
      re = null;
    }
    if (patterns.size >= PATTERN_CACHE_SIZE) patterns.clear();
    patterns.set(pattern, re);
  }
  return re;
}

/** regex_match: false for null, an over-long pattern or input, or an invalid pattern. */
function regexMatch([s, pattern]: unknown[]): boolean {
  if (typeof s !== 'string' || typeof pattern !== 'string') return false;
  if (pattern.length > RULE_LIMITS.maxRegexLength) return false;
  if (s.length > RULE_LIMITS.maxRegexInput && codePointLength(s) > RULE_LIMITS.maxRegexInput) return false;
  return compile(pattern)?.test(s) ?? false;
}

export const stringOperations = {
  cat,
  concat: cat,
  lower: text((s) => s.toLowerCase()),
  upper: text((s) => s.toUpperCase()),
  length: text(codePointLength),
  trim: text((s) => s.replace(/^ +| +$/g, '')),
  contains,
  starts_with: test((s, prefix) => s.startsWith(prefix)),
  ends_with: test((s, suffix) => s.endsWith(suffix)),
  regex_match: regexMatch,
} satisfies OperationTable;
