import type { Field, Locale, PicklistValue } from '../shared/metadata-types';
import { matchKey } from './import-mapping';

/** A cell read as a field value, or why it cannot be. */
export type Coerced = { value: unknown } | { error: string };

const TRUE = new Set(['true', 'yes', 'y', '1', '是', '对', 't']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '不', 'f']);

/** "1,234.5", "1 234.5", "¥1,234", "12%" → number; thousands separators must group by three. */
export function parseNumber(text: string): number | undefined {
  const s = text.replace(/^[¥$€£]\s*/, '').replace(/%$/, '').replace(/[\s\u00a0]/g, '');
  if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[+-]?\.\d+$/.test(s)) return undefined;
  return Number(s.replace(/,/g, ''));
}

/** YYYY-MM-DD or YYYY/MM/DD (month and day may have one digit) → YYYY-MM-DD, if it is a real date. */
export function parseDate(text: string): string | undefined {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A date with an optional time (HH:mm[:ss], read as UTC) or a full ISO 8601 timestamp → ISO string. */
export function parseDateTime(text: string): string | undefined {
  const m = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (m) {
    const day = parseDate(m[1]!);
    if (!day) return undefined;
    const [h, mi, s] = [Number(m[2] ?? 0), Number(m[3] ?? 0), Number(m[4] ?? 0)];
    if (h > 23 || mi > 59 || s > 59) return undefined;
    return `${day}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')}.000Z`;
  }
  const t = Date.parse(text);
  return /^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(t) ? new Date(t).toISOString() : undefined;
}

/** A picklist's values by value and by label in every locale (normalized), for matching what people type. */
export function picklistIndex(field: Field): Map<string, string> {
  const index = new Map<string, string>();
  for (const v of (field.options.values as PicklistValue[] | undefined) ?? []) {
    for (const k of [v.value, ...Object.values(v.label) as string[]]) if (k && !index.has(matchKey(k))) index.set(matchKey(k), v.value);
  }
  return index;
}

const NUMERIC = new Set(['number', 'integer', 'currency', 'percent', 'decimal']);

/**
 * One cell → the value the record API takes for the field. Lookups and users
 * stay text here (resolved per batch with one query); unknown plugin types pass the text through.
 */
export function coerceCell(field: Field, text: string, picklist: Map<string, string> | undefined, locale: Locale): Coerced {
  const label = field.label[locale] ?? field.name;
  if (NUMERIC.has(field.type)) {
    const n = parseNumber(text);
    if (n === undefined) return { error: `${label}: "${text}" is not a number` };
    if (field.type === 'integer' && !Number.isInteger(n)) return { error: `${label}: "${text}" is not a whole number` };
    return { value: n };
  }
  switch (field.type) {
    case 'boolean': {
      const k = text.trim().toLowerCase();
      if (TRUE.has(k)) return { value: true };
      if (FALSE.has(k)) return { value: false };
      return { error: `${label}: "${text}" is not yes/no (true/false, 是/否, 1/0)` };
    }
    case 'date': {
      const d = parseDate(text);
      return d ? { value: d } : { error: `${label}: "${text}" is not a date (YYYY-MM-DD or YYYY/MM/DD)` };
    }
    case 'datetime': {
      const d = parseDateTime(text);
      return d ? { value: d } : { error: `${label}: "${text}" is not a date and time (YYYY-MM-DD HH:mm)` };
    }
    case 'picklist': {
      const v = picklist?.get(matchKey(text));
      return v !== undefined ? { value: v } : { error: `${label}: "${text}" is not one of the values` };
    }
    case 'multipicklist': {
      const parts = text.split(/[;,；，]/).map((p) => p.trim()).filter(Boolean);
      const values = parts.map((p) => picklist?.get(matchKey(p)));
      const bad = parts.filter((_, i) => values[i] === undefined);
      return bad.length ? { error: `${label}: ${bad.map((b) => `"${b}"`).join(', ')} not among the values` } : { value: [...new Set(values as string[])] };
    }
    default:
      return { value: text };
  }
}
