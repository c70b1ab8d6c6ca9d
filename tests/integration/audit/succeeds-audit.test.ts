import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawField, RawObjectDef } from '../../../engine/shared/metadata-types';
import { startTestTenant, type ApiClient, type TestTenant } from '../../helpers/test-server';

/**
 * The audit trail, looked at behind the API (the _audit_log rows) and through
 * it (record history, a user's activity, metadata publishes). firm has a
 * roll-up over deal and a field kept out of the trail; deal cascades and call
 * is cleared when their firm goes.
 */

let t: TestTenant;
let other: { client: ApiClient; id: string };

const FIRM_FIELDS: RawField[] = [
  { name: 'industry', type: 'text', label: 'Industry' },
  { name: 'size', type: 'integer', label: 'Size' },
  { name: 'notes', type: 'textarea', label: 'Notes', audit: false },
  { name: 'double_size', type: 'formula', label: 'Twice the size', options: { expression: { '*': [{ var: 'size' }, 2] }, returns: 'number' } },
];
const firm = (extra: RawField[] = []): RawObjectDef => ({ name: 'firm', label: 'Firm', fields: [...FIRM_FIELDS, ...extra] });
const DEALS: RawField = { name: 'deals', type: 'rollup', label: 'Deals', options: { relation: 'deal.firm', function: 'count' } };
const deal: RawObjectDef = {
  name: 'deal',
  label: 'Deal',
  fields: [
    { name: 'firm', type: 'lookup', label: 'Firm', options: { target: 'firm', onDelete: 'cascade' } },
    { name: 'amount', type: 'currency', label: 'Amount' },
  ],
};
const call: RawObjectDef = { name: 'call', label: 'Call', fields: [{ name: 'firm', type: 'lookup', label: 'Firm', options: { target: 'firm', onDelete: 'setNull' } }] };

const log = () => `"${t.tenant.schema}"._audit_log`;
/** The audit rows of one record, oldest first. */
const auditOf = (object: string, id: string) => t.sql(`SELECT actor_id, action, changes FROM ${log()} WHERE object = ? AND record_id = ? ORDER BY id`, [object, id]);
const lastAuditId = async () => Number((await t.sql(`SELECT coalesce(max(id), 0) AS id FROM ${log()}`))[0].id);

