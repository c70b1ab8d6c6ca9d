import { expect } from 'vitest';
import { SYSTEM_SCHEMA } from '../../../engine/db/system-migrations';
import { startTestTenant, type ApiClient, type TestTenant } from '../../helpers/test-server';
import { expectRefusedUnchanged } from '../../helpers/unchanged';

/**
 * The security fixture both permission-matrix files build (each on its own
 * tenant), and the expectations they check, as tables.
 *
 *   departments  sales ─┬─ sales_east   (mgr, rep1, rep2)
 *                       └─ sales_west   (head manages it; westRep)
 *                vp sits in sales itself; viewer and newbie in none.
 *   roles        vp → manager → rep      (vp; mgr; rep1 and rep2 as peers)
 *
 * `deal` is private, `memo` publicRead, `note` publicReadWrite. The deals:
 *   Alpha…Delta  owned by vp, mgr, rep1, rep2          (role hierarchy)
 *   Echo, Foxtrot owned by head, westRep                (managed department)
 *   Golf    admin's, region north   → rule: role rep, read
 *   Hotel   admin's, region south   → rule: department sales_west, edit
 *   India   admin's                 → team member rep2, edit (passes up to mgr and vp)
 *   Juliet  admin's                 → manual share to role manager, read
 *   Kilo    admin's                 → nobody
 *   Lima    admin's, stage won      → rule: user viewer, read
 *   Mike    admin's, region central → rule: department sales (and below), read
 * plus an inactive rule (north → viewer, edit) that must share nothing, and
 * a manual share by rep1 (the owner) of Charlie to westRep, read (passes up
 * to head, who manages westRep's department). As in Salesforce's "grant access
 * using hierarchies", what is shared with a user is shared with those above.
 */

export const USERS = ['admin', 'vp', 'mgr', 'rep1', 'rep2', 'head', 'westRep', 'viewer', 'newbie'] as const;
export type UserKey = (typeof USERS)[number];

export const DEALS = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India', 'Juliet', 'Kilo', 'Lima', 'Mike'] as const;
export type DealName = (typeof DEALS)[number];

/** The deals each user sees, and why. */
export const VISIBLE: Record<UserKey, DealName[]> = {
  admin: [...DEALS],
  vp: ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Golf', 'India', 'Juliet', 'Mike'], // own + roles below; rep rule; rep2's team seat passes up; manager share; sales rule
  mgr: ['Bravo', 'Charlie', 'Delta', 'Golf', 'India', 'Juliet', 'Mike'],
  rep1: ['Charlie', 'Golf', 'Mike'],
  rep2: ['Delta', 'Golf', 'India', 'Mike'], // + team member of India
  head: ['Charlie', 'Echo', 'Foxtrot', 'Hotel', 'Mike'], // own + managed department; westRep's share of Charlie passes up; sales_west rule
  westRep: ['Charlie', 'Foxtrot', 'Hotel', 'Mike'], // + rep1's manual share
  viewer: ['Lima'], // user rule only; no department, no role
  newbie: [], // unconfigured: default permission set, owns nothing
};

/** The deals each user may edit (the rest of VISIBLE is read-only to them). */
export const EDITABLE: Record<UserKey, DealName[]> = {
  admin: [...DEALS],
  vp: ['Alpha', 'Bravo', 'Charlie', 'Delta', 'India'],
  mgr: ['Bravo', 'Charlie', 'Delta', 'India'],
  rep1: ['Charlie'],
  rep2: ['Delta', 'India'],
  head: ['Echo', 'Foxtrot', 'Hotel'],
  westRep: ['Foxtrot', 'Hotel'],
  viewer: [], // no edit permission at all: OBJECT_ACCESS_DENIED
  newbie: [],
};

/** The deals each user may delete, transfer and share: owner scope only. */
export const FULL: Record<UserKey, DealName[]> = {
  admin: [...DEALS],
  vp: ['Alpha', 'Bravo', 'Charlie', 'Delta'],
  mgr: ['Bravo', 'Charlie', 'Delta'],
  rep1: ['Charlie'],
  rep2: ['Delta'],
  head: ['Echo', 'Foxtrot'],
  westRep: ['Foxtrot'],
  viewer: [],
  newbie: [],
};

