import type { ReactNode } from 'react';
import type { RawField } from '../../../engine/shared/metadata-types';
import type { DraftIssue } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { IssueList } from '../draft/issue-list';
import { propertiesOf, type JsonSchema } from './json-schema';
import { fieldMessages } from './messages';
import { SchemaProperties } from './schema-input';
import './fields.css';

/** What a specialised setting editor is given: the whole settings object, since some settings go together (values / valueSet). */
export interface SettingWidgetProps {
  name: string;
  schema: JsonSchema;
  required: boolean;
  options: Record<string, unknown>;
  onChange(next: Record<string, unknown>): void;
  /** Issues relative to the settings (`/target`, `/values/2/label`). */
  issues: DraftIssue[];
  /** The object the field belongs to and the field as being edited. */
  object: string;
  field: RawField;
  testId: string;
}

/** A specialised editor for one setting; rendering null hides the property (another widget edits it). */
export type SettingWidget = (p: SettingWidgetProps) => ReactNode;

export interface SettingsFormProps {
  /** The type's settingsSchema (an object schema). */
  schema: JsonSchema;
  value: Record<string, unknown>;
  onChange(next: Record<string, unknown>): void;
  /** Issues relative to the settings. */
  issues?: DraftIssue[];
  /** Specialised editors by property name (the rest get generated controls). */
  widgets?: Record<string, SettingWidget>;
  object: string;
  field: RawField;
  testId?: string;
}

/**
 * A field type's settings form, generated from its JSON Schema, so a plugin's
 * type gets an editor without any designer code; known properties of core
 * types get specialised widgets.
 */
export function SettingsForm({ schema, value, onChange, issues = [], widgets = {}, object, field, testId = 'setting' }: SettingsFormProps) {
  const t = useText(fieldMessages);
  const names = propertiesOf(schema).map(([n]) => n);
  const unplaced = issues.filter((i) => !names.some((n) => i.path === `/${n}` || i.path.startsWith(`/${n}/`)));
  return (
    <div className="settings-form" data-testid={testId}>
      <IssueList issues={unplaced} testId={`${testId}-issues`} />
      {names.length === 0 ? (
        <p className="muted" data-testid={`${testId}-none`}>
          {t('noSettings')}
        </p>
      ) : (
        <SchemaProperties
          schema={schema}
          value={value}
          onChange={onChange}
          testId={testId}
          issues={issues}
          renderProperty={(name, sub, required) => {
            const Widget = widgets[name];
            return Widget ? <Widget name={name} schema={sub} required={required} options={value} onChange={onChange} issues={issues} object={object} field={field} testId={`${testId}-${name}`} /> : undefined;
          }}
        />
      )}
    </div>
  );
}
