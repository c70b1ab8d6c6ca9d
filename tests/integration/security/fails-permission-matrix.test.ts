import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSecurityFixture, DEALS, EDITABLE, EXTRA_FIELDS, FULL, HIDEABLE_FIELDS, q, READ_ONLY_USERS, USERS, VISIBLE, type DealName, type SecurityFixture, type UserKey } from './permission-fixture';

/**
 * Every write the matrix refuses (see permission-fixture.ts), and bad input to
 * the security API: the exact answer, and nothing written — the deal, memo
 * and note rows (values and versions), record shares, roles, departments,
 * sharing rules and user placements are compared before and after each one.
 */
let f: SecurityFixture;

beforeAll(async () => {
  f = await buildSecurityFixture('secfails');
});
afterAll(() => f?.t.close());

const NON_ADMINS = USERS.filter((u) => u !== 'admin');
const versionOf = async (deal: DealName): Promise<number> => (await f.t.sql(`SELECT version FROM ${f.table('deal')} WHERE id = ?`, [f.deals[deal]]))[0].version;

/** The answer a user gets for a deal they may not write: 404 if they cannot see it, else 403 (object permission first). */
function refusal(user: UserKey, deal: DealName): [number, string] {
  if (READ_ONLY_USERS.includes(user)) return [403, 'OBJECT_ACCESS_DENIED'];
  return VISIBLE[user].includes(deal) ? [403, 'RECORD_ACCESS_DENIED'] : [404, 'RECORD_NOT_FOUND'];
}

describe('refused record writes change nothing', () => {
  it.each(NON_ADMINS)('%s: updating a deal outside their edit access (with the current version)', async (user) => {
    for (const deal of DEALS.filter((d) => !EDITABLE[user].includes(d))) {
      const version = await versionOf(deal);
      const [status, code] = refusal(user, deal);
      const body = await f.refused(user, (c) => c.patch(`/records/deal/${f.deals[deal]}`, { amount: 1, version }), status, code);
      if (code === 'RECORD_ACCESS_DENIED') expect(body.error).toEqual({ code, message: 'you may not change this deal', details: { object: 'deal', id: f.deals[deal] } });
    }
  });

  it.each(NON_ADMINS)('%s: deleting a deal outside their owner scope', async (user) => {
    for (const deal of DEALS.filter((d) => !FULL[user].includes(d))) {
      const [status, code] = READ_ONLY_USERS.includes(user) ? [403, 'OBJECT_ACCESS_DENIED'] : refusal(user, deal);
      await f.refused(user, (c) => c.delete(`/records/deal/${f.deals[deal]}`), status, code);
    }
  });

  it('an object permission is checked before the record: the read-only user is refused even on the deal it sees', async () => {
    const body = await f.refused('viewer', (c) => c.patch(`/records/deal/${f.deals.Lima}`, { amount: 1, version: 1 }), 403, 'OBJECT_ACCESS_DENIED');
    expect(body.error).toEqual({ code: 'OBJECT_ACCESS_DENIED', message: 'you may not edit deal records', details: { object: 'deal', permission: 'edit' } });
    expect((await f.refused('viewer', (c) => c.delete(`/records/deal/${f.deals.Lima}`), 403, 'OBJECT_ACCESS_DENIED')).error.details).toEqual({ object: 'deal', permission: 'delete' });
  });

  it('publicRead memos: visible to all, but no update or delete outside the owner scope', async () => {
    await f.refused('rep1', (c) => c.patch(`/records/memo/${f.memos['Memo of vp']}`, { body: 'x', version: 1 }), 403, 'RECORD_ACCESS_DENIED');
    await f.refused('rep2', (c) => c.delete(`/records/memo/${f.memos['Memo of rep1']}`), 403, 'RECORD_ACCESS_DENIED');
    await f.refused('newbie', (c) => c.patch(`/records/memo/${f.memos['Memo of admin']}`, { body: 'x', version: 1 }), 403, 'RECORD_ACCESS_DENIED');
    await f.refused('viewer', (c) => c.patch(`/records/memo/${f.memos['Memo of admin']}`, { body: 'x', version: 1 }), 403, 'OBJECT_ACCESS_DENIED');
  });

  it('publicReadWrite notes: no delete outside the owner scope, and no change for a read-only user', async () => {
    await f.refused('newbie', (c) => c.delete(`/records/note/${f.notes['Note of admin']}`), 403, 'RECORD_ACCESS_DENIED');
    await f.refused('head', (c) => c.delete(`/records/note/${f.notes['Note of rep1']}`), 403, 'RECORD_ACCESS_DENIED');
    await f.refused('viewer', (c) => c.patch(`/records/note/${f.notes['Note of rep1']}`, { body: 'x', version: 1 }), 403, 'OBJECT_ACCESS_DENIED');
  });
});

