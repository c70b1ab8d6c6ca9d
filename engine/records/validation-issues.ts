import type { ErrorObject } from 'ajv';
import type { Issue } from '../core/errors';

const CODES: Record<string, string> = {
  required: 'FIELD_REQUIRED',
  additionalProperties: 'FIELD_UNKNOWN',
  type: 'FIELD_TYPE',
  format: 'FIELD_FORMAT',
  pattern: 'FIELD_FORMAT',
  enum: 'FIELD_NOT_IN_PICKLIST',
  maxLength: 'FIELD_TOO_LONG',
  minimum: 'FIELD_OUT_OF_RANGE',
  maximum: 'FIELD_OUT_OF_RANGE',
  exclusiveMinimum: 'FIELD_OUT_OF_RANGE',
  exclusiveMaximum: 'FIELD_OUT_OF_RANGE',
  uniqueItems: 'FIELD_DUPLICATE_ITEMS',
  maxItems: 'FIELD_TOO_MANY_ITEMS',
};

/** ajv errors on a record payload → issues naming the field (`/email`). */
export function recordIssues(errors: ErrorObject[] | null | undefined, prefix = ''): Issue[] {
  const out: Issue[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    const params = e.params as Record<string, unknown>;
    let path = e.instancePath;
    if (e.keyword === 'required') path = `/${params.missingProperty}`;
    if (e.keyword === 'additionalProperties') path = `/${params.additionalProperty}`;
    // Array items report /tags/0; the field is what a form can show the error on.
    const fieldPath = path.split('/').slice(0, 2).join('/') || '/';
    const code = CODES[e.keyword] ?? 'FIELD_INVALID';
    const key = fieldPath;
    if (seen.has(key)) continue;
    seen.add(key);
    const message = e.keyword === 'additionalProperties' ? 'is not a field of this object' : e.keyword === 'required' ? 'is required' : (e.message ?? 'is invalid');
    out.push({ path: `${prefix}${fieldPath}`, code, message });
  }
  return out;
}
