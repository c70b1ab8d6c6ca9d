import type { SqlFragment } from '../../query/filter-ast';
import { isCtxParam } from './ctx-param';

/**
 * A constant as SQL text. Only for values from validated metadata (formula
 * constants), never for request input. A "?" inside text is written as "\?",
 * which knex reads as a literal question mark, not a placeholder.
 */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('numbers in rules are finite');
    return `(${String(value)})`;
  }
  if (typeof value === 'string') return `'${value.replace(/'/g, "''").replace(/\?/g, '\\?')}'`;
  if (Array.isArray(value)) return `ARRAY[${value.map(sqlLiteral).join(', ')}]`;
  throw new Error(`cannot write ${typeof value} as SQL`);
}

/** Replaces each `?` placeholder with its constant, for SQL stored in definitions (select lists, triggers). */
export function inlineLiterals(fragment: SqlFragment): string {
  let i = 0;
  const sql = fragment.sql.replace(/(?<!\\)\?/g, () => {
    const p = fragment.params[i++];
    if (isCtxParam(p)) throw new Error(`context value ${p.ctx} cannot be inlined`);
    return sqlLiteral(p);
  });
  if (i !== fragment.params.length) throw new Error('placeholder count does not match the parameters');
  return sql;
}
