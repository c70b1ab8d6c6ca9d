import type { Issue } from '../core/errors';
import type { CompiledObject } from '../metadata/compiled-object';
import type { FieldTypeRegistry } from '../field-types/registry';
import type { ValueKind } from '../field-types/types';
import type { WebFormField } from '../shared/api/web-forms';
import type { Field, PicklistValue } from '../shared/metadata-types';
import { fillableOnForm } from './validate-web-form';

const TRUE = new Set(['true', 'on', '1', 'yes', 'y', '是', '对']);
const FALSE = new Set(['false', 'off', '0', 'no', 'n', '否', '不']);

/** Full-width digits and separators (１２３，５) read as ASCII; thousands separators and spaces dropped. */
function toNumber(s: string): unknown {
  const t = s.normalize('NFKC').replace(/[\s,_]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return s;
  return Number(t);
}

/** A picklist value by its value or its label in either language (case and surrounding spaces ignored); unknown text stays as sent, for the validator to name. */
function toPicklistValue(field: Field, s: string): string {
  const wanted = s.normalize('NFKC').trim().toLowerCase();
  const values = ((field.options.values as PicklistValue[] | undefined) ?? []).filter((v) => v.active);
  const hit = values.find((v) => v.value.toLowerCase() === wanted) ?? values.find((v) => v.label.en.normalize('NFKC').toLowerCase() === wanted || v.label['zh-CN'].normalize('NFKC').toLowerCase() === wanted);
  return hit?.value ?? s.trim();
}

const isPicklist = (f: Field) => Array.isArray(f.options.values);

/** One value as the field's kind wants it; what cannot be read is passed on unchanged and refused by the record's schema. */
function coerceOne(field: Field, kind: ValueKind, raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  const s = raw.trim();
  switch (kind) {
    case 'number':
      return toNumber(s);
    case 'boolean':
      return TRUE.has(s.toLowerCase()) ? true : FALSE.has(s.toLowerCase()) ? false : s;
    case 'date':
      return /^\d{4}[/.]\d{1,2}[/.]\d{1,2}$/.test(s) ? s.split(/[/.]/).map((p, i) => (i ? p.padStart(2, '0') : p)).join('-') : s;
    case 'datetime':
      // A browser's datetime-local carries no zone: read it as UTC (documented).
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s) ? `${s}:00Z` : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(s) ? `${s}Z` : s;
    case 'string':
      return isPicklist(field) ? toPicklistValue(field, s) : field.type === 'textarea' ? raw.replace(/\r\n/g, '\n').trim() : s;
    default:
      return s;
  }
}

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim() === ''));

/**
 * A submission (form-encoded strings or JSON) → a create payload holding
 * only the form's fields, each coerced to its type: numbers, booleans,
 * dates, picklist values or labels. Anything else the body carries is
 * ignored, so a submitter can never set the owner, status or other fields
 * the form does not offer. Missing required fields are issues.
 */
export function coerceSubmission(obj: CompiledObject, registry: FieldTypeRegistry, fields: WebFormField[], body: Record<string, unknown>): { payload: Record<string, unknown>; issues: Issue[] } {
  const payload: Record<string, unknown> = {};
  const issues: Issue[] = [];
  for (const f of fields) {
    const field = obj.fields.get(f.field);
    // A field deleted or made read-only since the form was saved is ignored rather than failing every submission.
    if (!field || !fillableOnForm(obj, field)) continue;
    const raw = body[f.field];
    if (isEmpty(raw)) {
      if (f.required) issues.push({ path: `/${f.field}`, code: 'FIELD_REQUIRED', message: 'is required' });
      continue;
    }
    const kind = registry.describe(field.type).kindOf?.(field) ?? registry.describe(field.type).kind;
    if (kind === 'array') {
      const list = (Array.isArray(raw) ? raw : [raw]).filter((x) => !isEmpty(x));
      payload[f.field] = [...new Set(list.map((x) => (typeof x === 'string' && isPicklist(field) ? toPicklistValue(field, x) : x)))];
    } else {
      payload[f.field] = coerceOne(field, kind, Array.isArray(raw) ? raw[raw.length - 1] : raw);
    }
  }
  return { payload, issues };
}
