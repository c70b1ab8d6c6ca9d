import type { ReactNode } from 'react';
import type { FieldDef } from '../api/describe';
import { useI18n, type I18n } from '../i18n/i18n';
import { Link } from '../router/router';
import { picklistValues } from '../widgets/picklist-options';

/** Names to show for references: records by `object:id`, users by id. */
export interface DisplayNames {
  records: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, string>;
}

export const NO_NAMES: DisplayNames = { records: new Map(), users: new Map() };
export const refKey = (object: string, id: string) => `${object}:${id}`;

const SAFE_URL = /^(https?:|mailto:|tel:)/i;

/** A picklist value's label in the locale (the raw value when the value is unknown, e.g. removed since). */
export function picklistLabel(field: FieldDef, value: string, label: I18n['label']): string {
  const v = picklistValues(field).find((x) => x.value === value);
  return v ? label(v.label, value) : value;
}

/** The type a formula or rollup answers in, so it formats like a plain field of that type. */
function displayType(field: FieldDef): string {
  if (field.type === 'formula') return ({ number: 'number', string: 'text', boolean: 'boolean', date: 'date', datetime: 'datetime' } as Record<string, string>)[String(field.options.returns)] ?? 'text';
  if (field.type === 'rollup') return 'number';
  return field.type;
}

/**
 * A field's value for reading, per type and locale: picklist labels, money,
 * dates, lookups as links named after the record. Text is always text
 * (React escapes it); links only for http(s)/mailto/tel.
 */
export function formatValue(field: FieldDef, value: unknown, i18n: I18n, names: DisplayNames = NO_NAMES): ReactNode {
  const { t, label, fmt } = i18n;
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('common.none');
  const num = Number(value);
  switch (displayType(field)) {
    case 'picklist':
      return picklistLabel(field, String(value), label);
    case 'multipicklist':
      return (Array.isArray(value) ? value : [value]).map((v) => picklistLabel(field, String(v), label)).join(', ');
    case 'currency':
      return Number.isFinite(num) ? fmt.currency(num, typeof field.options.currencyCode === 'string' ? field.options.currencyCode : undefined) : String(value);
    case 'percent':
      return Number.isFinite(num) ? fmt.percent(num) : String(value);
    case 'integer':
    case 'number':
      return Number.isFinite(num) ? fmt.number(num) : String(value);
    case 'date':
      return /^\d{4}-\d{2}-\d{2}/.test(String(value)) ? fmt.date(String(value).slice(0, 10)) : String(value);
    case 'datetime':
      return Number.isNaN(Date.parse(String(value))) ? String(value) : fmt.datetime(String(value));
    case 'boolean':
      return value === true || value === 'true' ? t('record.yes') : t('record.no');
    case 'lookup': {
      const target = String(field.options.target);
      const id = String(value);
      return (
        <Link to={`/app/o/${encodeURIComponent(target)}/${encodeURIComponent(id)}`} className="rp-lookup">
          {names.records.get(refKey(target, id)) ?? t('record.unnamed')}
        </Link>
      );
    }
    case 'user':
      return names.users.get(String(value)) ?? t('common.none');
    case 'email':
      return <a href={`mailto:${String(value)}`}>{String(value)}</a>;
    case 'phone':
      return <a href={`tel:${String(value).replace(/[^\d+]/g, '')}`}>{String(value)}</a>;
    case 'url':
      return SAFE_URL.test(String(value)) ? (
        <a href={String(value)} target="_blank" rel="noopener noreferrer">
          {String(value)}
        </a>
      ) : (
        String(value)
      );
    case 'textarea':
      return <span className="rp-multiline">{String(value)}</span>;
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** formatValue as a component. */
export function FieldValue({ field, value, names }: { field: FieldDef; value: unknown; names?: DisplayNames }) {
  const i18n = useI18n();
  return <>{formatValue(field, value, i18n, names)}</>;
}
