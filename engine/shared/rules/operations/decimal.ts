/**
 * Decimal arithmetic on JS numbers, so the interpreter agrees with
 * PostgreSQL's numeric (which is how number, currency and percent fields are
 * stored): each operand is read as the decimal it prints as (0.1 is exactly
 * 0.1), the operation is done exactly on BigInt digits, and the result is the
 * nearest double. 0.1 + 0.2 is therefore 0.3, as in SQL.
 */

/** digits × 10^-scale, exactly. */
export interface Decimal {
  digits: bigint;
  scale: number;
}

const NUMBER = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/** The decimal a finite number prints as (its shortest round-trip form). */
export function toDecimal(n: number): Decimal {
  const m = NUMBER.exec(String(n));
  if (!m) throw new RangeError(`not a finite number: ${n}`);
  const fraction = m[3] ?? '';
  let digits = BigInt(`${m[1]}${m[2]}${fraction}`);
  let scale = fraction.length - Number(m[4] ?? 0);
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits, scale };
}

/** The nearest double (never -0). */
export function fromDecimal({ digits, scale }: Decimal): number {
  const n = Number(`${digits}e${-scale}`);
  return n === 0 ? 0 : n;
}

const align = (a: Decimal, b: Decimal): [bigint, bigint, number] => {
  const scale = Math.max(a.scale, b.scale);
  return [a.digits * 10n ** BigInt(scale - a.scale), b.digits * 10n ** BigInt(scale - b.scale), scale];
};

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return { digits: x + y, scale };
}

export function multiplyDecimal(a: Decimal, b: Decimal): Decimal {
  return { digits: a.digits * b.digits, scale: a.scale + b.scale };
}

/** Remainder with the sign of the dividend (BigInt % truncates toward zero, like SQL mod). */
export function remainderDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return { digits: x % y, scale };
}

const QUOTIENT_DIGITS = 40;
const digitCount = (x: bigint) => (x < 0n ? -x : x).toString().length;

/** The quotient to 40 significant digits (truncated), far beyond a double's precision. */
export function divideDecimal(a: Decimal, b: Decimal): Decimal {
  const shift = Math.max(0, QUOTIENT_DIGITS + digitCount(b.digits) - digitCount(a.digits));
  return { digits: (a.digits * 10n ** BigInt(shift)) / b.digits, scale: a.scale - b.scale + shift };
}

/** Rounds half away from zero to `places` decimals (negative: tens, hundreds …). */
export function roundDecimal(a: Decimal, places: number): Decimal {
  if (a.scale <= places) return a;
  const unit = 10n ** BigInt(a.scale - places);
  const magnitude = a.digits < 0n ? -a.digits : a.digits;
  let q = magnitude / unit;
  if ((magnitude % unit) * 2n >= unit) q += 1n;
  return { digits: a.digits < 0n ? -q : q, scale: places };
}

/** Plain decimal notation, never an exponent: 1.5 → "1.5", 2 → "2", 1e-7 → "0.0000001". */
export function formatDecimal({ digits, scale }: Decimal): string {
  const negative = digits < 0n;
  let text = (negative ? -digits : digits).toString();
  if (scale > 0) {
    text = text.padStart(scale + 1, '0');
    text = `${text.slice(0, -scale)}.${text.slice(-scale)}`.replace(/\.?0+$/, '');
  } else if (scale < 0) {
    text += '0'.repeat(-scale);
  }
  return negative && text !== '0' ? `-${text}` : text;
}
