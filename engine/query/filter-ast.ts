import type { Field } from '../shared/metadata-types';

export type Comparison = '=' | '<>' | '<' | '<=' | '>' | '>=';

/** A parsed, type-checked list filter. Compiled to SQL by compileFilter. */
export type FilterNode =
  | { op: 'and' | 'or'; args: FilterNode[] }
  | { op: 'not'; arg: FilterNode }
  | { op: 'cmp'; cmp: Comparison; field: Field; value: unknown }
  | { op: 'null'; field: Field; negate: boolean }
  | { op: 'empty'; field: Field; negate: boolean }
  | { op: 'in'; field: Field; values: unknown[] }
  | { op: 'like'; field: Field; mode: 'contains' | 'starts' | 'ends'; value: string }
  | { op: 'hasAll'; field: Field; values: string[] }
  | { op: 'true'; field: Field }
  | { op: 'const'; value: boolean };

/** A SQL fragment with `?` placeholders and its bound values, in order. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}
