import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';
import { crmCoreObjects, newLead, publishCrmCore, rowCounts } from './crm-core-tenant';

let t: TestTenant;

beforeAll(async () => {
  t = await startTestTenant('convbad');
  const objects = crmCoreObjects();
  // A contact validation rule the lead's e-mail can break: the refusal must name the target and the field.
  objects.contact!.validationRules = [
    { name: 'no_test_mail', condition: { '==': [{ var: 'email' }, 'blocked@example.test'] }, message: { en: 'This e-mail is blocked', 'zh-CN': '该邮箱已被禁止' }, errorField: 'email' },
  ];
  await publishCrmCore(t, objects);
});
afterAll(() => t?.close());

const convert = (id: string, body: unknown, client = t.admin) => client.post(`/records/lead/${id}/convert`, body);
const leadRow = async (id: string) => (await t.sql(`SELECT status, converted, converted_account, version FROM "${t.tenant.schema}".lead WHERE id = ?`, [id]))[0];

/** A refused conversion: the status and code, nothing created, the lead untouched. */
async function refused(id: string, body: unknown, status: number, code: string, client = t.admin) {
  const before = await rowCounts(t);
  const lead = await leadRow(id);
  const res = await convert(id, body, client);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(await rowCounts(t)).toEqual(before);
  expect(await leadRow(id)).toEqual(lead);
  return res.body.error;
}

describe('converting twice', () => {
  it('a second conversion → 409 RECORD_ALREADY_CONVERTED, nothing more created', async () => {
    const id = await newLead(t, { name: 'Once Only', company: 'Once Corp' });
    expect((await convert(id, {})).status).toBe(200);
    const e = await refused(id, {}, 409, 'RECORD_ALREADY_CONVERTED');
    expect(e.details).toEqual({ object: 'lead', id });
  });

  it('two concurrent conversions: exactly one 200 and one 409, one account', async () => {
    const id = await newLead(t, { name: 'Race Runner', company: 'Race Condition Inc' });
    const before = await rowCounts(t);
    const answers = await Promise.all([convert(id, { targets: { opportunity: { action: 'skip' } } }), convert(id, { targets: { opportunity: { action: 'skip' } } })]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.body.error.code).toBe('RECORD_ALREADY_CONVERTED');
    expect(await rowCounts(t)).toEqual({ ...before, account: before.account! + 1, contact: before.contact! + 1, _conversions: before._conversions! + 1 });
  });
});

describe('the lead', () => {
  it('a deleted lead → 404 RECORD_NOT_FOUND', async () => {
    const id = await newLead(t, { name: 'Gone Soon', company: 'Vanished Ltd' });
    expect((await t.admin.delete(`/records/lead/${id}`)).status).toBe(204);
    const before = await rowCounts(t);
    const res = await convert(id, {});
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'RECORD_NOT_FOUND', details: { object: 'lead', id } });
    expect((await t.admin.get(`/records/lead/${id}/convert`)).body.error.code).toBe('RECORD_NOT_FOUND');
    expect(await rowCounts(t)).toEqual(before);
  });

  it("a lead the user cannot see → 404 (private sharing); without edit permission → 403; an object without a conversion → 400", async () => {
    const id = await newLead(t, { name: 'Private Person', company: 'Private Ltd' });
    const all = { create: true, read: true, edit: true };
    expect((await t.admin.post('/admin/permission-sets', { name: 'sales', label: 'Sales', objects: { lead: all, account: all, contact: all, opportunity: all } })).status).toBe(201);
    expect((await t.admin.post('/admin/permission-sets', { name: 'look', label: 'Look', objects: { lead: { read: true } } })).status).toBe(201);
    const rep = await t.newUser();
    const reader = await t.newUser();
    expect((await t.admin.patch(`/admin/users/${rep.id}`, { permissionSets: ['sales'] })).status).toBe(200);
    expect((await t.admin.patch(`/admin/users/${reader.id}`, { permissionSets: ['look'] })).status).toBe(200);
    await refused(id, {}, 404, 'RECORD_NOT_FOUND', rep.client);
    expect((await rep.client.get(`/records/lead/${id}/convert`)).status).toBe(404);
    await refused(id, {}, 403, 'OBJECT_ACCESS_DENIED', reader.client);
    const account = (await t.admin.post('/records/account', { name: 'Not A Lead' })).body.id;
    const e = (await t.admin.post(`/records/account/${account}/convert`, {})).body.error;
    expect(e).toMatchObject({ code: 'CONVERSION_INVALID', details: { object: 'account' } });
  });

  it('a stale version → 409 RECORD_VERSION_CONFLICT', async () => {
    const id = await newLead(t, { name: 'Stale Reader', company: 'Stale Ltd' });
    const e = await refused(id, { version: 7 }, 409, 'RECORD_VERSION_CONFLICT');
    expect(e.details).toMatchObject({ currentVersion: 1, yourVersion: 7 });
  });
});

