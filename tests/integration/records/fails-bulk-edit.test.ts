import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type ApiClient, type TestTenant } from '../../helpers/test-server';
import { expectRefusedUnchanged } from '../../helpers/unchanged';

/**
 * Every refusal of bulk edit and bulk delete, each leaving every record, the
 * audit trail and the shares exactly as they were (all or nothing).
 */
let t: TestTenant;
let rep: { client: ApiClient; id: string };
let reader: { client: ApiClient; id: string };
const id: Record<string, string> = {};
const NOBODY = '00000000-0000-4000-8000-000000000000';

const v = (...values: string[]) => values.map((value) => ({ value, label: value }));

/** Everything a bulk request could touch, as text. */
async function state(): Promise<string> {
  const s = t.tenant.schema;
  const deals = await t.sql(`SELECT id, version, stage, amount, region, code, province, city, account, owner_id, updated_at FROM "${s}".deal ORDER BY id`);
  const firms = await t.sql(`SELECT id, version FROM "${s}".firm ORDER BY id`);
  const [{ n: audit }] = await t.sql(`SELECT count(*)::int AS n FROM "${s}"._audit_log`);
  const [{ n: shares }] = await t.sql(`SELECT count(*)::int AS n FROM "${s}"._record_shares`);
  return JSON.stringify({ deals, firms, audit, shares });
}

/** Sends the request, checks status and error code, and that nothing changed; answers the error. */
async function refused(c: ApiClient, path: string, body: unknown, status: number, code: string): Promise<{ code: string; message: string; details?: any }> {
  return (await expectRefusedUnchanged(state, () => c.post(path, body), status, code)).error;
}
const edit = (c: ApiClient, body: unknown, status: number, code: string) => refused(c, '/records/deal/bulk-update', body, status, code);
const remove = (c: ApiClient, body: unknown, status: number, code: string) => refused(c, '/records/deal/bulk-delete', body, status, code);

