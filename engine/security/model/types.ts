import type { Label } from '../../shared/metadata-types';

/** A department or a role: both are trees. */
export interface TreeNode {
  id: string;
  name: string;
  label: Label;
  parentId: string | null;
}

/** What a permission set grants on a field: nothing, reading, or reading and changing. */
export type FieldAccess = 'none' | 'read' | 'edit';
export const FIELD_ACCESS_RANK: Record<FieldAccess, number> = { none: 0, read: 1, edit: 2 };

export const OBJECT_PERMISSIONS = ['create', 'read', 'edit', 'delete', 'viewAll', 'modifyAll'] as const;
export type ObjectPermission = (typeof OBJECT_PERMISSIONS)[number];

/** One object's grants in a permission set ("*" stands for every object). */
export interface ObjectGrant {
  create: boolean;
  read: boolean;
  edit: boolean;
  delete: boolean;
  viewAll: boolean;
  modifyAll: boolean;
  /** Fields that differ from the object's level (edit when the object is editable, else read). */
  fields: Record<string, FieldAccess>;
}

export interface PermissionSet {
  id: string;
  name: string;
  label: Label;
  /** Everything, everywhere: the admin permission. */
  admin: boolean;
  objects: Record<string, ObjectGrant>;
  /** Given to users an admin has not yet configured. */
  assignByDefault: boolean;
}

/** A user of the tenant and where the admin placed them. */
export interface Member {
  userId: string;
  displayName: string;
  /** The system admin flag on the user. */
  isAdmin: boolean;
  active: boolean;
  roleId: string | null;
  departmentId: string | null;
  /** Sees and edits records owned by users of their department subtree. */
  managesDepartment: boolean;
  /** False until an admin configures the user: such users get the default permission sets. */
  configured: boolean;
  permissionSetIds: string[];
}

export type PrincipalKind = 'user' | 'role' | 'department';
export type ShareAccess = 'read' | 'edit';

/** Records matching `criteria` are shared with a user, a role (and the roles above it) or a department (and its sub-departments). */
export interface SharingRule {
  id: string;
  object: string;
  name: string;
  label: Label;
  criteria: unknown;
  shareWith: { kind: PrincipalKind; id: string };
  access: ShareAccess;
  active: boolean;
}
