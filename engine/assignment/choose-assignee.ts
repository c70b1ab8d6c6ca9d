import type { AssignmentRule } from '../shared/metadata-types';
import type { AssigneeDirectory } from './assignee-directory';

/**
 * Where one rule sends one record: a user, the next member of a pool in turn,
 * nowhere (the rule does not apply: an unmapped territory without fallback),
 * or nowhere because the rule is broken (a user who left, an empty role) —
 * then `problem` says why, for the log. Either way the next rule is tried.
 */
export type RuleOutcome = { kind: 'user'; user: string } | { kind: 'pool'; pool: string[] } | { kind: 'none' } | { kind: 'broken'; problem: string };

/** A territory key: the field's scalar value as text; null, empty and list values have none. */
function territoryKey(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '' || typeof value === 'object') return undefined;
  return String(value);
}

function namedUser(dir: AssigneeDirectory, ref: string, rule: string): RuleOutcome {
  const u = dir.user(ref);
  return 'id' in u ? { kind: 'user', user: u.id } : { kind: 'broken', problem: `assignment rule "${rule}" names ${u.problem === 'unknown' ? 'an unknown user' : 'an inactive user'} "${ref}"` };
}

/**
 * The round-robin pool of a rule: the active members of its role, or the
 * listed users who are active, in the list's order (unknown and inactive
 * ones are left out and reported).
 */
export function poolOf(rule: AssignmentRule, dir: AssigneeDirectory): { pool: string[]; problems: string[] } {
  const a = rule.assignTo;
  if (a.type !== 'roundRobin') return { pool: [], problems: [] };
  if (a.role) {
    const members = dir.roleMembers(a.role);
    if (!members) return { pool: [], problems: [`assignment rule "${rule.name}" names an unknown role "${a.role}"`] };
    return { pool: members, problems: members.length ? [] : [`assignment rule "${rule.name}": role "${a.role}" has no active users`] };
  }
  const problems: string[] = [];
  const pool: string[] = [];
  for (const ref of a.users ?? []) {
    const u = dir.user(ref);
    if ('id' in u) {
      if (!pool.includes(u.id)) pool.push(u.id);
    } else problems.push(`assignment rule "${rule.name}" names ${u.problem === 'unknown' ? 'an unknown user' : 'an inactive user'} "${ref}"`);
  }
  if (!pool.length) problems.push(`assignment rule "${rule.name}" has no active users to take turns`);
  return { pool, problems };
}

/**
 * What `rule` (whose criteria already hold) does with `row`. A territory
 * whose mapped user cannot receive records falls back like an unmapped value.
 */
export function chooseAssignee(rule: AssignmentRule, row: Record<string, unknown>, dir: AssigneeDirectory, pool: () => string[]): RuleOutcome {
  const a = rule.assignTo;
  switch (a.type) {
    case 'user':
      return namedUser(dir, a.user, rule.name);
    case 'roundRobin': {
      const members = pool();
      return members.length ? { kind: 'pool', pool: members } : { kind: 'broken', problem: `assignment rule "${rule.name}" has no active users to take turns` };
    }
    case 'territory': {
      const k = territoryKey(row[a.field]);
      const mapped = k !== undefined && Object.prototype.hasOwnProperty.call(a.map, k) ? namedUser(dir, a.map[k]!, rule.name) : undefined;
      if (mapped?.kind === 'user') return mapped;
      if (a.fallback) {
        const fb = namedUser(dir, a.fallback, rule.name);
        return fb.kind === 'user' || !mapped ? fb : mapped;
      }
      return mapped ?? { kind: 'none' };
    }
  }
}
