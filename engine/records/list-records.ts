import { runSql } from '../db/knex';
import { bindParams } from '../rules/sql/ctx-param';
import { encodeCursor } from '../query/cursor';
import { applyListView } from '../query/apply-list-view';
import { buildListQuery } from '../query/list-query';
import type { ListParams } from '../query/list-params';
import type { RecordContext, RecordRow } from './context';
import { toApiRecord } from './row-output';
import { listAccess, ruleRuntime } from './record-security';
import { requireObjectPermission } from '../security/record-access';

export interface ListResult {
  records: RecordRow[];
  total?: number;
  nextCursor?: string;
}

/** One page of records; the count, when asked, runs beside the page on another connection. */
export async function listRecords(ctx: RecordContext, objectName: string, params: ListParams): Promise<ListResult> {
  const obj = ctx.meta.object(objectName);
  requireObjectPermission(ctx.access, objectName, 'read');
  const q = buildListQuery(obj, applyListView(obj.def, params, ctx.access), ctx.registry, ctx.meta.snapshot, listAccess(ctx, obj));
  const rt = ruleRuntime(ctx);
  const [rows, count] = await Promise.all([runSql(ctx.db, q.page.sql, bindParams(q.page.params, rt)), q.count ? runSql<{ total: number }>(ctx.db, q.count.sql, bindParams(q.count.params, rt)) : undefined]);
  const more = rows.length > q.limit;
  if (more) rows.length = q.limit;
  const result: ListResult = { records: [] };
  const trim = q.outputFields.length !== Object.keys(rows[0] ?? {}).length;
  for (const row of rows) {
    const out = trim ? Object.fromEntries(q.outputFields.map((f) => [f, row[f]])) : row;
    result.records.push(toApiRecord(obj, out));
  }
  if (count) result.total = count[0]!.total;
  if (more) {
    const last = rows[rows.length - 1]!;
    result.nextCursor = encodeCursor({ sort: q.sortSignature, values: q.sortKeys.map((k) => normalizeCursorValue(last[k.field])) });
  }
  return result;
}

const normalizeCursorValue = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));
