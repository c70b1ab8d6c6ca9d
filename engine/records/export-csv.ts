import { applyListView } from '../query/apply-list-view';
import { MAX_LIMIT, type ListParams } from '../query/list-params';
import type { Field } from '../shared/metadata-types';
import type { RecordContext, RecordRow } from './context';
import { listRecords, type ListResult } from './list-records';
import { readableFields } from './record-security';

/** A CSV export: its file name and the text, page by page (the first chunk starts with the UTF-8 byte order mark). */
export interface CsvExport {
  fileName: string;
  chunks: AsyncIterable<string>;
}

/** RFC 4180 quoting; text that a spreadsheet would run as a formula is prefixed with ' (CSV injection). */
function csvCell(value: string, isText: boolean): string {
  const safe = isText && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One value as a person reads it: picklist labels in the caller's locale, lists joined with "; ". */
function cellText(labels: Record<string, Record<string, string>>, field: Field, value: unknown): string {
  if (value === null || value === undefined) return '';
  const label = (v: unknown) => labels[field.name]?.[String(v)] ?? String(v);
  if (field.type === 'picklist') return csvCell(label(value), true);
  if (Array.isArray(value)) return csvCell(value.map(field.type === 'multipicklist' ? label : String).join('; '), true);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return csvCell(String(value), true);
}

/**
 * The records of a list request (filter, sort, quick search, list view,
 * columns) as CSV in UTF-8 with a byte order mark, header row in the caller's
 * locale. Pages of the list are read one after another through listRecords
 * (keyset paging), so record access and field-level security apply exactly
 * as in the list, and memory stays flat however many rows match. The first
 * page is read before this returns, so a refused request fails before any
 * byte is sent.
 */
export async function exportCsv(ctx: RecordContext, objectName: string, requested: ListParams): Promise<CsvExport> {
  const obj = ctx.meta.object(objectName);
  const params: ListParams = { ...applyListView(obj.def, requested, ctx.access), view: undefined, limit: MAX_LIMIT, count: false, cursor: undefined, offset: undefined };
  const first = await listRecords(ctx, objectName, params);
  const readable = readableFields(ctx, obj);
  const columns = (params.fields ?? [...readable.keys()]).map((n) => readable.get(n)!).filter(Boolean);
  const labels = obj.picklistLabels[ctx.locale];
  const line = (r: RecordRow) => `${columns.map((f) => cellText(labels, f, r[f.name])).join(',')}\r\n`;
  async function* chunks(): AsyncGenerator<string> {
    yield `\uFEFF${columns.map((f) => csvCell(f.label[ctx.locale] ?? f.name, true)).join(',')}\r\n`;
    let page: ListResult = first;
    for (;;) {
      yield page.records.map(line).join('');
      if (!page.nextCursor) return;
      page = await listRecords(ctx, objectName, { ...params, cursor: page.nextCursor });
    }
  }
  return { fileName: `${objectName}.csv`, chunks: chunks() };
}
