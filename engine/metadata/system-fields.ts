import { normalizeLabel } from '../shared/labels';
import type { Field, RawObjectDef } from '../shared/metadata-types';

/** Columns the engine adds to every object, in table order; admins cannot declare them. */
export const SYSTEM_FIELD_NAMES = ['id', 'name', 'owner_id', 'created_at', 'created_by', 'updated_at', 'updated_by', 'version'] as const;
export type SystemFieldName = (typeof SYSTEM_FIELD_NAMES)[number];

export const isSystemFieldName = (name: string): boolean => (SYSTEM_FIELD_NAMES as readonly string[]).includes(name);

/** The system fields only the engine writes: every one but the record's name and owner. */
export const BOOKKEEPING_FIELD_NAMES: readonly SystemFieldName[] = SYSTEM_FIELD_NAMES.filter((n) => n !== 'name' && n !== 'owner_id');

const sys = (name: SystemFieldName, type: string, en: string, zh: string, extra: Partial<Field> = {}): Field => ({
  name,
  type,
  label: { en, 'zh-CN': zh },
  required: false,
  unique: false,
  indexed: false,
  options: {},
  system: true,
  audit: true,
  ...extra,
});

/** The fields every object has, with the object's customisation of `name`. */
export function systemFields(raw: RawObjectDef): { head: Field[]; tail: Field[] } {
  const nf = raw.nameField ?? {};
  const label = normalizeLabel(nf.label, 'Name');
  if (!nf.label) label['zh-CN'] = '名称';
  const name: Field =
    nf.type === 'autonumber'
      ? sys('name', 'autonumber', label.en, label['zh-CN'], { options: { format: nf.format ?? `${raw.name.toUpperCase().slice(0, 4)}-{00000}` }, indexed: true, unique: true })
      : sys('name', 'text', label.en, label['zh-CN'], { required: true, indexed: true, options: { maxLength: nf.maxLength ?? 255 } });
  name.label = label;
  return {
    head: [sys('id', 'id', 'ID', 'ID'), name, sys('owner_id', 'user', 'Owner', '负责人', { indexed: true })],
    tail: [
      sys('created_at', 'datetime', 'Created At', '创建时间'),
      sys('created_by', 'user', 'Created By', '创建人'),
      sys('updated_at', 'datetime', 'Updated At', '修改时间'),
      sys('updated_by', 'user', 'Updated By', '修改人'),
      sys('version', 'integer', 'Version', '版本'),
    ],
  };
}
