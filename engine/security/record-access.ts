import { AppError } from '../core/errors';
import type { CompiledObject } from '../metadata/compiled-object';
import type { TenantMetadata } from '../metadata/tenant-metadata';
import type { FieldTypeRegistry } from '../field-types/registry';
import { compileListFilter } from '../query/list-filter';
import type { SqlFragment } from '../query/sql-fragment';
import type { UserAccess } from './model/user-access';
import type { SharingRule } from './model/types';

/** read: see the record; edit: change it; full: delete, transfer, share (owner scope or modify-all). */
export type AccessMode = 'read' | 'edit' | 'full';

/** The sharing rule's criteria as SQL over the object's table, compiled once per metadata version and rule text. */
function criteriaSql(meta: TenantMetadata, registry: FieldTypeRegistry, obj: CompiledObject, rule: SharingRule): SqlFragment | undefined {
  return meta.derive(`sharing-rule:${rule.id}:${JSON.stringify(rule.criteria)}`, () => {
    try {
      return compileListFilter(rule.criteria, obj, meta.snapshot, registry, () => true);
    } catch {
      // The criteria no longer fit the object (a field was removed since): the rule shares nothing.
      return undefined;
    }
  });
}

/**
 * Record-level access as one SQL predicate over the object's table — owner
 * scope (the user, the users in roles below theirs, the department they
 * manage), sharing rules whose criteria the record meets, and record shares
 * (team members, manual shares) to the user, their roles or departments.
 * undefined when the user may reach every record of the object this way.
 */
export function recordAccessPredicate(access: UserAccess, meta: TenantMetadata, registry: FieldTypeRegistry, obj: CompiledObject, mode: AccessMode): SqlFragment | undefined {
  const o = access.object(obj.def.name);
  const model = obj.def.sharing;
  if (access.isAdmin || o.modifyAll) return undefined;
  if (mode === 'read' && (o.viewAll || model !== 'private')) return undefined;
  if (mode === 'edit' && model === 'publicReadWrite') return undefined;
  const parts = ['owner_id = ANY(?::uuid[])'];
  const params: unknown[] = [access.ownedScope];
  if (mode !== 'full') {
    for (const rule of access.sharingRules(obj.def.name)) {
      if (mode === 'edit' && rule.access !== 'edit') continue;
      const c = criteriaSql(meta, registry, obj, rule);
      if (!c) continue;
      parts.push(`(${c.sql})`);
      params.push(...c.params);
    }
    // The record's own share array (kept by a trigger on _record_shares): one overlap test per row, no subplan.
    parts.push(`${mode === 'edit' ? '_shared_edit' : '_shared_read'} && ?::uuid[]`);
    params.push(access.principalIds);
  }
  return { sql: `(${parts.join(' OR ')})`, params };
}

/** The object-level permission a request needs, or 403 OBJECT_ACCESS_DENIED. */
export function requireObjectPermission(access: UserAccess, objectName: string, permission: 'create' | 'read' | 'edit' | 'delete'): void {
  if (!access.object(objectName)[permission]) throw new AppError('OBJECT_ACCESS_DENIED', `you may not ${permission} ${objectName} records`, { object: objectName, permission });
}