/** Users whose permission sets lack edit and delete on deals (403 OBJECT_ACCESS_DENIED before any record check). */
export const READ_ONLY_USERS: UserKey[] = ['viewer'];

/** Deal fields each user may read beyond the system fields and name/region/stage/amount/territory. */
export const EXTRA_FIELDS: Record<UserKey, string[]> = {
  admin: ['discount', 'internal_note', 'margin', 'margin_pct'],
  vp: ['discount', 'internal_note', 'margin', 'margin_pct'],
  mgr: ['discount'],
  rep1: ['discount'],
  rep2: ['discount'],
  head: ['discount'],
  westRep: ['discount'],
  viewer: ['discount', 'internal_note'],
  newbie: ['discount', 'internal_note', 'margin', 'margin_pct'],
};
export const HIDEABLE_FIELDS = ['discount', 'internal_note', 'margin', 'margin_pct'];

export const MEMOS = ['Memo of vp', 'Memo of rep1', 'Memo of westRep', 'Memo of admin'] as const;
export const NOTES = ['Note of rep1', 'Note of admin'] as const;

interface DealSeed {
  name: DealName;
  owner: UserKey;
  region?: string;
  stage?: string;
  territory: string;
  internal_note?: string;
}

const SEEDS: DealSeed[] = [
  { name: 'Alpha', owner: 'vp', region: 'east', territory: 'sales' },
  { name: 'Bravo', owner: 'mgr', region: 'east', territory: 'sales_east' },
  { name: 'Charlie', owner: 'rep1', region: 'east', territory: 'sales_east', internal_note: 'zebra crossing' },
  { name: 'Delta', owner: 'rep2', region: 'east', territory: 'sales_east' },
  { name: 'Echo', owner: 'head', region: 'west', territory: 'sales_west' },
  { name: 'Foxtrot', owner: 'westRep', region: 'west', territory: 'sales_west' },
  { name: 'Golf', owner: 'admin', region: 'north', territory: 'hq' },
  { name: 'Hotel', owner: 'admin', region: 'south', territory: 'hq' },
  { name: 'India', owner: 'admin', territory: 'hq' },
  { name: 'Juliet', owner: 'admin', territory: 'hq' },
  { name: 'Kilo', owner: 'admin', territory: 'hq' },
  { name: 'Lima', owner: 'admin', stage: 'won', territory: 'hq', internal_note: 'zebra crossing' },
  { name: 'Mike', owner: 'admin', region: 'central', territory: 'hq' },
];

const picklist = (...values: string[]) => ({ values: values.map((value) => ({ value, label: value })) });

export interface SecurityFixture {
  t: TestTenant;
  users: Record<UserKey, { client: ApiClient; id: string }>;
  roles: Record<'vp' | 'manager' | 'rep', string>;
  departments: Record<'sales' | 'sales_east' | 'sales_west', string>;
  deals: Record<DealName, string>;
  memos: Record<(typeof MEMOS)[number], string>;
  notes: Record<(typeof NOTES)[number], string>;
  rules: Record<'north_to_reps' | 'south_to_west' | 'won_to_viewer' | 'central_to_sales' | 'north_inactive', string>;
  /** `"schema".table` */
  table(name: string): string;
  /** Names the user sees, sorted, from one list request (fails the test on a non-200). */
  names(user: UserKey, query?: string): Promise<string[]>;
  /** Every row of the tables a write could touch, to compare before and after a refused write. */
  state(): Promise<unknown>;
  /** Runs a request that must be refused, checks the answer and that nothing was written anywhere. */
  refused(user: UserKey, send: (c: ApiClient) => Promise<{ status: number; body: any }>, status: number, code: string): Promise<any>;
  /** A fresh deal for one test, created by the admin (owner chosen), with no region so no rule shares it. */
  scratchDeal(name: string, owner: UserKey, extra?: Record<string, unknown>): Promise<{ id: string; version: number }>;
}

export const q = (rule: unknown) => encodeURIComponent(JSON.stringify(rule));

async function ok<T = any>(res: Promise<{ status: number; body: T }>, status = 201): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

