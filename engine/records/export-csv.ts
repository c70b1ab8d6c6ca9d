import { exportPages, labelOf } from '../export/export-pages';
import type { ListParams } from '../query/list-params';
import type { Field } from '../shared/metadata-types';
import type { RecordContext, RecordRow } from './context';

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
  const label = (v: unknown) => labelOf(labels, field, v);
  if (field.type === 'picklist') return csvCell(label(value), true);
  if (Array.isArray(value)) return csvCell(value.map(field.type === 'multipicklist' ? label : String).join('; '), true);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return csvCell(String(value), true);
}

/**
 * The records of a list request (filter, sort, quick search, list view,
 * columns) as CSV in UTF-8 with a byte order mark (so Excel reads Chinese
 * correctly), header row in the caller's locale, CRLF line ends. Record
 * access and field-level security apply as in the list (exportPages).
 */
export async function exportCsv(ctx: RecordContext, objectName: string, requested: ListParams): Promise<CsvExport> {
  const { columns, labels, pages } = await exportPages(ctx, objectName, requested);
  const line = (r: RecordRow) => `${columns.map((f) => cellText(labels, f, r[f.name])).join(',')}\r\n`;
  async function* chunks(): AsyncGenerator<string> {
    yield `\uFEFF${columns.map((f) => csvCell(f.label[ctx.locale] ?? f.name, true)).join(',')}\r\n`;
    for await (const records of pages) yield records.map(line).join('');
  }
  return { fileName: `${objectName}.csv`, chunks: chunks() };
}