describe('field-level security refusals', () => {
  const hiddenFrom = (user: UserKey) => HIDEABLE_FIELDS.filter((x) => !EXTRA_FIELDS[user].includes(x));

  it.each(NON_ADMINS.filter((u) => hiddenFrom(u).length))('%s: a hidden field in filter, sort or fields → 403 FIELD_NOT_ACCESSIBLE', async (user) => {
    for (const field of hiddenFrom(user)) {
      for (const [parameter, query] of [
        ['filter', `filter=${q({ '!=': [{ var: field }, null] })}`],
        ['sort', `sort=-${field}`],
        ['fields', `fields=name,${field}`],
      ] as const) {
        const res = await f.users[user].client.get(`/records/deal?${query}`);
        expect(res.status, `${user} ${query}`).toBe(403);
        expect(res.body.error.code).toBe('FIELD_NOT_ACCESSIBLE');
        expect(res.body.error.details.field).toBe(field);
        if (parameter !== 'filter') expect(res.body.error.details.parameter).toBe(parameter);
      }
    }
  });

  it('a hidden field inside a nested filter is refused too, and an unknown field stays 400', async () => {
    const nested = await f.users.rep1.client.get(`/records/deal?filter=${q({ or: [{ '==': [{ var: 'name' }, 'Charlie'] }, { '>': [{ var: 'margin_pct' }, 0] }] })}`);
    expect(nested.status).toBe(403);
    expect(nested.body.error.code).toBe('FIELD_NOT_ACCESSIBLE');
    expect((await f.users.rep1.client.get(`/records/deal?filter=${q({ '==': [{ var: 'ghost' }, 1] })}`)).body.error.code).toBe('QUERY_UNKNOWN_FIELD');
  });

  it('writing a field the user may not edit → 403 FIELD_NOT_ACCESSIBLE, on update, create and bulk create', async () => {
    const v = await versionOf('Charlie');
    const body = await f.refused('rep1', (c) => c.patch(`/records/deal/${f.deals.Charlie}`, { amount: 1, margin: 1, version: v }), 403, 'FIELD_NOT_ACCESSIBLE');
    expect(body.error).toEqual({ code: 'FIELD_NOT_ACCESSIBLE', message: 'you may not use the field "margin"', details: { field: 'margin', path: '/margin' } });
    await f.refused('rep1', (c) => c.patch(`/records/deal/${f.deals.Charlie}`, { discount: 50, version: v }), 403, 'FIELD_NOT_ACCESSIBLE'); // read-only
    await f.refused('vp', (c) => c.patch(`/records/deal/${f.deals.Alpha}`, { margin: 1, version: 1 }), 403, 'FIELD_NOT_ACCESSIBLE'); // readable, not editable
    await f.refused('mgr', (c) => c.post('/records/deal', { name: 'Sneaky', internal_note: 'x' }), 403, 'FIELD_NOT_ACCESSIBLE');
    const bulk = await f.refused('rep2', (c) => c.post('/records/deal/bulk', { records: [{ name: 'Fine' }, { name: 'Sneaky', discount: 90 }] }), 403, 'FIELD_NOT_ACCESSIBLE');
    expect(bulk.error.details).toEqual({ field: 'discount', path: '/records/1/discount' });
  });
});

