import type { Field } from '../../shared/metadata-types';
import type { ValueKind } from '../types';

export const ROLLUP_FUNCTIONS = ['count', 'sum', 'min', 'max', 'avg'] as const;
export type RollupFunction = (typeof ROLLUP_FUNCTIONS)[number];

/** What normalization worked out from the relation, field and filter; the schema engine builds the triggers from it. */
export interface ResolvedRollup {
  /** The child object whose records are summarized. */
  childObject: string;
  /** The child's lookup field that points at the parent. */
  lookupField: string;
  /** The parent column's type. */
  columnType: string;
  kind: ValueKind;
  /** The filter as an SQL condition over the child row `r`, constants inlined; absent without a filter. */
  filterSql?: string;
}

/** A normalized roll-up's options: as written, plus `resolved`. */
export interface RollupOptions {
  /** `<child object>.<lookup field on the child>`. */
  relation: string;
  function: RollupFunction;
  /** The summarized child field (absent for count). */
  field?: string;
  /** A json-logic filter over the child's fields. */
  filter?: unknown;
  resolved: ResolvedRollup;
}

export const rollupOptions = (field: Field): RollupOptions => field.options as unknown as RollupOptions;

export const isRollup = (field: Field) => field.type === 'rollup';
