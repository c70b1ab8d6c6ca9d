import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type ApiClient, type TestTenant } from '../../helpers/test-server';

/** Bulk edit and bulk delete: all records changed in one go, as single updates and deletes would, audited per record. */
let t: TestTenant;
let manager: { client: ApiClient; id: string };
let rep: { client: ApiClient; id: string };

const v = (...values: string[]) => values.map((value) => ({ value, label: { en: value.toUpperCase(), 'zh-CN': `«${value}»` } }));
const create = async (c: ApiClient, body: Record<string, unknown>) => {
  const res = await c.post('/records/deal', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number };
};
const row = async (id: string) => (await t.sql(`SELECT stage, region, owner_id, updated_by, version FROM "${t.tenant.schema}".deal WHERE id = ?`, [id]))[0];
const audit = (ids: string[], action: string) => t.sql(`SELECT record_id, actor_id, changes FROM "${t.tenant.schema}"._audit_log WHERE action = ? AND record_id = ANY(?::uuid[]) ORDER BY id`, [action, ids]);

beforeAll(async () => {
  t = await startTestTenant('bulkok');
  await t.admin.defineObject({
    name: 'deal',
    label: 'Deal',
    sharing: 'private',
    fields: [
      { name: 'stage', type: 'picklist', label: 'Stage', options: { values: [...v('prospect', 'won', 'lost'), { value: 'old', label: 'Old', active: false }] } },
      { name: 'amount', type: 'currency', label: 'Amount' },
      { name: 'region', type: 'text', label: 'Region' },
    ],
    validationRules: [{ name: 'won_needs_amount', condition: { and: [{ '==': [{ var: 'stage' }, 'won'] }, { '!': { var: 'amount' } }] }, message: 'A won deal needs an amount', errorField: 'amount' }],
  });
  const boss = (await t.admin.post('/admin/roles', { name: 'boss', label: 'Boss' })).body;
  const repRole = (await t.admin.post('/admin/roles', { name: 'rep', label: 'Rep', parentId: boss.id })).body;
  expect((await t.admin.post('/admin/permission-sets', { name: 'sales', label: 'Sales', objects: { deal: { create: true, read: true, edit: true, delete: true } } })).status).toBe(201);
  [manager, rep] = [await t.newUser(), await t.newUser()];
  for (const [u, role] of [[manager, boss.id], [rep, repRole.id]] as const) expect((await t.admin.patch(`/admin/users/${u.id}`, { roleId: role, permissionSets: ['sales'] })).status).toBe(200);
});
afterAll(() => t?.close());

describe('bulk edit', () => {
  it('sets one value on every record, bumps each version and audits each change under the actor', async () => {
    const deals = [await create(t.admin, { name: 'a1', stage: 'prospect' }), await create(t.admin, { name: 'a2', stage: 'won', amount: 5 }), await create(t.admin, { name: 'a3' })];
    const ids = deals.map((d) => d.id);
    const res = await t.admin.post('/records/deal/bulk-update', { ids, values: { stage: 'lost', region: 'east' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ updated: 3 });
    for (const id of ids) expect(await row(id)).toMatchObject({ stage: 'lost', region: 'east', updated_by: t.adminId, version: 2 });
    const entries = await audit(ids, 'update');
    expect(entries.map((e) => e.record_id).sort()).toEqual([...ids].sort());
    expect(entries.every((e) => e.actor_id === t.adminId)).toBe(true);
    expect(entries.find((e) => e.record_id === ids[0])!.changes).toEqual({ stage: ['prospect', 'lost'], region: [null, 'east'] });
  });

  it('accepts ids in any case, and a change that keeps a rule satisfied on every record', async () => {
    const d = await create(t.admin, { name: 'b1', stage: 'prospect', amount: 10 });
    const res = await t.admin.post('/records/deal/bulk-update', { ids: [d.id.toUpperCase()], values: { stage: 'won' } });
    expect(res.body).toEqual({ updated: 1 });
    expect(await row(d.id)).toMatchObject({ stage: 'won', version: 2 });
  });

  it('lets a rep change their own records and a manager those of the users below', async () => {
    const mine = [await create(rep.client, { name: 'r1' }), await create(rep.client, { name: 'r2' })];
    const ids = mine.map((d) => d.id);
    expect((await rep.client.post('/records/deal/bulk-update', { ids, values: { region: 'north' } })).body).toEqual({ updated: 2 });
    expect((await manager.client.post('/records/deal/bulk-update', { ids, values: { region: 'south' } })).body).toEqual({ updated: 2 });
    for (const id of ids) expect(await row(id)).toMatchObject({ region: 'south', updated_by: manager.id, version: 3 });
    const last = (await audit(ids, 'update')).filter((e) => e.changes.region?.[1] === 'south');
    expect(last.map((e) => e.actor_id)).toEqual([manager.id, manager.id]);
  });

  it('lets a manager give the team’s records to a rep (owner change needs full access)', async () => {
    const own = await create(manager.client, { name: 'm1' });
    expect((await manager.client.post('/records/deal/bulk-update', { ids: [own.id], values: { owner_id: rep.id } })).body).toEqual({ updated: 1 });
    expect(await row(own.id)).toMatchObject({ owner_id: rep.id });
    expect((await rep.client.get(`/records/deal/${own.id}`)).status).toBe(200);
  });

  it('keeps a value deactivated since, when the change does not choose it', async () => {
    const d = await create(t.admin, { name: 'c1' });
    await t.sql(`UPDATE "${t.tenant.schema}".deal SET stage = 'old' WHERE id = ?`, [d.id]);
    expect((await t.admin.post('/records/deal/bulk-update', { ids: [d.id], values: { region: 'west', stage: 'old' } })).body).toEqual({ updated: 1 });
    expect(await row(d.id)).toMatchObject({ stage: 'old', region: 'west' });
  });
});

describe('bulk delete', () => {
  it('deletes every record, audits each delete under the actor and drops their shares', async () => {
    const deals = [await create(t.admin, { name: 'd1' }), await create(t.admin, { name: 'd2' })];
    const ids = deals.map((d) => d.id);
    expect((await t.admin.post(`/records/deal/${ids[0]}/share`, { kind: 'user', id: rep.id, access: 'read' })).status).toBe(201);
    const res = await t.admin.post('/records/deal/bulk-delete', { ids });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ deleted: 2 });
    expect(await t.sql(`SELECT id FROM "${t.tenant.schema}".deal WHERE id = ANY(?::uuid[])`, [ids])).toEqual([]);
    expect(await t.sql(`SELECT record_id FROM "${t.tenant.schema}"._record_shares WHERE record_id = ANY(?::uuid[])`, [ids])).toEqual([]);
    const entries = await audit(ids, 'delete');
    expect(entries.map((e) => e.actor_id)).toEqual([t.adminId, t.adminId]);
  });

  it('lets a rep delete their own records and a manager those below', async () => {
    const a = await create(rep.client, { name: 'e1' });
    const b = await create(rep.client, { name: 'e2' });
    expect((await rep.client.post('/records/deal/bulk-delete', { ids: [a.id] })).body).toEqual({ deleted: 1 });
    expect((await manager.client.post('/records/deal/bulk-delete', { ids: [b.id] })).body).toEqual({ deleted: 1 });
    expect((await audit([b.id], 'delete'))[0].actor_id).toBe(manager.id);
  });
});
