import { quoteIdent, runSql, type Executor } from '../../db/knex';
import { SYSTEM_SCHEMA } from '../../db/system-migrations';
import type { Label } from '../../shared/metadata-types';
import { normalizeGrant, type RawObjectGrant } from './grants';
import { SHARING_RULE_COLUMNS, TREE_NODE_COLUMNS, toSharingRule, toTreeNode, type SharingRuleRow, type TreeNodeRow } from './rows';
import { SecurityModel } from './security-model';

/** Reads a tenant's whole security model: a handful of small tables, one query each, in parallel. */
export async function loadSecurityModel(db: Executor, schema: string): Promise<SecurityModel> {
  const s = quoteIdent(schema);
  const [roles, departments, sets, users, assignments, rules] = await Promise.all([
    runSql<TreeNodeRow>(db, `SELECT ${TREE_NODE_COLUMNS} FROM ${s}._roles`),
    runSql<TreeNodeRow>(db, `SELECT ${TREE_NODE_COLUMNS} FROM ${s}._departments`),
    runSql<{ id: string; name: string; label: Label; admin: boolean; objects: Record<string, RawObjectGrant>; assign_by_default: boolean }>(db, `SELECT id, name, label, admin, objects, assign_by_default FROM ${s}._permission_sets`),
    runSql<{ id: string; display_name: string; is_admin: boolean; active: boolean; role_id: string | null; department_id: string | null; manages_department: boolean | null; configured: boolean }>(
      db,
      `SELECT u.id, u.display_name, u.is_admin, u.active, a.role_id, a.department_id, a.manages_department, a.user_id IS NOT NULL AS configured
       FROM ${SYSTEM_SCHEMA}.users u JOIN ${SYSTEM_SCHEMA}.tenants t ON t.id = u.tenant_id LEFT JOIN ${s}._user_access a ON a.user_id = u.id
       WHERE t.schema_name = ?`,
      [schema],
    ),
    runSql<{ user_id: string; permission_set_id: string }>(db, `SELECT user_id, permission_set_id FROM ${s}._user_permission_sets`),
    runSql<SharingRuleRow>(db, `SELECT ${SHARING_RULE_COLUMNS} FROM ${s}._sharing_rules ORDER BY object, name`),
  ]);
  const setsOf = new Map<string, string[]>();
  for (const a of assignments) setsOf.set(a.user_id, [...(setsOf.get(a.user_id) ?? []), a.permission_set_id]);
  return new SecurityModel(schema, {
    roles: roles.map(toTreeNode),
    departments: departments.map(toTreeNode),
    permissionSets: sets.map((p) => ({
      id: p.id,
      name: p.name,
      label: p.label,
      admin: p.admin,
      objects: Object.fromEntries(Object.entries(p.objects).map(([o, g]) => [o, normalizeGrant(g)])),
      assignByDefault: p.assign_by_default,
    })),
    members: users.map((u) => ({
      userId: u.id,
      displayName: u.display_name,
      isAdmin: u.is_admin,
      active: u.active,
      roleId: u.role_id,
      departmentId: u.department_id,
      managesDepartment: u.manages_department ?? false,
      configured: u.configured,
      permissionSetIds: setsOf.get(u.id) ?? [],
    })),
    sharingRules: rules.map(toSharingRule),
  });
}