describe('refused creates change nothing', () => {
  it('a permission set without create → 403 OBJECT_ACCESS_DENIED, single and bulk', async () => {
    const body = await f.refused('viewer', (c) => c.post('/records/deal', { name: 'Nope' }), 403, 'OBJECT_ACCESS_DENIED');
    expect(body.error).toEqual({ code: 'OBJECT_ACCESS_DENIED', message: 'you may not create deal records', details: { object: 'deal', permission: 'create' } });
    await f.refused('viewer', (c) => c.post('/records/deal/bulk', { records: [{ name: 'Nope' }] }), 403, 'OBJECT_ACCESS_DENIED');
    await f.refused('viewer', (c) => c.post('/records/note', { name: 'Nope' }), 403, 'OBJECT_ACCESS_DENIED');
  });

  it('giving a new record to a user outside one’s owner scope → 403 RECORD_ACCESS_DENIED', async () => {
    for (const [user, owner] of [['rep1', 'mgr'], ['rep1', 'rep2'], ['mgr', 'vp'], ['westRep', 'head'], ['head', 'rep1'], ['vp', 'head']] as const) {
      const body = await f.refused(user, (c) => c.post('/records/deal', { name: 'Gift', owner_id: f.users[owner].id }), 403, 'RECORD_ACCESS_DENIED');
      expect(body.error.details).toEqual({ field: 'owner_id', path: '/owner_id' });
    }
    await f.refused('rep1', (c) => c.post('/records/deal/bulk', { records: [{ name: 'Mine' }, { name: 'Boss', owner_id: f.users.vp.id }] }), 403, 'RECORD_ACCESS_DENIED');
  });

  it('an owner who is not an active user of the organisation → 400 RECORD_OWNER_INVALID', async () => {
    await f.refused('mgr', (c) => c.post('/records/deal', { name: 'Ghost', owner_id: randomUUID() }), 400, 'RECORD_OWNER_INVALID');
    await f.refused('mgr', (c) => c.post('/records/deal', { name: 'Ghost', owner_id: 'not-a-uuid' }), 400, 'RECORD_VALIDATION_FAILED');
  });
});

describe('refused ownership transfers change nothing', () => {
  it('PATCH owner_id without full access → 403 (visible) or 404 (not visible)', async () => {
    const cases: [UserKey, DealName, number, string][] = [
      ['westRep', 'Hotel', 403, 'RECORD_ACCESS_DENIED'], // edit through a sharing rule
      ['rep2', 'India', 403, 'RECORD_ACCESS_DENIED'], // edit as a team member
      ['rep1', 'Golf', 403, 'RECORD_ACCESS_DENIED'], // read through a sharing rule
      ['mgr', 'Juliet', 403, 'RECORD_ACCESS_DENIED'], // read through a manual share
      ['westRep', 'Charlie', 403, 'RECORD_ACCESS_DENIED'], // read through the owner's share
      ['rep1', 'Delta', 404, 'RECORD_NOT_FOUND'], // a peer's
      ['mgr', 'Alpha', 404, 'RECORD_NOT_FOUND'], // the boss's
      ['viewer', 'Lima', 403, 'OBJECT_ACCESS_DENIED'],
    ];
    for (const [user, deal, status, code] of cases) {
      const version = await versionOf(deal);
      await f.refused(user, (c) => c.patch(`/records/deal/${f.deals[deal]}`, { owner_id: f.users[user].id, version }), status, code);
    }
  });

  it('PATCH owner_id to someone who is not an active user → 400 RECORD_OWNER_INVALID', async () => {
    const version = await versionOf('Charlie');
    await f.refused('rep1', (c) => c.patch(`/records/deal/${f.deals.Charlie}`, { owner_id: randomUUID(), version }), 400, 'RECORD_OWNER_INVALID');
  });

  it('bulk transfer is all or nothing: one read-only deal → 403 naming it; one invisible → 404 naming only it', async () => {
    const denied = await f.refused('mgr', (c) => c.post('/records/deal/transfer', { ids: [f.deals.Bravo, f.deals.Charlie, f.deals.Golf], ownerId: f.users.rep1.id }), 403, 'RECORD_ACCESS_DENIED');
    expect(denied.error.details).toEqual({ object: 'deal', ids: [f.deals.Golf] });
    const missing = await f.refused('mgr', (c) => c.post('/records/deal/transfer', { ids: [f.deals.Bravo, f.deals.Kilo, f.deals.Golf], ownerId: f.users.rep1.id }), 404, 'RECORD_NOT_FOUND');
    expect(missing.error.details).toEqual({ object: 'deal', ids: [f.deals.Kilo] });
    await f.refused('westRep', (c) => c.post('/records/deal/transfer', { ids: [f.deals.Foxtrot, f.deals.Hotel], ownerId: f.users.westRep.id }), 403, 'RECORD_ACCESS_DENIED');
    await f.refused('viewer', (c) => c.post('/records/deal/transfer', { ids: [f.deals.Lima], ownerId: f.users.viewer.id }), 403, 'OBJECT_ACCESS_DENIED');
  });

  it('bad transfer requests → 400, nothing transferred', async () => {
    const bad: [unknown, string][] = [
      [{ ids: [], ownerId: f.users.rep1.id }, 'REQUEST_INVALID'],
      [{ ids: [f.deals.Bravo, f.deals.Bravo], ownerId: f.users.rep1.id }, 'REQUEST_INVALID'],
      [{ ids: ['not-a-uuid'], ownerId: f.users.rep1.id }, 'REQUEST_INVALID'],
      [{ ids: Array.from({ length: 1001 }, () => randomUUID()), ownerId: f.users.rep1.id }, 'REQUEST_INVALID'],
      [{ ids: [f.deals.Bravo] }, 'REQUEST_INVALID'],
      [{ ids: [f.deals.Bravo], ownerId: f.users.rep1.id, extra: true }, 'REQUEST_INVALID'],
      [{ ids: [f.deals.Bravo], ownerId: randomUUID() }, 'RECORD_OWNER_INVALID'],
    ];
    for (const [body, code] of bad) await f.refused('mgr', (c) => c.post('/records/deal/transfer', body), 400, code);
  });
});

