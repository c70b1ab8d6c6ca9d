import type { RawObjectDef } from '../../../engine/shared/metadata-types';
import type { DraftIssue } from '../draft/draft-types';
import { AutonumberFormatInput } from '../fields/autonumber-sample';
import { IssueList } from '../draft/issue-list';
import { LabelInputs } from '../fields/label-inputs';
import { useText } from '../i18n/text';
import { objectMessages } from './messages';

export type NameFieldDef = NonNullable<RawObjectDef['nameField']>;

/** The format the engine uses when an autonumber name has none (first four letters of the object). */
export const defaultNameFormat = (object: string): string => `${(object || 'rec').toUpperCase().slice(0, 4)}-{00000}`;

/** How records of an object are named: typed text (with a maximum length) or an auto number (with a format and its live sample). */
export function NameFieldEditor({ object, value, onChange, issues = [], now }: { object: string; value: NameFieldDef | undefined; onChange(next: NameFieldDef | undefined): void; issues?: DraftIssue[]; now?: Date }) {
  const t = useText(objectMessages);
  const nf = value ?? {};
  const auto = nf.type === 'autonumber';
  const write = (next: NameFieldDef) => {
    const clean = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) as NameFieldDef;
    onChange(Object.keys(clean).length ? clean : undefined);
  };
  return (
    <fieldset className="name-field-editor" data-testid="object-namefield">
      <legend>{t('nameField')}</legend>
      <div className="choice-list" role="radiogroup">
        <label>
          <input type="radio" name="object-namefield-type" checked={!auto} onChange={() => write({ label: nf.label })} data-testid="object-namefield-text" />
          {t('nameFieldText')}
        </label>
        <label>
          <input type="radio" name="object-namefield-type" checked={auto} onChange={() => write({ label: nf.label, type: 'autonumber', format: defaultNameFormat(object) })} data-testid="object-namefield-autonumber" />
          {t('nameFieldAuto')}
        </label>
      </div>
      {auto ? (
        <label>
          <span>{t('format')}</span>
          <AutonumberFormatInput value={nf.format ?? ''} placeholder={defaultNameFormat(object)} onChange={(format) => write({ ...nf, format: format || undefined })} testId="object-namefield-format" now={now} />
        </label>
      ) : (
        <label>
          <span>{t('maxLength')}</span>
          <input
            type="number"
            min={1}
            placeholder="255"
            value={nf.maxLength ?? ''}
            onChange={(e) => write({ ...nf, maxLength: e.target.value === '' ? undefined : Math.trunc(Number(e.target.value)) })}
            data-testid="object-namefield-maxlength"
          />
        </label>
      )}
      <LabelInputs value={nf.label} onChange={(label) => write({ ...nf, label })} testId="object-namefield-label" legend={t('nameFieldLabel')} enText={t('labelEn')} zhText={t('labelZh')} />
      <IssueList issues={issues} testId="object-namefield-issues" />
    </fieldset>
  );
}
