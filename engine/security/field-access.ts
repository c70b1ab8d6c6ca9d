import { AppError } from '../core/errors';
import type { FieldTypeRegistry } from '../field-types/registry';
import type { CompiledObject } from '../metadata/compiled-object';
import type { Snapshot } from '../metadata/snapshot';
import type { TenantMetadata } from '../metadata/tenant-metadata';
import { checkedFormula } from '../rules/checked-rules';
import { resolvePath } from '../rules/rule-scope';
import type { Field, ObjectDef } from '../shared/metadata-types';
import { fieldPathsOf } from '../shared/rules/typed-ast';
import type { UserAccess } from './model/user-access';

/** The field paths each formula of an object reads, found once per metadata version. */
function formulaReads(meta: TenantMetadata, registry: FieldTypeRegistry, def: ObjectDef): Map<string, string[]> {
  return meta.derive(`formula-reads:${def.name}`, () => {
    const out = new Map<string, string[]>();
    for (const f of def.fields.filter((x) => x.type === 'formula')) {
      const { expr } = checkedFormula(meta.snapshot, registry, def, f);
      out.set(f.name, expr ? fieldPathsOf(expr) : []);
    }
    return out;
  });
}

/**
 * Whether the user may read a field: the object is readable, the permission
 * sets do not hide the field, and — for a formula — every field it reads is
 * readable too, so a formula never reveals a hidden value.
 */
export function makeFieldReadable(access: UserAccess, meta: TenantMetadata, registry: FieldTypeRegistry): (def: ObjectDef, field: Field) => boolean {
  if (access.isAdmin) return () => true;
  const memo = new Map<string, boolean>();
  const readable = (def: ObjectDef, field: Field, depth: number): boolean => {
    const key = `${def.name}.${field.name}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const o = access.object(def.name);
    let ok = o.read && o.field(field) !== 'none';
    if (ok && field.type === 'formula' && depth < 16) ok = (formulaReads(meta, registry, def).get(field.name) ?? []).every((p) => pathReadable(meta.snapshot, def, p, (d, f) => readable(d, f, depth + 1)));
    memo.set(key, ok);
    return ok;
  };
  return (def, field) => readable(def, field, 0);
}

/** Every step of a dotted path (each lookup and the final field) is readable. */
export function pathReadable(snapshot: Snapshot, def: ObjectDef, path: string, readable: (def: ObjectDef, field: Field) => boolean): boolean {
  const hit = resolvePath(snapshot, def, path);
  if (!hit) return true; // unknown paths are refused elsewhere, as unknown
  let current = def;
  for (const hop of hit.hops) {
    if (!readable(current, hop.lookup)) return false;
    current = hop.target;
  }
  return readable(current, hit.field);
}

/** The fields of an object the user may read, in field order. */
export function visibleFields(obj: CompiledObject, readable: (def: ObjectDef, field: Field) => boolean): Map<string, Field> {
  const out = new Map<string, Field>();
  for (const [name, f] of obj.fields) if (readable(obj.def, f)) out.set(name, f);
  return out;
}

export const fieldNotAccessible = (field: string, path: string) => new AppError('FIELD_NOT_ACCESSIBLE', `you may not use the field "${field}"`, { field, path });

/** Refuses a write that sets a field the user may not edit (403, nothing written). */
export function assertFieldsWritable(access: UserAccess, obj: CompiledObject, keys: Iterable<string>, pathPrefix = ''): void {
  if (access.isAdmin) return;
  const o = access.object(obj.def.name);
  for (const k of keys) {
    const f = obj.fields.get(k);
    if (f && !f.system && o.field(f) !== 'edit') throw fieldNotAccessible(k, `${pathPrefix}/${k}`);
  }
}