describe('targets refused', () => {
  it("a target's validation rule → 400 RECORD_RULE_VIOLATION naming the target and field; nothing created (not even the account before it)", async () => {
    const id = await newLead(t, { name: 'Blocked Mail', company: 'Blocked Mail Co', email: 'blocked@example.test' });
    const e = await refused(id, {}, 400, 'RECORD_RULE_VIOLATION');
    expect(e.details.target).toBe('contact');
    expect(e.details.issues).toEqual([{ path: '/targets/contact/values/email', code: 'RULE_VIOLATION', message: 'This e-mail is blocked', rule: 'no_test_mail', target: 'contact' }]);
    expect(e.message).toBe('Contact: This e-mail is blocked');
  });

  it('an override of the wrong type → 400 RECORD_VALIDATION_FAILED at /targets/account/values/employees', async () => {
    const id = await newLead(t, { name: 'Typo Person', company: 'Typo Ltd' });
    const e = await refused(id, { targets: { account: { action: 'create', values: { employees: 'many' } } } }, 400, 'RECORD_VALIDATION_FAILED');
    expect(e.details.target).toBe('account');
    expect(e.details.issues.map((i: { path: string }) => i.path)).toEqual(['/targets/account/values/employees']);
  });

  it('an override that empties a required field → 400 naming the target', async () => {
    const id = await newLead(t, { name: 'No Stage', company: 'No Stage Ltd' });
    const e = await refused(id, { targets: { opportunity: { action: 'create', values: { close_date: null } } } }, 400, 'RECORD_VALIDATION_FAILED');
    expect(e.details.target).toBe('opportunity');
    expect(e.details.issues[0].path).toMatch(/^\/targets\/opportunity\/values/);
  });
});

describe('duplicate rules on the targets', () => {
  it('a block rule on the account → 409 RECORD_DUPLICATE naming the target; nothing created', async () => {
    expect((await t.admin.post('/records/account', { name: 'Sunrise Dairy Co., Ltd.' })).status).toBe(201);
    const id = await newLead(t, { name: 'Sun Mei', company: 'Sunrise Dairy' });
    const e = await refused(id, {}, 409, 'RECORD_DUPLICATE');
    expect(e.details.target).toBe('account');
    expect(e.message).toMatch(/^Account: /);
  });

  it('a warn rule on the contact → 409 RECORD_DUPLICATE_WARNING naming the target; ?allowDuplicates=true converts', async () => {
    const account = (await t.admin.post('/records/account', { name: 'Warm Springs Spa' })).body.id as string;
    expect((await t.admin.post('/records/contact', { name: 'Earlier Contact', account, email: 'same@warm.test' })).status).toBe(201);
    const id = await newLead(t, { name: 'Later Lead', company: 'Warm Springs Spa', email: 'same@warm.test' });
    const body = { targets: { account: { action: 'existing', id: account }, opportunity: { action: 'skip' } } };
    const e = await refused(id, body, 409, 'RECORD_DUPLICATE_WARNING');
    expect(e.details.target).toBe('contact');
    expect(e.details.matches[0].records[0].name).toBe('Earlier Contact');
    const res = await t.admin.post(`/records/lead/${id}/convert?allowDuplicates=true`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.targets.contact.created).toBe(true);
  });
});

