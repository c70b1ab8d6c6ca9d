import { runSql } from '../db/knex';
import { SYSTEM_SCHEMA } from '../db/system-migrations';
import { qualified } from '../schema-engine/column-ddl';
import type { AssignmentRule } from '../shared/metadata-types';
import type { RecordContext } from '../records/context';

/** Why a user named in a rule cannot receive records. */
export type UnusableUser = 'unknown' | 'inactive';

/** The users and roles an object's assignment rules name, resolved once per call. */
export interface AssigneeDirectory {
  /** An active user of the organisation by id or e-mail (any case), else why not. */
  user(ref: string): { id: string } | { problem: UnusableUser };
  /** Active users holding exactly this role (not its sub-roles), in e-mail order; undefined when the role does not exist. */
  roleMembers(role: string): string[] | undefined;
}

interface UserRow {
  id: string;
  email: string;
  active: boolean;
  role: string | null;
}

/** Every user reference a rule holds: its user, its list, its territory map and fallback. */
export function userRefsOf(rule: AssignmentRule): string[] {
  const a = rule.assignTo;
  if (a.type === 'user') return [a.user];
  if (a.type === 'roundRobin') return a.users ?? [];
  return [...Object.values(a.map), ...(a.fallback ? [a.fallback] : [])];
}

/** The refs and role names of rules, normalised for matching (ids and e-mails are compared in lower case). */
const key = (ref: string) => ref.trim().toLowerCase();

/** Builds the directory from the rows of the users and roles the rules name. */
export function directoryFrom(users: UserRow[], roleNames: string[]): AssigneeDirectory {
  const byRef = new Map<string, UserRow>();
  for (const u of users) {
    byRef.set(u.id.toLowerCase(), u);
    byRef.set(u.email.toLowerCase(), u);
  }
  const roles = new Set(roleNames);
  const members = new Map<string, string[]>();
  for (const u of [...users].sort((a, b) => a.email.localeCompare(b.email))) {
    if (u.role && u.active) members.set(u.role, [...(members.get(u.role) ?? []), u.id]);
  }
  return {
    user(ref) {
      const u = byRef.get(key(ref));
      if (!u) return { problem: 'unknown' };
      return u.active ? { id: u.id } : { problem: 'inactive' };
    },
    roleMembers: (role) => (roles.has(role) ? (members.get(role) ?? []) : undefined),
  };
}

/**
 * One query for the users the rules name (by id or e-mail) and the members
 * of the roles they name, from the same rows the security model is built
 * from (users of this organisation, their placement in _user_access).
 */
export async function loadAssigneeDirectory(ctx: RecordContext, rules: AssignmentRule[]): Promise<AssigneeDirectory> {
  const refs = [...new Set(rules.flatMap(userRefsOf).map(key))];
  const roleNames = [...new Set(rules.flatMap((r) => (r.assignTo.type === 'roundRobin' && r.assignTo.role ? [r.assignTo.role] : [])))];
  if (!refs.length && !roleNames.length) return directoryFrom([], []);
  const s = ctx.meta.schema;
  const [users, roles] = await Promise.all([
    runSql<UserRow>(
      ctx.db,
      `SELECT u.id::text AS id, lower(u.email) AS email, u.active, r.name AS role
       FROM ${SYSTEM_SCHEMA}.users u LEFT JOIN ${qualified(s, '_user_access')} a ON a.user_id = u.id LEFT JOIN ${qualified(s, '_roles')} r ON r.id = a.role_id
       WHERE u.tenant_id = ? AND (u.id::text = ANY(?::text[]) OR lower(u.email) = ANY(?::text[]) OR r.name = ANY(?::text[]))`,
      [ctx.actor.tenantId, refs, refs, roleNames],
    ),
    roleNames.length ? runSql<{ name: string }>(ctx.db, `SELECT name FROM ${qualified(s, '_roles')} WHERE name = ANY(?::text[])`, [roleNames]) : Promise.resolve([]),
  ]);
  return directoryFrom(users, roles.map((r) => r.name));
}
