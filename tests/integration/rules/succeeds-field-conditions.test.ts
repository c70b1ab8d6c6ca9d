import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant('fieldcond');
  await t.admin.defineObject({
    name: 'claim',
    label: 'Claim',
    fields: [
      { name: 'status', type: 'picklist', label: 'Status', options: { values: [{ value: 'draft', label: 'Draft' }, { value: 'approved', label: 'Approved' }] }, defaultValue: 'draft' },
      { name: 'amount', type: 'currency', label: 'Amount', readOnlyWhen: { '==': [{ var: 'status' }, 'approved'] } },
      { name: 'receipt', type: 'url', label: 'Receipt', requiredWhen: { '>': [{ var: 'amount' }, 1000] }, visibleWhen: { '>': [{ var: 'amount' }, 0] } },
      { name: 'due', type: 'date', label: 'Due', defaultValue: { add_days: [{ today: [] }, 30] } },
      { name: 'code', type: 'text', label: 'Code', defaultValue: { cat: ['C-', { upper: [{ var: 'name' }] }] } },
    ],
  });
});
afterAll(() => t?.close());

const addDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('field conditions and rule defaults', () => {
  it('computes json-logic defaults from the record, $now and $user', async () => {
    const c = (await t.admin.post('/records/claim', { name: 'taxi', amount: 20 })).body;
    expect(c).toMatchObject({ status: 'draft', code: 'C-TAXI' });
    expect([addDays(30), addDays(31)]).toContain(c.due);
    expect((await t.admin.post('/records/claim', { name: 'x', code: 'given' })).body.code).toBe('given');
  });

  it('enforces requiredWhen on create and update, writing nothing', async () => {
    const res = await t.admin.post('/records/claim', { name: 'hotel', amount: 1500 });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues).toEqual([{ path: '/receipt', code: 'FIELD_REQUIRED', message: 'is required in this case' }]);
    const c = (await t.admin.post('/records/claim', { name: 'meal', amount: 50 })).body;
    const up = await t.admin.patch(`/records/claim/${c.id}`, { version: 1, amount: 5000 });
    expect(up.body.error.details.issues[0]).toMatchObject({ path: '/receipt', code: 'FIELD_REQUIRED' });
    expect((await t.admin.patch(`/records/claim/${c.id}`, { version: 1, amount: 5000, receipt: 'https://r.example/1' })).status).toBe(200);
  });

  it('enforces readOnlyWhen on the stored record', async () => {
    const c = (await t.admin.post('/records/claim', { name: 'train', amount: 80 })).body;
    const approved = (await t.admin.patch(`/records/claim/${c.id}`, { version: 1, status: 'approved' })).body;
    const res = await t.admin.patch(`/records/claim/${c.id}`, { version: approved.version, amount: 99 });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues).toEqual([{ path: '/amount', code: 'FIELD_READ_ONLY', message: 'cannot be changed in this case' }]);
    // Sending the unchanged value back (as a form does) is fine.
    expect((await t.admin.patch(`/records/claim/${c.id}`, { version: approved.version, amount: 80, name: 'train 2' })).status).toBe(200);
    expect((await t.admin.get(`/records/claim/${c.id}`)).body.amount).toBe(80);
  });

  it('applies conditions to every record of a bulk write', async () => {
    const res = await t.admin.post('/records/claim/bulk', { records: [{ name: 'a', amount: 1 }, { name: 'b', amount: 2000 }] });
    expect(res.body.error.details.issues).toEqual([{ path: '/records/1/receipt', code: 'FIELD_REQUIRED', message: 'is required in this case' }]);
  });

  it('checks conditions and rule defaults at publish', async () => {
    const res = await t.admin.put('/metadata/objects/claim', {
      name: 'claim',
      label: 'Claim',
      fields: [
        { name: 'amount', type: 'currency', label: 'Amount', requiredWhen: { '>': [{ var: 'amount' }, 'big'] } },
        { name: 'due', type: 'date', label: 'Due', defaultValue: { '+': [1, 2] } },
      ],
    });
    expect(res.body.error.code).toBe('METADATA_RULE_INVALID');
    expect(res.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual(['/fields/0/requiredWhen/>/1', '/fields/1/defaultValue']);
  });
});
