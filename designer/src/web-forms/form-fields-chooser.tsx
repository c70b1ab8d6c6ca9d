import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import type { DraftIssue } from '../draft/draft-types';
import { relativeIssues } from '../draft/draft-types';
import { IssueList } from '../draft/issue-list';
import { useText } from '../i18n/text';
import { webFormMessages } from './messages';
import type { FormableField, FormField } from './web-forms-api';

interface Props {
  available: FormableField[];
  value: FormField[];
  onChange(next: FormField[]): void;
  /** Server issues under /fields. */
  issues: DraftIssue[];
}

const move = <T,>(list: T[], from: number, to: number): T[] => {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
};

/** The form's fields in order: add from the object's fillable fields, reorder, mark required, relabel per locale. */
export function FormFieldsChooser({ available, value, onChange, issues }: Props) {
  const t = useText(webFormMessages);
  const { label, locale } = useI18n();
  const byName = new Map(available.map((f) => [f.name, f]));
  const unused = available.filter((f) => !value.some((v) => v.field === f.name));
  const set = (i: number, change: Partial<FormField>) => onChange(value.map((v, n) => (n === i ? { ...v, ...change } : v)));
  const relabel = (i: number, text: string) => {
    const rest = { ...value[i]!.label };
    if (text.trim()) rest[locale] = text;
    else delete rest[locale];
    const next: FormField = { field: value[i]!.field, required: value[i]!.required, ...(Object.keys(rest).length ? { label: rest } : {}) };
    onChange(value.map((v, n) => (n === i ? next : v)));
  };
  return (
    <fieldset className="web-form-fields" data-testid="web-form-fields">
      <legend>{t('fields')}</legend>
      <p className="hint">{t('fieldsHint')}</p>
      <IssueList issues={relativeIssues(issues, '/fields').filter((i) => i.path === '')} testId="web-form-fields-issues" />
      {value.length === 0 && <p>{t('noFields')}</p>}
      <ol>
        {value.map((v, i) => {
          const f = byName.get(v.field);
          return (
            <li key={v.field} data-testid={`web-form-field-${v.field}`}>
              <strong>{f ? label(f.label, v.field) : v.field}</strong> <code>{v.field}</code>
              <label>
                <input type="checkbox" checked={v.required || !!f?.mustRequire} disabled={!!f?.mustRequire} onChange={(e) => set(i, { required: e.target.checked })} data-testid={`web-form-required-${v.field}`} />
                {t('required')}
              </label>
              <label>
                {t('labelOverride', { locale })}{' '}
                <input value={v.label?.[locale] ?? ''} placeholder={f ? label(f.label, v.field) : ''} onChange={(e) => relabel(i, e.target.value)} data-testid={`web-form-label-${v.field}`} />
              </label>
              <span className="row-actions">
                <button type="button" className="link" disabled={i === 0} onClick={() => onChange(move(value, i, i - 1))} data-testid={`web-form-up-${v.field}`}>
                  {t('moveUp')}
                </button>
                <button type="button" className="link" disabled={i === value.length - 1} onClick={() => onChange(move(value, i, i + 1))} data-testid={`web-form-down-${v.field}`}>
                  {t('moveDown')}
                </button>
                <button type="button" className="link danger" onClick={() => onChange(value.filter((_, n) => n !== i))} data-testid={`web-form-remove-${v.field}`}>
                  {t('remove')}
                </button>
              </span>
              <IssueList issues={relativeIssues(issues, `/fields/${i}`)} />
            </li>
          );
        })}
      </ol>
      {unused.length > 0 && (
        <select value="" onChange={(e) => e.target.value && onChange([...value, { field: e.target.value, required: !!byName.get(e.target.value)?.mustRequire }])} data-testid="web-form-add-field">
          <option value="">{t('addField')}</option>
          {unused.map((f) => (
            <option key={f.name} value={f.name}>
              {label(f.label, f.name)} ({f.name})
            </option>
          ))}
        </select>
      )}
    </fieldset>
  );
}
