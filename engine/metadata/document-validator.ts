import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Issue } from '../core/errors';
import type { FieldTypeRegistry } from '../field-types/registry';
import { metadataSchemas } from './schema-files';

/** ajv errors → our issues: the JSON pointer of the bad node and a readable message. */
export function ajvIssues(errors: ErrorObject[] | null | undefined, prefix = ''): Issue[] {
  return (errors ?? [])
    .filter((e) => e.keyword !== 'oneOf' || !errors!.some((o) => o !== e && o.instancePath.startsWith(e.instancePath) && o.keyword !== 'oneOf'))
    .map((e) => {
      const extra = e.keyword === 'additionalProperties' ? `/${(e.params as { additionalProperty: string }).additionalProperty}` : '';
      return { path: `${prefix}${e.instancePath}${extra}` || '/', code: `SCHEMA_${e.keyword.toUpperCase()}`, message: e.message ?? 'is invalid' };
    });
}

/**
 * Structural validation of metadata documents (ajv against metadata/schemas),
 * including each field's options against its type's settings schema.
 */
export class MetadataDocumentValidator {
  private readonly objectValidator: ValidateFunction;
  private readonly valueSetValidator: ValidateFunction;
  private readonly settingsValidators = new Map<string, ValidateFunction>();
  private readonly ajv: Ajv2020;

  constructor(private readonly registry: FieldTypeRegistry) {
    this.ajv = new Ajv2020({ allErrors: true, strict: false });
    this.ajv.addSchema(metadataSchemas.label);
    this.ajv.addSchema(metadataSchemas.longLabel);
    this.objectValidator = this.ajv.compile(metadataSchemas.object);
    this.valueSetValidator = this.ajv.compile(metadataSchemas.valueSet);
  }

  validateObject(doc: unknown): Issue[] {
    if (!this.objectValidator(doc)) return ajvIssues(this.objectValidator.errors);
    const fields = (doc as { fields: { type: string; options?: unknown }[] }).fields;
    const issues: Issue[] = [];
    fields.forEach((field, i) => {
      const def = this.registry.get(field.type);
      if (!def) {
        issues.push({ path: `/fields/${i}/type`, code: 'UNKNOWN_FIELD_TYPE', message: `unknown field type "${field.type}"` });
        return;
      }
      const validate = this.settingsValidator(field.type);
      if (!validate(field.options ?? {})) issues.push(...ajvIssues(validate.errors, `/fields/${i}/options`));
    });
    return issues;
  }

  validateValueSet(doc: unknown): Issue[] {
    return this.valueSetValidator(doc) ? [] : ajvIssues(this.valueSetValidator.errors);
  }

  private settingsValidator(type: string): ValidateFunction {
    let v = this.settingsValidators.get(type);
    if (!v) {
      v = this.ajv.compile(this.registry.describe(type).settingsSchema);
      this.settingsValidators.set(type, v);
    }
    return v;
  }
}
