import { quoteIdent } from '../db/knex';
import type { ValueKind } from '../field-types/types';
import type { SqlFragment } from './sql-fragment';

/** A sort key as compiled: PostgreSQL's default null order (ASC NULLS LAST, DESC NULLS FIRST). */
export interface SortKey {
  field: string;
  desc: boolean;
  cast: string;
  /** What a cursor value for this key must look like. */
  kind: ValueKind;
  /** The key's SQL when it is not a plain column (a formula). */
  sql?: string;
}

/**
 * The predicate "row comes after the cursor row" for a sort ending in id,
 * honouring NULL placement so paging never skips or repeats a row.
 */
export function keysetPredicate(keys: SortKey[], values: unknown[]): SqlFragment {
  const params: unknown[] = [];
  const bind = (v: unknown, cast: string) => {
    params.push(v);
    return `?${cast}`;
  };
  const ors: string[] = [];
  keys.forEach((key, i) => {
    const parts: string[] = [];
    keys.slice(0, i).forEach((prev, j) => {
      const v = values[j];
      const prevCol = prev.sql ?? quoteIdent(prev.field);
      parts.push(v === null ? `${prevCol} IS NULL` : `${prevCol} = ${bind(v, prev.cast)}`);
    });
    const col = key.sql ?? quoteIdent(key.field);
    const v = values[i];
    let after: string | undefined;
    if (v === null) after = key.desc ? `${col} IS NOT NULL` : undefined;
    // id is never NULL, so its branch needs no NULL arm.
    else if (key.desc || key.field === 'id') after = `${col} ${key.desc ? '<' : '>'} ${bind(v, key.cast)}`;
    else after = `(${col} > ${bind(v, key.cast)} OR ${col} IS NULL)`;
    if (after === undefined) return;
    ors.push(parts.length ? `(${[...parts, after].join(' AND ')})` : `(${after})`);
  });
  return { sql: ors.length ? `(${ors.join(' OR ')})` : 'FALSE', params };
}