async function defineObjects(t: TestTenant): Promise<void> {
  await t.admin.defineObject({
    name: 'deal',
    label: 'Deal',
    sharing: 'private',
    fields: [
      { name: 'region', type: 'picklist', label: 'Region', options: picklist('east', 'west', 'north', 'south', 'central') },
      { name: 'stage', type: 'picklist', label: 'Stage', options: picklist('open', 'won') },
      { name: 'territory', type: 'text', label: 'Territory' },
      { name: 'amount', type: 'number', label: 'Amount' },
      { name: 'discount', type: 'number', label: 'Discount' },
      { name: 'margin', type: 'number', label: 'Margin' },
      { name: 'internal_note', type: 'text', label: 'Internal note' },
      { name: 'margin_pct', type: 'formula', label: 'Margin %', options: { expression: { round: [{ '*': [{ '/': [{ var: 'margin' }, { var: 'amount' }] }, 100] }, 1] }, returns: 'number' } },
    ],
  });
  await t.admin.defineObject({ name: 'memo', label: 'Memo', sharing: 'publicRead', fields: [{ name: 'body', type: 'text', label: 'Body' }] });
  await t.admin.defineObject({ name: 'note', label: 'Note', sharing: 'publicReadWrite', fields: [{ name: 'body', type: 'text', label: 'Body' }] });
}

async function definePermissionSets(t: TestTenant): Promise<void> {
  const all = { create: true, read: true, edit: true, delete: true };
  await ok(t.admin.post('/admin/permission-sets', { name: 'sales_user', label: 'Sales user', objects: { '*': all, deal: { ...all, fields: { margin: 'none', internal_note: 'none', discount: 'read' } } } }));
  await ok(t.admin.post('/admin/permission-sets', { name: 'sales_exec', label: 'Sales executive', objects: { deal: { read: true, fields: { margin: 'read', internal_note: 'read' } } } }));
  await ok(t.admin.post('/admin/permission-sets', { name: 'read_only', label: 'Read only', objects: { '*': { read: true }, deal: { read: true, fields: { margin: 'none' } } } }));
}

