import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefusedUnchanged } from '../../helpers/unchanged';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';
import { defineFirms, firmState, newFirm, salesUser } from './duplicate-fixtures';

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant('dupfail');
  await defineFirms(t);
});
afterAll(() => t?.close());

const state = () => firmState(t);

describe('duplicates refused with nothing written', () => {
  it('a block match → 409 RECORD_DUPLICATE (with or without allowDuplicates)', async () => {
    await newFirm(t, { name: '苏州青禾有限公司' });
    for (const q of ['', '?allowDuplicates=true']) {
      const body = await expectRefusedUnchanged(state, () => t.admin.post(`/records/firm${q}`, { name: '苏州青禾' }), 409, 'RECORD_DUPLICATE');
      expect(body.error.details.matches).toHaveLength(1);
    }
  });

  it('a warn match without allowDuplicates → 409 RECORD_DUPLICATE_WARNING', async () => {
    await newFirm(t, { name: 'Warn Stored', phone: '+86 139 1111 2222' });
    const body = await expectRefusedUnchanged(state, () => t.admin.post('/records/firm', { name: 'Warn New', phone: '13911112222' }), 409, 'RECORD_DUPLICATE_WARNING');
    expect(body.error.message).toContain('allowDuplicates=true');
    expect(body.error.details.matches[0]).toMatchObject({ rule: 'same_phone', action: 'warn' });
  });

  it('a warn and a block match together → the block wins and both are listed', async () => {
    await newFirm(t, { name: 'Both Stored Ltd', phone: '020 1234 5678' });
    const body = await expectRefusedUnchanged(state, () => t.admin.post('/records/firm', { name: 'Both Stored', phone: '02012345678' }), 409, 'RECORD_DUPLICATE');
    expect(body.error.details.matches.map((m: { rule: string }) => m.rule)).toEqual(['same_company', 'same_phone']);
  });

  it('a bulk batch whose rows duplicate each other → 409, no row of the batch written', async () => {
    const rows = [{ name: 'Batch Unique' }, { name: 'Batch Code A', code: 'x 1' }, { name: 'Batch Code B', code: 'X1' }];
    const body = await expectRefusedUnchanged(state, () => t.admin.post('/records/firm/bulk?allowDuplicates=true', { records: rows }), 409, 'RECORD_DUPLICATE');
    expect(body.error.details.matches).toEqual([{ row: 2, path: '/records/2', rule: 'same_code', label: 'Same code', action: 'block', records: [], rows: [1] }]);
  });

  it('an update that makes a duplicate → 409, the record unchanged', async () => {
    await newFirm(t, { name: 'Upd Block Target', code: 'UB-1' });
    const id = await newFirm(t, { name: 'Upd Block Mine' });
    await expectRefusedUnchanged(state, () => t.admin.patch(`/records/firm/${id}`, { code: 'ub-1', version: 1 }), 409, 'RECORD_DUPLICATE');
    await expectRefusedUnchanged(state, () => t.admin.patch(`/records/firm/${id}?allowDuplicates=true`, { name: 'UPD BLOCK TARGET CO., LTD.', version: 1 }), 409, 'RECORD_DUPLICATE');
  });

  it('a bulk edit that makes duplicates → 409 naming the edited record, nothing changed; a warn passes with allowDuplicates', async () => {
    await newFirm(t, { name: 'Bulk Block Target', code: 'BB-1' });
    const a = await newFirm(t, { name: 'Bulk Mine A' });
    const b = await newFirm(t, { name: 'Bulk Mine B' });
    const body = await expectRefusedUnchanged(state, () => t.admin.post('/records/firm/bulk-update', { ids: [a, b], values: { code: 'bb-1' } }), 409, 'RECORD_DUPLICATE');
    expect(body.error.details.matches[0]).toMatchObject({ rule: 'same_code', path: '/ids/0' });
    // The two edited records would duplicate each other (same phone): a warning, then saved when allowed.
    await expectRefusedUnchanged(state, () => t.admin.post('/records/firm/bulk-update', { ids: [a, b], values: { phone: '021-5555-0199' } }), 409, 'RECORD_DUPLICATE_WARNING');
    const ok = await t.admin.post('/records/firm/bulk-update?allowDuplicates=true', { ids: [a, b], values: { phone: '021-5555-0199' } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await t.admin.get(`/records/firm/${b}`)).body.phone).toBe('021-5555-0199');
  });

  it('a block on a record the user cannot see names nothing of it', async () => {
    await newFirm(t, { name: 'Hidden Stored Co', code: 'HIDDEN-CODE-1' });
    const rep = await salesUser(t);
    const body = await expectRefusedUnchanged(state, () => rep.client.post('/records/firm', { name: 'Rep Tries', code: 'hidden-code-1' }), 409, 'RECORD_DUPLICATE');
    expect(body.error.details.matches).toEqual([{ rule: 'same_code', label: 'Same code', action: 'block', records: [], hidden: 1 }]);
    expect(JSON.stringify(body)).not.toMatch(/Hidden Stored|[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});

describe('POST /records/:object/duplicates refused', () => {
  it('a body that is not an object → 400 REQUEST_INVALID; an unknown object → 404; a bad excludeId → 400', async () => {
    expect((await t.admin.post('/records/firm/duplicates', [1, 2])).body.error.code).toBe('REQUEST_INVALID');
    expect((await t.admin.post('/records/nothing_here/duplicates', {})).body.error.code).toBe('OBJECT_NOT_FOUND');
    expect((await t.admin.post('/records/firm/duplicates?excludeId=nope', {})).body.error.code).toBe('RECORD_INVALID_ID');
  });

  it('without read permission → 403 OBJECT_ACCESS_DENIED', async () => {
    expect((await t.admin.post('/admin/permission-sets', { name: 'people_only', label: 'People only', objects: { person: { read: true } } })).status).toBe(201);
    const nobody = await t.newUser();
    expect((await t.admin.patch(`/admin/users/${nobody.id}`, { permissionSets: ['people_only'] })).status).toBe(200);
    const res = await nobody.client.post('/records/firm/duplicates', { name: 'x' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('OBJECT_ACCESS_DENIED');
  });

  it('values of the wrong type never match and never fail', async () => {
    await newFirm(t, { name: 'Typed Ref', ref: 'T-1', size: 3 });
    const res = await t.admin.post('/records/firm/duplicates', { ref: 'T-1', size: 'three', phone: { a: 1 } });
    expect(res.status).toBe(200);
    expect(res.body.matches).toEqual([]);
  });
});
