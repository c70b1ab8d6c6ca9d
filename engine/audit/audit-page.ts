import { AppError } from '../core/errors';

/** One page of a newest-first audit listing: at most `limit` rows with an id below `before`. */
export interface AuditPage {
  limit: number;
  before?: number;
}

export const DEFAULT_AUDIT_LIMIT = 50;
export const MAX_AUDIT_LIMIT = 200;

const bad = (message: string, parameter: string) => new AppError('QUERY_INVALID_PARAMETER', message, { parameter });

function positiveInteger(query: Record<string, unknown>, key: string, max: number): number | undefined {
  const v = query[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw bad(`"${key}" must be given once`, key);
  if (!/^\d{1,16}$/.test(v) || Number(v) < 1 || Number(v) > max) throw bad(`"${key}" must be an integer from 1 to ${max}`, key);
  return Number(v);
}

/** Parses ?limit=&before= (before: the `nextBefore` of the previous page). */
export function parseAuditPage(query: Record<string, unknown>): AuditPage {
  const before = positiveInteger(query, 'before', Number.MAX_SAFE_INTEGER);
  return { limit: positiveInteger(query, 'limit', MAX_AUDIT_LIMIT) ?? DEFAULT_AUDIT_LIMIT, ...(before !== undefined ? { before } : {}) };
}

/**
 * Keyset paging over rows read newest first, one more than asked: the extra
 * row only says there is a next page, which starts below the last row kept.
 */
export function pageOf<Row>(rows: Row[], page: AuditPage, key: (row: Row) => number): { rows: Row[]; nextBefore: number | null } {
  const kept = rows.slice(0, page.limit);
  return { rows: kept, nextBefore: rows.length > page.limit ? key(kept.at(-1)!) : null };
}
