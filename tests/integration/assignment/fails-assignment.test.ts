import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiClient, TestTenant } from '../../helpers/test-server';
import { expectRefusedUnchanged } from '../../helpers/unchanged';
import { startAssignmentTenant, type Team, type User } from './assignment-fixture';

/**
 * What assignment refuses or skips: bad on-demand bodies, objects without
 * rules, callers without the rights a transfer needs, records that are not
 * there — each answered with a stable code and nothing written; rules naming
 * users who cannot receive records are skipped for the next rule; nobody
 * reads or clears another user's notifications.
 */
let t: TestTenant;
let team: Team;
let leaver: User;
let stayer: User;
let viewer: User;
const id: Record<string, string> = {};
const NOBODY = '00000000-0000-4000-8000-000000000000';

/** Everything assignment could write, as text. */
async function state(): Promise<string> {
  const s = `"${t.tenant.schema}"`;
  const prospects = await t.sql(`SELECT id, owner_id, version, updated_at FROM ${s}.prospect ORDER BY id`);
  const positions = await t.sql(`SELECT * FROM ${s}._assignment_state ORDER BY object, rule`);
  const notes = await t.sql(`SELECT * FROM ${s}._notifications ORDER BY id`);
  const [{ n: audit }] = await t.sql(`SELECT count(*)::int AS n FROM ${s}._audit_log`);
  return JSON.stringify({ prospects, positions, notes, audit });
}
const refused = (c: ApiClient, path: string, body: unknown, status: number, code: string) => expectRefusedUnchanged(state, () => c.post(path, body), status, code, JSON.stringify(body)?.slice(0, 80));

beforeAll(async () => {
  ({ t, team } = await startAssignmentTenant('assignno'));
  [leaver, stayer, viewer] = [await t.newUser(), await t.newUser(), await t.newUser()];
  const ghosts = await t.admin.post('/admin/roles', { name: 'ghosts', label: 'Ghosts' });
  expect((await t.admin.patch(`/admin/users/${leaver.id}`, { roleId: ghosts.body.id })).status).toBe(200);
  expect((await t.admin.post('/admin/permission-sets', { name: 'look', label: 'Look', objects: { prospect: { read: true } } })).status).toBe(201);
  expect((await t.admin.patch(`/admin/users/${viewer.id}`, { permissionSets: ['look'] })).status).toBe(200);
  const kind = (...k: string[]) => ({ in: [{ var: 'kind' }, k] });
  await t.admin.defineObject({
    name: 'ticket',
    label: 'Ticket',
    fields: [{ name: 'kind', type: 'text', label: 'Kind' }],
    assignmentRules: [
      { name: 'gone', criteria: kind('a'), assignTo: { type: 'user', user: 'nobody@nowhere.test' } },
      { name: 'left', criteria: kind('a', 'b'), assignTo: { type: 'user', user: leaver.email } },
      { name: 'queue', criteria: kind('a', 'b', 'c'), assignTo: { type: 'roundRobin', users: [leaver.id, stayer.email, 'ghost@nowhere.test'] } },
      { name: 'left_territory', criteria: kind('t'), assignTo: { type: 'territory', field: 'kind', map: { t: leaver.email }, fallback: stayer.id } },
      { name: 'empty_role', criteria: kind('d', 'e'), assignTo: { type: 'roundRobin', role: 'ghosts' } },
      { name: 'no_role', criteria: kind('e', 'f'), assignTo: { type: 'roundRobin', role: 'no_such_role' } },
    ],
  });
  await t.admin.defineObject({ name: 'memo', label: 'Memo', fields: [], assignmentRules: [{ name: 'off', active: false, assignTo: { type: 'user', user: team.boss.id } }] });
  expect((await t.admin.patch(`/admin/users/${leaver.id}`, { active: false })).status).toBe(200);
  id.mine = (await t.admin.post('/records/prospect', { name: 'admin owns', rating: 99, owner_id: t.adminId })).body.id;
  id.clerks = (await team.clerk.client.post('/records/prospect', { name: 'clerk owns', source: 'nowhere' })).body.id;
  id.firm = (await t.admin.post('/records/firm', { name: 'F' })).body.id;
  await t.sql(`DELETE FROM "${t.tenant.schema}"._notifications`);
});
afterAll(() => t?.close());

