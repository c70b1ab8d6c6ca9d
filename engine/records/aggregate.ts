import { AppError } from '../core/errors';
import { runSql } from '../db/knex';
import { valueKindOf } from '../field-types/registry';
import type { CompiledObject } from '../metadata/compiled-object';
import { applyListView } from '../query/apply-list-view';
import { listWhere, readableField, type ListAccess } from '../query/list-query';
import { parseListParams, single } from '../query/list-params';
import { bindParams } from '../rules/sql/ctx-param';
import { requireObjectPermission } from '../security/record-access';
import type { Field } from '../shared/metadata-types';
import type { RecordContext } from './context';
import { listAccess, ruleRuntime } from './record-security';

/** One group of an aggregate: a value of the grouping field (null for records without one), its record count and the sum asked for. */
export interface AggregateGroup {
  value: string | boolean | null;
  count: number;
  sum?: number | null;
}

/** Field types whose values make groups (few distinct values, or ids). */
const GROUPABLE = new Set(['picklist', 'boolean', 'user', 'lookup']);
/** More groups than this is refused: narrow the filter instead. */
export const MAX_GROUPS = 1000;

/** A field the caller may read (403 when hidden, 400 when unknown) of the kind the parameter needs. */
function usableField(obj: CompiledObject, access: ListAccess, name: string, parameter: string, fits: (f: Field) => boolean, wanted: string): Field {
  const f = readableField(obj, access, name, parameter);
  if (!fits(f)) throw new AppError('QUERY_INVALID_PARAMETER', `"${parameter}" must name ${wanted}; "${name}" is a ${f.type} field`, { parameter, field: name });
  return f;
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
  const groupByName = single(query, 'groupBy');
  if (!groupByName) throw new AppError('QUERY_INVALID_PARAMETER', '"groupBy" is required: the field to group by', { parameter: 'groupBy' });
  const groupBy = usableField(obj, access, groupByName, 'groupBy', (f) => GROUPABLE.has(f.type), 'a picklist, boolean, user or lookup field');
  const sumName = single(query, 'sum') || undefined;
  const sum = sumName === undefined ? undefined : usableField(obj, access, sumName, 'sum', (f) => valueKindOf(ctx.registry, f) === 'number', 'a number, currency or percent field');
  const params = applyListView(obj.def, parseListParams(query), ctx.access);
  const where = listWhere(obj, params, ctx.registry, ctx.meta.snapshot, access);
  const sql =
    `SELECT ${obj.valueSql(groupBy.name)} AS value, count(*) AS count${sum ? `, sum(${obj.valueSql(sum.name)}) AS sum` : ''} ` +
    `FROM ${obj.table}${where.sql ? ` WHERE ${where.sql}` : ''} GROUP BY 1 ORDER BY 1 LIMIT ${MAX_GROUPS + 1}`;
  const rows = await runSql<{ value: string | boolean | null; count: number; sum?: number | null }>(ctx.db, sql, bindParams(where.params, ruleRuntime(ctx)));
  if (rows.length > MAX_GROUPS) throw new AppError('QUERY_INVALID_PARAMETER', `more than ${MAX_GROUPS} groups; narrow the filter`, { parameter: 'groupBy' });
  return { groups: rows.map((r) => ({ value: r.value, count: Number(r.count), ...(sum ? { sum: r.sum === null || r.sum === undefined ? null : Number(r.sum) } : {}) })) };
}
