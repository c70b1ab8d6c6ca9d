import type { AssignTo, RawAssignmentRule, RawLabel } from '../../../engine/shared/metadata-types';
import { freshName } from '../shell/rule-names';

/** A user as GET /admin/users answers it. */
export interface DirectoryUser {
  id: string;
  email: string;
  displayName: string;
  active: boolean;
}

/** A role as GET /admin/roles answers it (engine/security/model/types.ts TreeNode). */
export interface DirectoryRole {
  id: string;
  name: string;
  label: RawLabel;
  parentId: string | null;
}

/** A new rule (assign_1, assign_2…): every record to no one yet (the admin picks the user). */
export const newRule = (rules: RawAssignmentRule[]): RawAssignmentRule => ({ name: freshName(rules, 'assign'), active: true, assignTo: { type: 'user', user: '' } });

/** The assign-to of another type, keeping what carries over (a user becomes the list's first member or the fallback). */
export function switchType(type: AssignTo['type'], from: AssignTo): AssignTo {
  const someone = from.type === 'user' ? from.user : from.type === 'territory' ? from.fallback : from.users?.[0];
  if (type === 'user') return { type, user: someone ?? '' };
  if (type === 'roundRobin') return someone ? { type, users: [someone] } : { type, role: '' };
  return { type, field: '', map: {}, ...(someone ? { fallback: someone } : {}) };
}

/** The user a rule's reference names (by id or e-mail, any case), if the directory has them. */
export function findUser(users: readonly DirectoryUser[], ref: string): DirectoryUser | undefined {
  const key = ref.trim().toLowerCase();
  return key ? users.find((u) => u.id.toLowerCase() === key || u.email.toLowerCase() === key) : undefined;
}

/** How a rule names a chosen user: by e-mail, readable in the metadata and the same in every environment a pack is installed in. */
export const refOf = (u: DirectoryUser): string => u.email;
