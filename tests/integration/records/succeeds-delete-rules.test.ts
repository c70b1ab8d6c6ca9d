import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant('delrules');
  await t.admin.defineObject({ name: 'firm', label: 'Firm', fields: [{ name: 'tags', type: 'multipicklist', label: 'Tags', options: { values: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }, { value: 'old', label: 'Old' }] } }] });
  await t.admin.defineObject({ name: 'deal', label: 'Deal', fields: [{ name: 'firm', type: 'lookup', label: 'Firm', options: { target: 'firm', onDelete: 'restrict' } }] });
  await t.admin.defineObject({ name: 'memo', label: 'Memo', fields: [{ name: 'firm', type: 'lookup', label: 'Firm', options: { target: 'firm', onDelete: 'cascade' } }] });
  await t.admin.defineObject({ name: 'call', label: 'Call', fields: [{ name: 'firm', type: 'lookup', label: 'Firm', options: { target: 'firm', onDelete: 'setNull' } }] });
});
afterAll(() => t?.close());

describe('deleting records', () => {
  it('names the object and field that still refer to a restricted record', async () => {
    const firm = (await t.admin.post('/records/firm', { name: 'F' })).body;
    await t.admin.post('/records/deal', { name: 'D', firm: firm.id });
    const res = await t.admin.delete(`/records/firm/${firm.id}`);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'RECORD_IN_USE', details: { referencedBy: { object: 'deal', field: 'firm' } } });
  });

  it('cascades and clears per lookup rule', async () => {
    const firm = (await t.admin.post('/records/firm', { name: 'G' })).body;
    const memo = (await t.admin.post('/records/memo', { name: 'M', firm: firm.id })).body;
    const call = (await t.admin.post('/records/call', { name: 'C', firm: firm.id })).body;
    expect((await t.admin.delete(`/records/firm/${firm.id}`)).status).toBe(204);
    expect((await t.admin.get(`/records/memo/${memo.id}`)).status).toBe(404);
    expect((await t.admin.get(`/records/call/${call.id}`)).body.firm).toBeNull();
  });

  it('checks an If-Match version on delete', async () => {
    const firm = (await t.admin.post('/records/firm', { name: 'H' })).body;
    await t.admin.patch(`/records/firm/${firm.id}`, { version: 1, name: 'H2' });
    const stale = await t.admin.delete(`/records/firm/${firm.id}`, { 'if-match': '"1"' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('RECORD_VERSION_CONFLICT');
    expect((await t.admin.get(`/records/firm/${firm.id}`)).status).toBe(200);
    expect((await t.admin.delete(`/records/firm/${firm.id}`, { 'if-match': 'nonsense' })).body.error.code).toBe('REQUEST_INVALID');
    expect((await t.admin.delete(`/records/firm/${firm.id}`, { 'if-match': '"2"' })).status).toBe(204);
  });

  it('keeps a deactivated multi-select value while other values change, but refuses adding it', async () => {
    const firm = (await t.admin.post('/records/firm', { name: 'I', tags: ['a', 'old'] })).body;
    await t.admin.defineObject({ name: 'firm', label: 'Firm', fields: [{ name: 'tags', type: 'multipicklist', label: 'Tags', options: { values: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }, { value: 'old', label: 'Old', active: false }] } }] });
    const kept = await t.admin.patch(`/records/firm/${firm.id}`, { version: 1, tags: ['b', 'old'] });
    expect(kept.status).toBe(200);
    expect(kept.body.tags).toEqual(['b', 'old']);
    const other = (await t.admin.post('/records/firm', { name: 'J', tags: ['a'] })).body;
    const added = await t.admin.patch(`/records/firm/${other.id}`, { version: 1, tags: ['a', 'old'] });
    expect(added.status).toBe(400);
    expect(added.body.error.details.issues).toEqual([{ path: '/tags', code: 'FIELD_NOT_IN_PICKLIST', message: 'this value is deactivated and can no longer be chosen' }]);
    expect((await t.admin.get(`/records/firm/${other.id}`)).body).toMatchObject({ tags: ['a'], version: 1 });
  });
});
