import { useState } from 'react';
import { FIELD_CONDITIONS, type RawField, type RawObjectDef } from '../../../engine/shared/metadata-types';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { Link, useRouter } from '../../../runtime-ui/src/router/router';
import { useDraft } from '../draft/draft-store';
import { useText } from '../i18n/text';
import { ObjectTabs } from '../shell/object-tabs';
import { DefaultValueInput } from './default-value-input';
import { blankField, fieldProblems, NEW_FIELD, objectWithField, withType } from './field-draft';
import { FieldConditions } from './field-conditions';
import { useFieldTypes } from './field-types';
import { issuesUnder, relativeIssues, type DraftIssue } from '../draft/draft-types';
import { IssueList } from '../draft/issue-list';
import { LabelInputs } from './label-inputs';
import { fieldMessages } from './messages';
import { SettingsForm } from './settings-form';
import { typeName } from './settings-text';
import { TYPE_SETTING_WIDGETS } from './type-settings/type-setting-widgets';
import './fields.css';

/** The parts of a field each control edits; an issue elsewhere is listed at the top. */
const PLACED = ['/name', '/type', '/label', '/helpText', '/defaultValue', '/options', ...FIELD_CONDITIONS.map((c) => `/${c}`)];

/** /designer/objects/:object/fields/:field — one field of the draft ("new" adds one). */
export function FieldEditorPage({ object, field }: { object: string; field: string }) {
  const t = useText(fieldMessages);
  const def = useDraft().snapshot.objects[object];
  const index = def ? def.fields.findIndex((f) => f.name === field) : -1;
  const missing = !def ? t('objectNotFound', { object }) : field !== NEW_FIELD && index < 0 ? t('fieldNotFound', { field }) : undefined;
  return (
    <div className="field-editor-page">
      <ObjectTabs object={object} />
      {missing || !def ? (
        <p role="alert" data-testid="field-not-found">
          {missing} <Link to={def ? `/designer/objects/${object}` : '/designer'}>{t('backToObject')}</Link>
        </p>
      ) : (
        <FieldEditor object={object} def={def} index={field === NEW_FIELD ? -1 : index} />
      )}
    </div>
  );
}

function FieldEditor({ object, def, index }: { object: string; def: RawObjectDef; index: number }) {
  const t = useText(fieldMessages);
  const { locale } = useI18n();
  const { navigate } = useRouter();
  const { putObject, check, published } = useDraft();
  const types = useFieldTypes();
  const [f, setF] = useState<RawField>(() => (index < 0 ? blankField() : def.fields[index]!));
  const [tried, setTried] = useState(false);
  const isNew = index < 0;
  const info = types.data?.fieldTypes.find((x) => x.type === f.type);
  const set = (patch: Partial<RawField>) => setF((old) => ({ ...old, ...patch }));
  const wasPublished = !isNew && published?.snapshot.objects[object]?.fields.find((x) => x.name === f.name);

  const problems = fieldProblems(f, def, index, info?.settingsSchema);
  const shownProblems: DraftIssue[] = problems.filter((p) => tried || (p.path === '/name' && f.name !== '')).map((p) => ({ path: p.path, code: p.code, message: t(p.code as Parameters<typeof t>[0], p.vars) }));
  const server = isNew ? [] : relativeIssues(check.issues, `/objects/${object}/fields/${index}`);
  const all = [...shownProblems, ...server];
  const at = (pointer: string) => issuesUnder(all, pointer);
  const unplaced = all.filter((i) => !PLACED.some((p) => i.path === p || i.path.startsWith(`${p}/`)));

  const apply = () => {
    if (problems.length) return setTried(true);
    putObject(objectWithField(def, index, f));
    navigate(`/designer/objects/${object}`);
  };

  return (
    <form
      className="field-editor"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <h2>{isNew ? t('titleNew') : t('titleEdit', { name: f.name })}</h2>
      <IssueList issues={unplaced} testId="field-issues" />
      <div className="field-grid">
        <label>
          <span>{t('name')}</span>
          <input value={f.name} readOnly={!isNew} onChange={(e) => set({ name: e.target.value })} data-testid="field-name" />
          <small className="setting-help">{isNew ? t('nameHelp') : t('nameLocked')}</small>
          <IssueList issues={at('/name')} testId="field-name-issues" />
        </label>
        <label>
          <span>{t('type')}</span>
          {types.error ? (
            <span className="issue">{t('typesFailed', { message: types.error.message })}</span>
          ) : (
            <select value={f.type} disabled={!types.data} onChange={(e) => setF(withType(f, e.target.value, types.data?.fieldTypes.find((x) => x.type === e.target.value)?.settingsSchema ?? {}))} data-testid="field-type">
              {!types.data && <option value={f.type}>{t('typesLoading')}</option>}
              {types.data?.fieldTypes.map((x) => (
                <option key={x.type} value={x.type}>
                  {typeName(locale, x.type)}
                </option>
              ))}
            </select>
          )}
          {wasPublished && wasPublished.type !== f.type && <small className="warning">{t('typeChangeWarning')}</small>}
          <IssueList issues={at('/type')} testId="field-type-issues" />
        </label>
      </div>
      <LabelInputs value={f.label} onChange={(label) => set({ label: label ?? '' })} testId="field-label" legend={t('label')} enText={t('labelEn')} zhText={t('labelZh')} />
      <IssueList issues={at('/label')} testId="field-label-issues" />
      <LabelInputs value={f.helpText} onChange={(helpText) => set({ helpText })} testId="field-help" legend={t('helpText')} enText={t('labelEn')} zhText={t('labelZh')} />
      <IssueList issues={at('/helpText')} testId="field-help-issues" />
      <div className="field-flags">
        {(['required', 'unique', 'indexed'] as const).map((flag) => (
          <label key={flag}>
            <input type="checkbox" checked={f[flag] === true} onChange={(e) => set({ [flag]: e.target.checked || undefined })} data-testid={`field-${flag}`} />
            {t(flag)}
          </label>
        ))}
        <label>
          <input type="checkbox" checked={f.audit !== false} onChange={(e) => set({ audit: e.target.checked ? undefined : false })} data-testid="field-audit" />
          {t('audit')}
        </label>
      </div>
      {info && (
        <fieldset className="field-settings">
          <legend>{t('settings')}</legend>
          <SettingsForm
            key={f.type}
            schema={info.settingsSchema}
            value={f.options ?? {}}
            onChange={(options) => set({ options })}
            issues={relativeIssues(all, '/options')}
            widgets={TYPE_SETTING_WIDGETS[f.type]}
            object={object}
            field={f}
          />
        </fieldset>
      )}
      {info?.writable && <DefaultValueInput key={f.type} field={f} info={info} object={object} onChange={(defaultValue) => set({ defaultValue })} issues={at('/defaultValue')} />}
      <FieldConditions field={f} object={object} onChange={(c, rule) => set({ [c]: rule })} issues={all} />
      {tried && problems.length > 0 && (
        <p className="issue" role="alert" data-testid="field-problems">
          {t('problems', { count: problems.length })}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" data-testid="field-apply">
          {t('apply')}
        </button>
        <button type="button" onClick={() => navigate(`/designer/objects/${object}`)} data-testid="field-cancel">
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
