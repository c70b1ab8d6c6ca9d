import type { FieldDef } from '../api/describe';
import type { I18n } from '../i18n/i18n';
import type { FormModel } from './form-model';
import type { LiveState } from './live-rules';
import { isEmptyValue } from './payload';
import { schemaIssues, type SchemaIssue } from './schema-validator';

/** A problem the browser finds before saving: on a field, or on the record (no field). */
export interface ClientIssue {
  field?: string;
  message: string;
  /** The fields whose change reveals it (a rule shows once one of its fields was touched). */
  reads: string[];
}

const NUMERIC = new Set(['integer', 'number', 'currency', 'percent']);
const FORMAT_KEYS: Record<string, 'form.invalid.email' | 'form.invalid.url' | 'form.invalid.date' | 'form.invalid.datetime'> = {
  email: 'form.invalid.email',
  uri: 'form.invalid.url',
  date: 'form.invalid.date',
  'date-time': 'form.invalid.datetime',
};

/** A schema refusal in the chosen locale, worded for the field's type (limits read from the field's schema). */
function schemaMessage(e: SchemaIssue, f: FieldDef, fieldSchema: Record<string, unknown>, i18n: Pick<I18n, 't' | 'fmt'>): string {
  const { t, fmt } = i18n;
  const limit = fieldSchema[e.keyword];
  const shown = typeof limit === 'number' ? fmt.number(limit) : String(limit ?? '');
  const format = FORMAT_KEYS[String(fieldSchema.format)];
  switch (e.keyword) {
    case 'type':
      return f.type === 'integer' ? t('form.invalid.integer') : NUMERIC.has(f.type) ? t('form.invalid.number') : t('form.invalid.value');
    case 'format':
      return format ? t(format) : t('form.invalid.value');
    case 'pattern':
      return f.type === 'phone' ? t('form.invalid.phone') : f.type === 'url' ? t('form.invalid.url') : t('form.invalid.value');
    case 'maximum':
    case 'exclusiveMaximum':
      return t('form.invalid.max', { limit: shown });
    case 'minimum':
    case 'exclusiveMinimum':
      return t('form.invalid.min', { limit: shown });
    case 'maxLength':
      return t('form.invalid.maxLength', { limit: shown });
    case 'enum':
      return t('form.invalid.choice');
    default:
      return t('form.invalid.value');
  }
}

/** Prepares the form's validator ahead of the first change (it is cached per schema object). */
export function warmUpValidator(model: FormModel): void {
  schemaIssues(model.schema, {});
}

/**
 * What the browser can tell before saving, mirroring the server: required
 * fields (static and requiredWhen) that are empty, values the JSON Schema
 * refuses, and validation rules that hold (on their errorField, or on the
 * record). Fields hidden or read-only now are not asked for. `stored` is the
 * record as read, when editing one.
 */
export function clientIssues(model: FormModel, values: Record<string, unknown>, live: LiveState, i18n: Pick<I18n, 't' | 'fmt' | 'label'>, stored?: Record<string, unknown>): ClientIssue[] {
  const issues: ClientIssue[] = [];
  const data: Record<string, unknown> = {};
  for (const name of model.editable) {
    const def = model.placed.get(name)!.def;
    if (!isEmptyValue(values[name])) {
      data[name] = values[name];
      continue;
    }
    // As the server: a required field may not be emptied (an update leaves alone one stored empty); requiredWhen holds for the record as saved.
    const requiredNow = live.required.has(name) || (def.required && (!stored || !isEmptyValue(stored[name])));
    if (requiredNow && !live.hidden.has(name) && !live.readOnly.has(name)) issues.push({ field: name, message: i18n.t('form.required'), reads: [name] });
  }
  const properties = (model.schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const e of schemaIssues(model.schema, data)) {
    if (!e.field || !model.editable.has(e.field)) continue;
    issues.push({ field: e.field, message: schemaMessage(e, model.placed.get(e.field)!.def, properties[e.field] ?? {}, i18n), reads: [e.field] });
  }
  for (const rule of live.violations) {
    const onField = rule.errorField && model.placed.has(rule.errorField) && !live.hidden.has(rule.errorField) ? rule.errorField : undefined;
    issues.push({ ...(onField ? { field: onField } : {}), message: i18n.label(rule.message, rule.name), reads: [...rule.reads, ...(onField ? [onField] : [])] });
  }
  return issues;
}
