import type { ReactNode } from 'react';
import { matchPath } from '../../runtime-ui/src/router/router';
import { AssignmentRulesPage } from './assignment-rules/assignment-rules-page';
import { ConversionPage } from './conversion/conversion-page';
import { DuplicateRulesPage } from './duplicate-rules/duplicate-rules-page';
import { FieldEditorPage } from './fields/field-editor-page';
import { HistoryPage } from './history/history-page';
import { VersionPage } from './history/version-page';
import { LayoutPage } from './layout/layout-page';
import { ListViewsPage } from './list-views/list-views-page';
import { ObjectListPage } from './objects/object-list-page';
import { ObjectPage } from './objects/object-page';
import { ValueSetPage } from './picklists/value-set-page';
import { ValueSetsPage } from './picklists/value-sets-page';
import { ReviewPage } from './review/review-page';
import { ValidationRulesPage } from './rules/validation-rules-page';
import { WebFormPage } from './web-forms/web-form-page';
import { WebFormsPage } from './web-forms/web-forms-page';

/** The designer's pages by URL; the first match wins. `fields/new` opens the editor for a new field. */
const ROUTES: { pattern: string; render: (p: Record<string, string>) => ReactNode }[] = [
  { pattern: '/designer', render: () => <ObjectListPage /> },
  { pattern: '/designer/objects/:object', render: (p) => <ObjectPage key={p.object} object={p.object!} /> },
  { pattern: '/designer/objects/:object/fields/:field', render: (p) => <FieldEditorPage key={`${p.object}/${p.field}`} object={p.object!} field={p.field!} /> },
  { pattern: '/designer/objects/:object/rules', render: (p) => <ValidationRulesPage key={p.object} object={p.object!} /> },
  { pattern: '/designer/objects/:object/layout', render: (p) => <LayoutPage key={p.object} object={p.object!} /> },
  { pattern: '/designer/objects/:object/views', render: (p) => <ListViewsPage key={p.object} object={p.object!} /> },
  { pattern: '/designer/objects/:object/conversion', render: (p) => <ConversionPage key={p.object} object={p.object!} /> },
  { pattern: '/designer/objects/:object/duplicates', render: (p) => <DuplicateRulesPage key={p.object} object={p.object!} /> },
  { pattern: '/designer/objects/:object/assignment', render: (p) => <AssignmentRulesPage key={p.object} object={p.object!} /> },
  { pattern: '/designer/web-forms', render: () => <WebFormsPage /> },
  { pattern: '/designer/web-forms/:id', render: (p) => <WebFormPage key={p.id} id={p.id!} /> },
  { pattern: '/designer/value-sets', render: () => <ValueSetsPage /> },
  { pattern: '/designer/value-sets/:name', render: (p) => <ValueSetPage key={p.name} name={p.name!} /> },
  { pattern: '/designer/review', render: () => <ReviewPage /> },
  { pattern: '/designer/history', render: () => <HistoryPage /> },
  { pattern: '/designer/history/:version', render: (p) => <VersionPage key={p.version} version={p.version!} /> },
];

export function designerPageFor(path: string): ReactNode | undefined {
  for (const r of ROUTES) {
    const params = matchPath(r.pattern, path);
    if (params) return r.render(params);
  }
  return undefined;
}
