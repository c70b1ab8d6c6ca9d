import type { RawPageLayout } from '../../../engine/shared/metadata-types';
import type { FieldDef } from '../../../runtime-ui/src/api/describe';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { issuesUnder, type DraftIssue } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { IssueList } from '../draft/issue-list';
import { MAX_HEADER_FIELDS, stepItem } from './layout-model';
import { layoutMessages } from './messages';

interface Props {
  layout: RawPageLayout;
  /** Fields that may be shown in the header (not `name`: the record page's title shows it). */
  fields: FieldDef[];
  defs: Map<string, FieldDef>;
  issues: DraftIssue[];
  path: string;
  onChange(next: RawPageLayout): void;
}

/** The record page's key fields: add (up to a few), reorder, remove. */
export function HeaderFieldsEditor({ layout, fields, defs, issues, path, onChange }: Props) {
  const t = useText(layoutMessages);
  const { label } = useI18n();
  // Without headerFields the server takes the first few fields of the first section.
  const header = layout.headerFields ?? layout.sections[0]?.fields.slice(0, MAX_HEADER_FIELDS) ?? [];
  const set = (headerFields: string[]) => onChange({ ...layout, headerFields });
  const addable = fields.filter((f) => f.name !== 'name' && !header.includes(f.name));
  return (
    <section className="layout-panel" data-testid="layout-header">
      <h2>{t('header')}</h2>
      <p className="hint">{t('headerHint', { max: MAX_HEADER_FIELDS })}</p>
      {header.length === 0 && <p className="hint">{t('headerEmpty')}</p>}
      <ol className="layout-header-list">
        {header.map((name, j) => {
          const def = defs.get(name);
          const own = issuesUnder(issues, `${path}/${j}`);
          return (
            <li key={`${name}:${j}`} className={def && !own.length ? '' : 'has-error'} data-testid={`layout-header-${name}`}>
              <span>{def ? label(def.label, name) : name}</span> <code>{name}</code>
              {!def && <span className="issue">{t('missingField')}</span>}
              <button type="button" aria-label={t('up')} disabled={j === 0} onClick={() => set(stepItem(header, j, -1))} data-testid={`layout-header-up-${name}`}>
                ↑
              </button>
              <button type="button" aria-label={t('down')} disabled={j === header.length - 1} onClick={() => set(stepItem(header, j, 1))} data-testid={`layout-header-down-${name}`}>
                ↓
              </button>
              <button type="button" className="link" onClick={() => set(header.filter((_, k) => k !== j))} data-testid={`layout-header-remove-${name}`}>
                {def ? t('remove') : t('removeMissing')}
              </button>
              <IssueList issues={own} />
            </li>
          );
        })}
      </ol>
      <select aria-label={t('headerAdd')} value="" disabled={header.length >= MAX_HEADER_FIELDS || !addable.length} onChange={(e) => e.target.value && set([...header, e.target.value])} data-testid="layout-header-add">
        <option value="">{t('headerAdd')}</option>
        {addable.map((f) => (
          <option key={f.name} value={f.name}>
            {label(f.label, f.name)}
          </option>
        ))}
      </select>
    </section>
  );
}
