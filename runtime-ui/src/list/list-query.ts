import type { Describe, FieldDef } from '../api/describe';

/** What a list shows, kept in the address so links, reloads and the back button keep it. */
export interface ListQuery {
  /** A list view of the object's metadata (applied by the server: view=). */
  view?: string;
  /** A personal saved view (its filter, sort and columns are copied into the rest). */
  mine?: string;
  sort: { field: string; desc: boolean }[];
  q: string;
  filter?: unknown;
  /** Chosen columns; undefined → the view's or the default ones. */
  columns?: string[];
}

/** Reads ?view=&mine=&sort=&q=&filter=&cols=. A filter that is not JSON is ignored. */
export function queryFromUrl(params: URLSearchParams): ListQuery {
  let filter: unknown;
  const f = params.get('filter');
  if (f) {
    try {
      filter = JSON.parse(f);
    } catch {
      filter = undefined;
    }
  }
  const sort = (params.get('sort') ?? '')
    .split(',')
    .filter(Boolean)
    .map((s) => ({ field: s.replace(/^-/, ''), desc: s.startsWith('-') }));
  const cols = params.get('cols');
  return {
    ...(params.get('view') ? { view: params.get('view')! } : {}),
    ...(params.get('mine') ? { mine: params.get('mine')! } : {}),
    sort,
    q: params.get('q') ?? '',
    ...(filter !== undefined ? { filter } : {}),
    ...(cols ? { columns: cols.split(',').filter(Boolean) } : {}),
  };
}

export const sortParam = (sort: ListQuery['sort']) => sort.map((s) => `${s.desc ? '-' : ''}${s.field}`).join(',');

/** The address's query string for a list state (empty parts left out). */
export function urlFromQuery(q: ListQuery): string {
  const p = new URLSearchParams();
  if (q.view) p.set('view', q.view);
  if (q.mine) p.set('mine', q.mine);
  if (q.sort.length) p.set('sort', sortParam(q.sort));
  if (q.q) p.set('q', q.q);
  if (q.filter !== undefined) p.set('filter', JSON.stringify(q.filter));
  if (q.columns) p.set('cols', q.columns.join(','));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** How many columns a list shows before the user picks more. */
const DEFAULT_COLUMNS = 10;

/**
 * The columns shown: the user's choice, else the metadata view's columns,
 * else the name and the first admin-defined fields. Only fields the user may
 * read (describe leaves hidden ones out), the name always first.
 */
export function shownColumns(describe: Describe, q: ListQuery): FieldDef[] {
  const byName = new Map(describe.object.fields.map((f) => [f.name, f]));
  const view = describe.object.listViews.find((v) => v.name === q.view);
  const names = q.columns ?? view?.columns ?? ['name', ...describe.object.fields.filter((f) => !f.system).slice(0, DEFAULT_COLUMNS - 1).map((f) => f.name)];
  const fields = [...new Set(names)].map((n) => byName.get(n)).filter((f): f is FieldDef => !!f);
  const name = fields.find((f) => f.name === 'name');
  return name ? [name, ...fields.filter((f) => f !== name)] : fields;
}

/** The shared request parameters of a list (GET /records, export.csv): filter, sort, quick search, view, fields. */
export function listParams(q: ListQuery, columns: FieldDef[]): URLSearchParams {
  const p = new URLSearchParams();
  if (q.view) p.set('view', q.view);
  if (q.filter !== undefined) p.set('filter', JSON.stringify(q.filter));
  if (q.sort.length) p.set('sort', sortParam(q.sort));
  if (q.q.trim()) p.set('q', q.q.trim());
  p.set('fields', columns.map((c) => c.name).join(','));
  return p;
}

/** GET /records/:object for one page of the list. */
export function pagePath(object: string, q: ListQuery, columns: FieldDef[], page: { limit: number; cursor?: string; count?: boolean }): string {
  const p = listParams(q, columns);
  p.set('limit', String(page.limit));
  if (page.cursor) p.set('cursor', page.cursor);
  if (page.count) p.set('count', 'true');
  return `/records/${encodeURIComponent(object)}?${p.toString()}`;
}

/** The CSV export of exactly what the list shows (the browser downloads it with the session cookie). */
export const exportHref = (object: string, q: ListQuery, columns: FieldDef[]) => `/api/v1/records/${encodeURIComponent(object)}/export.csv?${listParams(q, columns).toString()}`;
