import type { Field } from '../../shared/metadata-types';
import type { SecurityModel } from './security-model';
import { FIELD_ACCESS_RANK, OBJECT_PERMISSIONS, type FieldAccess, type ObjectGrant, type PermissionSet, type SharingRule } from './types';

/** A user's object permissions, the union of their permission sets. */
export interface ObjectAccess {
  create: boolean;
  read: boolean;
  edit: boolean;
  delete: boolean;
  viewAll: boolean;
  modifyAll: boolean;
  /** The field's access: system fields are readable, custom ones follow the permission sets. */
  field(f: Field): FieldAccess;
}

/** Everything the engine needs to decide what one user may see and change. */
export interface UserAccess {
  userId: string;
  isAdmin: boolean;
  /** The user's own id and those of users below them (role hierarchy, managed department subtree). */
  ownedScope: string[];
  /** Ids a share or sharing rule may name to reach this user: the user and the users below them, their role and the roles below, their department and those above. */
  principalIds: string[];
  /** `$user.roles`: the name of the user's role. */
  roleNames: string[];
  /** `$user.department`: the name of the user's department. */
  departmentName: string | null;
  object(name: string): ObjectAccess;
  /** Active sharing rules on the object that reach this user. */
  sharingRules(object: string): SharingRule[];
}

const ALL: ObjectAccess = { create: true, read: true, edit: true, delete: true, viewAll: true, modifyAll: true, field: () => 'edit' };

function unionGrants(grants: ObjectGrant[]): ObjectAccess {
  const flags = Object.fromEntries(OBJECT_PERMISSIONS.map((p) => [p, grants.some((g) => g[p])])) as Record<(typeof OBJECT_PERMISSIONS)[number], boolean>;
  const field = (f: Field): FieldAccess => {
    if (f.system) return f.name === 'name' && flags.edit ? 'edit' : 'read';
    let best: FieldAccess = 'none';
    for (const g of grants) {
      const own = g.fields[f.name] ?? (g.edit ? 'edit' : 'read');
      const capped: FieldAccess = own === 'edit' && !g.edit ? 'read' : own;
      if (FIELD_ACCESS_RANK[capped] > FIELD_ACCESS_RANK[best]) best = capped;
    }
    return best;
  };
  return { ...flags, field };
}

export function computeUserAccess(model: SecurityModel, userId: string, systemAdmin: boolean): UserAccess {
  const m = model.members.get(userId);
  const setIds = m?.configured ? m.permissionSetIds : model.defaultPermissionSets;
  const sets = setIds.map((id) => model.permissionSets.get(id)).filter((p): p is PermissionSet => !!p);
  const isAdmin = systemAdmin || sets.some((p) => p.admin);
  const owned = new Set([userId]);
  const principals = new Set([userId]);
  if (m?.roleId) {
    for (const r of model.roleSubtree(m.roleId)) {
      principals.add(r);
      if (r !== m.roleId) for (const u of model.usersByRole.get(r) ?? []) owned.add(u);
    }
  }
  if (m?.departmentId) {
    for (const d of model.departmentAncestors(m.departmentId)) principals.add(d);
    if (m.managesDepartment) for (const d of model.departmentSubtree(m.departmentId)) for (const u of model.usersByDepartment.get(d) ?? []) owned.add(u);
  }
  // Hierarchy passes shares up: what is shared with a user below is shared with their managers too.
  for (const u of owned) principals.add(u);
  const objects = new Map<string, ObjectAccess>();
  return {
    userId,
    isAdmin,
    ownedScope: [...owned],
    principalIds: [...principals],
    roleNames: m?.roleId ? [model.roles.get(m.roleId)!.name] : [],
    departmentName: m?.departmentId ? model.departments.get(m.departmentId)!.name : null,
    object(name) {
      if (isAdmin) return ALL;
      let o = objects.get(name);
      if (!o) {
        o = unionGrants(sets.flatMap((p) => (p.objects[name] ?? p.objects['*'] ? [p.objects[name] ?? p.objects['*']!] : [])).filter((g) => g.read));
        objects.set(name, o);
      }
      return o;
    },
    sharingRules: (object) => model.sharingRules.filter((r) => r.active && r.object === object && principals.has(r.shareWith.id)),
  };
}

/** Access for the engine's own work (pack installs, demo data): everything. */
export function systemAccess(userId: string): UserAccess {
  return { userId, isAdmin: true, ownedScope: [userId], principalIds: [userId], roleNames: [], departmentName: null, object: () => ALL, sharingRules: () => [] };
}
