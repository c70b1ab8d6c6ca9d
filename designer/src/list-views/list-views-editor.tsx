import { useState } from 'react';
import type { ListView, ListViewVisibility, RawObjectDef } from '../../../engine/shared/metadata-types';
import type { FieldDef } from '../../../runtime-ui/src/api/describe';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { issuesUnder, type DraftIssue } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { newView } from './list-view-model';
import { viewMessages } from './messages';
import { ViewEditor } from './view-editor';

interface Props {
  def: RawObjectDef;
  /** The fields views may show, sort and filter by. */
  fields: FieldDef[];
  issues: DraftIssue[];
  onChange(views: ListView[]): void;
}

/** An object's list views: one row each, and the editor of the one being edited. */
export function ListViewsEditor({ def, fields, issues, onChange }: Props) {
  const t = useText(viewMessages);
  const { label } = useI18n();
  const views = def.listViews ?? [];
  const [open, setOpen] = useState<number | undefined>();
  const base = `/objects/${def.name}/listViews`;
  const summary = (v: ListViewVisibility | undefined) => (v?.type === 'personal' ? t('personalOf') : v?.roles?.length ? t('sharedWith', { roles: v.roles.join(', ') }) : t('shared'));
  const remove = (i: number) => {
    onChange(views.filter((_, k) => k !== i));
    setOpen((o) => (o === undefined || o < i ? o : o === i ? undefined : o - 1));
  };
  return (
    <section className="views" data-testid="views">
      {views.length === 0 && <p className="hint">{t('none')}</p>}
      <ol className="views-list">
        {views.map((v, i) => {
          const mine = issuesUnder(issues, `${base}/${i}`);
          return (
            <li key={i} className={`views-row${open === i ? ' open' : ''}${mine.length ? ' has-error' : ''}`} data-testid={`views-row-${i}`}>
              <div className="views-row-head">
                <strong>{label(v.label, v.name)}</strong> <code>{v.name}</code>
                <span className="views-badge">{summary(v.visibility)}</span>
                {mine.length > 0 && <span className="issue">{t('problems', { count: mine.length })}</span>}
                <span className="spacer" />
                <button type="button" onClick={() => setOpen(open === i ? undefined : i)} aria-expanded={open === i} data-testid={`views-edit-${i}`}>
                  {open === i ? t('close') : t('edit')}
                </button>
                <button type="button" className="link" onClick={() => remove(i)} data-testid={`views-remove-${i}`}>
                  {t('remove')}
                </button>
              </div>
              {open === i && <ViewEditor key={i} index={i} view={v} fields={fields} issues={mine} path={`${base}/${i}`} onChange={(next) => onChange(views.map((x, k) => (k === i ? next : x)))} />}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        onClick={() => {
          onChange([...views, newView(views)]);
          setOpen(views.length);
        }}
        data-testid="views-add"
      >
        {t('add')}
      </button>
    </section>
  );
}
