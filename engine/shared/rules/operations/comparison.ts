/**
 * Comparison: always a boolean. Equality is null-aware (null equals only
 * null) and never coerces; ordering is false when either side is null.
 */
import { ruleCompare, ruleEquals, type OperationTable } from './values';

/** a op b, or the 3-argument "between" a op x AND x op c. */
const ordering = (holds: (c: number) => boolean) => (args: unknown[]) => {
  const pairs = args.length === 3 ? [[args[0], args[1]], [args[1], args[2]]] : [[args[0], args[1]]];
  return pairs.every(([a, b]) => {
    const c = ruleCompare(a, b);
    return c !== null && holds(c);
  });
};

/** in: x in a list of values (false for a null x), or a substring of a string (false for a null string). */
function isIn([x, container]: unknown[]): boolean {
  if (x === null) return false;
  // A multi-select value is "in" a list when they share a value.
  if (Array.isArray(x) && Array.isArray(container)) return x.some((item) => container.some((v) => ruleEquals(item, v)));
  if (Array.isArray(container)) return container.some((v) => ruleEquals(x, v));
  return typeof container === 'string' && typeof x === 'string' && container.includes(x);
}

const equal = ([a, b]: unknown[]) => ruleEquals(a, b);
const notEqual = ([a, b]: unknown[]) => !ruleEquals(a, b);

export const comparisonOperations = {
  '==': equal,
  '===': equal,
  '!=': notEqual,
  '!==': notEqual,
  '<': ordering((c) => c < 0),
  '<=': ordering((c) => c <= 0),
  '>': ordering((c) => c > 0),
  '>=': ordering((c) => c >= 0),
  in: isIn,
} satisfies OperationTable;
