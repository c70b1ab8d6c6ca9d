import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateTenantSchema } from '../../../engine/db/tenant-schema';
import type { TestTenant } from '../../helpers/test-server';
import { countByOwner, ownersOf, startAssignmentTenant, type Team } from './assignment-fixture';

/**
 * Assignment rules on every create path and on demand, and the notifications
 * their new owners get: a named user, a lookup criterion, territories with a
 * fallback, round-robin over a role and over a list (fair, and never the same
 * position twice under concurrent batches), rule order, an explicit owner
 * winning, an import-sized batch.
 */
let t: TestTenant;
let team: Team;
let bankId: string;
let shopId: string;

beforeAll(async () => {
  ({ t, team, bankId, shopId } = await startAssignmentTenant('assignok'));
});
afterAll(() => t?.close());

const create = async (body: Record<string, unknown>) => {
  const res = await t.admin.post('/records/prospect', { name: 'P', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; owner_id: string };
};
const bulk = async (records: Record<string, unknown>[]) => {
  const res = await t.admin.post('/records/prospect/bulk', { records });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.ids as string[];
};
const position = async (rule: string) => Number((await t.sql(`SELECT position FROM "${t.tenant.schema}"._assignment_state WHERE object = 'prospect' AND rule = ?`, [rule]))[0]?.position ?? 0);
const notificationsOf = (userId: string) => t.sql(`SELECT kind, object, record_id::text, title, body, read_at FROM "${t.tenant.schema}"._notifications WHERE user_id = ? ORDER BY id`, [userId]);
const clearNotifications = () => t.sql(`DELETE FROM "${t.tenant.schema}"._notifications`);

describe('on create', () => {
  it('gives a record to the user a rule names by e-mail (any case), and tells them', async () => {
    await clearNotifications();
    const p = await create({ name: 'Big one', rating: 95 });
    expect(p.owner_id).toBe(team.boss.id);
    expect(await notificationsOf(team.boss.id)).toEqual([
      { kind: 'assigned', object: 'prospect', record_id: p.id, title: { en: 'A new prospect was assigned to you', 'zh-CN': '一条新的潜在客户已分配给您' }, body: 'Big one', read_at: null },
    ]);
    expect(await notificationsOf(t.adminId)).toEqual([]);
  });

  it('reads criteria through lookups (one query per lookup) and names users by id', async () => {
    expect((await create({ firm: bankId })).owner_id).toBe(team.banker.id);
    expect((await create({ firm: shopId })).owner_id).toBe(t.adminId);
  });

  it('takes the first active rule whose criteria hold, in order', async () => {
    // vip comes before banks, banks before field; the inactive "dormant" rule (every record) never runs.
    expect((await create({ rating: 99, firm: bankId, source: 'field', province: 'zhejiang' })).owner_id).toBe(team.boss.id);
    expect((await create({ rating: 10, firm: bankId, source: 'field', province: 'zhejiang' })).owner_id).toBe(team.banker.id);
    expect((await create({ rating: 10, source: 'nowhere' })).owner_id).toBe(t.adminId);
  });

  it('maps territories by province, with the fallback for an unmapped or empty one', async () => {
    expect((await create({ source: 'field', province: 'zhejiang' })).owner_id).toBe(team.zhejiangRep.id);
    expect((await create({ source: 'field', province: 'jiangsu' })).owner_id).toBe(team.jiangsuRep.id);
    expect((await create({ source: 'field', province: 'guangdong' })).owner_id).toBe(team.desk.id);
    expect((await create({ source: 'field' })).owner_id).toBe(team.desk.id);
  });

  it('lets an explicit owner win over every rule, and notifies nobody for it', async () => {
    await clearNotifications();
    const p = await create({ rating: 99, owner_id: team.desk.id });
    expect(p.owner_id).toBe(team.desk.id);
    const ids = await bulk([{ name: 'x', rating: 99, owner_id: team.desk.id }, { name: 'y', rating: 99 }]);
    const owners = await ownersOf(t, ids);
    expect([owners.get(ids[0]!), owners.get(ids[1]!)]).toEqual([team.desk.id, team.boss.id]);
    expect((await t.sql(`SELECT user_id::text FROM "${t.tenant.schema}"._notifications`)).map((r: { user_id: string }) => r.user_id)).toEqual([team.boss.id]);
  });

  it('takes turns over the role one record at a time, then 4/3/3 for a bulk of 10 over 3 users', async () => {
    const start = await position('web');
    const reps = team.reps.map((r) => r.id);
    const singles = [await create({ source: 'web' }), await create({ source: 'web' }), await create({ source: 'web' })];
    expect(new Set(singles.map((p) => p.owner_id))).toEqual(new Set(reps));
    const ids = await bulk(Array.from({ length: 10 }, (_x, i) => ({ name: `w${i}`, source: 'web' })));
    const counts = [...countByOwner((await ownersOf(t, ids)).values()).values()].sort();
    expect(counts).toEqual([3, 3, 4]);
    expect(await position('web')).toBe(start + 13);
  });

  it('takes turns over a list of users (by e-mail) in the order listed', async () => {
    const start = await position('list');
    const ids = await bulk(Array.from({ length: 4 }, (_x, i) => ({ name: `l${i}`, source: 'list' })));
    const owners = await ownersOf(t, ids);
    const listed = team.listed.map((u) => u.id);
    expect(ids.map((id) => owners.get(id))).toEqual([0, 1, 2, 3].map((k) => listed[(start + k) % 2]));
  });

  it('never hands out a position twice when two bulk creates run at once', async () => {
    const start = await position('web');
    const batch = (tag: string) => Array.from({ length: 30 }, (_x, i) => ({ name: `${tag}${i}`, source: 'web' }));
    const [a, b] = await Promise.all([t.admin.post('/records/prospect/bulk', { records: batch('a') }), t.admin.post('/records/prospect/bulk', { records: batch('b') })]);
    expect([a.status, b.status]).toEqual([201, 201]);
    const owners = await ownersOf(t, [...a.body.ids, ...b.body.ids]);
    // 60 consecutive positions over 3 members: exactly 20 each, whatever the interleaving.
    expect([...countByOwner(owners.values()).values()]).toEqual([20, 20, 20]);
    expect(await position('web')).toBe(start + 60);
  });

  it('assigns an import-sized batch of 1,000 in one call and sums each owner up in one notification', async () => {
    await clearNotifications();
    const records = Array.from({ length: 1000 }, (_x, i) => ({ name: `imp${i}`, source: i % 2 ? 'web' : 'field', province: i % 4 === 0 ? 'zhejiang' : 'guangdong', firm: i === 7 ? bankId : null }));
    const started = Date.now();
    const ids = await bulk(records);
    expect(Date.now() - started).toBeLessThan(10_000);
    const counts = countByOwner((await ownersOf(t, ids)).values());
    expect(counts.get(team.zhejiangRep.id)).toBe(250);
    expect(counts.get(team.desk.id)).toBe(250);
    // 499 web rows (row 7 belongs to a bank, so the banker has it) over three reps.
    expect(counts.get(team.banker.id)).toBe(1);
    expect(team.reps.map((r) => counts.get(r.id)).sort()).toEqual([166, 166, 167]);
    const notes = await t.sql(`SELECT user_id::text, kind, record_id::text, title->>'en' AS title FROM "${t.tenant.schema}"._notifications ORDER BY kind, title`);
    expect(notes.map((n: { user_id: string; kind: string; record_id: string | null; title: string }) => [n.user_id, n.kind, n.record_id, n.title])).toEqual([
      [team.banker.id, 'assigned', ids[7], 'A new prospect was assigned to you'],
      ...[...notes.slice(1)].map((n: { user_id: string }) => [n.user_id, 'assigned_summary', null, `${counts.get(n.user_id)} new prospects were assigned to you`]),
    ]);
    expect(new Set(notes.slice(1).map((n: { user_id: string }) => n.user_id))).toEqual(new Set([team.zhejiangRep.id, team.desk.id, ...team.reps.map((r) => r.id)]));
  });

  it('notifies one by one up to five records per owner in a batch', async () => {
    await clearNotifications();
    const ids = await bulk(Array.from({ length: 5 }, (_x, i) => ({ name: `z${i}`, source: 'field', province: 'zhejiang' })));
    const notes = await notificationsOf(team.zhejiangRep.id);
    expect(notes.map((n: { kind: string; record_id: string }) => [n.kind, n.record_id])).toEqual(ids.map((id) => ['assigned', id]));
  });
});

describe('on demand', () => {
  it('re-runs the rules on existing records, changes only the owners that move, and notifies them', async () => {
    const keep = await create({ name: 'stays', source: 'nowhere' });
    const move = await create({ name: 'moves', source: 'nowhere' });
    const [{ version }] = await t.sql(`SELECT version FROM "${t.tenant.schema}".prospect WHERE id = ?`, [move.id]);
    await t.sql(`UPDATE "${t.tenant.schema}".prospect SET rating = 91 WHERE id = ?`, [move.id]);
    await clearNotifications();
    const res = await t.admin.post('/records/prospect/assign', { ids: [keep.id, move.id] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ assigned: [{ id: move.id, owner: team.boss.id }], unchanged: [keep.id] });
    const [row] = await t.sql(`SELECT owner_id::text, version, updated_by::text FROM "${t.tenant.schema}".prospect WHERE id = ?`, [move.id]);
    expect(row).toEqual({ owner_id: team.boss.id, version: version + 1, updated_by: t.adminId });
    expect((await notificationsOf(team.boss.id)).map((n: { record_id: string }) => n.record_id)).toEqual([move.id]);
  });

  it('lets an owner re-run the rules on their own records', async () => {
    const mine = await team.clerk.client.post('/records/prospect', { name: 'clerk owns', source: 'nowhere' });
    expect(mine.body.owner_id).toBe(team.clerk.id);
    await t.sql(`UPDATE "${t.tenant.schema}".prospect SET source = 'field', province = 'jiangsu' WHERE id = ?`, [mine.body.id]);
    const res = await team.clerk.client.post('/records/prospect/assign', { ids: [mine.body.id] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.assigned).toEqual([{ id: mine.body.id, owner: team.jiangsuRep.id }]);
  });
});

describe('notifications API', () => {
  it("lists the user's own notifications newest first with the unread count, and marks them read", async () => {
    await clearNotifications();
    const a = await create({ name: 'first', rating: 90 });
    const b = await create({ name: 'second', rating: 90 });
    const boss = team.boss.client;
    const list = await boss.get('/me/notifications?unread=true&limit=10', { 'accept-language': 'zh-CN' });
    expect(list.status).toBe(200);
    expect(list.body.unread).toBe(2);
    expect(list.body.notifications.map((n: { recordId: string; title: string; body: string }) => [n.recordId, n.title, n.body])).toEqual([
      [b.id, '一条新的潜在客户已分配给您', 'second'],
      [a.id, '一条新的潜在客户已分配给您', 'first'],
    ]);
    const first = list.body.notifications[1];
    expect(first).toMatchObject({ kind: 'assigned', object: 'prospect', readAt: null });
    expect((await boss.post('/me/notifications/read', { ids: [first.id] })).body).toEqual({ marked: 1, unread: 1 });
    expect((await boss.get('/me/notifications?unread=true')).body.notifications.map((n: { recordId: string }) => n.recordId)).toEqual([b.id]);
    const all = (await boss.get('/me/notifications')).body;
    expect(all.notifications.length).toBe(2);
    expect(all.notifications[1].readAt).toEqual(expect.any(String));
    expect((await boss.get('/me/notifications?limit=1')).body.notifications.length).toBe(1);
    expect((await boss.post('/me/notifications/read', { all: true })).body).toEqual({ marked: 1, unread: 0 });
    expect((await boss.get('/me/notifications?unread=true')).body).toEqual({ notifications: [], unread: 0 });
  });
});

describe('tenant migration', () => {
  it('gives an existing tenant the assignment tables', async () => {
    const s = `"${t.tenant.schema}"`;
    await t.sql(`DROP TABLE ${s}._assignment_state, ${s}._notifications`);
    await t.sql(`DELETE FROM ${s}._tenant_migrations WHERE id = '007-assignment'`);
    await t.server.services.db.transaction((trx) => migrateTenantSchema(trx, t.tenant.schema));
    const tables = await t.sql(`SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_name IN ('_assignment_state', '_notifications') ORDER BY 1`, [t.tenant.schema]);
    expect(tables.map((r: { table_name: string }) => r.table_name)).toEqual(['_assignment_state', '_notifications']);
    const indexes = await t.sql(`SELECT indexname FROM pg_indexes WHERE schemaname = ? AND tablename = '_notifications' ORDER BY 1`, [t.tenant.schema]);
    expect(indexes.map((r: { indexname: string }) => r.indexname)).toEqual(['_notifications_pkey', '_notifications_user', '_notifications_user_unread']);
    expect((await create({ source: 'web' })).owner_id).toBe(team.reps[0]!.id);
  });
});