export async function buildSecurityFixture(prefix: string): Promise<SecurityFixture> {
  const t = await startTestTenant(prefix);
  await defineObjects(t);
  await definePermissionSets(t);

  const node = (kind: 'roles' | 'departments', name: string, parentId?: string) => ok<{ id: string }>(t.admin.post(`/admin/${kind}`, { name, label: name, ...(parentId ? { parentId } : {}) }));
  const vp = await node('roles', 'vp');
  const manager = await node('roles', 'manager', vp.id);
  const rep = await node('roles', 'rep', manager.id);
  const sales = await node('departments', 'sales');
  const east = await node('departments', 'sales_east', sales.id);
  const west = await node('departments', 'sales_west', sales.id);
  const roles = { vp: vp.id, manager: manager.id, rep: rep.id };
  const departments = { sales: sales.id, sales_east: east.id, sales_west: west.id };

  const users = { admin: { client: t.admin, id: t.adminId } } as SecurityFixture['users'];
  for (const key of USERS.slice(1)) users[key] = await t.newUser();
  const place: Partial<Record<UserKey, Record<string, unknown>>> = {
    vp: { roleId: roles.vp, departmentId: departments.sales, permissionSets: ['sales_user', 'sales_exec'] },
    mgr: { roleId: roles.manager, departmentId: departments.sales_east, permissionSets: ['sales_user'] },
    rep1: { roleId: roles.rep, departmentId: departments.sales_east, permissionSets: ['sales_user'] },
    rep2: { roleId: roles.rep, departmentId: departments.sales_east, permissionSets: ['sales_user'] },
    head: { departmentId: departments.sales_west, managesDepartment: true, permissionSets: ['sales_user'] },
    westRep: { departmentId: departments.sales_west, permissionSets: ['sales_user'] },
    viewer: { permissionSets: ['read_only'] },
  };
  for (const [key, body] of Object.entries(place)) await ok(t.admin.patch(`/admin/users/${users[key as UserKey].id}`, { displayName: key, ...body }), 200);

  const deals = {} as Record<DealName, string>;
  for (const s of SEEDS) {
    const body = { name: s.name, owner_id: users[s.owner].id, amount: 1000, margin: 250, discount: 5, stage: s.stage ?? 'open', territory: s.territory, ...(s.region ? { region: s.region } : {}), ...(s.internal_note ? { internal_note: s.internal_note } : {}) };
    deals[s.name] = (await ok<{ id: string }>(t.admin.post('/records/deal', body))).id;
  }
  const memos = {} as SecurityFixture['memos'];
  for (const name of MEMOS) memos[name] = (await ok<{ id: string }>(t.admin.post('/records/memo', { name, owner_id: users[name.split(' ')[2] as UserKey].id }))).id;
  const notes = {} as SecurityFixture['notes'];
  for (const name of NOTES) notes[name] = (await ok<{ id: string }>(t.admin.post('/records/note', { name, owner_id: users[name.split(' ')[2] as UserKey].id }))).id;

  const rule = async (name: string, criteria: unknown, kind: 'user' | 'role' | 'department', id: string, access: 'read' | 'edit', active = true) =>
    (await ok<{ id: string }>(t.admin.post('/admin/sharing-rules', { object: 'deal', name, criteria, shareWith: { kind, id }, access, active }))).id;
  const region = (r: string) => ({ '==': [{ var: 'region' }, r] });
  const rules = {
    north_to_reps: await rule('north_to_reps', region('north'), 'role', roles.rep, 'read'),
    south_to_west: await rule('south_to_west', region('south'), 'department', departments.sales_west, 'edit'),
    won_to_viewer: await rule('won_to_viewer', { '==': [{ var: 'stage' }, 'won'] }, 'user', users.viewer.id, 'read'),
    central_to_sales: await rule('central_to_sales', region('central'), 'department', departments.sales, 'read'),
    north_inactive: await rule('north_inactive', region('north'), 'user', users.viewer.id, 'edit', false),
  };
  await ok(t.admin.post(`/records/deal/${deals.India}/team`, { userId: users.rep2.id, access: 'edit', teamRole: 'support' }));
  await ok(t.admin.post(`/records/deal/${deals.Juliet}/share`, { kind: 'role', id: roles.manager, access: 'read' }));
  await ok(users.rep1.client.post(`/records/deal/${deals.Charlie}/share`, { kind: 'user', id: users.westRep.id, access: 'read' }));

  const table = (name: string) => `"${t.tenant.schema}".${name}`;
  const fixture: SecurityFixture = {
    t,
    users,
    roles,
    departments,
    deals,
    memos,
    notes,
    rules,
    table,
    async names(user, query = '') {
      const res = await users[user].client.get(`/records/deal?limit=100${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return (res.body.records as { name: string }[]).map((r) => r.name).sort();
    },
    async state() {
      const rows = async (sql: string) => t.sql(sql);
      return {
        deal: await rows(`SELECT * FROM ${table('deal')} ORDER BY id`),
        memo: await rows(`SELECT * FROM ${table('memo')} ORDER BY id`),
        note: await rows(`SELECT * FROM ${table('note')} ORDER BY id`),
        shares: await rows(`SELECT * FROM ${table('_record_shares')} ORDER BY object, record_id, reason, principal_id`),
        roles: await rows(`SELECT * FROM ${table('_roles')} ORDER BY id`),
        departments: await rows(`SELECT * FROM ${table('_departments')} ORDER BY id`),
        rules: await rows(`SELECT * FROM ${table('_sharing_rules')} ORDER BY id`),
        access: await rows(`SELECT * FROM ${table('_user_access')} ORDER BY user_id`),
        sets: await rows(`SELECT * FROM ${table('_user_permission_sets')} ORDER BY user_id, permission_set_id`),
        permissionSets: await rows(`SELECT * FROM ${table('_permission_sets')} ORDER BY id`),
        accounts: await t.sql(`SELECT id, email, is_admin, active FROM ${SYSTEM_SCHEMA}.users WHERE tenant_id = ? ORDER BY id`, [t.tenant.id]),
      };
    },
    refused: (user, send, status, code) => expectRefusedUnchanged(fixture.state, () => send(users[user].client), status, code, user),
    async scratchDeal(name, owner, extra = {}) {
      const body = await ok<{ id: string; version: number }>(t.admin.post('/records/deal', { name, owner_id: users[owner].id, amount: 10, territory: 'scratch', ...extra }));
      return { id: body.id, version: body.version };
    },
  };
  return fixture;
}
