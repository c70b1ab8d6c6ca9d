import { quoteIdent } from '../db/knex';
import type { FilterNode, SqlFragment } from './filter-ast';

/** Escapes LIKE wildcards so user text matches literally. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const CASTS: Record<string, string> = { date: '::date', datetime: '::timestamptz', number: '::numeric', integer: '::bigint', currency: '::numeric', percent: '::numeric' };

function compile(node: FilterNode, params: unknown[], alias: string, columnSql?: (name: string) => string): string {
  const col = (name: string) => columnSql?.(name) ?? `${alias}${quoteIdent(name)}`;
  const bind = (value: unknown, type: string) => {
    params.push(value);
    return `?${CASTS[type] ?? ''}`;
  };
  switch (node.op) {
    case 'and':
    case 'or':
      return `(${node.args.map((a) => compile(a, params, alias, columnSql)).join(node.op === 'and' ? ' AND ' : ' OR ')})`;
    case 'not':
      // NOT over a NULL comparison is NULL; coalesce so "not (x = 1)" keeps rows where x is null, like the interpreter.
      return `NOT coalesce(${compile(node.arg, params, alias, columnSql)}, false)`;
    case 'cmp':
      if (node.cmp === '<>') return `${col(node.field.name)} IS DISTINCT FROM ${bind(node.value, node.field.type)}`;
      return `${col(node.field.name)} ${node.cmp} ${bind(node.value, node.field.type)}`;
    case 'null':
      return `${col(node.field.name)} IS ${node.negate ? 'NOT ' : ''}NULL`;
    case 'empty': {
      const c = col(node.field.name);
      const blank = node.field.type === 'multipicklist' ? `cardinality(${c}) = 0` : ['text', 'textarea', 'email', 'phone', 'url', 'picklist', 'autonumber'].includes(node.field.type) ? `${c} = ''` : 'false';
      return node.negate ? `(${c} IS NOT NULL AND NOT (${blank}))` : `(${c} IS NULL OR ${blank})`;
    }
    case 'in':
      params.push(node.values);
      return `${col(node.field.name)} = ANY(?)`;
    case 'like': {
      const pattern = node.mode === 'contains' ? `%${escapeLike(node.value)}%` : node.mode === 'starts' ? `${escapeLike(node.value)}%` : `%${escapeLike(node.value)}`;
      params.push(pattern);
      return `${col(node.field.name)} LIKE ?`;
    }
    case 'hasAll':
      params.push(node.values);
      return `${col(node.field.name)} @> ?::text[]`;
    case 'true':
      return `${col(node.field.name)} IS TRUE`;
    case 'const':
      return node.value ? 'TRUE' : 'FALSE';
  }
}

/** Compiles a filter to a boolean SQL expression with `?` placeholders. */
export function compileFilter(node: FilterNode, alias = '', columnSql?: (name: string) => string): SqlFragment {
  const params: unknown[] = [];
  const sql = compile(node, params, alias, columnSql);
  return { sql, params };
}
