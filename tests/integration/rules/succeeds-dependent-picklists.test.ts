import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawObjectDef } from '../../../engine/shared/metadata-types';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;
const v = (...values: string[]) => values.map((value) => ({ value, label: value }));
const site = (extra: Partial<RawObjectDef> = {}): RawObjectDef => ({
  name: 'site',
  label: 'Site',
  fields: [
    { name: 'province', type: 'picklist', label: 'Province', options: { values: v('guangdong', 'zhejiang') } },
    { name: 'city', type: 'picklist', label: 'City', options: { values: v('shenzhen', 'guangzhou', 'hangzhou'), controllingField: 'province', dependencies: { guangdong: ['shenzhen', 'guangzhou'], zhejiang: ['hangzhou'] } } },
    { name: 'district', type: 'picklist', label: 'District', options: { values: v('nanshan', 'futian', 'xihu'), controllingField: 'city', dependencies: { shenzhen: ['nanshan', 'futian'], hangzhou: ['xihu'] } } },
    { name: 'remote', type: 'boolean', label: 'Remote' },
    { name: 'channels', type: 'multipicklist', label: 'Channels', options: { values: v('vpn', 'office', 'phone'), controllingField: 'remote', dependencies: { true: ['vpn', 'phone'], false: ['office', 'phone'] } } },
  ],
  ...extra,
});
const rows = async () => Number((await t.server.services.db.raw(`SELECT count(*) AS n FROM "${t.tenant.schema}".site`)).rows[0].n);

beforeAll(async () => {
  t = await startTestTenant('deppick');
  await t.admin.defineObject(site());
});
afterAll(() => t?.close());

describe('dependent picklists (province → city → district)', () => {
  it('accept allowed combinations and describe the dependencies for forms', async () => {
    const ok = await t.admin.post('/records/site', { name: 'HQ', province: 'guangdong', city: 'shenzhen', district: 'nanshan', remote: true, channels: ['vpn'] });
    expect(ok.status).toBe(201);
    const described = (await t.admin.get('/metadata/objects/site/describe')).body.object.fields.find((f: { name: string }) => f.name === 'district');
    expect(described.options).toMatchObject({ controllingField: 'city', dependencies: { shenzhen: ['nanshan', 'futian'], hangzhou: ['xihu'] } });
  });

  it('refuse a combination the dependency does not allow, at every level, writing nothing', async () => {
    const before = await rows();
    const wrongCity = await t.admin.post('/records/site', { name: 'x', province: 'zhejiang', city: 'shenzhen' });
    expect(wrongCity.status).toBe(400);
    expect(wrongCity.body.error.details.issues).toEqual([{ path: '/city', code: 'FIELD_NOT_ALLOWED', message: '"shenzhen" is not allowed when province is "zhejiang"' }]);
    const wrongDistrict = await t.admin.post('/records/site', { name: 'x', province: 'guangdong', city: 'guangzhou', district: 'nanshan' });
    expect(wrongDistrict.body.error.details.issues[0]).toMatchObject({ path: '/district', code: 'FIELD_NOT_ALLOWED' });
    const noController = await t.admin.post('/records/site', { name: 'x', city: 'hangzhou' });
    expect(noController.body.error.details.issues[0].message).toBe('"hangzhou" is not allowed when province is empty');
    const booleanController = await t.admin.post('/records/site', { name: 'x', remote: false, channels: ['vpn', 'phone'] });
    expect(booleanController.body.error.details.issues[0]).toMatchObject({ path: '/channels', message: '"vpn" is not allowed when remote is "false"' });
    const bulk = await t.admin.post('/records/site/bulk', { records: [{ name: 'a', province: 'zhejiang', city: 'hangzhou' }, { name: 'b', province: 'zhejiang', city: 'guangzhou' }] });
    expect(bulk.body.error.details.issues[0]).toMatchObject({ path: '/records/1/city' });
    expect(await rows()).toBe(before);
  });

  it('judge an update on the stored record: changing the controller alone can break the dependent', async () => {
    const s = (await t.admin.post('/records/site', { name: 'y', province: 'guangdong', city: 'guangzhou' })).body;
    const res = await t.admin.patch(`/records/site/${s.id}`, { version: 1, province: 'zhejiang' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0]).toMatchObject({ path: '/city' });
    const both = await t.admin.patch(`/records/site/${s.id}`, { version: 1, province: 'zhejiang', city: 'hangzhou' });
    expect(both.status).toBe(200);
  });

  it('are checked at publish: unknown controller, foreign values, cycles', async () => {
    const bad = site();
    (bad.fields[1]!.options as Record<string, unknown>).controllingField = 'nowhere';
    const res = await t.admin.put('/metadata/objects/site', bad);
    expect(res.body.error).toMatchObject({ code: 'METADATA_INVALID', details: { issues: [{ path: '/fields/1/options/controllingField', code: 'INVALID_DEPENDENCY' }] } });
    const foreign = site();
    (foreign.fields[1]!.options as { dependencies: Record<string, string[]> }).dependencies.guangdong = ['beijing'];
    expect((await t.admin.put('/metadata/objects/site', foreign)).body.error.details.issues[0]).toMatchObject({ path: '/fields/1/options/dependencies/guangdong/0' });
    const cyclic = site();
    Object.assign(cyclic.fields[0]!.options!, { controllingField: 'district', dependencies: {} });
    expect((await t.admin.put('/metadata/objects/site', cyclic)).body.error.details.issues[0].message).toMatch(/cycle/);
    // Deleting the controlling field is refused while a field depends on it.
    const orphan = site();
    orphan.fields.splice(0, 1);
    expect((await t.admin.put('/metadata/objects/site?confirm=true', orphan)).body.error.details.issues[0]).toMatchObject({ path: '/fields/0/options/controllingField' });
  });
});
