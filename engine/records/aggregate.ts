import { AppError } from '../core/errors';
import { quoteIdent, runSql } from '../db/knex';
import { valueKindOf } from '../field-types/registry';
import type { CompiledObject } from '../metadata/compiled-object';
import { applyListView } from '../query/apply-list-view';
import { compileListFilter } from '../query/list-filter';
import type { ListAccess } from '../query/list-query';
import { parseListParams, type ListParams } from '../query/list-params';
import type { SqlFragment } from '../query/sql-fragment';
import { escapeLike } from '../rules/sql/escape-like';
import { bindParams } from '../rules/sql/ctx-param';
import { requireObjectPermission } from '../security/record-access';
import type { Field } from '../shared/metadata-types';
import type { RecordContext } from './context';
import { listAccess } from './record-security';

/** One group of an aggregate: a value of the grouping field (null for records without one), its record count and the sum asked for. */
export interface AggregateGroup {
  value: string | boolean | null;
  count: number;
  sum?: number | null;
}

const param = (query: Record<string, unknown>, key: string): string | undefined => {
  const v = query[key];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw new AppError('QUERY_INVALID_PARAMETER', `"${key}" must be given once`, { parameter: key });
  return v;
};

/** Field types whose values make groups (few distinct values, or ids). */
const GROUPABLE = new Set(['picklist', 'boolean', 'user', 'lookup']);
/** More groups than this is refused: narrow the filter instead. */
export const MAX_GROUPS = 1000;

/** A field the caller may read (403 when hidden, 400 when unknown) of the kind the parameter needs. */
function usableField(obj: CompiledObject, access: ListAccess, name: string, parameter: string, fits: (f: Field) => boolean, wanted: string): Field {
  const f = obj.fields.get(name);
  if (!f) throw new AppError('QUERY_UNKNOWN_FIELD', `unknown field "${name.slice(0, 63)}"`, { field: name.slice(0, 63), parameter });
  if (!access.readable(obj.def, f)) throw new AppError('FIELD_NOT_ACCESSIBLE', `you may not use the field "${name}"`, { field: name, parameter });
  if (!fits(f)) throw new AppError('QUERY_INVALID_PARAMETER', `"${parameter}" must name ${wanted}; "${name}" is a ${f.type} field`, { parameter, field: name });
  return f;
}

/** The WHERE of a list request (access predicate, filter, quick search), as GET /records/:object builds it. */
function listWhere(ctx: RecordContext, obj: CompiledObject, params: ListParams, access: ListAccess): SqlFragment {
  const parts: string[] = [];
  const values: unknown[] = [];
  if (access.predicate) {
    parts.push(access.predicate.sql);
    values.push(...access.predicate.params);
  }
  if (params.filter !== undefined) {
    const f = compileListFilter(params.filter, obj, ctx.meta.snapshot, ctx.registry, access.readable);
    parts.push(f.sql);
    values.push(...f.params);
  }
  if (params.q) {
    const searchable = obj.searchable.filter((f) => access.readable(obj.def, f));
    parts.push(`(${searchable.map((f) => `${quoteIdent(f.name)} ILIKE ?`).join(' OR ') || 'FALSE'})`);
    values.push(...searchable.map(() => `%${escapeLike(params.q!)}%`));
  }
  return { sql: parts.join(' AND '), params: values };
}

/**
 * GET /records/:object/aggregate?groupBy=<field>&sum=<numeric field>&filter=&q=&view=:
 * record counts (and a sum) per value of a picklist (a kanban's columns),
 * boolean, user or lookup field, over the records the caller
 * may see, with the list's filter, quick search and list view; both fields
 * must be readable by the caller.
 */
export async function aggregateRecords(ctx: RecordContext, objectName: string, query: Record<string, unknown>): Promise<{ groups: AggregateGroup[] }> {
  const obj = ctx.meta.object(objectName);
  requireObjectPermission(ctx.access, objectName, 'read');
  const access = listAccess(ctx, obj);
  const groupByName = param(query, 'groupBy');
  if (!groupByName) throw new AppError('QUERY_INVALID_PARAMETER', '"groupBy" is required: the field to group by', { parameter: 'groupBy' });
  const groupBy = usableField(obj, access, groupByName, 'groupBy', (f) => GROUPABLE.has(f.type), 'a picklist, boolean, user or lookup field');
  const sumName = param(query, 'sum');
  const sum = sumName === undefined ? undefined : usableField(obj, access, sumName, 'sum', (f) => valueKindOf(ctx.registry, f) === 'number', 'a number, currency or percent field');
  const params = applyListView(obj.def, parseListParams(query), { ...ctx.actor, isAdmin: ctx.access.isAdmin, roles: ctx.access.roleNames });
  const where = listWhere(ctx, obj, params, access);
  const sql =
    `SELECT ${obj.valueSql(groupBy.name)} AS value, count(*) AS count${sum ? `, sum(${obj.valueSql(sum.name)}) AS sum` : ''} ` +
    `FROM ${obj.table}${where.sql ? ` WHERE ${where.sql}` : ''} GROUP BY 1 ORDER BY 1 LIMIT ${MAX_GROUPS + 1}`;
  const rt = { now: new Date(), user: { id: ctx.actor.userId, roles: ctx.access.roleNames, department: ctx.access.departmentName }, locale: ctx.locale };
  const rows = await runSql<{ value: string | boolean | null; count: number; sum?: number | null }>(ctx.db, sql, bindParams(where.params, rt));
  if (rows.length > MAX_GROUPS) throw new AppError('QUERY_INVALID_PARAMETER', `more than ${MAX_GROUPS} groups; narrow the filter`, { parameter: 'groupBy' });
  return { groups: rows.map((r) => ({ value: r.value, count: Number(r.count), ...(sum ? { sum: r.sum === null || r.sum === undefined ? null : Number(r.sum) } : {}) })) };
}
