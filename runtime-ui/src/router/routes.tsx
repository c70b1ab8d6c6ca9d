import type { ReactNode } from 'react';
import { ConvertPage } from '../convert/convert-page';
import { MergePage } from '../duplicates/merge-page';
import { ImportPage } from '../import/import-page';
import { HomePage } from '../pages/home-page';
import { KanbanPage } from '../pages/kanban-page';
import { ListPage } from '../pages/list-page';
import { RecordPage } from '../pages/record-page';
import { RecordFormPage } from '../pages/record-form-page';
import { SearchPage } from '../pages/search-page';
import { matchPath } from './router';

/** The app's pages by URL; the first match wins. */
const ROUTES: { pattern: string; render: (p: Record<string, string>) => ReactNode }[] = [
  { pattern: '/app', render: () => <HomePage /> },
  { pattern: '/app/search', render: () => <SearchPage /> },
  { pattern: '/app/o/:object', render: (p) => <ListPage key={p.object} object={p.object!} /> },
  { pattern: '/app/o/:object/kanban', render: (p) => <KanbanPage key={p.object} object={p.object!} /> },
  { pattern: '/app/o/:object/import', render: (p) => <ImportPage key={`${p.object}/import`} object={p.object!} /> },
  { pattern: '/app/o/:object/merge', render: (p) => <MergePage key={`${p.object}/merge`} object={p.object!} /> },
  { pattern: '/app/o/:object/new', render: (p) => <RecordFormPage key={`${p.object}/new`} object={p.object!} /> },
  { pattern: '/app/o/:object/:id', render: (p) => <RecordPage key={`${p.object}/${p.id}`} object={p.object!} id={p.id!} /> },
  { pattern: '/app/o/:object/:id/convert', render: (p) => <ConvertPage key={`${p.object}/${p.id}/convert`} object={p.object!} id={p.id!} /> },
  { pattern: '/app/o/:object/:id/edit', render: (p) => <RecordFormPage key={`${p.object}/${p.id}/edit`} object={p.object!} id={p.id!} /> },
];

/** The page for a path, or undefined (not found). */
export function pageFor(path: string): ReactNode | undefined {
  for (const r of ROUTES) {
    const params = matchPath(r.pattern, path);
    if (params) return r.render(params);
  }
  return undefined;
}
