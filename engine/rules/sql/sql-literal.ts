import { sqlLiteral } from '../../query/inline-params';
import type { SqlFragment } from '../../query/sql-fragment';
import { isCtxParam } from './ctx-param';

export { sqlLiteral };

/**
 * Replaces each `?` placeholder with its constant, for SQL stored in
 * definitions (formula select lists). Constants never contain a raw `?`
 * (sqlLiteral writes it as \x3f), so every `?` left is a placeholder.
 */
export function inlineLiterals(fragment: SqlFragment): string {
  let i = 0;
  const sql = fragment.sql.replace(/\?/g, () => {
    const p = fragment.params[i++];
    if (isCtxParam(p)) throw new Error(`context value ${p.ctx} cannot be inlined`);
    return sqlLiteral(p);
  });
  if (i !== fragment.params.length) throw new Error('placeholder count does not match the parameters');
  return sql;
}
