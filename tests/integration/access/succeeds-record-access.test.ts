import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type ApiClient, type TestTenant } from '../../helpers/test-server';

/**
 * The record-access core end to end: a manager above a rep, a private object,
 * a hidden field, a sharing rule, a team member and a manual share.
 */
let t: TestTenant;
let manager: { client: ApiClient; id: string };
let rep: { client: ApiClient; id: string };
let peer: { client: ApiClient; id: string };
const ids: Record<string, string> = {};

const names = async (c: ApiClient, query = '') => ((await c.get(`/records/deal?sort=name${query}`)).body.records as { name: string }[]).map((r) => r.name);

beforeAll(async () => {
  t = await startTestTenant('access');
  await t.admin.defineObject({
    name: 'deal',
    label: 'Deal',
    sharing: 'private',
    fields: [
      { name: 'region', type: 'text', label: 'Region' },
      { name: 'margin', type: 'number', label: 'Margin' },
      { name: 'margin_x2', type: 'formula', label: 'Margin × 2', options: { expression: { '*': [{ var: 'margin' }, 2] }, returns: 'number' } },
    ],
  });
  const vp = (await t.admin.post('/admin/roles', { name: 'manager', label: { en: 'Manager', 'zh-CN': '经理' } })).body;
  const repRole = (await t.admin.post('/admin/roles', { name: 'rep', label: 'Rep', parentId: vp.id })).body;
  expect((await t.admin.post('/admin/permission-sets', { name: 'sales', label: 'Sales', objects: { deal: { create: true, read: true, edit: true, delete: true, fields: { margin: 'none' } } } })).status).toBe(201);
  [manager, rep, peer] = [await t.newUser(), await t.newUser(), await t.newUser()];
  for (const [u, role] of [[manager, vp.id], [rep, repRole.id], [peer, repRole.id]] as const) {
    expect((await t.admin.patch(`/admin/users/${u.id}`, { roleId: role, permissionSets: ['sales'] })).status).toBe(200);
  }
  for (const [name, owner, region] of [['A-rep', rep.id, 'east'], ['B-peer', peer.id, 'west'], ['C-peer-north', peer.id, 'north'], ['D-admin', t.adminId, 'west']] as const) {
    const res = await t.admin.post('/records/deal', { name, owner_id: owner, region, margin: 10 });
    expect(res.status).toBe(201);
    ids[name] = res.body.id;
  }
});
afterAll(() => t?.close());

