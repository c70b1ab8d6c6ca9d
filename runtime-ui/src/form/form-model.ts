import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import type { Describe, FieldDef } from '../api/describe';
import { widgetNameFor } from '../widgets/registry';
import type { FormMode, FormSection, PlacedField } from './form-types';

/** Computed by the server: never typed into, shown read-only. */
const COMPUTED_TYPES = new Set(['autonumber', 'formula', 'rollup']);
/** Kept by the server on every record: left out of generated layouts. */
const AUDIT_FIELDS = new Set(['id', 'version', 'owner_id', 'created_at', 'created_by', 'updated_at', 'updated_by']);
/** Wide widgets take both columns of a two-column section. */
const WIDE_TYPES = new Set(['textarea', 'multipicklist']);

type JsonObject = Record<string, unknown>;

/** What the form is generated from, built once per describe + schema + mode. */
export interface FormModel {
  mode: FormMode;
  /** The schema react-jsonschema-form renders and validates with: the server's, for the placed fields. */
  schema: RJSFSchema;
  uiSchema: UiSchema;
  sections: FormSection[];
  placed: Map<string, PlacedField>;
  /** Placed fields the user may type into (and the only ones a payload carries). */
  editable: Set<string>;
  /** Placed fields the payload schema has: react-jsonschema-form holds their values. */
  formFields: string[];
}

/** A layout for an object without one: the name and the admin's fields, in metadata order, two columns. */
function generatedSections(fields: FieldDef[], mode: FormMode): FormSection[] {
  const shown = fields.filter((f) => {
    if (f.name === 'name') return mode === 'update' || f.type !== 'autonumber';
    if (f.system || AUDIT_FIELDS.has(f.name)) return false;
    return mode === 'update' || (f.type !== 'rollup' && f.type !== 'autonumber');
  });
  return [{ key: 'details', label: { en: 'Details', 'zh-CN': '详细信息' }, columns: 2, fields: shown.map((f) => f.name) }];
}

/** Whether the user may type into a field the payload schema accepts. */
function mayEdit(describe: Describe, f: FieldDef, mode: FormMode): boolean {
  const { access } = describe;
  if (mode === 'update') return access.edit && access.fields[f.name] === 'edit';
  if (!access.create) return false;
  // Without edit permission the describe marks every field 'read'; creating is still allowed.
  return access.fields[f.name] === 'edit' || (!access.edit && (!f.system || f.name === 'name'));
}

/**
 * The form for one object: sections from the page layout (or a generated
 * one), only fields the user may read, the server's JSON Schema for what may
 * be sent, and display-only entries for computed and system fields.
 */
export function buildFormModel(describe: Describe, serverSchema: JsonObject, mode: FormMode, prefilled: string[] = []): FormModel {
  const defs = new Map(describe.object.fields.map((f) => [f.name, f]));
  const serverProps = (serverSchema.properties ?? {}) as Record<string, JsonObject>;
  const layout = describe.object.layout;
  const sections: FormSection[] = layout
    ? layout.sections.map((s, i) => ({ key: `s${i}`, label: s.label, columns: s.columns === 1 ? 1 : 2, fields: s.fields.filter((n) => defs.has(n)) }))
    : generatedSections(describe.object.fields, mode);
  const placedNames = new Set(sections.flatMap((s) => s.fields));
  if (mode === 'create') {
    // A required field the layout forgot would make the record impossible to create; a prefilled
    // one (the parent of a related list) must reach the payload.
    const wanted = [...((serverSchema.required ?? []) as string[]), ...prefilled.filter((n) => n in serverProps)];
    const missing = [...new Set(wanted)].filter((n) => defs.has(n) && !placedNames.has(n));
    if (missing.length) sections.push({ key: 'more', label: { en: 'More', 'zh-CN': '更多' }, columns: 2, fields: missing });
    missing.forEach((n) => placedNames.add(n));
  }
  const placed = new Map<string, PlacedField>();
  const properties: Record<string, JsonObject> = {};
  const uiSchema: UiSchema = { 'ui:order': [...placedNames, '*'] };
  for (const name of placedNames) {
    const def = defs.get(name)!;
    const writable = name in serverProps && !COMPUTED_TYPES.has(def.type);
    const editable = writable && mayEdit(describe, def, mode);
    placed.set(name, { def, editable });
    properties[name] = writable ? serverProps[name]! : { type: 'string', readOnly: true };
    uiSchema[name] = {
      'ui:widget': widgetNameFor(def, writable),
      'ui:readonly': !editable,
      'ui:options': { field: def, wide: WIDE_TYPES.has(def.type) },
    };
  }
  const schema = { ...(serverSchema.$schema ? { $schema: serverSchema.$schema } : {}), type: 'object', properties } as RJSFSchema;
  const formFields = [...placedNames].filter((n) => n in serverProps && !COMPUTED_TYPES.has(defs.get(n)!.type));
  return { mode, schema, uiSchema, sections, placed, editable: new Set([...placed.values()].filter((p) => p.editable).map((p) => p.def.name)), formFields };
}
