import type { ReactNode } from 'react';
import type { FieldDef } from '../api/describe';
import { useI18n, type I18n } from '../i18n/i18n';
import { refKey } from '../api/record-names';
import { Link } from '../router/router';
import { displayValue, safeHref, valueKind } from '../widgets/display-value';

/** Names to show for references: records by `object:id`, users by id. */
export interface DisplayNames {
  records: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, string>;
  /** True while the names of the current references are being fetched (a missing name is not yet "no name"). */
  loading?: boolean;
}

export const NO_NAMES: DisplayNames = { records: new Map(), users: new Map() };

/**
 * A field's value for reading: the shared per-type text (displayValue:
 * picklist labels, money, dates in the locale) with the record page's
 * markup — lookups as links named after the record, users by name, e-mail,
 * phone and web links, long text kept multi-line. Text is always text
 * (React escapes it); empty values read as a dash.
 */
export function formatValue(field: FieldDef, value: unknown, i18n: I18n, names: DisplayNames = NO_NAMES): ReactNode {
  const { t } = i18n;
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('common.none');
  switch (valueKind(field)) {
    case 'lookup': {
      const target = String(field.options.target);
      const id = String(value);
      return (
        <Link to={`/app/o/${encodeURIComponent(target)}/${encodeURIComponent(id)}`} className="rp-lookup">
          {names.records.get(refKey(target, id)) ?? (names.loading ? '…' : t('record.unnamed'))}
        </Link>
      );
    }
    case 'user':
      return names.users.get(String(value)) ?? t('common.none');
    case 'email':
      return <a href={`mailto:${String(value)}`}>{String(value)}</a>;
    case 'phone':
      return <a href={`tel:${String(value).replace(/[^\d+]/g, '')}`}>{String(value)}</a>;
    case 'url': {
      const href = safeHref(String(value));
      return href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {String(value)}
        </a>
      ) : (
        String(value)
      );
    }
    case 'textarea':
      return <span className="rp-multiline">{String(value)}</span>;
    default:
      return displayValue(field, value, i18n);
  }
}

/** formatValue as a component. */
export function FieldValue({ field, value, names }: { field: FieldDef; value: unknown; names?: DisplayNames }) {
  const i18n = useI18n();
  return <>{formatValue(field, value, i18n, names)}</>;
}
