import { normalizeLabel } from '../../../engine/shared/labels';
import type { RawObjectDef, RawSnapshot } from '../../../engine/shared/metadata-types';
import type { FieldDef } from '../../../runtime-ui/src/api/describe';

/** The columns the engine adds to every object (engine/metadata/system-fields.ts), with the labels it gives them. */
const SYSTEM: { name: string; type: string; en: string; zh: string }[] = [
  { name: 'id', type: 'id', en: 'ID', zh: 'ID' },
  { name: 'name', type: 'text', en: 'Name', zh: '名称' },
  { name: 'owner_id', type: 'user', en: 'Owner', zh: '负责人' },
  { name: 'created_at', type: 'datetime', en: 'Created At', zh: '创建时间' },
  { name: 'created_by', type: 'user', en: 'Created By', zh: '创建人' },
  { name: 'updated_at', type: 'datetime', en: 'Updated At', zh: '更新时间' },
  { name: 'updated_by', type: 'user', en: 'Updated By', zh: '更新人' },
  { name: 'version', type: 'integer', en: 'Version', zh: '版本' },
];

/** System fields nobody places on a form or picks as a column. */
const BOOKKEEPING = new Set(['id', 'version']);

/**
 * Every field of an object as written in the draft, system fields first (as
 * the server orders them), in the runtime UI's FieldDef shape. Options are
 * the raw ones: good for names, labels and types; a normalized definition
 * (the draft's preview) is better when values matter.
 */
export function rawFieldDefs(def: RawObjectDef): FieldDef[] {
  const sys = (s: (typeof SYSTEM)[number]): FieldDef => {
    const isName = s.name === 'name';
    const label = isName && def.nameField?.label ? normalizeLabel(def.nameField.label, s.en) : { en: s.en, 'zh-CN': s.zh };
    return { name: s.name, type: isName ? (def.nameField?.type ?? 'text') : s.type, label, required: isName && def.nameField?.type !== 'autonumber', system: true, options: {} };
  };
  const custom = def.fields.map((f): FieldDef => ({ name: f.name, type: f.type, label: normalizeLabel(f.label, f.name), required: f.required ?? false, system: false, options: f.options ?? {} }));
  return [...SYSTEM.slice(0, 3).map(sys), ...custom, ...SYSTEM.slice(3).map(sys)];
}

/** The fields a layout or a list view may name: all but id and version. */
export const placeableFields = (fields: FieldDef[]): FieldDef[] => fields.filter((f) => !BOOKKEEPING.has(f.name));

/** A lookup of another object pointing at this one: what a related list shows. */
export interface RelatedCandidate {
  object: string;
  field: string;
}

/** Every lookup in the draft's snapshot whose target is `object` (children of it). */
export function relatedCandidates(snapshot: RawSnapshot, object: string): RelatedCandidate[] {
  const out: RelatedCandidate[] = [];
  for (const o of Object.values(snapshot.objects)) {
    for (const f of o.fields) if (f.type === 'lookup' && f.options?.target === object) out.push({ object: o.name, field: f.name });
  }
  return out.sort((a, b) => a.object.localeCompare(b.object) || a.field.localeCompare(b.field));
}
