import type { FieldTypeRegistry } from '../field-types/registry';
import type { JsonSchema } from '../field-types/types';
import { LOCALES, type Field, type ObjectDef } from '../shared/metadata-types';

export type SchemaMode = 'create' | 'update';

/** Fields a client may send: the admin's writable fields, plus name (unless numbered) and owner_id. */
export function writableFields(obj: ObjectDef, registry: FieldTypeRegistry): Field[] {
  return obj.fields.filter((f) => (f.system ? (f.name === 'name' && f.type === 'text') || f.name === 'owner_id' : registry.describe(f.type).writable));
}

function nullable(schema: JsonSchema): JsonSchema {
  const out = { ...schema };
  if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
  if (typeof out.type === 'string') out.type = [out.type, 'null'];
  return out;
}

export function fieldValueSchema(field: Field, registry: FieldTypeRegistry, mode: SchemaMode): JsonSchema {
  const base = registry.describe(field.type).valueSchema(field, mode);
  const schema: JsonSchema = { ...base, title: field.label.en, 'x-tessera-type': field.type };
  if (field.helpText) schema.description = field.helpText.en;
  return field.required ? schema : nullable(schema);
}

/**
 * The JSON Schema (draft 2020-12) of a create or update payload. Required
 * fields are required on create unless they have a default; on update
 * everything is optional but a required field may not be set to null.
 */
export function recordPayloadSchema(obj: ObjectDef, registry: FieldTypeRegistry, mode: SchemaMode): JsonSchema {
  const fields = writableFields(obj, registry);
  const properties: Record<string, JsonSchema> = {};
  for (const f of fields) properties[f.name] = fieldValueSchema(f, registry, mode);
  if (mode === 'update') properties.version = { type: 'integer', minimum: 1, description: 'the version you read; a stale one is refused' };
  const required = mode === 'create' ? fields.filter((f) => f.required && f.defaultValue === undefined).map((f) => f.name) : [];
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `tessera:${obj.name}:${mode}`,
    title: obj.label.en,
    'x-tessera-labels': Object.fromEntries(LOCALES.map((l) => [l, obj.label[l]])),
    type: 'object',
    additionalProperties: false,
    properties,
    ...(required.length ? { required } : {}),
  };
}

/** The schema of a record as the API answers it (every field, nullable). */
export function recordSchema(obj: ObjectDef, registry: FieldTypeRegistry): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const f of obj.fields) {
    const s = f.system && f.name !== 'name' ? systemValueSchema(f) : fieldValueSchema({ ...f, required: false }, registry, 'update');
    properties[f.name] = s;
  }
  return { type: 'object', properties, required: ['id', 'version'] };
}

function systemValueSchema(f: Field): JsonSchema {
  if (f.name === 'version') return { type: 'integer' };
  if (f.type === 'datetime') return { type: 'string', format: 'date-time' };
  return { type: f.name === 'id' ? 'string' : ['string', 'null'], format: 'uuid' };
}
