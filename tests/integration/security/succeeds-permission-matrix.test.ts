import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSecurityFixture, DEALS, EDITABLE, EXTRA_FIELDS, FULL, HIDEABLE_FIELDS, MEMOS, NOTES, q, USERS, VISIBLE, type SecurityFixture, type UserKey } from './permission-fixture';

/**
 * What each user of the fixture (see permission-fixture.ts) sees and may do:
 * lists, counts, search, reads by id, fields, $user in filters, and every
 * write the matrix allows. The refused writes are in fails-permission-matrix.
 */
let f: SecurityFixture;

beforeAll(async () => {
  f = await buildSecurityFixture('secmatrix');
});
afterAll(() => f?.t.close());

const sorted = (xs: readonly string[]) => [...xs].sort();

/** `q` searches name and the text fields the user may read (internal_note is hidden from most). */
const SEARCH: Record<string, Record<UserKey, string[]>> = {
  li: { admin: ['Charlie', 'Juliet', 'Lima'], vp: ['Charlie', 'Juliet'], mgr: ['Charlie', 'Juliet'], rep1: ['Charlie'], rep2: [], head: ['Charlie'], westRep: ['Charlie'], viewer: ['Lima'], newbie: [] },
  zebra: { admin: ['Charlie', 'Lima'], vp: ['Charlie'], mgr: [], rep1: [], rep2: [], head: [], westRep: [], viewer: ['Lima'], newbie: [] },
};

/** `territory == $user.department`: the department's name, null for users without one. */
const OWN_TERRITORY: Record<UserKey, string[]> = {
  admin: [],
  vp: ['Alpha'],
  mgr: ['Bravo', 'Charlie', 'Delta'],
  rep1: ['Charlie'],
  rep2: ['Delta'],
  head: ['Echo', 'Foxtrot'],
  westRep: ['Foxtrot'],
  viewer: [],
  newbie: [],
};

