/** Null handling. */
import type { OperationTable } from './values';

/** null, "" and [] are empty. */
const isEmpty = (x: unknown) => x === null || x === '' || (Array.isArray(x) && x.length === 0);

export const nullOperations = {
  if_null: ([a, b]) => (a === null ? b : a),
  is_empty: ([x]) => isEmpty(x),
  not_empty: ([x]) => !isEmpty(x),
} satisfies OperationTable;
