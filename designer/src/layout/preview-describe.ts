import type { ObjectDef } from '../../../engine/shared/metadata-types';
import type { Describe, FieldDef } from '../../../runtime-ui/src/api/describe';
import type { FormMode } from '../../../runtime-ui/src/form/form-types';

/** Computed by the server: never in a payload. */
const COMPUTED = new Set(['autonumber', 'formula', 'rollup']);
/** The JSON type a field's value has, for the types whose value is not a string. */
const JSON_TYPE: Record<string, Record<string, unknown>> = {
  integer: { type: ['integer', 'null'] },
  number: { type: ['number', 'null'] },
  currency: { type: ['number', 'null'] },
  percent: { type: ['number', 'null'] },
  boolean: { type: ['boolean', 'null'] },
  multipicklist: { type: ['array', 'null'], items: { type: 'string' } },
};

const writable = (f: FieldDef): boolean => (f.system ? (f.name === 'name' && f.type === 'text') || f.name === 'owner_id' : !COMPUTED.has(f.type));

/**
 * A describe for previewing a draft's form: the object as the server
 * normalized it (the draft's dry-run preview, or the published describe) and
 * full access, as an administrator would see it.
 */
export function previewDescribe(object: ObjectDef | Describe['object']): Describe {
  const fields = object.fields as FieldDef[];
  const access = Object.fromEntries(fields.map((f) => [f.name, writable(f) ? 'edit' : 'read'])) as Record<string, 'read' | 'edit'>;
  const { name, label, pluralLabel, validationRules, listViews, sharing, layout } = object;
  return {
    version: 0,
    object: { name, label, pluralLabel, fields, validationRules, listViews, sharing, ...(layout ? { layout } : {}) } as Describe['object'],
    access: { create: true, read: true, edit: true, delete: false, viewAll: true, modifyAll: true, fields: access },
  };
}

/**
 * The payload schema the form is generated from. The server only answers it
 * for published objects, so the preview writes its own from the draft's
 * fields: which may be sent, of what JSON type, and which a new record needs.
 */
export function previewSchema(describe: Describe, mode: FormMode): Record<string, unknown> {
  const fields = describe.object.fields.filter(writable);
  const properties = Object.fromEntries(fields.map((f) => [f.name, { ...(JSON_TYPE[f.type] ?? { type: ['string', 'null'] }), title: typeof f.label === 'string' ? f.label : (f.label.en ?? f.name) }]));
  const required = mode === 'create' ? fields.filter((f) => f.required && f.defaultValue === undefined).map((f) => f.name) : [];
  return { type: 'object', properties, ...(required.length ? { required } : {}) };
}