describe('who sees which deal (private object)', () => {
  it.each(USERS)('%s: the list and count=true show exactly the visible deals', async (user) => {
    const res = await f.users[user].client.get('/records/deal?count=true&sort=name&limit=100');
    expect(res.status).toBe(200);
    expect(res.body.records.map((r: { name: string }) => r.name)).toEqual(sorted(VISIBLE[user]));
    expect(res.body.total).toBe(VISIBLE[user].length);
  });

  it.each(USERS)('%s: GET by id answers 200 for a visible deal and 404 RECORD_NOT_FOUND for any other', async (user) => {
    for (const deal of DEALS) {
      const res = await f.users[user].client.get(`/records/deal/${f.deals[deal]}`);
      if (VISIBLE[user].includes(deal)) {
        expect(res.status, `${user} ${deal}`).toBe(200);
        expect(res.body.name).toBe(deal);
      } else {
        expect(res.status, `${user} ${deal}`).toBe(404);
        expect(res.body.error).toEqual({ code: 'RECORD_NOT_FOUND', message: `deal ${f.deals[deal]} does not exist`, details: { object: 'deal', id: f.deals[deal] } });
      }
    }
  });

  it.each(Object.keys(SEARCH))('q=%s: search and its count obey the same access and hidden fields', async (term) => {
    for (const user of USERS) {
      const res = await f.users[user].client.get(`/records/deal?q=${term}&count=true`);
      expect(res.status).toBe(200);
      expect(res.body.records.map((r: { name: string }) => r.name).sort(), `${user} q=${term}`).toEqual(SEARCH[term]![user]);
      expect(res.body.total, `${user} q=${term}`).toBe(SEARCH[term]![user].length);
    }
  });

  it('pages through a restricted list with the cursor without losing or repeating a deal', async () => {
    for (const user of ['vp', 'mgr', 'head'] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const res = await f.users[user].client.get(`/records/deal?sort=-name&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(res.status).toBe(200);
        seen.push(...res.body.records.map((r: { name: string }) => r.name));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(sorted(VISIBLE[user]).reverse());
    }
  });

  it('a count with a filter counts only visible deals', async () => {
    const north = q({ '==': [{ var: 'region' }, 'north'] });
    for (const user of USERS) {
      const res = await f.users[user].client.get(`/records/deal?count=true&limit=1&filter=${north}`);
      expect(res.body.total, user).toBe(VISIBLE[user].includes('Golf') ? 1 : 0);
    }
  });

  it('an inactive sharing rule shares nothing', async () => {
    expect(await f.names('viewer')).toEqual(['Lima']); // north_inactive would add Golf
    expect((await f.users.viewer.client.get(`/records/deal/${f.deals.Golf}`)).status).toBe(404);
  });
});

describe('org-wide defaults', () => {
  it('publicRead: everyone with read sees every memo; editing and deleting stay with the owner scope', async () => {
    const editors: Record<UserKey, string[]> = {
      admin: [...MEMOS],
      vp: ['Memo of vp', 'Memo of rep1'],
      mgr: ['Memo of rep1'],
      rep1: ['Memo of rep1'],
      rep2: [],
      head: ['Memo of westRep'],
      westRep: ['Memo of westRep'],
      viewer: [],
      newbie: [],
    };
    for (const user of USERS) {
      const res = await f.users[user].client.get('/records/memo?count=true');
      expect(res.body.total, user).toBe(MEMOS.length);
      for (const memo of MEMOS) {
        // A stale version: 409 means the access check passed and only the version stopped the write.
        const probe = await f.users[user].client.patch(`/records/memo/${f.memos[memo]}`, { body: 'x', version: 999 });
        const expected = user === 'viewer' ? 403 : editors[user].includes(memo) ? 409 : 403;
        expect(probe.status, `${user} edits ${memo}`).toBe(expected);
        const del = await f.users[user].client.delete(`/records/memo/${f.memos[memo]}`, { 'if-match': '"999"' });
        expect(del.status, `${user} deletes ${memo}`).toBe(expected);
      }
    }
  });

  it('publicReadWrite: everyone with edit may change every note; deleting stays with the owner scope', async () => {
    for (const user of USERS) {
      expect((await f.users[user].client.get('/records/note?count=true')).body.total, user).toBe(NOTES.length);
      for (const note of NOTES) {
        const edit = await f.users[user].client.patch(`/records/note/${f.notes[note]}`, { body: 'x', version: 999 });
        expect(edit.status, `${user} edits ${note}`).toBe(user === 'viewer' ? 403 : 409);
        const mayDelete = user === 'admin' || (note === 'Note of rep1' && ['vp', 'mgr', 'rep1'].includes(user));
        const del = await f.users[user].client.delete(`/records/note/${f.notes[note]}`, { 'if-match': '"999"' });
        expect(del.status, `${user} deletes ${note}`).toBe(user === 'viewer' ? 403 : mayDelete ? 409 : 403);
      }
    }
    const real = await f.users.newbie.client.patch(`/records/note/${f.notes['Note of admin']}`, { body: 'edited by newbie', version: 1 });
    expect(real.status).toBe(200);
    expect((await f.t.sql(`SELECT body, version, updated_by FROM ${f.table('note')} WHERE id = ?`, [f.notes['Note of admin']]))[0]).toEqual({ body: 'edited by newbie', version: 2, updated_by: f.users.newbie.id });
  });
});

describe('field-level security', () => {
  it.each(USERS.filter((u) => VISIBLE[u].length))('%s: lists and reads show exactly the readable fields', async (user) => {
    const expected = (keys: string[]) => {
      for (const field of HIDEABLE_FIELDS) expect(keys.includes(field), `${user} ${field}`).toBe(EXTRA_FIELDS[user].includes(field));
      for (const field of ['id', 'name', 'owner_id', 'version', 'region', 'stage', 'territory', 'amount']) expect(keys, user).toContain(field);
    };
    const list = await f.users[user].client.get('/records/deal?limit=100');
    for (const r of list.body.records) expected(Object.keys(r));
    expected(Object.keys((await f.users[user].client.get(`/records/deal/${f.deals[VISIBLE[user][0]!]}`)).body));
  });

  it('a readable hidden-to-others field and its formula carry their values', async () => {
    const rec = (await f.users.vp.client.get(`/records/deal/${f.deals.Alpha}`)).body;
    expect(rec).toMatchObject({ margin: 250, margin_pct: 25, discount: 5 });
    const sortedByMargin = await f.users.vp.client.get(`/records/deal?sort=-margin_pct,name&fields=name,margin_pct&filter=${q({ '>': [{ var: 'margin' }, 100] })}`);
    expect(sortedByMargin.status).toBe(200);
    expect(sortedByMargin.body.records[0]).toEqual({ id: f.deals.Alpha, name: 'Alpha', margin_pct: 25, version: 1 });
  });

  it('fields= limits the answer to readable fields the user names', async () => {
    const res = await f.users.rep1.client.get('/records/deal?fields=name,discount&sort=name');
    expect(res.status).toBe(200);
    expect(res.body.records.map((r: object) => Object.keys(r).sort())).toEqual(VISIBLE.rep1.map(() => ['discount', 'id', 'name', 'version']));
  });
});

describe('$user in list filters', () => {
  it.each(USERS)('%s: territory == $user.department, within what they see', async (user) => {
    expect(await f.names(user, `&filter=${q({ '==': [{ var: 'territory' }, { var: '$user.department' }] })}`)).toEqual(sorted(OWN_TERRITORY[user]));
  });

  it.each(USERS)('%s: "manager" in $user.roles is true only for the manager', async (user) => {
    const res = await f.users[user].client.get(`/records/deal?count=true&filter=${q({ in: ['manager', { var: '$user.roles' }] })}`);
    expect(res.body.total, user).toBe(user === 'mgr' ? VISIBLE.mgr.length : 0);
  });
});

describe('writes the matrix allows', () => {
  it.each(USERS.filter((u) => EDITABLE[u].length))('%s: may update exactly the editable deals (a stale version answers 409)', async (user) => {
    for (const deal of EDITABLE[user]) {
      const res = await f.users[user].client.patch(`/records/deal/${f.deals[deal]}`, { amount: 1000, version: 999 });
      expect(res.status, `${user} ${deal}`).toBe(409);
      expect(res.body.error.code).toBe('RECORD_VERSION_CONFLICT');
    }
  });

  it.each(USERS.filter((u) => FULL[u].length))('%s: may delete exactly the deals in their owner scope (a stale If-Match answers 409)', async (user) => {
    for (const deal of FULL[user]) {
      const res = await f.users[user].client.delete(`/records/deal/${f.deals[deal]}`, { 'if-match': '"999"' });
      expect(res.status, `${user} ${deal}`).toBe(409);
    }
  });

  it('updates through each kind of access, and the row changes once', async () => {
    const cases: [UserKey, (typeof DEALS)[number], string][] = [
      ['rep1', 'Charlie', 'own record'],
      ['mgr', 'Delta', 'role below'],
      ['vp', 'Bravo', 'role below'],
      ['head', 'Foxtrot', 'managed department'],
      ['westRep', 'Hotel', 'edit sharing rule'],
      ['rep2', 'India', 'team member with edit'],
    ];
    for (const [user, deal, why] of cases) {
      const [{ version }] = await f.t.sql(`SELECT version FROM ${f.table('deal')} WHERE id = ?`, [f.deals[deal]]);
      const res = await f.users[user].client.patch(`/records/deal/${f.deals[deal]}`, { amount: 2000, version });
      expect(res.status, `${user} ${deal} (${why}): ${JSON.stringify(res.body)}`).toBe(200);
      expect('margin' in res.body, `${user} reads margin`).toBe(EXTRA_FIELDS[user].includes('margin'));
      const [row] = await f.t.sql(`SELECT amount, version, updated_by, owner_id FROM ${f.table('deal')} WHERE id = ?`, [f.deals[deal]]);
      expect(row).toMatchObject({ amount: 2000, version: version + 1, updated_by: f.users[user].id });
    }
  });

  it('keeping the owner unchanged in a PATCH needs only edit access', async () => {
    const [{ version, owner_id }] = await f.t.sql(`SELECT version, owner_id FROM ${f.table('deal')} WHERE id = ?`, [f.deals.Hotel]);
    const res = await f.users.westRep.client.patch(`/records/deal/${f.deals.Hotel}`, { owner_id, amount: 3000, version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ owner_id: f.users.admin.id, amount: 3000, version: version + 1 });
  });

  it('deletes in the owner scope: a manager a rep’s deal, a department head a member’s; the shares go too', async () => {
    for (const [user, owner] of [['mgr', 'rep1'], ['head', 'westRep'], ['vp', 'rep2'], ['rep1', 'rep1']] as const) {
      const d = await f.scratchDeal(`Doomed ${owner} by ${user}`, owner);
      await f.t.admin.post(`/records/deal/${d.id}/share`, { kind: 'user', id: f.users.viewer.id, access: 'read' });
      expect((await f.users[user].client.delete(`/records/deal/${d.id}`)).status, `${user} deletes ${owner}'s`).toBe(204);
      expect(await f.t.sql(`SELECT id FROM ${f.table('deal')} WHERE id = ?`, [d.id])).toEqual([]);
      expect(await f.t.sql(`SELECT record_id FROM ${f.table('_record_shares')} WHERE record_id = ?`, [d.id])).toEqual([]);
    }
  });

  it('creates: for oneself, or for a user below; the answer hides hidden fields', async () => {
    const own = await f.users.rep1.client.post('/records/deal', { name: 'New by rep1', amount: 5 });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ name: 'New by rep1', owner_id: f.users.rep1.id, created_by: f.users.rep1.id });
    for (const field of ['margin', 'margin_pct', 'internal_note']) expect(own.body).not.toHaveProperty(field);
    const forRep = await f.users.mgr.client.post('/records/deal', { name: 'New by mgr for rep1', owner_id: f.users.rep1.id });
    expect(forRep.status).toBe(201);
    expect(forRep.body.owner_id).toBe(f.users.rep1.id);
    expect((await f.users.rep1.client.get(`/records/deal/${forRep.body.id}`)).status).toBe(200);
    const forWest = await f.users.head.client.post('/records/deal', { name: 'New by head for westRep', owner_id: f.users.westRep.id });
    expect(forWest.status).toBe(201);
    const bulk = await f.users.vp.client.post('/records/deal/bulk', { records: [{ name: 'Bulk 1 by vp' }, { name: 'Bulk 2 by vp for rep2', owner_id: f.users.rep2.id }] });
    expect(bulk.status, JSON.stringify(bulk.body)).toBe(201);
    expect(await f.t.sql(`SELECT name, owner_id FROM ${f.table('deal')} WHERE name LIKE 'Bulk % by vp%' ORDER BY name`)).toEqual([
      { name: 'Bulk 1 by vp', owner_id: f.users.vp.id },
      { name: 'Bulk 2 by vp for rep2', owner_id: f.users.rep2.id },
    ]);
  });

  it('transfers one deal by PATCHing owner_id: the old owner loses it, the new one gets it', async () => {
    const d = await f.scratchDeal('Handed over', 'rep1');
    const res = await f.users.rep1.client.patch(`/records/deal/${d.id}`, { owner_id: f.users.rep2.id, version: d.version });
    expect(res.status).toBe(200);
    expect((await f.t.sql(`SELECT owner_id, version FROM ${f.table('deal')} WHERE id = ?`, [d.id]))[0]).toEqual({ owner_id: f.users.rep2.id, version: d.version + 1 });
    expect((await f.users.rep1.client.get(`/records/deal/${d.id}`)).status).toBe(404);
    expect((await f.users.rep2.client.get(`/records/deal/${d.id}`)).status).toBe(200);
  });

  it('transfers in bulk within the owner scope, all in one go', async () => {
    const a = await f.scratchDeal('Bulk transfer A', 'rep1');
    const b = await f.scratchDeal('Bulk transfer B', 'rep2');
    const c = await f.scratchDeal('Bulk transfer C', 'mgr');
    const res = await f.users.mgr.client.post('/records/deal/transfer', { ids: [a.id, b.id, c.id], ownerId: f.users.rep1.id });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ transferred: 3 });
    const rows = await f.t.sql(`SELECT owner_id, version, updated_by FROM ${f.table('deal')} WHERE id = ANY(?::uuid[])`, [[a.id, b.id, c.id]]);
    expect(rows).toEqual([0, 1, 2].map(() => ({ owner_id: f.users.rep1.id, version: 2, updated_by: f.users.mgr.id })));
    // A department head may hand a member's deal to someone outside the department.
    const w = await f.scratchDeal('West to east', 'westRep');
    expect((await f.users.head.client.post('/records/deal/transfer', { ids: [w.id], ownerId: f.users.rep2.id })).body).toEqual({ transferred: 1 });
  });

  it('the owner manages the team and manual shares, and each opens exactly what it says', async () => {
    const d = await f.scratchDeal('Team work', 'rep1');
    expect((await f.users.westRep.client.get(`/records/deal/${d.id}`)).status).toBe(404);
    const add = await f.users.rep1.client.post(`/records/deal/${d.id}/team`, { userId: f.users.westRep.id, access: 'edit', teamRole: 'presales' });
    expect(add.status).toBe(201);
    expect(add.body).toMatchObject({ kind: 'user', id: f.users.westRep.id, access: 'edit', teamRole: 'presales', createdBy: f.users.rep1.id });
    // The team member sees and edits it, and may list the team.
    expect((await f.users.westRep.client.patch(`/records/deal/${d.id}`, { amount: 11, version: d.version })).status).toBe(200);
    expect((await f.users.westRep.client.get(`/records/deal/${d.id}/team`)).body.members.map((m: { id: string }) => m.id)).toEqual([f.users.westRep.id]);
    // A manual share to the department sales_west reaches its head, but not the east.
    expect((await f.users.rep1.client.post(`/records/deal/${d.id}/share`, { kind: 'department', id: f.departments.sales_west, access: 'read' })).status).toBe(201);
    expect((await f.users.head.client.get(`/records/deal/${d.id}`)).status).toBe(200);
    expect((await f.users.rep2.client.get(`/records/deal/${d.id}`)).status).toBe(404);
    expect((await f.users.rep1.client.get(`/records/deal/${d.id}/share`)).body.shares).toEqual([expect.objectContaining({ kind: 'department', id: f.departments.sales_west, access: 'read' })]);
    // Taken away again: both lose it.
    expect((await f.users.rep1.client.delete(`/records/deal/${d.id}/team/${f.users.westRep.id}`)).status).toBe(204);
    expect((await f.users.rep1.client.delete(`/records/deal/${d.id}/share/${f.departments.sales_west}`)).status).toBe(204);
    expect((await f.users.westRep.client.get(`/records/deal/${d.id}`)).status).toBe(404);
    expect((await f.users.head.client.get(`/records/deal/${d.id}`)).status).toBe(404);
    expect(await f.t.sql(`SELECT 1 FROM ${f.table('_record_shares')} WHERE record_id = ?`, [d.id])).toEqual([]);
  });
});

