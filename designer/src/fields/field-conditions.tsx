import { useState } from 'react';
import { FIELD_CONDITIONS, type FieldCondition, type RawField } from '../../../engine/shared/metadata-types';
import { useText } from '../i18n/text';
import { RuleEditor } from '../rule-builder/rule-editor';
import { relativeIssues, type DraftIssue } from '../draft/draft-types';
import { IssueList } from '../draft/issue-list';
import { fieldMessages } from './messages';

/** Visible / required / read-only when: each a condition over the record (and $user, $now), switched on or off. */
export function FieldConditions({ field, object, onChange, issues }: { field: RawField; object: string; onChange(c: FieldCondition, rule: unknown): void; issues: DraftIssue[] }) {
  const t = useText(fieldMessages);
  const [open, setOpen] = useState<Set<FieldCondition>>(() => new Set(FIELD_CONDITIONS.filter((c) => field[c] !== undefined)));
  const toggle = (c: FieldCondition, on: boolean) => {
    const next = new Set(open);
    if (on) next.add(c);
    else {
      next.delete(c);
      onChange(c, undefined);
    }
    setOpen(next);
  };
  return (
    <fieldset className="field-conditions">
      <legend>{t('conditions')}</legend>
      {FIELD_CONDITIONS.map((c) => (
        <div key={c} className="field-condition">
          <label>
            <input type="checkbox" checked={open.has(c)} onChange={(e) => toggle(c, e.target.checked)} data-testid={`field-condition-${c}-toggle`} />
            {t(c)}
          </label>
          {open.has(c) ? (
            <RuleEditor object={object} mode="condition" value={field[c]} onChange={(rule) => onChange(c, rule)} expect={['boolean']} allowContext issues={relativeIssues(issues, `/${c}`)} testId={`field-condition-${c}`} />
          ) : (
            <IssueList issues={relativeIssues(issues, `/${c}`)} />
          )}
        </div>
      ))}
    </fieldset>
  );
}
