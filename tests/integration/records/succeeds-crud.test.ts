import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;

beforeAll(async () => {
  t = await startTestTenant('crud');
  await t.admin.defineObject({
    name: 'company',
    label: { en: 'Company', 'zh-CN': '公司' },
    fields: [
      { name: 'industry', type: 'picklist', label: 'Industry', options: { values: [{ value: 'it', label: { en: 'IT', 'zh-CN': '信息技术' } }, { value: 'retail', label: 'Retail' }] } },
      { name: 'revenue', type: 'currency', label: 'Revenue' },
      { name: 'email', type: 'email', label: 'Email', unique: true },
    ],
  });
  await t.admin.defineObject({
    name: 'person',
    label: 'Person',
    fields: [{ name: 'company', type: 'lookup', label: 'Company', options: { target: 'company', onDelete: 'restrict' } }],
  });
});
afterAll(() => t?.close());

describe('record CRUD', () => {
  it('creates, reads, updates with the current version and deletes a record', async () => {
    const created = await t.admin.post('/records/company', { name: '华信科技', industry: 'it', revenue: 1234.5, email: 'hi@huaxin.cn' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '华信科技', industry: 'it', revenue: 1234.5, version: 1, owner_id: t.adminId, created_by: t.adminId });
    const id = created.body.id;

    const read = await t.admin.get(`/records/company/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);

    const updated = await t.admin.patch(`/records/company/${id}`, { revenue: 99, version: 1 });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ revenue: 99, version: 2, name: '华信科技' });

    const viaIfMatch = await t.admin.patch(`/records/company/${id}`, { industry: 'retail' }, { 'if-match': '"2"' });
    expect(viaIfMatch.body).toMatchObject({ industry: 'retail', version: 3 });

    expect((await t.admin.delete(`/records/company/${id}`)).status).toBe(204);
    expect((await t.admin.get(`/records/company/${id}`)).status).toBe(404);
  });

  it('refuses a stale version with 409 and writes nothing', async () => {
    const { body } = await t.admin.post('/records/company', { name: 'Stale Co', revenue: 1 });
    await t.admin.patch(`/records/company/${body.id}`, { revenue: 2, version: 1 });
    const stale = await t.admin.patch(`/records/company/${body.id}`, { revenue: 3, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('RECORD_VERSION_CONFLICT');
    expect((await t.admin.get(`/records/company/${body.id}`)).body).toMatchObject({ revenue: 2, version: 2 });
  });

  it('honours restrict on delete while a lookup points at the record', async () => {
    const company = (await t.admin.post('/records/company', { name: 'Parent' })).body;
    const person = (await t.admin.post('/records/person', { name: 'Zhang Wei', company: company.id })).body;
    const refused = await t.admin.delete(`/records/company/${company.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('RECORD_IN_USE');
    expect((await t.admin.get(`/records/company/${company.id}`)).status).toBe(200);
    await t.admin.delete(`/records/person/${person.id}`);
    expect((await t.admin.delete(`/records/company/${company.id}`)).status).toBe(204);
  });
});
