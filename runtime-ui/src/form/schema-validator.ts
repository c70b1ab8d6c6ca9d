import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import type { ErrorSchema, RJSFSchema, RJSFValidationError, ValidationData, ValidatorType } from '@rjsf/utils';

/**
 * JSON Schema validation in the browser without generated code: ajv (and so
 * @rjsf/validator-ajv8) compiles schemas with `new Function`, which the app's
 * Content-Security-Policy (script-src 'self', no 'unsafe-eval') refuses. The
 * schemas are the server's (draft 2020-12), so the verdicts match its ajv.
 */
const validators = new WeakMap<object, Validator>();

function validatorFor(schema: object): Validator {
  let v = validators.get(schema);
  if (!v) {
    v = new Validator(schema as Schema, '2020-12', false);
    validators.set(schema, v);
  }
  return v;
}

/** One refused value: the top-level field it belongs to ('' for the record) and the keyword that refused it. */
export interface SchemaIssue {
  field: string;
  keyword: string;
  message: string;
}

/** Keywords that only report that something inside them failed. */
const CONTAINERS = new Set(['properties', 'additionalProperties', 'patternProperties', 'items', 'prefixItems', 'allOf', 'anyOf', 'oneOf', '$ref', 'if', 'then', 'else', 'dependentSchemas', 'unevaluatedProperties', 'unevaluatedItems', 'contains']);

const fieldOf = (unit: OutputUnit) => decodeURIComponent(unit.instanceLocation.replace(/^#\/?/, '').split('/')[0] ?? '').replace(/~1/g, '/').replace(/~0/g, '~');

/** The schema's verdict on a value: the first refusal per field, in the schema's own terms. */
export function schemaIssues(schema: object, data: unknown): SchemaIssue[] {
  const { valid, errors } = validatorFor(schema).validate(data);
  if (valid) return [];
  const seen = new Set<string>();
  const out: SchemaIssue[] = [];
  for (const unit of errors) {
    if (CONTAINERS.has(unit.keyword)) continue;
    if (unit.keyword === 'required' && unit.instanceLocation === '#') {
      // Reported on the record; each missing property is its own field's problem.
      const present = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
      for (const name of ((schema as { required?: string[] }).required ?? []).filter((n) => present[n] === undefined && !seen.has(n))) {
        seen.add(name);
        out.push({ field: name, keyword: 'required', message: unit.error });
      }
      continue;
    }
    const field = fieldOf(unit);
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, keyword: unit.keyword, message: unit.error });
  }
  return out;
}

/** react-jsonschema-form's validator interface over the same eval-free validation. */
export const formValidator: ValidatorType = {
  validateFormData(formData: unknown, schema: RJSFSchema): ValidationData<unknown> {
    const issues = schemaIssues(schema, formData);
    const errorSchema: ErrorSchema = {};
    const errors: RJSFValidationError[] = issues.map((i) => {
      const target = i.field ? ((errorSchema as Record<string, ErrorSchema>)[i.field] ??= {}) : errorSchema;
      (target.__errors ??= []).push(i.message);
      return { name: i.keyword, property: i.field ? `.${i.field}` : '.', message: i.message, stack: `${i.field || 'record'} ${i.message}` };
    });
    return { errors, errorSchema };
  },
  isValid(schema: RJSFSchema, formData: unknown): boolean {
    try {
      return validatorFor(schema).validate(formData).valid;
    } catch {
      return false;
    }
  },
  rawValidation<Result = unknown>(schema: RJSFSchema, formData?: unknown) {
    try {
      return { errors: validatorFor(schema).validate(formData).errors as unknown as Result[] };
    } catch (e) {
      return { validationError: e as Error };
    }
  },
};
