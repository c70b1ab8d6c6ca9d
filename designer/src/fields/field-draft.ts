import type { RawField, RawObjectDef } from '../../../engine/shared/metadata-types';
import type { DraftIssue } from '../draft/draft-types';
import { propertiesOf, settingsProblems, type JsonSchema } from './json-schema';
import { isBlankLabel } from '../i18n/label-text';
import { fieldNameProblem } from './names';

/** The route segment that opens the editor for a new field. */
export const NEW_FIELD = 'new';

/** A field as the editor starts a new one. */
export const blankField = (): RawField => ({ name: '', type: 'text', label: '' });

/** The same field as another type: settings the new type also has are kept (picklist ↔ multi-select keeps its values), the default is dropped. */
export function withType(field: RawField, type: string, schema: JsonSchema): RawField {
  const keep = new Set(propertiesOf(schema).map(([n]) => n));
  const options = Object.fromEntries(Object.entries(field.options ?? {}).filter(([k]) => keep.has(k)));
  const { defaultValue: _d, ...rest } = field;
  return { ...rest, type, options };
}

/** A problem the editor found before applying, in the shape of a server issue (code; message from `vars` by the page). */
export interface FieldProblem extends Omit<DraftIssue, 'message'> {
  code: string;
  vars: Record<string, string | number>;
}

/** What keeps a field from being applied: its name, label and the settings its type's schema requires. */
export function fieldProblems(field: RawField, def: RawObjectDef, index: number, schema: JsonSchema | undefined): FieldProblem[] {
  const out: FieldProblem[] = [];
  const others = def.fields.filter((_, i) => i !== index).map((f) => f.name);
  const name = fieldNameProblem(field.name, others);
  if (name) out.push({ path: '/name', code: name, vars: { name: field.name } });
  if (isBlankLabel(field.label)) out.push({ path: '/label', code: 'LABEL_MISSING', vars: {} });
  if (schema) for (const p of settingsProblems(schema, field.options ?? {})) out.push({ path: `/options${p.path}`, code: p.code, vars: p.vars });
  return out;
}

/** The field as written to the draft: only what the admin set (no empty settings, no false flags, audit only when off). */
export function cleanField(field: RawField): RawField {
  const out: RawField = { name: field.name, type: field.type, label: field.label };
  if (field.helpText !== undefined && !isBlankLabel(field.helpText)) out.helpText = field.helpText;
  for (const flag of ['required', 'unique', 'indexed'] as const) if (field[flag]) out[flag] = true;
  if (field.audit === false) out.audit = false;
  if (field.defaultValue !== undefined) out.defaultValue = field.defaultValue;
  if (field.options && Object.keys(field.options).length) out.options = field.options;
  for (const c of ['visibleWhen', 'requiredWhen', 'readOnlyWhen'] as const) if (field[c] !== undefined) out[c] = field[c];
  return out;
}

/** The object with the field put at `index` (-1 appends a new field). */
export function objectWithField(def: RawObjectDef, index: number, field: RawField): RawObjectDef {
  const fields = [...def.fields];
  if (index < 0) fields.push(cleanField(field));
  else fields[index] = cleanField(field);
  return { ...def, fields };
}
