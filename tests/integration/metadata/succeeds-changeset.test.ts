import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;
const columns = async (table: string) =>
  (await t.sql('SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY column_name', [t.tenant.schema, table])).map((r) => r.column_name as string);

beforeAll(async () => {
  t = await startTestTenant('changeset');
  await t.admin.defineObject({ name: 'gadget', label: 'Gadget', fields: [{ name: 'sku', type: 'text', label: 'SKU' }] });
});
afterAll(() => t?.close());

describe('POST /metadata/changes publishes a whole draft as one version', () => {
  it('creates two related objects and a value set they use in one version, with its plan', async () => {
    const before = (await t.admin.get('/metadata/versions')).body.versions[0].version;
    const res = await t.admin.post('/metadata/changes', {
      valueSets: { region: { label: { en: 'Region', 'zh-CN': '区域' }, values: [{ value: 'east', label: '东' }, { value: 'west', label: '西' }] } },
      objects: {
        site: { label: 'Site', fields: [{ name: 'region', type: 'picklist', label: 'Region', options: { valueSet: 'region' } }] },
        device: { label: 'Device', fields: [{ name: 'site', type: 'lookup', label: 'Site', options: { target: 'site' } }] },
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ version: before + 1, dryRun: false, changed: true });
    expect(res.body.plan.filter((s: { kind: string }) => s.kind === 'createTable').map((s: { object: string }) => s.object).sort()).toEqual(['device', 'site']);
    const versions = (await t.admin.get('/metadata/versions')).body.versions;
    expect(versions[0]).toMatchObject({ version: before + 1, summary: 'changes: objects site, device; value sets region' });
    expect(await columns('device')).toContain('site');
  });

  it('answers the normalized definitions asked for with preview, in a dry run that writes nothing', async () => {
    const versions = (await t.admin.get('/metadata/versions')).body.versions.length;
    const res = await t.admin.post('/metadata/changes?dryRun=true&preview=gadget', {
      objects: { gadget: { label: { en: 'Gadget', 'zh-CN': '小工具' }, fields: [{ name: 'sku', type: 'text', label: 'SKU' }, { name: 'weight', type: 'number', label: 'Weight' }] } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.dryRun).toBe(true);
    const preview = res.body.preview.gadget;
    expect(preview.label).toEqual({ en: 'Gadget', 'zh-CN': '小工具' });
    expect(preview.fields.find((f: { name: string }) => f.name === 'weight').options).toEqual({ precision: 18, scale: 2 });
    expect(preview.fields.some((f: { name: string; system: boolean }) => f.name === 'owner_id' && f.system)).toBe(true);
    expect((await t.admin.get('/metadata/versions')).body.versions.length).toBe(versions);
    expect(await columns('gadget')).not.toContain('weight');
  });

  it('deletes an object and writes another in the same version when confirmed', async () => {
    const res = await t.admin.post('/metadata/changes?confirm=true', {
      deleteObjects: ['gadget'],
      objects: { site: { label: 'Site', fields: [{ name: 'region', type: 'picklist', label: 'Region', options: { valueSet: 'region' } }, { name: 'code', type: 'text', label: 'Code' }] } },
      summary: 'retire gadgets, add site codes',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.plan.map((s: { kind: string; destructive: boolean }) => [s.kind, s.destructive])).toEqual(expect.arrayContaining([['trashTable', true], ['addColumn', false]]));
    expect((await t.admin.get('/metadata/objects/gadget')).status).toBe(404);
    expect((await t.admin.get('/metadata/versions')).body.versions[0].summary).toBe('retire gadgets, add site codes');
  });

  it('lists every field type with a settings schema a browser form can use without resolving references', async () => {
    const res = await t.newUser().then((u) => u.client.get('/metadata/field-types'));
    expect(res.status).toBe(200);
    const types = res.body.fieldTypes as { type: string; settingsSchema: Record<string, unknown>; kind: string; stored: boolean; writable: boolean }[];
    expect(types.map((x) => x.type)).toEqual(expect.arrayContaining(['text', 'picklist', 'lookup', 'formula', 'rollup', 'autonumber']));
    expect(types.find((x) => x.type === 'lookup')).toMatchObject({ kind: 'uuid', stored: true, writable: true, settingsSchema: { required: ['target'] } });
    expect(types.find((x) => x.type === 'formula')).toMatchObject({ stored: false });
    expect(types.find((x) => x.type === 'autonumber')).toMatchObject({ writable: false });
    expect(JSON.stringify(types)).not.toContain('$ref');
  });
});
