import { useState } from 'react';
import { isRuleDefault, type RawField, type RawPicklistValue } from '../../../engine/shared/metadata-types';
import type { RuleType } from '../../../engine/shared/rules/catalogue';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import type { DraftIssue } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { RuleEditor } from '../rule-builder/rule-editor';
import type { FieldTypeInfo } from './field-types';
import { IssueList } from '../draft/issue-list';
import { fieldMessages } from './messages';

type Mode = 'none' | 'literal' | 'rule';
const RULE_TYPE: Record<FieldTypeInfo['kind'], RuleType> = { string: 'string', number: 'number', boolean: 'boolean', date: 'date', datetime: 'datetime', uuid: 'string', array: 'list' };

/** A field's default: none, a fixed value of the field's kind, or a rule computed when a record is created. */
export function DefaultValueInput({ field, info, object, onChange, issues }: { field: RawField; info: FieldTypeInfo; object: string; onChange(v: unknown): void; issues: DraftIssue[] }) {
  const t = useText(fieldMessages);
  const [mode, setMode] = useState<Mode>(field.defaultValue === undefined ? 'none' : isRuleDefault(field.defaultValue) ? 'rule' : 'literal');
  const choose = (m: Mode) => {
    setMode(m);
    onChange(undefined);
  };
  return (
    <fieldset className="default-value" data-testid="field-default">
      <legend>{t('defaultValue')}</legend>
      <div className="choice-list" role="radiogroup">
        {(['none', 'literal', 'rule'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name="field-default-mode" checked={mode === m} onChange={() => choose(m)} data-testid={`field-default-mode-${m}`} />
            {t(m === 'none' ? 'defaultNone' : m === 'literal' ? 'defaultLiteral' : 'defaultRule')}
          </label>
        ))}
      </div>
      {mode === 'literal' && <LiteralDefault field={field} kind={info.kind} onChange={onChange} />}
      {mode === 'rule' && (
        <RuleEditor object={object} mode="expression" value={isRuleDefault(field.defaultValue) ? field.defaultValue : undefined} onChange={onChange} expect={[RULE_TYPE[info.kind]]} allowContext issues={issues.map((i) => ({ ...i, path: i.path.replace(/^\/defaultValue/, '') }))} testId="field-default-rule" />
      )}
      {mode !== 'rule' && <IssueList issues={issues} testId="field-default-issues" />}
    </fieldset>
  );
}

function LiteralDefault({ field, kind, onChange }: { field: RawField; kind: FieldTypeInfo['kind']; onChange(v: unknown): void }) {
  const t = useText(fieldMessages);
  const { label } = useI18n();
  const v = field.defaultValue;
  const values = Array.isArray(field.options?.values) ? (field.options.values as RawPicklistValue[]) : undefined;
  if (kind === 'boolean')
    return (
      <select value={v === true ? 'true' : v === false ? 'false' : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'true')} data-testid="field-default-value">
        <option value="">{t('notSet')}</option>
        <option value="true">{t('defaultTrue')}</option>
        <option value="false">{t('defaultFalse')}</option>
      </select>
    );
  if (kind === 'number')
    return <input type="number" step="any" value={typeof v === 'number' ? String(v) : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))} data-testid="field-default-value" />;
  if (kind === 'date') return <input type="date" value={typeof v === 'string' ? v : ''} onChange={(e) => onChange(e.target.value || undefined)} data-testid="field-default-value" />;
  if (kind === 'string' && values)
    return (
      <select value={typeof v === 'string' ? v : ''} onChange={(e) => onChange(e.target.value || undefined)} data-testid="field-default-value">
        <option value="">{t('notSet')}</option>
        {values.map((pv) => (
          <option key={pv.value} value={pv.value}>
            {label(pv.label, pv.value)}
          </option>
        ))}
      </select>
    );
  if (kind === 'array')
    return (
      <input
        value={Array.isArray(v) ? v.join(', ') : ''}
        onChange={(e) => {
          const list = e.target.value.split(',').map((s) => s.trim()).filter(Boolean);
          onChange(list.length ? list : undefined);
        }}
        data-testid="field-default-value"
      />
    );
  return <input value={typeof v === 'string' ? v : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} data-testid="field-default-value" />;
}
