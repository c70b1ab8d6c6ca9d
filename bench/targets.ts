/** The goals the table checks, as product/baseline ratios. */
export const TARGETS = {
  /** W1: product req/s at least this share of the hand-written req/s. */
  createThroughput: 0.6,
  /** W2: product rows/s at least this share of raw COPY rows/s. */
  bulkThroughput: 0.3,
  /** W3: product p50 at most this multiple of the hand-written p50. */
  listP50: 1.5,
} as const;

export interface TargetCheck {
  ratio: number;
  ratioLabel: string;
  target: string;
  met: boolean;
}

const x = (n: number) => `${n.toFixed(2)}×`;
/** Two decimals, or three when two would round onto the bound and hide which side it is on. */
const r = (n: number, bound: number) => `${n.toFixed(n !== bound && n.toFixed(2) === bound.toFixed(2) ? 3 : 2)}×`;

export function atLeast(product: number, baseline: number, min: number, unit: string): TargetCheck {
  const ratio = product / baseline;
  return { ratio, ratioLabel: `${r(ratio, min)} ${unit}`, target: `≥ ${x(min)} ${unit}`, met: ratio >= min };
}

export function atMost(product: number, baseline: number, max: number, unit: string, note = ''): TargetCheck {
  const ratio = product / baseline;
  return { ratio, ratioLabel: `${r(ratio, max)} ${unit}${note}`, target: `≤ ${x(max)} ${unit}`, met: ratio <= max };
}