describe('refused team and share changes change nothing', () => {
  it('only the owner scope may manage a record’s team and shares', async () => {
    const add = (deal: DealName, path: 'team' | 'share', body: object) => (c: SecurityFixture['t']['admin']) => c.post(`/records/deal/${f.deals[deal]}/${path}`, body);
    const cases: [UserKey, DealName, 'team' | 'share', number, string][] = [
      ['westRep', 'Charlie', 'share', 403, 'RECORD_ACCESS_DENIED'], // shared with them, read
      ['westRep', 'Hotel', 'team', 403, 'RECORD_ACCESS_DENIED'], // edit through a rule
      ['rep2', 'India', 'team', 403, 'RECORD_ACCESS_DENIED'], // a team member
      ['mgr', 'Golf', 'share', 403, 'RECORD_ACCESS_DENIED'],
      ['viewer', 'Lima', 'share', 403, 'RECORD_ACCESS_DENIED'],
      ['rep1', 'Kilo', 'share', 404, 'RECORD_NOT_FOUND'],
      ['rep1', 'Delta', 'team', 404, 'RECORD_NOT_FOUND'],
    ];
    for (const [user, deal, path, status, code] of cases) {
      const body = path === 'team' ? { userId: f.users.newbie.id, access: 'edit' } : { kind: 'user', id: f.users.newbie.id, access: 'edit' };
      await f.refused(user, add(deal, path, body), status, code);
    }
    await f.refused('rep2', (c) => c.delete(`/records/deal/${f.deals.India}/team/${f.users.rep2.id}`), 403, 'RECORD_ACCESS_DENIED');
    await f.refused('rep1', (c) => c.get(`/records/deal/${f.deals.Kilo}/share`), 404, 'RECORD_NOT_FOUND');
  });

  it('bad share and team bodies → 400; removing a share that is not there → 404 SECURITY_NOT_FOUND', async () => {
    const url = (path: string) => `/records/deal/${f.deals.Charlie}/${path}`;
    const bad: [string, unknown, string][] = [
      ['share', { kind: 'team', id: f.users.rep2.id, access: 'read' }, 'REQUEST_INVALID'],
      ['share', { kind: 'user', id: f.users.rep2.id, access: 'full' }, 'REQUEST_INVALID'],
      ['share', { kind: 'user', id: 'nobody', access: 'read' }, 'REQUEST_INVALID'],
      ['team', { userId: f.users.rep2.id }, 'REQUEST_INVALID'],
      ['team', { userId: f.users.rep2.id, access: 'edit', teamRole: '' }, 'REQUEST_INVALID'],
      ['share', { kind: 'role', id: randomUUID(), access: 'read' }, 'SECURITY_INVALID'],
      ['share', { kind: 'department', id: f.roles.rep, access: 'read' }, 'SECURITY_INVALID'],
      ['team', { userId: randomUUID(), access: 'read' }, 'SECURITY_INVALID'],
    ];
    for (const [path, body, code] of bad) await f.refused('rep1', (c) => c.post(url(path), body), 400, code);
    await f.refused('rep1', (c) => c.delete(url(`share/${f.users.rep2.id}`)), 404, 'SECURITY_NOT_FOUND');
    await f.refused('rep1', (c) => c.delete(url('team/not-a-uuid')), 404, 'SECURITY_NOT_FOUND');
  });
});

