import type { ObjectDef } from '../shared/metadata-types';
import type { ObjectAccess } from '../security/model/user-access';
import type { FieldAccess } from '../security/model/types';
import type { RecordContext } from './context';
import { readableFields } from './record-security';

/** What the runtime UI needs to reflect the user's permissions on one object. */
export interface DescribedAccess {
  create: boolean;
  read: boolean;
  edit: boolean;
  delete: boolean;
  viewAll: boolean;
  modifyAll: boolean;
  /** Each readable field: read only, or editable. Hidden fields are not listed (nor in `object.fields`). */
  fields: Record<string, Exclude<FieldAccess, 'none'>>;
}

/**
 * The object as this user may see it: its definition without the fields
 * hidden from them, and their permissions, so the UI shows only what the
 * engine would allow.
 */
export function describeForUser(ctx: RecordContext, objectName: string): { version: number; object: ObjectDef; access: DescribedAccess } {
  const obj = ctx.meta.object(objectName);
  const o: ObjectAccess = ctx.access.object(objectName);
  const readable = readableFields(ctx, obj);
  const fields = Object.fromEntries([...readable.values()].map((f) => [f.name, o.edit && o.field(f) === 'edit' && !f.system ? 'edit' : f.name === 'name' && o.edit ? 'edit' : 'read'])) as Record<string, 'read' | 'edit'>;
  return {
    version: ctx.meta.version,
    object: readable.size === obj.fields.size ? obj.def : { ...obj.def, fields: obj.def.fields.filter((f) => readable.has(f.name)) },
    access: { create: o.create, read: o.read, edit: o.edit, delete: o.delete, viewAll: o.viewAll, modifyAll: o.modifyAll, fields },
  };
}

/** One entry of the runtime UI's navigation: an object the user may read. */
export interface NavigationEntry {
  name: string;
  label: ObjectDef['label'];
  pluralLabel: ObjectDef['pluralLabel'];
  create: boolean;
}

/** The objects this user may read, in the order the metadata lists them. */
export function navigationFor(ctx: RecordContext): NavigationEntry[] {
  return [...ctx.meta.snapshot.objects.values()]
    .filter((def) => ctx.access.object(def.name).read)
    .map((def) => ({ name: def.name, label: def.label, pluralLabel: def.pluralLabel, create: ctx.access.object(def.name).create }));
}
