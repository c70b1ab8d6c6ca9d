import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrateTenantSchema } from '../../../engine/db/tenant-schema';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';
import { defineFirms, newFirm, salesUser } from './duplicate-fixtures';

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant('merge');
  await defineFirms(t);
});
afterAll(() => t?.close());

const person = async (name: string, firm: string) => (await t.admin.post('/records/person', { name, firm })).body.id as string;

it('merges two records into a survivor: chosen values, lookups re-parented (roll-up follows), shares moved, merged records deleted, both histories kept', async () => {
  const a = await newFirm(t, { name: 'Merge Alpha', phone: '111', rating: 1 });
  const b = await newFirm(t, { name: 'Merge Beta', phone: '222', rating: 4, brand: 'beta brand' }, t.admin, '?allowDuplicates=true');
  const c = await newFirm(t, { name: 'Merge Gamma', code: 'G-1' });
  const pa = await person('Ann', a);
  const pb1 = await person('Bob', b);
  const pb2 = await person('Bea', b);
  const pc = await person('Cal', c);
  const rep = await salesUser(t);
  expect((await t.admin.post(`/records/firm/${b}/share`, { kind: 'user', id: rep.id, access: 'edit' })).status).toBe(201);
  await t.admin.patch(`/records/firm/${b}`, { rating: 5, version: 1 });

  const res = await t.admin.post('/records/firm/merge', { survivor: a, merged: [b, c], values: { phone: b, rating: b, code: c, name: a }, version: 1 });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.record).toMatchObject({ id: a, name: 'Merge Alpha', phone: '222', rating: 5, code: 'G-1', version: 2, people: 4 });
  expect(res.body.merged).toEqual([b, c]);
  expect(res.body.reparented).toEqual([{ object: 'person', field: 'firm', count: 3 }]);
  expect(res.headers.get('etag')).toBe('"2"');

  for (const id of [pa, pb1, pb2, pc]) expect((await t.admin.get(`/records/person/${id}`)).body.firm).toBe(a);
  expect((await t.admin.get(`/records/person/${pb1}`)).body.version).toBe(2);
  for (const id of [b, c]) expect((await t.admin.get(`/records/firm/${id}`)).status).toBe(404);
  // The share of B now lets the rep edit the survivor.
  expect((await rep.client.get(`/records/firm/${a}`)).status).toBe(200);
  expect((await t.admin.get(`/records/firm/${a}/share`)).body.shares).toEqual([expect.objectContaining({ id: rep.id, access: 'edit' })]);

  const history = (await t.admin.get(`/records/firm/${a}/history`)).body.entries;
  expect(history[0]).toMatchObject({ action: 'merge', changes: { merged: [{ id: b, name: 'Merge Beta' }, { id: c, name: 'Merge Gamma' }], values: { phone: b, rating: b, code: c, name: a } } });
  expect(history[0].actor.id).toBe(t.adminId);
  expect(history.find((e: { action: string }) => e.action === 'update').changes).toMatchObject({ phone: ['111', '222'], rating: [1, 5], code: [null, 'G-1'] });
  // The merged record's own history stays in the audit trail under its id: created, changed, merged into A, deleted.
  const s = t.tenant.schema;
  const trail = await t.sql(`SELECT action, actor_id, changes FROM "${s}"._audit_log WHERE object = 'firm' AND record_id = ? ORDER BY id`, [b]);
  expect(trail.map((r) => r.action)).toEqual(['create', 'update', 'delete', 'merge']);
  expect(trail[3].changes).toEqual({ into: { id: a, name: 'Merge Alpha' } });
  expect(trail[2]).toMatchObject({ actor_id: t.adminId, changes: expect.objectContaining({ name: 'Merge Beta', rating: 5 }) });
});

it('without values the survivor keeps its own; merging up to three records at once', async () => {
  const ids = [];
  for (const n of ['One', 'Two', 'Three', 'Four']) ids.push(await newFirm(t, { name: `Keep ${n}`, phone: n === 'One' ? null : `9${n.length}` }, t.admin, '?allowDuplicates=true'));
  const [s, ...rest] = ids;
  const res = await t.admin.post('/records/firm/merge', { survivor: s, merged: rest });
  expect(res.status).toBe(200);
  expect(res.body.record).toMatchObject({ name: 'Keep One', phone: null, version: 2 });
  expect(res.body.reparented).toEqual([]);
});

it('a user with full access (owner) merges their own records', async () => {
  const rep = await salesUser(t);
  const x = (await rep.client.post('/records/firm', { name: 'Rep Mine X' })).body.id;
  const y = (await rep.client.post('/records/firm', { name: 'Rep Mine Y' })).body.id;
  const res = await rep.client.post('/records/firm/merge', { survivor: y, merged: [x], values: { name: x } });
  expect(res.status).toBe(200);
  expect(res.body.record.name).toBe('Rep Mine X');
});

it('an existing tenant gets the merge audit action from tenant migration 009', async () => {
  const s = `"${t.tenant.schema}"`;
  expect((await t.sql(`SELECT id FROM ${s}._tenant_migrations WHERE id = '009-merge-audit'`)).length).toBe(1);
  // As a tenant made before the migration: the old constraint, the migration not applied yet.
  await t.sql(`ALTER TABLE ${s}._audit_log DROP CONSTRAINT _audit_log_action_check`);
  await t.sql(`ALTER TABLE ${s}._audit_log ADD CONSTRAINT _audit_log_action_check CHECK (action IN ('create', 'update', 'delete')) NOT VALID`);
  await t.sql(`DELETE FROM ${s}._tenant_migrations WHERE id = '009-merge-audit'`);
  await t.server.services.db.transaction((trx) => migrateTenantSchema(trx, t.tenant.schema));
  const [{ def }] = await t.sql(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = '_audit_log_action_check' AND conrelid = ?::regclass`, [`${s}._audit_log`]);
  expect(def).toContain("'merge'");
});

it('notifications about a merged record point at the survivor; its recently-viewed entries go', async () => {
  const a = await newFirm(t, { name: 'Books Alpha' });
  const b = await newFirm(t, { name: 'Books Beta' }, t.admin, '?allowDuplicates=true');
  const s = t.tenant.schema;
  await t.sql(`INSERT INTO "${s}"._notifications (user_id, kind, object, record_id, title, body) VALUES (?, 'assigned', 'firm', ?, '{"en":"x","zh-CN":"x"}', '')`, [t.adminId, b]);
  expect((await t.admin.post('/me/recent', { object: 'firm', id: b })).status).toBeLessThan(300);
  expect((await t.admin.post('/records/firm/merge', { survivor: a, merged: [b] })).status).toBe(200);
  expect(await t.sql(`SELECT record_id FROM "${s}"._notifications WHERE object = 'firm' AND record_id IN (?, ?)`, [a, b])).toEqual([{ record_id: a }]);
  expect(await t.sql(`SELECT record_id FROM "${s}"._recent_records WHERE object = 'firm' AND record_id = ?`, [b])).toEqual([]);
});
