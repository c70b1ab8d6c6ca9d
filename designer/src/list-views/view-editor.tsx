import type { ListView } from '../../../engine/shared/metadata-types';
import type { FieldDef } from '../../../runtime-ui/src/api/describe';
import { issuesUnder, type DraftIssue } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { IssueList } from '../draft/issue-list';
import { LabelInputs } from '../layout/label-inputs';
import { ColumnsChooser } from './columns-chooser';
import { FilterEditor } from './filter-editor';
import { withProp } from './list-view-model';
import { viewMessages } from './messages';
import { SortEditor } from './sort-editor';
import { VisibilityEditor } from './visibility-editor';

interface Props {
  index: number;
  view: ListView;
  fields: FieldDef[];
  /** The server's issues under this view (/objects/<o>/listViews/<i>). */
  issues: DraftIssue[];
  path: string;
  onChange(next: ListView): void;
}

const PARTS = ['name', 'label', 'columns', 'sort', 'filter', 'visibility'] as const;

/** One list view: name and label, columns, sort, filter and who may use it; each with the server's issues beside it. */
export function ViewEditor({ index, view, fields, issues, path, onChange }: Props) {
  const t = useText(viewMessages);
  const part = (p: (typeof PARTS)[number]) => issuesUnder(issues, `${path}/${p}`);
  const rest = issues.filter((i) => !PARTS.some((p) => i.path === `${path}/${p}` || i.path.startsWith(`${path}/${p}/`)));
  return (
    <div className="views-editor" data-testid={`views-editor-${index}`}>
      <IssueList issues={rest} />
      <div className="views-names">
        <label>
          {t('apiName')}
          <input value={view.name} onChange={(e) => onChange({ ...view, name: e.target.value })} spellCheck={false} data-testid={`views-name-${index}`} />
        </label>
        <LabelInputs value={view.label} onChange={(label) => onChange({ ...view, label })} testid="views-label" suffix={index} names={{ en: t('labelEn'), zh: t('labelZh') }} />
      </div>
      <IssueList issues={[...part('name'), ...part('label')]} />
      <div className="views-grid">
        <ColumnsChooser view={view} fields={fields} issues={part('columns')} onChange={onChange} />
        <div className="views-side">
          <SortEditor view={view} fields={fields} issues={part('sort')} onChange={onChange} />
          <VisibilityEditor index={index} value={view.visibility} issues={part('visibility')} onChange={(v) => onChange(withProp(view, 'visibility', v))} />
        </div>
      </div>
      <FilterEditor filter={view.filter} fields={fields} issues={part('filter')} onChange={(f) => onChange(withProp(view, 'filter', f))} />
    </div>
  );
}
