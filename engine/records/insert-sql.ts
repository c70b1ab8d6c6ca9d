import { quoteIdent } from '../db/knex';
import type { CompiledObject } from '../metadata/compiled-object';
import { autonumberSqlExpression } from '../schema-engine/autonumber-sql';
import { qualified } from '../schema-engine/column-ddl';
import type { SqlFragment } from '../query/sql-fragment';

/**
 * One INSERT … RETURNING statement. Autonumbers take their next value from the
 * per-object counter row in the same statement: the row lock serializes
 * concurrent inserts and a failed insert rolls the counter back, so numbers
 * are unique and gap-free.
 */
export function insertSql(obj: CompiledObject, schema: string, values: Record<string, unknown>): SqlFragment {
  const columns = Object.keys(values);
  const params: unknown[] = Object.values(values);
  const cols = columns.map(quoteIdent);
  if (!obj.autonumbers.length) {
    return { sql: `INSERT INTO ${obj.table} (${cols.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) RETURNING ${obj.selectList}`, params };
  }
  const ctes: string[] = [];
  const exprs: string[] = [];
  const counterParams: unknown[] = [];
  obj.autonumbers.forEach(({ field }, i) => {
    ctes.push(`n${i} AS (UPDATE ${qualified(schema, '_autonumber')} SET value = value + 1 WHERE object = ? AND field = ? RETURNING value)`);
    counterParams.push(obj.def.name, field.name);
    cols.push(quoteIdent(field.name));
    exprs.push(autonumberSqlExpression(String(field.options.format), `n${i}.value`));
  });
  const from = obj.autonumbers.map((_, i) => `n${i}`).join(', ');
  const select = [...columns.map(() => '?'), ...exprs].join(', ');
  return {
    sql: `WITH ${ctes.join(', ')} INSERT INTO ${obj.table} (${cols.join(', ')}) SELECT ${select} FROM ${from} RETURNING ${obj.selectList}`,
    params: [...counterParams, ...params],
  };
}
