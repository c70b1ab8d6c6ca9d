import { parse } from 'csv-parse/sync';
import { AppError } from '../core/errors';

/** One data row of the file: its values and the line it starts on (1 = the header line). */
export interface CsvRow {
  line: number;
  values: string[];
}

/** A parsed import file: the header's column names and the data rows. */
export interface ParsedCsv {
  header: string[];
  rows: CsvRow[];
}

interface CsvParseError {
  code?: string;
  lines?: number;
  message: string;
}

/** The line where a quote that is never closed opens (the parser only knows where the file ended). */
function unclosedQuoteLine(text: string): number | undefined {
  let inQuote = false;
  let fieldStart = true;
  let line = 1;
  let openedAt = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inQuote) {
      if (c === '"' && text[i + 1] === '"') i++;
      else if (c === '"') inQuote = false;
      continue;
    }
    if (c === '"' && fieldStart) {
      inQuote = true;
      openedAt = line;
    }
    fieldStart = c === ',' || c === '\n' || c === '\r';
  }
  return inQuote ? openedAt : undefined;
}

/**
 * RFC 4180 CSV (quoted fields with commas, quotes and newlines) → header and
 * rows with their line numbers. A row with another column count than the
 * header is kept (the import rejects it with its line); a file that cannot be
 * parsed at all (an unclosed quote), an empty file or one without a header
 * is a 400 IMPORT_FILE_INVALID naming the line.
 */
export function parseCsv(text: string): ParsedCsv {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, relax_quotes: false }) as unknown as typeof records;
  } catch (e) {
    const err = e as CsvParseError;
    const line = (err.code === 'CSV_QUOTE_NOT_CLOSED' ? unclosedQuoteLine(text) : undefined) ?? err.lines ?? null;
    throw new AppError('IMPORT_FILE_INVALID', `the file cannot be read as CSV near line ${line ?? '?'}: ${err.message}`, { line, reason: err.code ?? 'CSV_INVALID' });
  }
  const first = records[0];
  if (!first || first.record.every((c) => c.trim() === '')) throw new AppError('IMPORT_FILE_INVALID', 'the file is empty or has no header row', { line: 1, reason: 'NO_HEADER' });
  const header = first.record.map((c) => c.trim());
  const seen = new Set<string>();
  for (const [i, h] of header.entries()) {
    if (h === '') throw new AppError('IMPORT_FILE_INVALID', `header column ${i + 1} has no name`, { line: 1, reason: 'EMPTY_COLUMN_NAME', column: i + 1 });
    if (seen.has(h)) throw new AppError('IMPORT_FILE_INVALID', `the header names the column "${h}" twice`, { line: 1, reason: 'DUPLICATE_COLUMN', column: h });
    seen.add(h);
  }
  // info.lines is the line a record ends on; it starts that many lines earlier as its quoted values hold newlines.
  const startLine = (r: (typeof records)[number]) => r.info.lines - r.record.reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
  const rows: CsvRow[] = records.slice(1).map((r) => ({ line: startLine(r), values: r.record }));
  return { header, rows };
}