describe('changes to the model apply at once', () => {
  it('deactivating and reactivating a sharing rule', async () => {
    expect(await f.names('rep1', '&filter=' + q({ '!=': [{ var: 'territory' }, 'scratch'] }))).toContain('Golf');
    expect((await f.t.admin.patch(`/admin/sharing-rules/${f.rules.north_to_reps}`, { active: false })).status).toBe(200);
    expect((await f.users.rep1.client.get(`/records/deal/${f.deals.Golf}`)).status).toBe(404);
    expect((await f.users.vp.client.get(`/records/deal/${f.deals.Golf}`)).status).toBe(404);
    expect((await f.t.admin.patch(`/admin/sharing-rules/${f.rules.north_to_reps}`, { active: true })).status).toBe(200);
    expect((await f.users.rep1.client.get(`/records/deal/${f.deals.Golf}`)).status).toBe(200);
  });

  it('moving a rep up to manager shows them their former peers’ deals; moving back hides them', async () => {
    const patch = (roleId: string) => f.t.admin.patch(`/admin/users/${f.users.rep2.id}`, { roleId });
    expect((await f.users.rep2.client.get(`/records/deal/${f.deals.Charlie}`)).status).toBe(404);
    expect((await patch(f.roles.manager)).status).toBe(200);
    expect((await f.users.rep2.client.get(`/records/deal/${f.deals.Charlie}`)).status).toBe(200);
    expect((await f.users.rep2.client.get(`/records/deal/${f.deals.Juliet}`)).status).toBe(200); // shared with the manager role
    expect((await patch(f.roles.rep)).status).toBe(200);
    expect((await f.users.rep2.client.get(`/records/deal/${f.deals.Charlie}`)).status).toBe(404);
  });

  it('a rule shared with a role reaches the roles above it, not below', async () => {
    const d = await f.scratchDeal('For managers', 'admin', { region: 'east' });
    const rule = await f.t.admin.post('/admin/sharing-rules', { object: 'deal', name: 'east_scratch_to_managers', criteria: { and: [{ '==': [{ var: 'region' }, 'east'] }, { '==': [{ var: 'territory' }, 'scratch'] }] }, shareWith: { kind: 'role', id: f.roles.manager }, access: 'read' });
    expect(rule.status).toBe(201);
    const can: Record<UserKey, boolean> = { admin: true, vp: true, mgr: true, rep1: false, rep2: false, head: false, westRep: false, viewer: false, newbie: false };
    for (const user of USERS) expect((await f.users[user].client.get(`/records/deal/${d.id}`)).status, user).toBe(can[user] ? 200 : 404);
    expect((await f.t.admin.delete(`/admin/sharing-rules/${rule.body.id}`)).status).toBe(204);
    expect((await f.users.mgr.client.get(`/records/deal/${d.id}`)).status).toBe(404);
  });
});
