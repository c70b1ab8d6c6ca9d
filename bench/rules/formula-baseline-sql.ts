/**
 * The hand-written equivalent of the product's formula list: unit_price =
 * round(amount / qty, 2), division by zero giving null, filtered and sorted
 * by it with id as the tie-break (as the product does), every column returned.
 */
export const formulaBaselineSql = (table: string) =>
  `SELECT t.*, round(t.amount / NULLIF(t.qty, 0), 2) AS unit_price FROM ${table} t ` +
  `WHERE round(t.amount / NULLIF(t.qty, 0), 2) > $1::numeric ORDER BY unit_price DESC, t.id DESC LIMIT $2`;
