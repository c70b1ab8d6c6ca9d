import type { RawPicklistValue } from '../../../engine/shared/metadata-types';
import type { DraftIssue } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { IssueList } from '../draft/issue-list';
import { picklistMessages } from './messages';
import { labelText, withLabelText } from '../i18n/label-text';
import { COLOR_PATTERN, withProp, type ValueProblem } from './picklist-values-model';

/** What one row of the values table needs from the table. */
export interface PicklistValueRowProps {
  value: RawPicklistValue;
  index: number;
  count: number;
  /** A published value keeps its API value and can only be deactivated. */
  published: boolean;
  problems: ValueProblem[];
  issues: DraftIssue[];
  onChange(next: RawPicklistValue): void;
  onMove(to: number): void;
  onRemove(): void;
  onDragStart(): void;
  onDrop(): void;
}

/** One picklist value: API value, labels in both locales, active, colour, probability, order and removal. */
export function PicklistValueRow(p: PicklistValueRowProps) {
  const t = useText(picklistMessages);
  const { value: v, index: i } = p;
  const active = v.active !== false;
  const bad = (k: ValueProblem) => p.problems.includes(k);
  return (
    <>
      <tr className={`picklist-row${active ? '' : ' picklist-inactive'}`} data-testid={`picklist-row-${i}`} onDragOver={(e) => e.preventDefault()} onDrop={p.onDrop}>
        <td className="picklist-order">
          <span className="picklist-handle" draggable onDragStart={p.onDragStart} title={t('dragHint')} aria-hidden>
            ⋮⋮
          </span>
          <button type="button" onClick={() => p.onMove(i - 1)} disabled={i === 0} aria-label={t('up')} title={t('up')} data-testid={`picklist-up-${i}`}>
            ↑
          </button>
          <button type="button" onClick={() => p.onMove(i + 1)} disabled={i === p.count - 1} aria-label={t('down')} title={t('down')} data-testid={`picklist-down-${i}`}>
            ↓
          </button>
        </td>
        <td>
          <input
            value={v.value}
            readOnly={p.published}
            aria-invalid={bad('valueBad') || bad('valueDuplicate')}
            aria-label={t('colValue')}
            onChange={(e) => p.onChange({ ...v, value: e.target.value })}
            data-testid={`picklist-value-${i}`}
          />
          {p.published && <span className="picklist-badge">{t('published')}</span>}
        </td>
        <td>
          <input value={labelText(v.label, 'en')} aria-label={t('colLabelEn')} onChange={(e) => p.onChange({ ...v, label: withLabelText(v.label, 'en', e.target.value) })} data-testid={`picklist-label-en-${i}`} />
        </td>
        <td>
          <input lang="zh-CN" value={labelText(v.label, 'zh-CN')} aria-label={t('colLabelZh')} onChange={(e) => p.onChange({ ...v, label: withLabelText(v.label, 'zh-CN', e.target.value) })} data-testid={`picklist-label-zh-${i}`} />
        </td>
        <td>
          <input type="checkbox" checked={active} aria-label={t('colActive')} onChange={(e) => p.onChange(withProp(v, 'active', e.target.checked ? undefined : false))} data-testid={`picklist-active-${i}`} />
        </td>
        <td className="picklist-color">
          <span className="picklist-swatch" style={{ background: v.color && COLOR_PATTERN.test(v.color) ? v.color : 'transparent' }} />
          <input value={v.color ?? ''} placeholder="#rrggbb" size={8} aria-label={t('colColor')} aria-invalid={bad('colorBad')} onChange={(e) => p.onChange(withProp(v, 'color', e.target.value.trim() || undefined))} data-testid={`picklist-color-${i}`} />
        </td>
        <td>
          <input
            type="number"
            min={0}
            max={100}
            value={v.probability ?? ''}
            aria-label={t('colProbability')}
            aria-invalid={bad('probabilityBad')}
            onChange={(e) => p.onChange(withProp(v, 'probability', e.target.value === '' ? undefined : Number(e.target.value)))}
            data-testid={`picklist-probability-${i}`}
          />
        </td>
        <td>
          <button type="button" className="link" onClick={p.onRemove} disabled={p.published} title={p.published ? t('removeOnlyDraft') : t('remove')} data-testid={`picklist-remove-${i}`}>
            {t('remove')}
          </button>
        </td>
      </tr>
      {(p.problems.length > 0 || p.issues.length > 0) && (
        <tr className="picklist-row-issues">
          <td />
          <td colSpan={7}>
            {p.problems.map((k) => (
              <p key={k} className="issue" data-testid={`picklist-problem-${i}-${k}`}>
                {t(k)}
              </p>
            ))}
            <IssueList issues={p.issues} testId={`picklist-issues-${i}`} />
          </td>
        </tr>
      )}
    </>
  );
}
