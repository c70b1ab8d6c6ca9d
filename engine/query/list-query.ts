import { AppError } from '../core/errors';
import { quoteIdent } from '../db/knex';
import { valueKindOf, type FieldTypeRegistry } from '../field-types/registry';
import type { CompiledObject } from '../metadata/compiled-object';
import type { Field } from '../shared/metadata-types';
import { decodeCursor } from './cursor';
import type { SqlFragment } from './sql-fragment';
import { escapeLike } from '../rules/sql/escape-like';
import { compileListFilter, type FieldReadable } from './list-filter';
import type { Snapshot } from '../metadata/snapshot';
import { keysetPredicate, type SortKey } from './keyset';
import type { ListParams } from './list-params';

/** The SQL of one list request, ready to run. */
export interface ListQuery {
  page: SqlFragment;
  count?: SqlFragment;
  sortKeys: SortKey[];
  sortSignature: string;
  /** Columns to return to the caller (others were selected only for the cursor). */
  outputFields: string[];
  limit: number;
}

const CASTS: Record<string, string> = { date: '::date', datetime: '::timestamptz', lookup: '::uuid', id: '::uuid', user: '::uuid' };

/** Who is asking: the fields they may read and the records they may see. */
export interface ListAccess {
  readable: FieldReadable;
  /** The record-access predicate; absent when every record is visible. */
  predicate?: SqlFragment;
}

const OPEN: ListAccess = { readable: () => true };

/** A field named by a request parameter that the caller may read; a hidden one is 403 FIELD_NOT_ACCESSIBLE, a missing one 400. */
export function readableField(obj: CompiledObject, access: ListAccess, name: string, parameter: string): Field {
  const f = obj.fields.get(name);
  if (!f) throw new AppError('QUERY_UNKNOWN_FIELD', `unknown field "${name.slice(0, 63)}"`, { field: name.slice(0, 63), parameter });
  if (!access.readable(obj.def, f)) throw new AppError('FIELD_NOT_ACCESSIBLE', `you may not use the field "${name}"`, { field: name, parameter });
  return f;
}

/** The WHERE of a list request: the access predicate, the filter and the quick search over the fields the caller may read. */
export function listWhere(obj: CompiledObject, params: ListParams, registry: FieldTypeRegistry, snapshot: Snapshot, access: ListAccess): SqlFragment {
  const parts: string[] = [];
  const values: unknown[] = [];
  if (access.predicate) {
    parts.push(access.predicate.sql);
    values.push(...access.predicate.params);
  }
  if (params.filter !== undefined) {
    const f = compileListFilter(params.filter, obj, snapshot, registry, access.readable);
    parts.push(f.sql);
    values.push(...f.params);
  }
  if (params.q) {
    const searchable = obj.searchable.filter((f) => access.readable(obj.def, f));
    const pattern = `%${escapeLike(params.q)}%`;
    parts.push(`(${searchable.map((f) => `${quoteIdent(f.name)} ILIKE ?`).join(' OR ') || 'FALSE'})`);
    values.push(...searchable.map(() => pattern));
  }
  return { sql: parts.join(' AND '), params: values };
}

/**
 * Builds the page query (and the count query when asked) for a list request,
 * restricted to what `access` lets the caller read.
 */
export function buildListQuery(obj: CompiledObject, params: ListParams, registry: FieldTypeRegistry, snapshot: Snapshot, access: ListAccess = OPEN): ListQuery {
  const fields = access === OPEN ? obj.fields : new Map([...obj.fields].filter(([, f]) => access.readable(obj.def, f)));
  const sortKeys: SortKey[] = params.sort.map((s) => {
    const f = readableField(obj, access, s.field, 'sort');
    if (f.type === 'multipicklist') throw new AppError('QUERY_INVALID_SORT', `cannot sort by multi-select field "${f.name}"`, { field: f.name });
    const sql = f.type === 'formula' ? obj.valueSql(f.name) : undefined;
    return { field: f.name, desc: s.desc, cast: CASTS[f.type] ?? '', kind: valueKindOf(registry, f), ...(sql ? { sql } : {}) };
  });
  if (!sortKeys.some((k) => k.field === 'id')) sortKeys.push({ field: 'id', desc: sortKeys.at(-1)?.desc ?? false, cast: '::uuid', kind: 'uuid' });
  const sortSignature = sortKeys.map((k) => `${k.desc ? '-' : ''}${k.field}`).join(',');
  const outputFields = params.fields ? [...new Set(['id', ...params.fields.map((n) => readableField(obj, access, n, 'fields').name), 'version'])] : [...fields.keys()];
  const selected = [...new Set([...outputFields, ...sortKeys.map((k) => k.field)])];

  const where = listWhere(obj, params, registry, snapshot, access);
  const conditions = where.sql ? [where.sql] : [];
  const pageParams = [...where.params];
  if (params.cursor) {
    const keyset = keysetPredicate(sortKeys, decodeCursor(params.cursor, sortSignature, sortKeys));
    conditions.push(keyset.sql);
    pageParams.push(...keyset.params);
  }
  const whereSql = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
  const orderSql = sortKeys.map((k) => `${k.sql ?? quoteIdent(k.field)}${k.desc ? ' DESC' : ''}`).join(', ');
  let pageSql = `SELECT ${selected.map((f) => obj.selectItem(f)).join(', ')} FROM ${obj.table}${whereSql} ORDER BY ${orderSql} LIMIT ?`;
  pageParams.push(params.limit + 1);
  if (params.offset) {
    pageSql += ' OFFSET ?';
    pageParams.push(params.offset);
  }
  const count = params.count ? { sql: `SELECT count(*) AS total FROM ${obj.table}${where.sql ? ` WHERE ${where.sql}` : ''}`, params: where.params } : undefined;
  return { page: { sql: pageSql, params: pageParams }, count, sortKeys, sortSignature, outputFields, limit: params.limit };
}
