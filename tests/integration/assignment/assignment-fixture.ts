import { expect } from 'vitest';
import type { RawAssignmentRule, RawObjectDef } from '../../../engine/shared/metadata-types';
import { startTestTenant, type ApiClient, type TestTenant } from '../../helpers/test-server';

/** A user of the test organisation. */
export interface User {
  client: ApiClient;
  id: string;
  email: string;
}

/** The people the assignment rules name. */
export interface Team {
  boss: User;
  banker: User;
  zhejiangRep: User;
  jiangsuRep: User;
  desk: User;
  reps: User[];
  listed: User[];
  /** A user with create/read/edit on prospects and no other rights, owning nothing. */
  clerk: User;
}

const v = (...values: string[]) => values.map((value) => ({ value, label: value }));

/**
 * The rules of the tests, in order: VIPs to the boss (by e-mail), banking
 * firms (a lookup criterion) to the banker (by id), field sales by province
 * with a fallback desk, web leads in turn over the `rep` role, list leads in
 * turn over two listed users.
 */
export function prospectRules(team: Team): RawAssignmentRule[] {
  return [
    { name: 'vip', criteria: { '>=': [{ var: 'rating' }, 90] }, assignTo: { type: 'user', user: team.boss.email.toUpperCase() } },
    { name: 'banks', criteria: { '==': [{ var: 'firm.industry' }, 'banking'] }, assignTo: { type: 'user', user: team.banker.id } },
    { name: 'field', criteria: { '==': [{ var: 'source' }, 'field'] }, assignTo: { type: 'territory', field: 'province', map: { zhejiang: team.zhejiangRep.email, jiangsu: team.jiangsuRep.id }, fallback: team.desk.email } },
    { name: 'web', criteria: { '==': [{ var: 'source' }, 'web'] }, assignTo: { type: 'roundRobin', role: 'rep' } },
    { name: 'list', criteria: { '==': [{ var: 'source' }, 'list'] }, assignTo: { type: 'roundRobin', users: team.listed.map((u) => u.email) } },
    { name: 'dormant', active: false, assignTo: { type: 'user', user: team.boss.id } },
  ];
}

export const prospectDef = (rules: RawAssignmentRule[]): RawObjectDef => ({
  name: 'prospect',
  label: { en: 'Prospect', 'zh-CN': '潜在客户' },
  pluralLabel: { en: 'Prospects', 'zh-CN': '潜在客户' },
  sharing: 'publicReadWrite',
  fields: [
    { name: 'province', type: 'picklist', label: 'Province', options: { values: v('zhejiang', 'jiangsu', 'guangdong') } },
    { name: 'source', type: 'text', label: 'Source' },
    { name: 'rating', type: 'number', label: 'Rating' },
    { name: 'firm', type: 'lookup', label: 'Firm', options: { target: 'firm', onDelete: 'restrict' } },
  ],
  assignmentRules: rules,
});

/** A tenant with firms, prospects and its rules, the team, and a `rep` role of three users. */
export async function startAssignmentTenant(prefix: string): Promise<{ t: TestTenant; team: Team; bankId: string; shopId: string }> {
  const t = await startTestTenant(prefix);
  await t.admin.defineObject({ name: 'firm', label: 'Firm', fields: [{ name: 'industry', type: 'text', label: 'Industry' }] });
  const user = () => t.newUser();
  const team: Team = {
    boss: await user(),
    banker: await user(),
    zhejiangRep: await user(),
    jiangsuRep: await user(),
    desk: await user(),
    reps: [await user(), await user(), await user()],
    listed: [await user(), await user()],
    clerk: await user(),
  };
  const role = await t.admin.post('/admin/roles', { name: 'rep', label: 'Rep' });
  expect(role.status, JSON.stringify(role.body)).toBe(201);
  for (const r of team.reps) expect((await t.admin.patch(`/admin/users/${r.id}`, { roleId: role.body.id })).status).toBe(200);
  await t.admin.defineObject(prospectDef(prospectRules(team)));
  const firm = async (industry: string) => (await t.admin.post('/records/firm', { name: industry, industry })).body.id as string;
  return { t, team, bankId: await firm('banking'), shopId: await firm('retail') };
}

/** Owner id per record id. */
export async function ownersOf(t: TestTenant, ids: string[]): Promise<Map<string, string>> {
  const rows = await t.sql(`SELECT id::text, owner_id::text FROM "${t.tenant.schema}".prospect WHERE id = ANY(?::uuid[])`, [ids]);
  return new Map(rows.map((r: { id: string; owner_id: string }) => [r.id, r.owner_id]));
}

/** How many records each owner got. */
export function countByOwner(owners: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const o of owners) out.set(o, (out.get(o) ?? 0) + 1);
  return out;
}
