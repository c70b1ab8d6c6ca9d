import type Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import { customizeValidator } from '@rjsf/validator-ajv8';
import type { FieldDef } from '../api/describe';
import type { I18n } from '../i18n/i18n';
import type { FormModel } from './form-model';
import type { LiveState } from './live-rules';
import { isEmptyValue } from './payload';
import { fieldOfPath } from './server-issues';

/** react-jsonschema-form's ajv validator, for draft 2020-12 like the server's. */
export const formValidator = customizeValidator({ AjvClass: Ajv2020 as unknown as typeof Ajv });

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

/** A schema error in the chosen locale, worded for the field's type. */
function schemaMessage(e: ErrorObject, f: FieldDef, i18n: Pick<I18n, 't' | 'fmt'>): string {
  const { t, fmt } = i18n;
  const limit = (e.params as { limit?: unknown }).limit;
  const shown = typeof limit === 'number' ? fmt.number(limit) : String(limit ?? '');
  switch (e.keyword) {
    case 'type':
      return f.type === 'integer' ? t('form.invalid.integer') : NUMERIC.has(f.type) ? t('form.invalid.number') : t('form.invalid.value');
    case 'format':
      return FORMAT_KEYS[String((e.params as { format?: string }).format)] ? t(FORMAT_KEYS[String((e.params as { format: string }).format)]!) : t('form.invalid.value');
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

/** Compiles the form's schema ahead of the first change (ajv caches by schema object). */
export function warmUpValidator(model: FormModel): void {
  formValidator.rawValidation(model.schema, {});
}

/**
 * What the browser can tell before saving, mirroring the server: required
 * fields (static and requiredWhen) that are empty, values the JSON Schema
 * refuses, and validation rules that hold (on their errorField, or on the
 * record). Fields hidden or read-only now are not asked for.
 */
export function clientIssues(model: FormModel, values: Record<string, unknown>, live: LiveState, i18n: Pick<I18n, 't' | 'fmt' | 'label'>): ClientIssue[] {
  const issues: ClientIssue[] = [];
  const data: Record<string, unknown> = {};
  for (const name of model.editable) {
    const def = model.placed.get(name)!.def;
    const empty = isEmptyValue(values[name]);
    if (!empty) data[name] = values[name];
    else if ((def.required || live.required.has(name)) && !live.hidden.has(name) && !live.readOnly.has(name)) issues.push({ field: name, message: i18n.t('form.required'), reads: [name] });
  }
  const { errors } = formValidator.rawValidation<ErrorObject>(model.schema, data);
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    const field = fieldOfPath(e.instancePath);
    if (!field || seen.has(field) || !model.editable.has(field)) continue;
    seen.add(field);
    issues.push({ field, message: schemaMessage(e, model.placed.get(field)!.def, i18n), reads: [field] });
  }
  for (const rule of live.violations) {
    const onField = rule.errorField && model.placed.has(rule.errorField) && !live.hidden.has(rule.errorField) ? rule.errorField : undefined;
    issues.push({ ...(onField ? { field: onField } : {}), message: i18n.label(rule.message, rule.name), reads: [...rule.reads, ...(onField ? [onField] : [])] });
  }
  return issues;
}
