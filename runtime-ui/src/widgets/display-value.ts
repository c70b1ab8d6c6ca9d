import type { FieldDef } from '../api/describe';
import type { I18n } from '../i18n/i18n';
import { picklistValues } from './picklist-options';

/** What a formula's `returns` reads as. */
const FORMULA_KINDS: Record<string, string> = { number: 'number', string: 'text', boolean: 'boolean', date: 'date', datetime: 'datetime' };

/**
 * The type a field's value reads as: a formula as what it returns, a roll-up
 * as what it computes (a count or sum, or the date of a min/max), every other
 * field as its own type. Lists, the record page and the form all format by it.
 */
export function valueKind(f: FieldDef): string {
  if (f.type === 'formula') return FORMULA_KINDS[String(f.options.returns)] ?? 'text';
  if (f.type === 'rollup') {
    const kind = (f.options.resolved as { kind?: string } | undefined)?.kind;
    return kind === 'date' || kind === 'datetime' ? kind : 'number';
  }
  return f.type;
}

/** A number as stored, or numeric text; undefined for anything else. */
const numeric = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : undefined);

/** A web address that may become a link (http or https only: never javascript: or data:). */
export const safeHref = (v: string): string | undefined => (/^https?:\/\//i.test(v) ? v : undefined);

/** How a value of a given kind reads in the chosen locale ('' for empty); values that do not fit the kind show as they are. */
export function formatByKind(kind: string, value: unknown, i18n: Pick<I18n, 't' | 'fmt'>): string {
  if (value === undefined || value === null || value === '') return '';
  const { fmt, t } = i18n;
  const n = numeric(value);
  switch (kind) {
    case 'currency':
      return n === undefined ? String(value) : fmt.currency(n);
    case 'percent':
      return n === undefined ? String(value) : fmt.percent(n);
    case 'integer':
    case 'number':
    case 'rollup':
      return n === undefined ? String(value) : fmt.number(n);
    case 'boolean':
      return value === true ? t('form.yes') : value === false ? t('form.no') : String(value);
    case 'date':
      // A date is YYYY-MM-DD; anything after it (a time) is ignored, never shifted by a time zone.
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? fmt.date(value.slice(0, 10)) : String(value);
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? fmt.datetime(value) : String(value);
    default:
      return Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** A picklist value's label in the locale (the value itself when unknown, e.g. removed since). */
function picklistLabel(f: FieldDef, value: string, i18n: Pick<I18n, 'label'>): string {
  const v = picklistValues(f).find((x) => x.value === value);
  return v ? i18n.label(v.label, value) : value;
}

/**
 * A stored value as text, per its field's type and the locale: picklist
 * labels, locale numbers, money and dates ('' for empty). The one formatter
 * of field values: list cells, kanban cards, the record page and read-only
 * form fields add only their markup (links, chips, marks) around it.
 */
export function displayValue(f: FieldDef, value: unknown, i18n: Pick<I18n, 't' | 'fmt' | 'label'>): string {
  if (f.type === 'picklist' || f.type === 'multipicklist') {
    const items = Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value];
    return items.map((v) => picklistLabel(f, String(v), i18n)).join(', ');
  }
  return formatByKind(valueKind(f), value, i18n);
}
