import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectRefusedUnchanged } from '../../helpers/unchanged';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';
import { defineFirms, firmState, newFirm, salesUser } from './duplicate-fixtures';

let t: TestTenant;
let a: string;
let b: string;
let c: string;
let d: string;
let e: string;
beforeAll(async () => {
  t = await startTestTenant('mergefail');
  await defineFirms(t);
  const ids = [];
  for (const n of ['A', 'B', 'C', 'D', 'E']) ids.push(await newFirm(t, { name: `Fail ${n}` }));
  [a, b, c, d, e] = ids as [string, string, string, string, string];
  await t.admin.post('/records/person', { name: 'Linked', firm: b });
});
afterAll(() => t?.close());

const state = () => firmState(t);
const merge = (body: unknown, who = t.admin) => who.post('/records/firm/merge', body);
const refused = (body: unknown, status: number, code: string, who = t.admin) => expectRefusedUnchanged(state, () => merge(body, who), status, code);

it('MERGE_INVALID: survivor among the merged, a record named twice, more than 3, none, not ids, unknown keys', async () => {
  const cases: [unknown, string][] = [
    [{ survivor: a, merged: [a] }, '/merged/0'],
    [{ survivor: a, merged: [b, b] }, '/merged/1'],
    [{ survivor: a, merged: [b, c, d, e] }, '/merged'],
    [{ survivor: a, merged: [] }, '/merged'],
    [{ survivor: 'nope', merged: [b] }, '/survivor'],
    [{ survivor: a, merged: ['nope'] }, '/merged/0'],
    [{ survivor: a, merged: [b], extra: 1 }, '/extra'],
    [[a, b], '/'],
  ];
  for (const [body, path] of cases) {
    const res = await refused(body, 400, 'MERGE_INVALID');
    expect(res.error.details.issues.map((i: { path: string }) => i.path), JSON.stringify(body)).toContain(path);
  }
});

it('MERGE_INVALID: values for unknown or unwritable fields, or from a record not in the merge', async () => {
  for (const [values, path] of [[{ nothing: a }, '/values/nothing'], [{ people: b }, '/values/people'], [{ phone: c }, '/values/phone'], [{ phone: 1 }, '/values/phone']] as const) {
    const res = await refused({ survivor: a, merged: [b], values }, 400, 'MERGE_INVALID');
    expect(res.error.details.issues[0].path).toBe(path);
  }
  await refused({ survivor: a, merged: [b], values: [] }, 400, 'MERGE_INVALID');
  await refused({ survivor: a, merged: [b], version: 'one' }, 400, 'MERGE_INVALID');
});

it('404 for a record that does not exist (or of another object), 403 without full access or permission', async () => {
  const ghost = '00000000-0000-4000-8000-000000000000';
  const res = await refused({ survivor: a, merged: [ghost] }, 404, 'RECORD_NOT_FOUND');
  expect(res.error.details.ids).toEqual([ghost]);
  const person = (await t.admin.get('/records/person')).body.records[0].id;
  await refused({ survivor: a, merged: [person] }, 404, 'RECORD_NOT_FOUND');
  const rep = await salesUser(t);
  // Shared for edit: the rep sees B and may edit it, but merging needs full access.
  expect((await t.admin.post(`/records/firm/${b}/share`, { kind: 'user', id: rep.id, access: 'edit' })).status).toBe(201);
  const mine = (await rep.client.post('/records/firm', { name: 'Rep Own' })).body.id;
  await refused({ survivor: mine, merged: [b] }, 403, 'RECORD_ACCESS_DENIED', rep.client);
  await refused({ survivor: mine, merged: [a] }, 404, 'RECORD_NOT_FOUND', rep.client);
  expect((await t.admin.post('/admin/permission-sets', { name: 'editors', label: 'Editors', objects: { firm: { create: true, read: true, edit: true } } })).status).toBe(201);
  const editor = await t.newUser();
  await t.admin.patch(`/admin/users/${editor.id}`, { permissionSets: ['editors'] });
  await refused({ survivor: a, merged: [b] }, 403, 'OBJECT_ACCESS_DENIED', editor.client);
  expect((await t.admin.post('/records/nothing_here/merge', { survivor: a, merged: [b] })).body.error.code).toBe('OBJECT_NOT_FOUND');
});

it('409 RECORD_VERSION_CONFLICT for a stale survivor version', async () => {
  const res = await refused({ survivor: a, merged: [b], version: 9 }, 409, 'RECORD_VERSION_CONFLICT');
  expect(res.error.details).toEqual({ currentVersion: 1, yourVersion: 9 });
});

it("a chosen value the object's validation rules refuse → 400 RECORD_RULE_VIOLATION, nothing changed", async () => {
  // A value stored before the rule existed (written behind the API).
  await t.sql(`UPDATE "${t.tenant.schema}".firm SET rating = 9 WHERE id = ?`, [c]);
  const res = await refused({ survivor: a, merged: [c], values: { rating: c } }, 400, 'RECORD_RULE_VIOLATION');
  expect(res.error.details.rule).toBe('rating_max');
});
