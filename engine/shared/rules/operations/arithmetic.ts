/**
 * Arithmetic: number → number. Any null (or non-number) operand gives null,
 * and so does dividing by zero. + - * / % are decimal-exact (see decimal.ts).
 */
import { addDecimal, divideDecimal, fromDecimal, multiplyDecimal, remainderDecimal, roundDecimal, toDecimal, type Decimal } from './decimal';
import type { OperationTable } from './values';

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The operands as decimals, or null when any is null or not a number. */
function decimals(args: unknown[]): Decimal[] | null {
  return args.every(isNumber) ? args.map(toDecimal) : null;
}

function fold(args: unknown[], step: (a: Decimal, b: Decimal) => Decimal): number | null {
  const ds = decimals(args);
  if (!ds || !ds.length) return null;
  return fromDecimal(ds.reduce(step));
}

function subtract(args: unknown[]): number | null {
  const ds = decimals(args);
  if (!ds || ds.length < 1 || ds.length > 2) return null;
  const [a, b] = ds as [Decimal, Decimal | undefined];
  if (!b) return fromDecimal({ digits: -a.digits, scale: a.scale });
  return fromDecimal(addDecimal(a, { digits: -b.digits, scale: b.scale }));
}

/** Division and remainder: null when the divisor is zero. */
const byNonZero = (step: (a: Decimal, b: Decimal) => Decimal) => (args: unknown[]) => {
  const ds = args.length === 2 ? decimals(args) : null;
  if (!ds || ds[1]!.digits === 0n) return null;
  return fromDecimal(step(ds[0]!, ds[1]!));
};

/** min / max: nulls are ignored; all null gives null. */
const extreme = (pick: (a: number, b: number) => number) => (args: unknown[]) => {
  const present = args.filter((a) => a !== null);
  if (!present.length || !present.every(isNumber)) return null;
  return present.reduce((a, b) => pick(a, b));
};

/** round(x) / round(x, digits): half away from zero, on the decimal x prints as (1.005 → 1.01 at 2 digits, as numeric does). */
function round([x, digits = 0]: unknown[]): number | null {
  if (!isNumber(x) || !isNumber(digits) || !Number.isInteger(digits)) return null;
  // Beyond ±400 places the answer no longer changes (doubles span 1e-324 … 1e308); clamping keeps BigInt powers small.
  return fromDecimal(roundDecimal(toDecimal(x), Math.max(-400, Math.min(400, digits))));
}

const unary = (f: (x: number) => number) => ([x]: unknown[]) => (isNumber(x) ? f(x) : null);

export const arithmeticOperations = {
  '+': (args) => fold(args, addDecimal),
  '-': subtract,
  '*': (args) => fold(args, multiplyDecimal),
  '/': byNonZero(divideDecimal),
  '%': byNonZero(remainderDecimal),
  min: extreme(Math.min),
  max: extreme(Math.max),
  round,
  floor: unary(Math.floor),
  ceil: unary(Math.ceil),
  abs: unary(Math.abs),
} satisfies OperationTable;