async function create(object: string, body: Record<string, unknown>, as: ApiClient = t.admin) {
  const res = await as.post(`/records/${object}`, body);
  if (res.status !== 201) throw new Error(`create ${object}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, any>;
}

beforeAll(async () => {
  t = await startTestTenant('audit');
  other = await t.newUser(true);
  await t.admin.defineObject(firm());
  await t.admin.defineObject(deal);
  await t.admin.defineObject(call);
  await t.admin.defineObject(firm([DEALS]));
});
afterAll(() => t?.close());

describe('every write leaves who, what and the values', () => {
  it('a create records the values set, by its creator; roll-ups, formulas, audit: false fields and bookkeeping are left out', async () => {
    const f = await create('firm', { name: 'Acme', industry: 'it', size: 10, notes: 'long text' });
    expect(await auditOf('firm', f.id)).toEqual([{ actor_id: t.adminId, action: 'create', changes: { name: 'Acme', owner_id: t.adminId, industry: 'it', size: 10 } }]);
  });

  it('an update records [old, new] for the fields that changed only, by the user who changed them', async () => {
    const f = await create('firm', { name: 'Beta', industry: 'it', size: 10 });
    const res = await other.client.patch(`/records/firm/${f.id}`, { version: 1, size: 20, industry: 'it', notes: 'kept out' });
    expect(res.status).toBe(200);
    expect((await auditOf('firm', f.id)).slice(1)).toEqual([{ actor_id: other.id, action: 'update', changes: { size: [10, 20] } }]);
  });

  it('an update that changes no audited field writes nothing', async () => {
    const f = await create('firm', { name: 'Gamma', size: 1 });
    expect((await t.admin.patch(`/records/firm/${f.id}`, { version: 1, notes: 'only the unaudited field' })).status).toBe(200);
    expect((await t.admin.patch(`/records/firm/${f.id}`, { version: 2, size: 1 })).status).toBe(200);
    expect((await auditOf('firm', f.id)).map((r) => r.action)).toEqual(['create']);
  });

  it('a delete records the values the record had, by the user who deleted it', async () => {
    const f = await create('firm', { name: 'Delta', industry: 'retail', notes: 'x' });
    expect((await other.client.delete(`/records/firm/${f.id}`)).status).toBe(204);
    expect((await auditOf('firm', f.id)).at(-1)).toEqual({ actor_id: other.id, action: 'delete', changes: { name: 'Delta', owner_id: t.adminId, industry: 'retail' } });
  });

  it('a delete names the actor the statement set, whatever the path (raw SQL in a transaction)', async () => {
    const f = await create('firm', { name: 'Epsilon' });
    await t.server.services.db.transaction(async (trx) => {
      await trx.raw(`SELECT set_config('tessera.actor_id', ?, true)`, [other.id]);
      await trx.raw(`DELETE FROM "${t.tenant.schema}".firm WHERE id = ?`, [f.id]);
    });
    expect((await auditOf('firm', f.id)).at(-1)).toMatchObject({ actor_id: other.id, action: 'delete' });
  });

  it('rows removed by a cascade and cleared by setNull are audited as the deleting user', async () => {
    const f = await create('firm', { name: 'Zeta' });
    const d = await create('deal', { name: 'D1', firm: f.id, amount: 12.5 });
    const c = await create('call', { name: 'C1', firm: f.id });
    expect((await other.client.delete(`/records/firm/${f.id}`)).status).toBe(204);
    expect(await auditOf('deal', d.id)).toEqual([
      { actor_id: t.adminId, action: 'create', changes: { name: 'D1', owner_id: t.adminId, firm: f.id, amount: 12.5 } },
      { actor_id: other.id, action: 'delete', changes: { name: 'D1', owner_id: t.adminId, firm: f.id, amount: 12.5 } },
    ]);
    expect((await auditOf('call', c.id)).at(-1)).toEqual({ actor_id: other.id, action: 'update', changes: { firm: [f.id, null] } });
  });

  it('a parent whose roll-up moves because of its children gets no audit row', async () => {
    const f = await create('firm', { name: 'Eta' });
    const d = await create('deal', { name: 'D2', firm: f.id });
    await t.admin.patch(`/records/deal/${d.id}`, { version: 1, amount: 3 });
    await t.admin.delete(`/records/deal/${d.id}`);
    expect((await t.admin.get(`/records/firm/${f.id}`)).body.deals).toBe(0);
    expect((await auditOf('firm', f.id)).map((r) => r.action)).toEqual(['create']);
  });

  it('bulk create (COPY) audits every row, and its roll-up updates audit nothing', async () => {
    const f = await create('firm', { name: 'Theta' });
    const before = await lastAuditId();
    const res = await t.admin.post('/records/deal/bulk', { records: [1, 2, 3].map((i) => ({ name: `B${i}`, firm: f.id, amount: i })) });
    expect(res.status).toBe(201);
    const rows = await t.sql(`SELECT actor_id, action, object, record_id, changes FROM ${log()} WHERE id > ? ORDER BY id`, [before]);
    expect(rows).toEqual(
      (res.body.ids as string[]).map((id, i) => ({ actor_id: t.adminId, action: 'create', object: 'deal', record_id: id, changes: { name: `B${i + 1}`, owner_id: t.adminId, firm: f.id, amount: i + 1 } })),
    );
    expect((await t.admin.get(`/records/firm/${f.id}`)).body.deals).toBe(3);
  });
});

describe('the schema engine keeps the triggers in step with the metadata', () => {
  it('flipping audit on a field starts (or stops) recording it', async () => {
    const f = await create('firm', { name: 'Iota', notes: 'a' });
    const audited = firm([DEALS]);
    await t.admin.defineObject({ ...audited, fields: audited.fields.map((x) => (x.name === 'notes' ? { ...x, audit: true } : x)) });
    await t.admin.patch(`/records/firm/${f.id}`, { version: 1, notes: 'b' });
    expect((await auditOf('firm', f.id)).at(-1)).toEqual({ actor_id: t.adminId, action: 'update', changes: { notes: ['a', 'b'] } });
    await t.admin.defineObject(firm([DEALS]));
    await t.admin.patch(`/records/firm/${f.id}`, { version: 2, notes: 'c' });
    expect(await auditOf('firm', f.id)).toHaveLength(2);
  });

  it('a field moved to the trash is not recorded when its records go', async () => {
    const noteless: RawObjectDef = { name: 'memo', label: 'Memo', fields: [{ name: 'body', type: 'text', label: 'Body' }] };
    await t.admin.defineObject(noteless);
    const m = await create('memo', { name: 'M', body: 'secret' });
    await t.admin.defineObject({ ...noteless, fields: [] }, '?confirm=true');
    await t.admin.delete(`/records/memo/${m.id}`);
    expect((await auditOf('memo', m.id)).at(-1)).toMatchObject({ action: 'delete', changes: { name: 'M', owner_id: t.adminId } });
    expect(Object.keys((await auditOf('memo', m.id)).at(-1).changes).sort()).toEqual(['name', 'owner_id']);
  });

  it('numbering existing records for a new autonumber field is part of the publish, not record changes', async () => {
    const ticket: RawObjectDef = { name: 'ticket', label: 'Ticket', fields: [] };
    await t.admin.defineObject(ticket);
    const k = await create('ticket', { name: 'K' });
    const { plan } = await t.admin.defineObject({ ...ticket, fields: [{ name: 'no', type: 'autonumber', label: 'No', options: { format: 'T-{000}' } }] });
    expect(plan.map((a: { kind: string }) => a.kind)).toContain('backfill');
    expect((await t.admin.get(`/records/ticket/${k.id}`)).body.no).toBe('T-001');
    expect((await auditOf('ticket', k.id)).map((r) => r.action)).toEqual(['create']);
    await t.admin.patch(`/records/ticket/${k.id}`, { version: 1, name: 'K2' });
    expect((await auditOf('ticket', k.id)).at(-1)).toMatchObject({ action: 'update', changes: { name: ['K', 'K2'] } });
  });

  it('an object restored from the trash audits its records again', async () => {
    const temp: RawObjectDef = { name: 'temp', label: 'Temp', fields: [{ name: 'code', type: 'text', label: 'Code' }] };
    await t.admin.defineObject(temp);
    expect((await t.admin.delete('/metadata/objects/temp?confirm=true')).status).toBe(200);
    await t.admin.defineObject({ ...temp, fields: [{ name: 'code', type: 'text', label: 'Code', audit: false }] });
    const r = await create('temp', { name: 'T', code: 'c' });
    expect(await auditOf('temp', r.id)).toEqual([{ actor_id: t.adminId, action: 'create', changes: { name: 'T', owner_id: t.adminId } }]);
  });
});

describe('reading the trail', () => {
  it('GET /records/:object/:id/history pages newest first, with who did it', async () => {
    const f = await create('firm', { name: 'Kappa', size: 1 });
    for (let v = 1; v <= 3; v++) await other.client.patch(`/records/firm/${f.id}`, { version: v, size: v + 1 });
    const first = await t.admin.get(`/records/firm/${f.id}/history?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.entries.map((e: any) => [e.action, e.changes])).toEqual([
      ['update', { size: [3, 4] }],
      ['update', { size: [2, 3] }],
    ]);
    expect(first.body.entries[0].actor).toEqual({ id: other.id, displayName: 'user1' });
    expect(new Date(first.body.entries[0].at).getTime()).not.toBeNaN();
    expect(first.body.nextBefore).toBe(first.body.entries[1].id);
    const second = await t.admin.get(`/records/firm/${f.id}/history?limit=2&before=${first.body.nextBefore}`);
    expect(second.body.entries.map((e: any) => [e.action, e.actor.id, e.changes])).toEqual([
      ['update', other.id, { size: [1, 2] }],
      ['create', t.adminId, { name: 'Kappa', owner_id: t.adminId, size: 1 }],
    ]);
    expect(second.body.nextBefore).toBeNull();
    expect((await t.admin.get(`/records/firm/${f.id}/history`)).body.entries).toHaveLength(4);
  });

  it('a user sees the history of a record they can read, through the same access as reading it', async () => {
    const f = await create('firm', { name: 'Lambda' }, other.client);
    const mine = await other.client.get(`/records/firm/${f.id}/history`);
    expect(mine.status).toBe(200);
    expect(mine.body.entries).toEqual([{ id: expect.any(Number), at: expect.any(String), actor: { id: other.id, displayName: 'user1' }, action: 'create', changes: { name: 'Lambda', owner_id: other.id } }]);
  });

  it("an admin reads a user's activity across objects, deleted records included", async () => {
    const worker = await t.newUser(true);
    const f = await create('firm', { name: 'Mu' }, worker.client);
    const d = await create('deal', { name: 'D', firm: f.id }, worker.client);
    await worker.client.delete(`/records/deal/${d.id}`);
    const res = await t.admin.get(`/admin/audit/users/${worker.id}/activity`);
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({ id: worker.id, displayName: 'user2' });
    expect(res.body.entries.map((e: any) => [e.action, e.object, e.recordId])).toEqual([
      ['delete', 'deal', d.id],
      ['create', 'deal', d.id],
      ['create', 'firm', f.id],
    ]);
    const paged = await t.admin.get(`/admin/audit/users/${worker.id}/activity?limit=1&before=${res.body.entries[0].id}`);
    expect(paged.body.entries.map((e: any) => e.action + ' ' + e.object)).toEqual(['create deal']);
    expect(paged.body.nextBefore).toBe(paged.body.entries[0].id);
  });

  it('metadata publishes are listed with their author and the plan they applied', async () => {
    const res = await t.admin.get('/admin/audit/publishes?limit=100');
    expect(res.status).toBe(200);
    const firstPublish = res.body.publishes.at(-1);
    expect(firstPublish).toMatchObject({ version: 1, author: { id: t.adminId, displayName: expect.any(String) }, summary: 'put object firm' });
    expect(firstPublish.plan.map((a: any) => a.kind)).toEqual(['createTable', 'createIndex', 'createIndex', 'auditTrigger']);
    expect(firstPublish.plan.at(-1).description).toBe('keep an audit trail of firm records (fields left out: notes)');
    const versions = res.body.publishes.map((p: any) => p.version);
    expect(versions).toEqual([...versions].sort((a, b) => b - a));
    const page = await t.admin.get('/admin/audit/publishes?limit=1');
    expect(page.body.publishes).toHaveLength(1);
    expect(page.body.nextBefore).toBe(versions[0]);
  });
});
