import { quoteIdent } from '../db/knex';
import { rollupOptions, type RollupFunction } from '../field-types/rollup/rollup-options';
import type { Field } from '../shared/metadata-types';
import { qualified } from './column-ddl';

/** The quoted pieces every roll-up statement is made of. Child rows are always aliased `r`. */
export interface RollupParts {
  fn: RollupFunction;
  /** The parent table and the roll-up column on it. */
  parent: string;
  column: string;
  columnType: string;
  /** The child table, its lookup column and the summarized column (`1` for count). */
  child: string;
  lookup: string;
  value: string;
  /** The filter over the child row `r`, constants inlined (or undefined). */
  filter: string | undefined;
  /** `r` counts: it points at a parent and passes the filter. */
  counts: string;
}

export function rollupParts(schema: string, parentObject: string, field: Field): RollupParts {
  const o = rollupOptions(field);
  const { childObject, lookupField, columnType, filterSql } = o.resolved;
  const lookup = quoteIdent(lookupField);
  const filter = filterSql ? ` AND (${filterSql})` : '';
  return {
    fn: o.function,
    parent: qualified(schema, parentObject),
    column: quoteIdent(field.name),
    columnType,
    child: qualified(schema, childObject),
    lookup,
    value: o.field ? `r.${quoteIdent(o.field)}` : '1',
    filter: filterSql,
    counts: `r.${lookup} IS NOT NULL${filter}`,
  };
}

/** ` AND (<filter>)`, or nothing without a filter. */
export const andFilter = (p: RollupParts) => (p.filter ? ` AND (${p.filter})` : '');

/** count and sum are kept by adding deltas; min, max and avg are recomputed for the parents concerned. */
export const isDeltaRollup = (fn: RollupFunction) => fn === 'count' || fn === 'sum';

/** The aggregate over child rows `r`. */
export const aggregate = (p: RollupParts) => (p.fn === 'count' ? 'count(*)' : `${p.fn}(${p.value})`);
