import type { RowReject } from './import-batch';

/** RFC 4180 quoting; text a spreadsheet would run as a formula is prefixed with ' (CSV injection). */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The first bytes of the rejected-rows file: BOM, the file's header and an "error" column. */
export const rejectedHeader = (header: string[]): Buffer => Buffer.from(`\uFEFF${[...header, 'error'].map(cell).join(',')}\r\n`, 'utf8');

/** Rejected rows as CSV lines (their original cells, then the reason). */
export const rejectedLines = (rejects: RowReject[]): Buffer => Buffer.from(rejects.map((r) => `${[...r.values, r.error].map(cell).join(',')}\r\n`).join(''), 'utf8');
