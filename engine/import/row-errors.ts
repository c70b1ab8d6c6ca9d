import { isAppError } from '../core/errors';

/** Codes that are about the whole import, not one row: they stop the job instead of rejecting rows. */
const FATAL = new Set(['OBJECT_ACCESS_DENIED', 'OBJECT_NOT_FOUND', 'INTERNAL']);

/** Whether an error refuses rows (validation, duplicates, references) rather than the import itself. */
export const isRowError = (e: unknown): boolean => isAppError(e) && !FATAL.has(e.code);

/** A duplicate-rule match (details.matches[i] of RECORD_DUPLICATE / _WARNING) as a reason: the rule and the records it found. */
function duplicateReason(code: string, m: Record<string, unknown>): string {
  const records = Array.isArray(m.records) ? (m.records as { name?: unknown }[]).map((r) => `"${String(r.name ?? '')}"`) : [];
  const rows = Array.isArray(m.rows) && m.rows.length ? ['another row of the file'] : [];
  const hidden = typeof m.hidden === 'number' && m.hidden > 0 ? [`${m.hidden} record(s) you cannot see`] : [];
  const what = [...records, ...rows, ...hidden].join(', ');
  return `${code === 'RECORD_DUPLICATE' ? 'duplicate' : 'possible duplicate'} (${String(m.label)}${what ? `: ${what}` : ''})`;
}

const ROW_PATH = /^\/records\/(\d+)(?:\/(.*))?$/;

/**
 * The rows an error from copyRecords names, with a reason each. The record
 * pipeline names rows in issue paths (/records/3/email); duplicate rules may
 * name them anywhere in the details, so every object in the details with a
 * string of that form counts, its `message` (or the error's) being the reason.
 */
export function rowsNamedIn(e: unknown): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (!isAppError(e) || !e.details) return out;
  const visit = (node: unknown, depth: number): void => {
    if (depth > 6 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n, depth + 1);
      return;
    }
    const o = node as Record<string, unknown>;
    for (const v of Object.values(o)) {
      const m = typeof v === 'string' ? ROW_PATH.exec(v) : null;
      if (!m) continue;
      const field = m[2]?.split('/')[0];
      const message = typeof o.message === 'string' ? o.message : typeof o.label === 'string' ? duplicateReason(e.code, o) : e.message;
      const reason = field && !message.startsWith(field) ? `${field}: ${message}` : message;
      const i = Number(m[1]);
      out.set(i, [...(out.get(i) ?? []), reason]);
      break;
    }
    for (const v of Object.values(o)) if (typeof v === 'object') visit(v, depth + 1);
  };
  visit(e.details, 0);
  return out;
}

/** The reason a single row was refused, for the rejected file. */
export function reasonOf(e: unknown): string {
  const rows = rowsNamedIn(e);
  if (rows.size) return [...new Set([...rows.values()].flat())].join('; ');
  return e instanceof Error ? e.message : String(e);
}
