import type { FieldDef } from '../api/describe';
import { useI18n } from '../i18n/i18n';
import { FieldValue, type DisplayNames } from '../record/field-value';
import { valueKind } from '../widgets/display-value';
import { picklistValues } from '../widgets/picklist-options';

const NUMERIC = new Set(['number', 'integer', 'decimal', 'currency', 'percent']);

/**
 * A mapped value the user may override before converting: a plain input per
 * kind (text, number, date, yes/no, a picklist's values). Lookups and other
 * kinds without a plain input are shown as they read.
 */
export function ValueInput({ field, value, names, onChange, testId }: { field: FieldDef; value: unknown; names: DisplayNames; onChange(v: unknown): void; testId: string }) {
  const { label } = useI18n();
  const kind = valueKind(field);
  const text = value === null || value === undefined ? '' : String(value);
  const aria = label(field.label, field.name);
  if (kind === 'boolean') return <input type="checkbox" aria-label={aria} checked={value === true} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />;
  if (NUMERIC.has(kind)) {
    return <input type="number" aria-label={aria} value={text} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))} data-testid={testId} />;
  }
  if (kind === 'date') return <input type="date" aria-label={aria} value={text} onChange={(e) => onChange(e.target.value || null)} data-testid={testId} />;
  if (kind === 'picklist') {
    return (
      <select aria-label={aria} value={text} onChange={(e) => onChange(e.target.value || null)} data-testid={testId}>
        <option value="">—</option>
        {picklistValues(field).map((v) => (
          <option key={v.value} value={v.value}>
            {label(v.label, v.value)}
          </option>
        ))}
      </select>
    );
  }
  if (['text', 'textarea', 'email', 'phone', 'url'].includes(kind)) {
    return <input type="text" aria-label={aria} value={text} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} data-testid={testId} />;
  }
  return (
    <span data-testid={testId}>
      <FieldValue field={field} value={value} names={names} />
    </span>
  );
}
