import { useMemo, useRef, useState } from 'react';
import type { RawPicklistValue } from '../../../engine/shared/metadata-types';
import { issuesUnder, type DraftIssue } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { IssueList } from '../draft/issue-list';
import { picklistMessages } from './messages';
import { PasteValues } from './paste-values';
import { PicklistValueRow } from './picklist-value-row';
import { freshValue, moveItem, valueProblems } from './picklist-values-model';
import './picklists.css';

/** Props of the picklist values editor. */
export interface PicklistValuesEditorProps {
  values: RawPicklistValue[];
  onChange(values: RawPicklistValue[]): void;
  /** The server's issues (the draft check's); those under `issuePrefix/<index>` are shown on their row. */
  issues?: DraftIssue[];
  /** JSON pointer of the values array in the snapshot, e.g. `/valueSets/region/values` or `/objects/deal/fields/2/options/values`. */
  issuePrefix?: string;
  /**
   * Values already published: their API value is read-only and they can only
   * be deactivated. Without it, the values present when the editor opened count as published.
   */
  publishedValues?: readonly string[];
}

/** Edits a picklist's values: add, edit labels in both locales, reorder, deactivate, remove draft-only values, paste many. */
export function PicklistValuesEditor({ values, onChange, issues = [], issuePrefix, publishedValues }: PicklistValuesEditorProps) {
  const t = useText(picklistMessages);
  const [atOpen] = useState(() => values.map((v) => v.value));
  const published = useMemo(() => new Set(publishedValues ?? atOpen), [publishedValues, atOpen]);
  const problems = useMemo(() => valueProblems(values), [values]);
  const dragged = useRef<number | undefined>(undefined);
  const mine = issuePrefix ? issuesUnder(issues, issuePrefix) : [];
  const rowIssues = (i: number) => (issuePrefix ? issuesUnder(mine, `${issuePrefix}/${i}`) : []);
  const listIssues = mine.filter((x) => !/^\/\d+(\/|$)/.test(x.path.slice(issuePrefix!.length)));

  const set = (i: number, v: RawPicklistValue) => onChange(values.map((x, n) => (n === i ? v : x)));
  return (
    <div className="picklist-editor" data-testid="picklist-editor">
      <IssueList issues={listIssues} testId="picklist-issues" />
      {values.length === 0 ? (
        <p className="picklist-empty">{t('noValues')}</p>
      ) : (
        <table className="picklist-table">
          <thead>
            <tr>
              <th>{t('colOrder')}</th>
              <th>{t('colValue')}</th>
              <th>{t('colLabelEn')}</th>
              <th>{t('colLabelZh')}</th>
              <th>{t('colActive')}</th>
              <th>{t('colColor')}</th>
              <th>{t('colProbability')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {values.map((v, i) => (
              <PicklistValueRow
                // Rows are keyed by position: the API value is itself editable.
                key={i}
                value={v}
                index={i}
                count={values.length}
                published={published.has(v.value)}
                problems={problems[i] ?? []}
                issues={rowIssues(i)}
                onChange={(next) => set(i, next)}
                onMove={(to) => onChange(moveItem(values, i, to))}
                onRemove={() => onChange(values.filter((_, n) => n !== i))}
                onDragStart={() => (dragged.current = i)}
                onDrop={() => {
                  if (dragged.current !== undefined) onChange(moveItem(values, dragged.current, i));
                  dragged.current = undefined;
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      <div className="picklist-actions">
        <button type="button" onClick={() => onChange([...values, { value: freshValue(values), label: {} }])} data-testid="picklist-add">
          {t('add')}
        </button>
        <PasteValues values={values} onAdd={(added) => onChange([...values, ...added])} />
      </div>
    </div>
  );
}
