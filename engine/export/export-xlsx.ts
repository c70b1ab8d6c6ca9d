import type { ListParams } from '../query/list-params';
import type { RecordContext } from '../records/context';
import type { Field } from '../shared/metadata-types';
import { exportPages, labelOf } from './export-pages';
import { writeXlsx, type XlsxCell } from './xlsx-writer';

/** The most rows an XLSX export holds; a larger list is cut at this many (CSV has no limit). */
export const MAX_XLSX_ROWS = 100_000;

const NUMERIC = new Set(['number', 'integer', 'currency', 'percent', 'decimal', 'autonumber_seq', 'rollup']);

/** One value typed for the sheet: numbers as numbers, dates as dates, booleans as booleans, picklists by label. */
function typedCell(labels: Record<string, Record<string, string>>, field: Field, value: unknown): XlsxCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (field.type === 'date' && typeof value === 'string') return { date: value.slice(0, 10) };
  if ((field.type === 'datetime' || field.name === 'created_at' || field.name === 'updated_at') && (typeof value === 'string' || value instanceof Date)) return { dateTime: value instanceof Date ? value.toISOString() : value };
  if (NUMERIC.has(field.type) && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (field.type === 'picklist') return labelOf(labels, field, value);
  if (Array.isArray(value)) return value.map((v) => (field.type === 'multipicklist' ? labelOf(labels, field, v) : String(v))).join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** An XLSX export: file name and the zip's bytes as they are written. */
export interface XlsxExport {
  fileName: string;
  chunks: AsyncIterable<Uint8Array>;
}

/**
 * The records of a list request as a one-sheet XLSX: the same rows, columns,
 * record access and field-level security as export.csv, header labels in the
 * caller's locale, typed cells, at most MAX_XLSX_ROWS rows.
 */
export async function exportXlsx(ctx: RecordContext, objectName: string, requested: ListParams): Promise<XlsxExport> {
  const { columns, labels, pages } = await exportPages(ctx, objectName, requested, MAX_XLSX_ROWS);
  const obj = ctx.meta.object(objectName);
  async function* blocks(): AsyncGenerator<XlsxCell[][]> {
    for await (const records of pages) yield records.map((r) => columns.map((f) => typedCell(labels, f, r[f.name])));
  }
  const header = columns.map((f) => f.label[ctx.locale] ?? f.name);
  return { fileName: `${objectName}.xlsx`, chunks: writeXlsx(obj.def.label?.[ctx.locale] ?? objectName, header, blocks()) };
}