describe('record access', () => {
  it('a rep sees only their own records; their manager sees the team', async () => {
    expect(await names(rep.client)).toEqual(['A-rep']);
    expect(await names(manager.client)).toEqual(['A-rep', 'B-peer', 'C-peer-north']);
    expect((await rep.client.get(`/records/deal/${ids['B-peer']}`)).status).toBe(404);
    expect((await manager.client.get(`/records/deal/${ids['B-peer']}`)).status).toBe(200);
    expect((await rep.client.get('/records/deal?count=true&q=peer')).body).toMatchObject({ records: [], total: 0 });
  });

  it('hides a field and the formula that reads it, and refuses it in filter, sort, fields and writes', async () => {
    const rec = (await rep.client.get(`/records/deal/${ids['A-rep']}`)).body;
    expect(rec).not.toHaveProperty('margin');
    expect(rec).not.toHaveProperty('margin_x2');
    expect(rec.region).toBe('east');
    for (const q of ['filter={">":[{"var":"margin"},1]}', 'sort=margin', 'fields=name,margin_x2']) {
      const res = await rep.client.get(`/records/deal?${q}`);
      expect(res.status, q).toBe(403);
      expect(res.body.error.code).toBe('FIELD_NOT_ACCESSIBLE');
    }
    const w = await rep.client.patch(`/records/deal/${ids['A-rep']}`, { margin: 99, version: rec.version });
    expect(w.status).toBe(403);
    expect((await t.sql(`SELECT margin, version FROM "${t.tenant.schema}".deal WHERE id = ?`, [ids['A-rep']]))[0]).toEqual({ margin: 10, version: rec.version });
    const describe = (await rep.client.get('/metadata/objects/deal/describe')).body;
    expect(describe.object.fields.map((f: { name: string }) => f.name)).not.toContain('margin');
    expect(describe.access).toMatchObject({ read: true, edit: true, viewAll: false });
  });

  it('a sharing rule, a team member and a manual share open records to a rep', async () => {
    const rule = await t.admin.post('/admin/sharing-rules', { object: 'deal', name: 'west_to_rep', criteria: { '==': [{ var: 'region' }, 'west'] }, shareWith: { kind: 'user', id: rep.id }, access: 'read' });
    expect(rule.status).toBe(201);
    expect(await names(rep.client)).toEqual(['A-rep', 'B-peer', 'D-admin']);
    const peerRec = (await rep.client.get(`/records/deal/${ids['B-peer']}`)).body;
    const denied = await rep.client.patch(`/records/deal/${ids['B-peer']}`, { region: 'x', version: peerRec.version });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('RECORD_ACCESS_DENIED');
    // The owner puts the rep on the team with edit access: now the rep may change it.
    expect((await peer.client.post(`/records/deal/${ids['C-peer-north']}/team`, { userId: rep.id, access: 'edit' })).status).toBe(201);
    const north = (await rep.client.get(`/records/deal/${ids['C-peer-north']}`)).body;
    expect((await rep.client.patch(`/records/deal/${ids['C-peer-north']}`, { region: 'north-2', version: north.version })).status).toBe(200);
    // But a team member may not delete, share or transfer it.
    expect((await rep.client.delete(`/records/deal/${ids['C-peer-north']}`)).status).toBe(403);
    expect((await rep.client.post(`/records/deal/${ids['C-peer-north']}/share`, { kind: 'user', id: rep.id, access: 'edit' })).status).toBe(403);
    expect((await rep.client.post('/records/deal/transfer', { ids: [ids['C-peer-north']], ownerId: rep.id })).status).toBe(403);
    // The manager may transfer the peer's record to the rep.
    expect((await manager.client.post('/records/deal/transfer', { ids: [ids['C-peer-north'], ids['B-peer']], ownerId: rep.id })).body).toEqual({ transferred: 2 });
    expect((await rep.client.delete(`/records/deal/${ids['C-peer-north']}`)).status).toBe(204);
  });

  it('sharing rule criteria may use $now and $user on every route, not only in lists', async () => {
    const rule = await t.admin.post('/admin/sharing-rules', { object: 'deal', name: 'south_now', criteria: { and: [{ '==': [{ var: 'region' }, 'south'] }, { '<=': [{ var: 'created_at' }, { var: '$now' }] }, { '!=': [{ var: 'owner_id' }, { var: '$user.id' }] }] }, shareWith: { kind: 'role', id: (await t.admin.get(`/admin/users/${rep.id}`)).body.roleId }, access: 'read' });
    expect(rule.status).toBe(201);
    const south = (await t.admin.post('/records/deal', { name: 'E-south', region: 'south' })).body;
    const read = await rep.client.get(`/records/deal/${south.id}`);
    expect(read.status).toBe(200);
    // A share to the rep role reaches the manager above it too.
    expect((await manager.client.get(`/records/deal/${south.id}`)).status).toBe(200);
    const denied = await rep.client.patch(`/records/deal/${south.id}`, { region: 'x', version: south.version });
    expect(denied.status).toBe(403);
    expect((await rep.client.get(`/records/deal/${south.id}/team`)).status).toBe(200);
  });

  it('lists and list views can use $user.roles', async () => {
    const res = await rep.client.get(`/records/deal?filter=${encodeURIComponent(JSON.stringify({ in: ['rep', { var: '$user.roles' }] }))}&count=true`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(4);
  });
});
