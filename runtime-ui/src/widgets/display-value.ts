import type { FieldDef } from '../api/describe';
import type { I18n } from '../i18n/i18n';
import { picklistValues } from './picklist-options';

/** How a value of a given kind reads in the chosen locale ('' for empty). */
export function formatByKind(kind: string, value: unknown, i18n: Pick<I18n, 't' | 'fmt'>): string {
  if (value === undefined || value === null || value === '') return '';
  const { fmt, t } = i18n;
  switch (kind) {
    case 'currency':
      return typeof value === 'number' ? fmt.currency(value) : String(value);
    case 'percent':
      return typeof value === 'number' ? fmt.percent(value) : String(value);
    case 'integer':
    case 'number':
    case 'rollup':
      return typeof value === 'number' ? fmt.number(value) : String(value);
    case 'boolean':
      return value === true ? t('form.yes') : value === false ? t('form.no') : String(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? fmt.date(value) : String(value);
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? fmt.datetime(value) : String(value);
    default:
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}

/** A stored value as a read-only field shows it: picklist labels, locale numbers and dates. */
export function displayValue(f: FieldDef, value: unknown, i18n: Pick<I18n, 't' | 'fmt' | 'label'>): string {
  if (f.type === 'picklist' || f.type === 'multipicklist') {
    const labels = new Map(picklistValues(f).map((v) => [v.value, i18n.label(v.label, v.value)]));
    const items = Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value];
    return items.map((v) => labels.get(v as string) ?? String(v)).join(', ');
  }
  if (f.type === 'formula') return formatByKind(String(f.options.returns ?? 'string'), value, i18n);
  return formatByKind(f.type, value, i18n);
}
