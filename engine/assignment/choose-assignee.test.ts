import { describe, expect, it } from 'vitest';
import type { AssignmentRule } from '../shared/metadata-types';
import { directoryFrom } from './assignee-directory';
import { chooseAssignee, poolOf } from './choose-assignee';
import { memberAt } from './round-robin';

const dir = directoryFrom(
  [
    { id: 'u-ann', email: 'ann@x.test', active: true, role: 'rep' },
    { id: 'u-bob', email: 'bob@x.test', active: true, role: 'rep' },
    { id: 'u-cat', email: 'cat@x.test', active: false, role: 'rep' },
    { id: 'u-dan', email: 'dan@x.test', active: true, role: null },
  ],
  ['rep', 'empty'],
);
const rule = (assignTo: AssignmentRule['assignTo']): AssignmentRule => ({ name: 'r', active: true, assignTo });
const choose = (r: AssignmentRule, row: Record<string, unknown> = {}) => chooseAssignee(r, row, dir, () => poolOf(r, dir).pool);

describe('chooseAssignee', () => {
  it('names a user by id or e-mail in any case; unknown and inactive ones break the rule', () => {
    expect(choose(rule({ type: 'user', user: 'U-DAN' }))).toEqual({ kind: 'user', user: 'u-dan' });
    expect(choose(rule({ type: 'user', user: ' Ann@X.test ' }))).toEqual({ kind: 'user', user: 'u-ann' });
    expect(choose(rule({ type: 'user', user: 'cat@x.test' }))).toEqual({ kind: 'broken', problem: 'assignment rule "r" names an inactive user "cat@x.test"' });
    expect(choose(rule({ type: 'user', user: 'who@x.test' }))).toEqual({ kind: 'broken', problem: 'assignment rule "r" names an unknown user "who@x.test"' });
  });

  it('pools the active members of the role itself in e-mail order, or the active listed users in list order', () => {
    expect(choose(rule({ type: 'roundRobin', role: 'rep' }))).toEqual({ kind: 'pool', pool: ['u-ann', 'u-bob'] });
    expect(choose(rule({ type: 'roundRobin', users: ['dan@x.test', 'cat@x.test', 'u-ann', 'DAN@x.test'] }))).toEqual({ kind: 'pool', pool: ['u-dan', 'u-ann'] });
    expect(poolOf(rule({ type: 'roundRobin', users: ['dan@x.test', 'cat@x.test'] }), dir).problems).toEqual(['assignment rule "r" names an inactive user "cat@x.test"']);
    expect(choose(rule({ type: 'roundRobin', role: 'empty' })).kind).toBe('broken');
    expect(poolOf(rule({ type: 'roundRobin', role: 'nope' }), dir).problems).toEqual(['assignment rule "r" names an unknown role "nope"']);
  });

  it('maps territories, falls back for unmapped, empty and list values and for a mapped user who left, else does not apply', () => {
    const t = (fallback?: string) => rule({ type: 'territory', field: 'province', map: { zhejiang: 'ann@x.test', jiangsu: 'cat@x.test', '7': 'u-bob' }, ...(fallback ? { fallback } : {}) });
    expect(choose(t('u-dan'), { province: 'zhejiang' })).toEqual({ kind: 'user', user: 'u-ann' });
    expect(choose(t('u-dan'), { province: 7 })).toEqual({ kind: 'user', user: 'u-bob' });
    for (const province of ['guangdong', null, '', ['zhejiang'], 'toString']) expect(choose(t('u-dan'), { province })).toEqual({ kind: 'user', user: 'u-dan' });
    expect(choose(t('u-dan'), { province: 'jiangsu' })).toEqual({ kind: 'user', user: 'u-dan' });
    expect(choose(t(), { province: 'guangdong' })).toEqual({ kind: 'none' });
    expect(choose(t(), { province: 'jiangsu' }).kind).toBe('broken');
    expect(choose(t('cat@x.test'), { province: 'guangdong' }).kind).toBe('broken');
  });
});

describe('memberAt', () => {
  it('takes turns for ever: 10 positions over 3 members give 4/3/3', () => {
    const got = Array.from({ length: 10 }, (_x, i) => memberAt(['a', 'b', 'c'], i));
    expect(got).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c', 'a']);
    expect(memberAt(['a', 'b', 'c'], 3002)).toBe('c');
  });
});