beforeAll(async () => {
  t = await startTestTenant('bulkno');
  await t.admin.defineObject({ name: 'firm', label: 'Firm', fields: [] });
  await t.admin.defineObject({
    name: 'deal',
    label: 'Deal',
    sharing: 'private',
    fields: [
      { name: 'stage', type: 'picklist', label: 'Stage', options: { values: [...v('prospect', 'won', 'lost'), { value: 'old', label: 'Old', active: false }] } },
      { name: 'amount', type: 'currency', label: 'Amount' },
      { name: 'margin', type: 'number', label: 'Margin' },
      { name: 'discount', type: 'number', label: 'Discount' },
      { name: 'locked', type: 'boolean', label: 'Locked' },
      { name: 'region', type: 'text', label: 'Region', readOnlyWhen: { '==': [{ var: 'locked' }, true] } },
      { name: 'code', type: 'text', label: 'Code', unique: true },
      { name: 'province', type: 'picklist', label: 'Province', options: { values: v('guangdong', 'zhejiang') } },
      { name: 'city', type: 'picklist', label: 'City', options: { values: v('shenzhen', 'hangzhou'), controllingField: 'province', dependencies: { guangdong: ['shenzhen'], zhejiang: ['hangzhou'] } } },
      { name: 'account', type: 'lookup', label: 'Account', options: { target: 'firm', onDelete: 'restrict' } },
    ],
    validationRules: [{ name: 'won_needs_amount', condition: { and: [{ '==': [{ var: 'stage' }, 'won'] }, { '!': { var: 'amount' } }] }, message: 'A won deal needs an amount', errorField: 'amount' }],
  });
  const repRole = (await t.admin.post('/admin/roles', { name: 'rep', label: 'Rep' })).body;
  expect((await t.admin.post('/admin/permission-sets', { name: 'sales', label: 'Sales', objects: { deal: { create: true, read: true, edit: true, delete: true, fields: { margin: 'none', discount: 'read' } }, firm: { read: true } } })).status).toBe(201);
  expect((await t.admin.post('/admin/permission-sets', { name: 'look', label: 'Look', objects: { deal: { read: true } } })).status).toBe(201);
  [rep, reader] = [await t.newUser(), await t.newUser()];
  expect((await t.admin.patch(`/admin/users/${rep.id}`, { roleId: repRole.id, permissionSets: ['sales'] })).status).toBe(200);
  expect((await t.admin.patch(`/admin/users/${reader.id}`, { permissionSets: ['look'] })).status).toBe(200);
  const mk = async (key: string, c: ApiClient, body: Record<string, unknown>) => {
    const res = await c.post('/records/deal', { name: key, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    id[key] = res.body.id;
  };
  id.firm = (await t.admin.post('/records/firm', { name: 'Firm' })).body.id;
  await mk('A', t.admin, { stage: 'prospect' });
  await mk('S', t.admin, { stage: 'prospect' });
  await mk('T', t.admin, { stage: 'prospect' });
  await mk('R1', rep.client, { stage: 'prospect', amount: 5, province: 'guangdong' });
  await mk('R2', rep.client, { stage: 'prospect' });
  await mk('L', rep.client, { locked: true });
  await mk('F', t.admin, { account: id.firm });
  expect((await t.admin.post(`/records/deal/${id.S}/team`, { userId: rep.id, access: 'edit' })).status).toBe(201);
  expect((await t.admin.post(`/records/deal/${id.T}/share`, { kind: 'user', id: rep.id, access: 'read' })).status).toBe(201);
});
afterAll(() => t?.close());

describe('bulk edit refuses, and writes nothing', () => {
  it('an unknown object → 404 OBJECT_NOT_FOUND; no edit permission → 403 OBJECT_ACCESS_DENIED', async () => {
    await refused(t.admin, '/records/ghost/bulk-update', { ids: [id.A], values: { region: 'x' } }, 404, 'OBJECT_NOT_FOUND');
    const e = await edit(reader.client, { ids: [id.A], values: { region: 'x' } }, 403, 'OBJECT_ACCESS_DENIED');
    expect(e.details).toEqual({ object: 'deal', permission: 'edit' });
  });

  it('a malformed body → 400 REQUEST_INVALID', async () => {
    const bodies: unknown[] = [
      {},
      { ids: [], values: { region: 'x' } },
      { ids: ['not-an-id'], values: { region: 'x' } },
      { ids: [id.A, id.A], values: { region: 'x' } },
      { ids: Array.from({ length: 1001 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`), values: { region: 'x' } },
      { ids: [id.A], values: {} },
      { ids: [id.A], values: [] },
      { ids: [id.A], values: { region: 'x' }, extra: true },
      { ids: [id.A], values: { region: 'x', version: 1 } },
    ];
    for (const body of bodies) await edit(t.admin, body, 400, 'REQUEST_INVALID');
  });

  it('values that are no valid update → 400 RECORD_VALIDATION_FAILED with paths under /values', async () => {
    expect((await edit(t.admin, { ids: [id.A], values: { ghost: 1 } }, 400, 'RECORD_VALIDATION_FAILED')).details.issues[0].path).toBe('/values/ghost');
    expect((await edit(t.admin, { ids: [id.A], values: { amount: 'lots' } }, 400, 'RECORD_VALIDATION_FAILED')).details.issues[0].path).toBe('/values/amount');
    await edit(t.admin, { ids: [id.A], values: { stage: 'nope' } }, 400, 'RECORD_VALIDATION_FAILED');
    await edit(t.admin, { ids: [id.A], values: { id: NOBODY } }, 400, 'RECORD_VALIDATION_FAILED');
  });

  it('a field the user may not edit → 403 FIELD_NOT_ACCESSIBLE', async () => {
    expect((await edit(rep.client, { ids: [id.R1], values: { margin: 1 } }, 403, 'FIELD_NOT_ACCESSIBLE')).details).toEqual({ field: 'margin', path: '/values/margin' });
    expect((await edit(rep.client, { ids: [id.R1], values: { discount: 1 } }, 403, 'FIELD_NOT_ACCESSIBLE')).details).toEqual({ field: 'discount', path: '/values/discount' });
  });

  it('records the user cannot see → 404 RECORD_NOT_FOUND naming exactly those', async () => {
    const e = await edit(rep.client, { ids: [id.R1, id.A, NOBODY], values: { region: 'x' } }, 404, 'RECORD_NOT_FOUND');
    expect(e).toEqual({ code: 'RECORD_NOT_FOUND', message: '2 of the deal records do not exist; nothing was changed', details: { object: 'deal', ids: [id.A, NOBODY] } });
  });

  it('records the user sees but may not change → 403 RECORD_ACCESS_DENIED naming exactly those', async () => {
    const e = await edit(rep.client, { ids: [id.R1, id.T, id.S], values: { region: 'x' } }, 403, 'RECORD_ACCESS_DENIED');
    expect(e).toEqual({ code: 'RECORD_ACCESS_DENIED', message: 'you may not change 1 of the deal records; nothing was changed', details: { object: 'deal', ids: [id.T] } });
  });

  it('an owner change needs full access: a record shared for editing is refused; an unknown owner is 400', async () => {
    expect((await edit(rep.client, { ids: [id.R1, id.S], values: { owner_id: rep.id } }, 403, 'RECORD_ACCESS_DENIED')).details.ids).toEqual([id.S]);
    await edit(t.admin, { ids: [id.A], values: { owner_id: NOBODY } }, 400, 'RECORD_OWNER_INVALID');
  });

  it('a validation rule failing on one record → 400 RECORD_RULE_VIOLATION at that record', async () => {
    const e = await edit(rep.client, { ids: [id.R1, id.R2], values: { stage: 'won' } }, 400, 'RECORD_RULE_VIOLATION');
    expect(e).toEqual({
      code: 'RECORD_RULE_VIOLATION',
      message: 'A won deal needs an amount',
      details: { rule: 'won_needs_amount', issues: [{ path: '/ids/1/amount', code: 'RULE_VIOLATION', message: 'A won deal needs an amount', rule: 'won_needs_amount' }] },
    });
  });

  it('a deactivated picklist value, a disallowed dependent value, a read-only-when field → 400 RECORD_VALIDATION_FAILED', async () => {
    expect((await edit(t.admin, { ids: [id.A, id.R1], values: { stage: 'old' } }, 400, 'RECORD_VALIDATION_FAILED')).details.issues).toEqual([
      { path: '/ids/0/stage', code: 'FIELD_NOT_IN_PICKLIST', message: 'this value is deactivated and can no longer be chosen' },
      { path: '/ids/1/stage', code: 'FIELD_NOT_IN_PICKLIST', message: 'this value is deactivated and can no longer be chosen' },
    ]);
    expect((await edit(t.admin, { ids: [id.R1, id.A], values: { city: 'shenzhen' } }, 400, 'RECORD_VALIDATION_FAILED')).details.issues).toEqual([
      { path: '/ids/1/city', code: 'FIELD_NOT_ALLOWED', message: '"shenzhen" is not allowed when province is empty' },
    ]);
    expect((await edit(t.admin, { ids: [id.R2, id.L], values: { region: 'x' } }, 400, 'RECORD_VALIDATION_FAILED')).details.issues).toEqual([
      { path: '/ids/1/region', code: 'FIELD_READ_ONLY', message: 'cannot be changed in this case' },
    ]);
  });

  it('a database refusal rolls back every record: duplicate unique value → 409, missing lookup target → 400', async () => {
    expect((await edit(t.admin, { ids: [id.A, id.R1], values: { code: 'same' } }, 409, 'RECORD_NOT_UNIQUE')).details.field).toBe('code');
    await edit(t.admin, { ids: [id.A, id.R1], values: { account: NOBODY } }, 400, 'RECORD_INVALID_REFERENCE');
  });
});

describe('bulk delete refuses, and deletes nothing', () => {
  it('an unknown object → 404; no delete permission → 403 OBJECT_ACCESS_DENIED', async () => {
    await refused(t.admin, '/records/ghost/bulk-delete', { ids: [id.A] }, 404, 'OBJECT_NOT_FOUND');
    expect((await remove(reader.client, { ids: [id.A] }, 403, 'OBJECT_ACCESS_DENIED')).details).toEqual({ object: 'deal', permission: 'delete' });
  });

  it('a malformed body → 400 REQUEST_INVALID', async () => {
    for (const body of [{}, { ids: [] }, { ids: ['x'] }, { ids: [id.A, id.A] }, { ids: [id.A], values: { region: 'x' } }, { ids: id.A }]) await remove(t.admin, body, 400, 'REQUEST_INVALID');
  });

  it('records the user cannot see → 404 naming them; sees but may not delete → 403 naming them', async () => {
    expect((await remove(rep.client, { ids: [id.R1, id.A, NOBODY] }, 404, 'RECORD_NOT_FOUND')).details).toEqual({ object: 'deal', ids: [id.A, NOBODY] });
    // Edit access through the team is not enough to delete (full access is).
    const e = await remove(rep.client, { ids: [id.R1, id.S, id.T] }, 403, 'RECORD_ACCESS_DENIED');
    expect(e).toEqual({ code: 'RECORD_ACCESS_DENIED', message: 'you may not delete 2 of the deal records; nothing was deleted', details: { object: 'deal', ids: [id.S, id.T] } });
  });

  it('a record still referenced through a restricting lookup → 409 RECORD_IN_USE naming the referrer', async () => {
    const other = (await t.admin.post('/records/firm', { name: 'Unused' })).body.id;
    const e = await refused(t.admin, '/records/firm/bulk-delete', { ids: [other, id.firm] }, 409, 'RECORD_IN_USE');
    expect(e.details).toEqual({ referencedBy: { object: 'deal', field: 'account' } });
  });
});
