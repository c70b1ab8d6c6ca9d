import { ancestorsOrSelf, childrenOf, subtree } from './trees';
import type { Member, PermissionSet, SharingRule, TreeNode } from './types';
import { computeUserAccess, type UserAccess } from './user-access';

/** The rows a tenant's security model is built from. */
export interface SecurityData {
  roles: TreeNode[];
  departments: TreeNode[];
  permissionSets: PermissionSet[];
  members: Member[];
  sharingRules: SharingRule[];
}

/**
 * A tenant's whole security model at one moment, loaded once and shared by
 * every request until an admin changes it. Each user's access is computed
 * on first use and kept.
 */
export class SecurityModel {
  readonly roles: Map<string, TreeNode>;
  readonly departments: Map<string, TreeNode>;
  readonly permissionSets: Map<string, PermissionSet>;
  readonly members: Map<string, Member>;
  readonly sharingRules: SharingRule[];
  readonly roleChildren: Map<string, string[]>;
  readonly departmentChildren: Map<string, string[]>;
  readonly usersByRole = new Map<string, string[]>();
  readonly usersByDepartment = new Map<string, string[]>();
  readonly defaultPermissionSets: string[];
  private readonly access = new Map<string, UserAccess>();

  constructor(
    readonly schema: string,
    data: SecurityData,
  ) {
    this.roles = new Map(data.roles.map((r) => [r.id, r]));
    this.departments = new Map(data.departments.map((d) => [d.id, d]));
    this.permissionSets = new Map(data.permissionSets.map((p) => [p.id, p]));
    this.members = new Map(data.members.map((m) => [m.userId, m]));
    this.sharingRules = data.sharingRules;
    this.roleChildren = childrenOf(this.roles);
    this.departmentChildren = childrenOf(this.departments);
    for (const m of data.members) {
      if (m.roleId) this.usersByRole.set(m.roleId, [...(this.usersByRole.get(m.roleId) ?? []), m.userId]);
      if (m.departmentId) this.usersByDepartment.set(m.departmentId, [...(this.usersByDepartment.get(m.departmentId) ?? []), m.userId]);
    }
    this.defaultPermissionSets = data.permissionSets.filter((p) => p.assignByDefault).map((p) => p.id);
  }

  /** What one user may do; `systemAdmin` is the user's admin flag as authenticated. */
  accessOf(userId: string, systemAdmin: boolean): UserAccess {
    const key = `${userId}:${systemAdmin}`;
    let a = this.access.get(key);
    if (!a) {
      a = computeUserAccess(this, userId, systemAdmin);
      this.access.set(key, a);
    }
    return a;
  }

  roleSubtree(roleId: string): Set<string> {
    return subtree(this.roleChildren, roleId);
  }

  departmentSubtree(departmentId: string): Set<string> {
    return subtree(this.departmentChildren, departmentId);
  }

  departmentAncestors(departmentId: string): string[] {
    return ancestorsOrSelf(this.departments, departmentId);
  }
}
