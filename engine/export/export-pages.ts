import { applyListView } from '../query/apply-list-view';
import { MAX_LIMIT, type ListParams } from '../query/list-params';
import type { RecordContext, RecordRow } from '../records/context';
import { listRecords, type ListResult } from '../records/list-records';
import { readableFields } from '../records/record-security';
import type { Field } from '../shared/metadata-types';

/** What an export writes: its columns (readable fields only), picklist labels in the caller's locale, and the rows page by page. */
export interface ExportSource {
  columns: Field[];
  labels: Record<string, Record<string, string>>;
  pages: AsyncIterable<RecordRow[]>;
}

/**
 * The records of a list request (filter, sort, quick search, list view,
 * columns) page after page through listRecords (keyset paging), so record
 * access and field-level security apply exactly as in the list and memory
 * stays flat. The first page is read before this returns, so a refused
 * request fails before any byte is sent. `maxRows` bounds the export.
 */
export async function exportPages(ctx: RecordContext, objectName: string, requested: ListParams, maxRows = Infinity): Promise<ExportSource> {
  const obj = ctx.meta.object(objectName);
  const params: ListParams = { ...applyListView(obj.def, requested, ctx.access), view: undefined, limit: MAX_LIMIT, count: false, cursor: undefined, offset: undefined };
  const first = await listRecords(ctx, objectName, params);
  const readable = readableFields(ctx, obj);
  const columns = (params.fields ?? [...readable.keys()]).map((n) => readable.get(n)).filter((f): f is Field => f !== undefined);
  async function* pages(): AsyncGenerator<RecordRow[]> {
    let page: ListResult = first;
    let left = maxRows;
    for (;;) {
      const records = page.records.slice(0, left);
      left -= records.length;
      yield records;
      if (!page.nextCursor || left <= 0) return;
      page = await listRecords(ctx, objectName, { ...params, cursor: page.nextCursor });
    }
  }
  return { columns, labels: obj.picklistLabels[ctx.locale], pages: pages() };
}

/** A picklist value's label in the export's locale (the value itself when it has none). */
export const labelOf = (labels: Record<string, Record<string, string>>, field: Field, v: unknown): string => labels[field.name]?.[String(v)] ?? String(v);
