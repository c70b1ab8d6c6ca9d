import type { ListView } from '../../../engine/shared/metadata-types';
import type { FieldDef } from '../../../runtime-ui/src/api/describe';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import type { DraftIssue } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { IssueList } from '../draft/issue-list';
import { stepColumn, toggleColumn } from './list-view-model';
import { viewMessages } from './messages';

interface Props {
  view: ListView;
  fields: FieldDef[];
  issues: DraftIssue[];
  onChange(next: ListView): void;
}

/** Which fields a view shows as columns, and in what order: the shown ones first, then the rest. */
export function ColumnsChooser({ view, fields, issues, onChange }: Props) {
  const t = useText(viewMessages);
  const { label } = useI18n();
  const shown = view.columns ?? [];
  const defs = new Map(fields.map((f) => [f.name, f]));
  const rows = [...shown, ...fields.map((f) => f.name).filter((n) => !shown.includes(n))];
  return (
    <fieldset className="views-columns" data-testid="views-columns">
      <legend>{t('columns')}</legend>
      <p className="hint">{t('columnsHint')}</p>
      <ol>
        {rows.map((name) => {
          const on = shown.includes(name);
          const i = shown.indexOf(name);
          const def = defs.get(name);
          return (
            <li key={name} className={def ? '' : 'has-error'}>
              <label>
                <input type="checkbox" checked={on} onChange={(e) => onChange(toggleColumn(view, name, e.target.checked))} data-testid={`views-column-${name}`} />
                {def ? label(def.label, name) : name} <code>{name}</code>
              </label>
              {!def && <span className="issue">{t('missingField')}</span>}
              {on && (
                <>
                  <button type="button" aria-label={t('left')} title={t('left')} disabled={i === 0} onClick={() => onChange(stepColumn(view, name, -1))} data-testid={`views-column-up-${name}`}>
                    ↑
                  </button>
                  <button type="button" aria-label={t('right')} title={t('right')} disabled={i === shown.length - 1} onClick={() => onChange(stepColumn(view, name, 1))} data-testid={`views-column-down-${name}`}>
                    ↓
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ol>
      <IssueList issues={issues} />
    </fieldset>
  );
}
