import { useMemo } from 'react';
import type { RawConversion, RawConversionTarget, RawField } from '../../../engine/shared/metadata-types';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { useDraft } from '../draft/draft-store';
import type { DraftIssue } from '../draft/draft-types';
import { IssueList } from '../draft/issue-list';
import { useText } from '../i18n/text';
import { RuleEditor } from '../rule-builder/rule-editor';
import { ruleFieldsOf, ruleTypeOfField } from '../rule-builder/rule-fields';
import { compatibleSources, linkableTargets, mappingOf, mappingWarning, missingRequired, withMapping, type Mapping } from './mapping-model';
import { conversionMessages } from './messages';

interface RowProps {
  source: string;
  conversion: RawConversion;
  target: RawConversionTarget;
  /** The target's index, for test ids. */
  index: number;
  field: RawField;
  /** The server's issues for this field's mapping (paths relative to it). */
  issues: DraftIssue[];
  onChange(next: RawConversionTarget): void;
}

/** The select's value for a mapping. */
const choiceOf = (m: Mapping) => (m.kind === 'field' ? `field:${m.field}` : m.kind === 'link' ? `link:${m.target}` : m.kind === 'expression' ? 'expression' : '');

/**
 * One target field beside what fills it: a compatible source field, a link to
 * another target, or an expression (the rule editor); the browser's type
 * warning and the server's issues next to it.
 */
export function MappingRow({ source, conversion, target, index, field, issues, onChange }: RowProps) {
  const t = useText(conversionMessages);
  const { label } = useI18n();
  const { snapshot } = useDraft();
  const sourceFields = useMemo(() => ruleFieldsOf(snapshot, source), [snapshot, source]);
  const mapping = mappingOf(target, field.name, sourceFields);
  const options = compatibleSources(snapshot, source, field);
  const linkable = linkableTargets(conversion, target, field);
  const warning = mapping.kind === 'field' || mapping.kind === 'expression' ? mappingWarning(snapshot, source, field, target.fields[field.name]) : undefined;
  const required = missingRequired(target, field);
  const tid = `conv-${index}-${field.name}`;
  const choose = (value: string) => {
    if (value === '') return onChange(withMapping(target, field.name, { kind: 'none' }));
    if (value === 'expression') return onChange(withMapping(target, field.name, { kind: 'expression', rule: mapping.kind === 'field' ? { var: mapping.field } : null }));
    const [kind, name] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
    onChange(withMapping(target, field.name, kind === 'link' ? { kind: 'link', target: name } : { kind: 'field', field: name }));
  };
  const current = choiceOf(mapping);
  const unlisted = mapping.kind === 'field' && !options.some((o) => o.name === mapping.field);
  return (
    <tr data-testid={tid} data-field={field.name}>
      <th>
        {label(field.label, field.name)} <code>{field.name}</code>
        {field.required && <span className="conv-required"> · {t('required')}</span>}
        <small className="conv-type">{ruleTypeOfField(snapshot, field)}</small>
      </th>
      <td>
        <select value={current} onChange={(e) => choose(e.target.value)} data-testid={`${tid}-source`} aria-label={label(field.label, field.name)}>
          <option value="">{t('notMapped')}</option>
          {linkable.map((x) => (
            <option key={`link:${x.key}`} value={`link:${x.key}`}>
              {t('linkTo', { target: label(x.label, x.key) })}
            </option>
          ))}
          {unlisted && <option value={current}>{mapping.field} (?)</option>}
          {options.map((o) => (
            <option key={o.name} value={`field:${o.name}`}>
              {label(o.label, o.name)} ({o.name})
            </option>
          ))}
          <option value="expression">{t('expression')}</option>
        </select>
        {mapping.kind === 'expression' && (
          <RuleEditor object={source} mode="expression" value={mapping.rule} allowContext expect={[ruleTypeOfField(snapshot, field)]} onChange={(rule) => onChange(withMapping(target, field.name, { kind: 'expression', rule }))} issues={issues} testId={`${tid}-rule`} />
        )}
        {warning && (
          <p className="issue conv-warning" data-testid={`${tid}-warning`}>
            {warning.kind === 'type' ? t('warnType', { got: warning.got, want: warning.want }) : t('warnInvalid', { message: warning.message })}
          </p>
        )}
        {required && (
          <p className="issue conv-warning" data-testid={`${tid}-warning`}>
            {t('warnRequired')}
          </p>
        )}
        {mapping.kind !== 'expression' && <IssueList issues={issues} testId={`${tid}-issues`} />}
      </td>
    </tr>
  );
}