describe('the security admin API', () => {
  it.each(NON_ADMINS)('%s: /admin/* → 403 AUTH_FORBIDDEN', async (user) => {
    const me = f.users[user].id;
    const calls: ((c: SecurityFixture['t']['admin']) => Promise<{ status: number; body: any }>)[] = [
      (c) => c.get('/admin/roles'),
      (c) => c.post('/admin/roles', { name: 'sneaky', label: 'Sneaky' }),
      (c) => c.patch(`/admin/roles/${f.roles.rep}`, { parentId: null }),
      (c) => c.delete(`/admin/departments/${f.departments.sales_west}`),
      (c) => c.post('/admin/permission-sets', { name: 'all_mine', label: 'All mine', admin: true }),
      (c) => c.post('/admin/sharing-rules', { object: 'deal', name: 'all_to_me', criteria: true, shareWith: { kind: 'user', id: me }, access: 'edit' }),
      (c) => c.patch(`/admin/users/${me}`, { isAdmin: true }),
      (c) => c.patch(`/admin/users/${me}`, { permissionSets: ['sales_exec'] }),
      (c) => c.post('/admin/users', { email: 'x@y.test', password: 'long-enough-password' }),
    ];
    for (const call of calls) await f.refused(user, call, 403, 'AUTH_FORBIDDEN');
  });

  it('a role or department tree cycle → 400 SECURITY_CYCLE', async () => {
    for (const [kind, id, parentId] of [
      ['roles', f.roles.vp, f.roles.rep],
      ['roles', f.roles.manager, f.roles.manager],
      ['departments', f.departments.sales, f.departments.sales_west],
    ] as const) {
      const body = await f.refused('admin', (c) => c.patch(`/admin/${kind}/${id}`, { parentId }), 400, 'SECURITY_CYCLE');
      expect(body.error.details.issues).toEqual([{ path: '/parentId', code: 'CYCLE', message: 'would make a cycle' }]);
    }
  });

  it('a tree deeper than 32 levels → 400 SECURITY_INVALID, for a new node and for moving a subtree', async () => {
    let parentId: string | undefined;
    for (let i = 1; i <= 32; i++) {
      const res = await f.t.admin.post('/admin/roles', { name: `level_${i}`, label: `Level ${i}`, ...(parentId ? { parentId } : {}) });
      expect(res.status, `level ${i}`).toBe(201);
      parentId = res.body.id;
    }
    const tooDeep = await f.refused('admin', (c) => c.post('/admin/roles', { name: 'level_33', label: 'Level 33', parentId }), 400, 'SECURITY_INVALID');
    expect(tooDeep.error.details.issues).toEqual([{ path: '/parentId', code: 'TOO_DEEP', message: 'too deep' }]);
    // vp → manager → rep is three levels: under level 30 it would reach 33.
    const level30 = (await f.t.sql(`SELECT id FROM ${f.table('_roles')} WHERE name = 'level_30'`))[0].id;
    await f.refused('admin', (c) => c.patch(`/admin/roles/${f.roles.vp}`, { parentId: level30 }), 400, 'SECURITY_INVALID');
  });

  it('deleting a role or department still in use → 409 SECURITY_IN_USE; an unknown one → 404', async () => {
    const inUse: [string, string][] = [
      ['roles', f.roles.vp], // a sub-role and a user
      ['roles', f.roles.rep], // users and a sharing rule
      ['departments', f.departments.sales], // sub-departments, a user, a sharing rule
      ['departments', f.departments.sales_west], // users and a sharing rule
    ];
    for (const [kind, id] of inUse) await f.refused('admin', (c) => c.delete(`/admin/${kind}/${id}`), 409, 'SECURITY_IN_USE');
    const body = await f.refused('admin', (c) => c.delete(`/admin/roles/${f.roles.rep}`), 409, 'SECURITY_IN_USE');
    expect(body.error.details.usage).toMatchObject({ children: 0, users: 2, rules: 1 });
    await f.refused('admin', (c) => c.delete(`/admin/roles/${randomUUID()}`), 404, 'SECURITY_NOT_FOUND');
  });

  it('a manually shared role is in use too', async () => {
    const role = (await f.t.admin.post('/admin/roles', { name: 'auditor', label: 'Auditor' })).body;
    expect((await f.t.admin.post(`/records/deal/${f.deals.Kilo}/share`, { kind: 'role', id: role.id, access: 'read' })).status).toBe(201);
    await f.refused('admin', (c) => c.delete(`/admin/roles/${role.id}`), 409, 'SECURITY_IN_USE');
    expect((await f.t.admin.delete(`/records/deal/${f.deals.Kilo}/share/${role.id}`)).status).toBe(204);
    expect((await f.t.admin.delete(`/admin/roles/${role.id}`)).status).toBe(204);
  });

  it('bad sharing rules → 400 SECURITY_INVALID or 409 SECURITY_EXISTS', async () => {
    const rule = (over: object) => ({ object: 'deal', name: 'bad_rule', criteria: { '==': [{ var: 'region' }, 'east'] }, shareWith: { kind: 'role', id: f.roles.rep }, access: 'read', ...over });
    const bad: [object, number, string][] = [
      [{ criteria: { '==': [{ var: 'ghost' }, 1] } }, 400, 'SECURITY_INVALID'],
      [{ object: 'ghost' }, 400, 'SECURITY_INVALID'],
      [{ shareWith: { kind: 'role', id: randomUUID() } }, 400, 'SECURITY_INVALID'],
      [{ shareWith: { kind: 'user', id: f.roles.rep } }, 400, 'SECURITY_INVALID'],
      [{ access: 'full' }, 400, 'SECURITY_INVALID'],
      [{ name: 'Bad Name' }, 400, 'SECURITY_INVALID'],
      [{ name: 'north_to_reps' }, 409, 'SECURITY_EXISTS'],
    ];
    for (const [over, status, code] of bad) await f.refused('admin', (c) => c.post('/admin/sharing-rules', rule(over)), status, code);
    await f.refused('admin', (c) => c.patch(`/admin/sharing-rules/${f.rules.north_to_reps}`, { criteria: { '==': [{ var: 'ghost' }, 1] } }), 400, 'SECURITY_INVALID');
  });

  it('placing a user in something that does not exist → 400, nothing changed', async () => {
    const id = f.users.rep1.id;
    await f.refused('admin', (c) => c.patch(`/admin/users/${id}`, { permissionSets: ['sales_user', 'ghost'] }), 400, 'SECURITY_INVALID');
    await f.refused('admin', (c) => c.patch(`/admin/users/${id}`, { roleId: randomUUID() }), 400, 'SECURITY_INVALID');
    await f.refused('admin', (c) => c.patch(`/admin/users/${id}`, { departmentId: f.roles.rep }), 400, 'SECURITY_INVALID');
    await f.refused('admin', (c) => c.patch(`/admin/users/${id}`, { managesDepartment: 'yes' }), 400, 'SECURITY_INVALID');
    await f.refused('admin', (c) => c.post('/admin/permission-sets', { name: 'odd', label: 'Odd', objects: { deal: { read: true, fields: { margin: 'write' } } } }), 400, 'SECURITY_INVALID');
  });
});
