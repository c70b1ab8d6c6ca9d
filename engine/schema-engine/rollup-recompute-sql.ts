import type { Field } from '../shared/metadata-types';
import { aggregate, isDeltaRollup, rollupParts } from './rollup-parts';

/**
 * Sets every parent's roll-up from its child records, touching only rows whose
 * stored value is wrong (so the row count says how many were repaired).
 * Parents without counting children get 0 (count, sum) or NULL (min, max, avg).
 */
export function recomputeRollupSql(schema: string, parentObject: string, field: Field): string {
  const p = rollupParts(schema, parentObject, field);
  const totals = `SELECT r.${p.lookup} AS parent_id, ${aggregate(p)} AS value FROM ${p.child} r WHERE ${p.counts} GROUP BY r.${p.lookup}`;
  const value = `${isDeltaRollup(p.fn) ? 'coalesce(a.value, 0)' : 'a.value'}::${p.columnType}`;
  return `UPDATE ${p.parent} p SET ${p.column} = v.value FROM (SELECT p0.id, ${value} AS value FROM ${p.parent} p0 LEFT JOIN (${totals}) a ON a.parent_id = p0.id) v WHERE p.id = v.id AND p.${p.column} IS DISTINCT FROM v.value`;
}