describe('rules naming users who cannot receive records', () => {
  const ticket = async (kind: string) => {
    const res = await t.admin.post('/records/ticket', { name: kind, kind });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.owner_id as string;
  };

  it('skips an unknown or inactive user for the next rule (logging why), and leaves them out of a round-robin list', async () => {
    const warn = vi.spyOn(t.server.services.log, 'warn');
    try {
      expect(await ticket('a')).toBe(stayer.id);
      const logged = warn.mock.calls.map((c) => c[1]);
      expect(logged).toEqual(
        expect.arrayContaining([
          'assignment rule "gone" names an unknown user "nobody@nowhere.test"',
          `assignment rule "left" names an inactive user "${leaver.email}"`,
          `assignment rule "queue" names an inactive user "${leaver.id}"`,
          'assignment rule "queue" names an unknown user "ghost@nowhere.test"',
        ]),
      );
    } finally {
      warn.mockRestore();
    }
    expect(await ticket('b')).toBe(stayer.id);
    expect(await ticket('c')).toBe(stayer.id);
  });

  it('falls back when a territory maps to an inactive user', async () => {
    expect(await ticket('t')).toBe(stayer.id);
  });

  it('skips a role without active users or a role that does not exist, leaving the creator owner', async () => {
    expect(await ticket('d')).toBe(t.adminId);
    expect(await ticket('e')).toBe(t.adminId);
    expect(await ticket('f')).toBe(t.adminId);
  });

  it('never gives the inactive user anything, in a batch either, nor notifies them', async () => {
    const res = await t.admin.post('/records/ticket/bulk', { records: ['a', 'b', 'c', 'd', 't'].map((kind) => ({ name: kind, kind })) });
    expect(res.status).toBe(201);
    const owners = await t.sql(`SELECT DISTINCT owner_id::text FROM "${t.tenant.schema}".ticket`);
    expect(owners.map((o: { owner_id: string }) => o.owner_id).sort()).toEqual([t.adminId, stayer.id].sort());
    expect(await t.sql(`SELECT 1 FROM "${t.tenant.schema}"._notifications WHERE user_id = ?`, [leaver.id])).toEqual([]);
    await t.sql(`DELETE FROM "${t.tenant.schema}"._notifications`);
  });
});

describe('on-demand assignment refuses', () => {
  it('bodies that are not {ids: [1..1000 distinct record ids]}', async () => {
    const many = Array.from({ length: 1001 }, (_x, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    for (const body of [undefined, {}, [], { ids: [] }, { ids: 'all' }, { ids: ['not-a-uuid'] }, { ids: [id.mine, id.mine] }, { ids: many }, { ids: [id.mine], owner: team.boss.id }]) {
      await refused(t.admin, '/records/prospect/assign', body, 400, 'REQUEST_INVALID');
    }
  });

  it('objects without active assignment rules, and objects that do not exist', async () => {
    await refused(t.admin, '/records/firm/assign', { ids: [id.firm] }, 400, 'ASSIGNMENT_NO_RULES');
    await refused(t.admin, '/records/memo/assign', { ids: [NOBODY] }, 400, 'ASSIGNMENT_NO_RULES');
    await refused(t.admin, '/records/nosuch/assign', { ids: [NOBODY] }, 404, 'OBJECT_NOT_FOUND');
  });

  it('records that are not there, naming them, with the rest untouched', async () => {
    const body = await refused(t.admin, '/records/prospect/assign', { ids: [id.mine, NOBODY] }, 404, 'RECORD_NOT_FOUND');
    expect(body.error.details.ids).toEqual([NOBODY]);
  });

  it('a caller who may edit but does not own the record (a transfer right) → 403', async () => {
    const body = await refused(team.clerk.client, '/records/prospect/assign', { ids: [id.clerks, id.mine] }, 403, 'RECORD_ACCESS_DENIED');
    expect(body.error.details.ids).toEqual([id.mine]);
  });

  it('a caller without edit permission on the object', async () => {
    await refused(viewer.client, '/records/prospect/assign', { ids: [id.mine] }, 403, 'OBJECT_ACCESS_DENIED');
  });
});

describe('notifications are private', () => {
  let bossNote: number;
  beforeAll(async () => {
    await t.admin.post('/records/prospect', { name: 'vip', rating: 95 });
    const list = await team.boss.client.get('/me/notifications');
    expect(list.body.unread).toBe(1);
    bossNote = list.body.notifications[0].id;
  });

  it("another user neither sees nor marks someone else's notifications", async () => {
    const other = team.banker.client;
    expect((await other.get('/me/notifications')).body).toEqual({ notifications: [], unread: 0 });
    expect((await other.post('/me/notifications/read', { ids: [bossNote] })).body).toEqual({ marked: 0, unread: 0 });
    expect((await other.post('/me/notifications/read', { all: true })).body).toEqual({ marked: 0, unread: 0 });
    const [row] = await t.sql(`SELECT read_at FROM "${t.tenant.schema}"._notifications WHERE id = ?`, [bossNote]);
    expect(row.read_at).toBeNull();
    expect((await team.boss.client.get('/me/notifications?unread=true')).body.unread).toBe(1);
  });

  it('bad queries and bodies are refused and mark nothing', async () => {
    const boss = team.boss.client;
    for (const q of ['unread=maybe', 'limit=0', 'limit=101', 'limit=abc', 'limit=1.5']) {
      const res = await boss.get(`/me/notifications?${q}`);
      expect([res.status, res.body.error.code], q).toEqual([400, 'REQUEST_INVALID']);
    }
    for (const body of [undefined, {}, { ids: [] }, { ids: ['1'] }, { ids: [0] }, { ids: [1.5] }, { all: false }, { ids: [bossNote], all: true }, { ids: Array.from({ length: 1001 }, (_x, i) => i + 1) }]) {
      await refused(boss, '/me/notifications/read', body, 400, 'REQUEST_INVALID');
    }
  });
});