describe('bad bodies → 400 CONVERSION_INVALID with paths, nothing written', () => {
  let lead: string;
  let contactId: string;
  beforeAll(async () => {
    lead = await newLead(t, { name: 'Body Checker', company: 'Body Check Ltd' });
    const acc = (await t.admin.post('/records/account', { name: 'Some Account' })).body.id;
    contactId = (await t.admin.post('/records/contact', { name: 'Some Contact', account: acc })).body.id;
  });
  const cases: [string, () => unknown, string[]][] = [
    ['a required target skipped', () => ({ targets: { account: { action: 'skip' } } }), ['/targets/account/action']],
    ['an unknown target key', () => ({ targets: { invoice: { action: 'create' } } }), ['/targets/invoice']],
    ['an unknown action', () => ({ targets: { account: { action: 'merge' } } }), ['/targets/account/action']],
    ['existing without an id', () => ({ targets: { account: { action: 'existing' } } }), ['/targets/account/id']],
    ['existing where allowExisting is false', () => ({ targets: { contact: { action: 'existing', id: contactId } } }), ['/targets/contact/action']],
    ['an existing id of another object', () => ({ targets: { account: { action: 'existing', id: contactId } } }), ['/targets/account/id']],
    ['an existing id that does not exist', () => ({ targets: { account: { action: 'existing', id: '00000000-0000-4000-8000-000000000000' } } }), ['/targets/account/id']],
    ['values on an existing record', () => ({ targets: { account: { action: 'existing', id: contactId, values: { name: 'x' } } } }), ['/targets/account/values']],
    ['a link field in values', () => ({ targets: { contact: { action: 'create', values: { account: contactId } } } }), ['/targets/contact/values/account']],
    ['targets not an object', () => ({ targets: ['account'] }), ['/targets']],
    ['an unknown property', () => ({ targets: {}, allowDuplicates: true }), ['/allowDuplicates']],
    ['an owner that is not an id', () => ({ owner: 'boss' }), ['/owner']],
    ['a body that is not an object', () => [1, 2], ['/']],
  ];
  it.each(cases)('%s', async (_name, body, paths) => {
    const e = await refused(lead, body(), 400, 'CONVERSION_INVALID');
    expect(e.details.issues.map((i: { path: string }) => i.path)).toEqual(paths);
  });

  it('an owner who is not an active user of the organisation → 400 RECORD_OWNER_INVALID naming the first target', async () => {
    const e = await refused(lead, { owner: '00000000-0000-4000-8000-000000000000' }, 400, 'RECORD_OWNER_INVALID');
    expect(e.details.target).toBe('account');
  });
});

describe('mappings checked at publish (PUT /metadata/objects/lead: paths relative to the object) → 400 METADATA_MAPPING_INVALID', () => {
  const putLead = (change: (lead: ReturnType<typeof crmCoreObjects>['lead']) => void) => {
    const lead = crmCoreObjects().lead!;
    change(lead);
    return t.admin.put('/metadata/objects/lead', lead);
  };
  it('a mapping of the wrong type', async () => {
    const res = await putLead((l) => void (l!.conversion!.targets[2]!.fields.amount = { var: 'company' }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('METADATA_MAPPING_INVALID');
    expect(res.body.error.details.issues).toEqual([expect.objectContaining({ path: '/conversion/targets/2/fields/amount', code: 'MAPPING_TYPE' })]);
  });
  it('a required target field left unmapped', async () => {
    const res = await putLead((l) => void delete l!.conversion!.targets[2]!.fields.close_date);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('METADATA_MAPPING_INVALID');
    expect(res.body.error.details.issues).toEqual([expect.objectContaining({ path: '/conversion/targets/2/fields', code: 'MAPPING_REQUIRED' })]);
  });
  it('a mapping that reads an unknown source field', async () => {
    const res = await putLead((l) => void (l!.conversion!.targets[0]!.fields.city = { var: 'town' }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('METADATA_MAPPING_INVALID');
    expect(res.body.error.details.issues[0].path).toBe('/conversion/targets/0/fields/city/var');
  });
  it('a mapping to an unknown target field is refused with the reference checks (METADATA_INVALID, UNKNOWN_FIELD)', async () => {
    const res = await putLead((l) => void (l!.conversion!.targets[0]!.fields.nickname = { var: 'name' }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('METADATA_INVALID');
    expect(res.body.error.details.issues).toEqual([expect.objectContaining({ path: '/conversion/targets/0/fields/nickname', code: 'UNKNOWN_FIELD' })]);
  });
});
