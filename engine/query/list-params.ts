import { AppError } from '../core/errors';

/** A list request after parsing the query string. */
export interface ListParams {
  filter?: unknown;
  sort: { field: string; desc: boolean }[];
  limit: number;
  offset?: number;
  cursor?: string;
  fields?: string[];
  count: boolean;
  q?: string;
  /** A list view whose filter, columns and sort apply (the request's own take precedence, filters combine). */
  view?: string;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;

const bad = (message: string, parameter: string) => new AppError('QUERY_INVALID_PARAMETER', message, { parameter });

/** A query-string parameter given at most once (400 when repeated). */
export function single(query: Record<string, unknown>, key: string): string | undefined {
  const v = query[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw bad(`"${key}" must be given once`, key);
  return v;
}

function integer(query: Record<string, unknown>, key: string, min: number, max: number): number | undefined {
  const v = single(query, key);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw bad(`"${key}" must be an integer from ${min} to ${max}`, key);
  return Number(v);
}

/** Parses ?filter=&sort=&limit=&offset=&cursor=&fields=&count=&q=. */
export function parseListParams(query: Record<string, unknown>): ListParams {
  const filterText = single(query, 'filter');
  let filter: unknown;
  if (filterText !== undefined && filterText !== '') {
    try {
      filter = JSON.parse(filterText);
    } catch {
      throw new AppError('QUERY_INVALID_FILTER', 'filter is not valid JSON', { parameter: 'filter' });
    }
  }
  const sortText = single(query, 'sort');
  const sort = (sortText ? sortText.split(',') : []).map((s) => {
    const t = s.trim();
    if (!/^-?[a-z][a-z0-9_]{0,62}$/.test(t)) throw new AppError('QUERY_INVALID_SORT', `"${s}" is not a sort key; use field or -field`, { parameter: 'sort' });
    return { field: t.replace(/^-/, ''), desc: t.startsWith('-') };
  });
  const fieldsText = single(query, 'fields');
  const fields = fieldsText ? fieldsText.split(',').map((f) => f.trim()).filter(Boolean) : undefined;
  const offset = integer(query, 'offset', 0, 1_000_000);
  const cursor = single(query, 'cursor') || undefined;
  if (offset !== undefined && cursor) throw bad('use either offset or cursor, not both', 'cursor');
  const countText = single(query, 'count');
  if (countText !== undefined && countText !== 'true' && countText !== 'false') throw bad('"count" must be true or false', 'count');
  const q = single(query, 'q');
  if (q !== undefined && q.length > 200) throw bad('"q" is limited to 200 characters', 'q');
  const view = single(query, 'view') || undefined;
  return { filter, sort, limit: integer(query, 'limit', 1, MAX_LIMIT) ?? DEFAULT_LIMIT, offset, cursor, fields, count: countText === 'true', q: q || undefined, ...(view ? { view } : {}) };
}
