import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;
const def = (unique: boolean) => ({ name: 'gadget', label: 'Gadget', fields: [{ name: 'sku', type: 'text', label: 'SKU', unique }] });

beforeAll(async () => {
  t = await startTestTenant('dryrundata');
  await t.admin.defineObject(def(false));
  await t.admin.post('/records/gadget/bulk', { records: [{ name: 'a', sku: 'X1' }, { name: 'b', sku: 'X1' }] });
});
afterAll(() => t?.close());

describe('dry-run runs the plan against the real data and rolls it back', () => {
  it('reports that a unique index cannot be built over duplicates, without applying anything', async () => {
    const versions = (await t.admin.get('/metadata/versions')).body.versions.length;
    const res = await t.admin.put('/metadata/objects/gadget?dryRun=true', def(true));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('METADATA_UNSAFE_CHANGE');
    expect((await t.admin.get('/metadata/versions')).body.versions.length).toBe(versions);
  });

  it('answers the plan of a change that would succeed and leaves the schema as it was', async () => {
    const res = await t.admin.put('/metadata/objects/gadget?dryRun=true', { ...def(false), fields: [...def(false).fields, { name: 'weight', type: 'number', label: 'Weight' }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, changed: true });
    expect(res.body.plan.map((p: { kind: string }) => p.kind)).toEqual(['addColumn']);
    const cols = await t.server.services.db.raw('SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?', [t.tenant.schema, 'gadget']);
    expect(cols.rows.map((r: { column_name: string }) => r.column_name)).not.toContain('weight');
  });

  it('shows in a dry-run the same trash name the confirmed change then uses', async () => {
    const without = { name: 'gadget', label: 'Gadget', fields: [] };
    const dry = await t.admin.put('/metadata/objects/gadget?dryRun=true', without);
    const applied = await t.admin.put('/metadata/objects/gadget?confirm=true', without);
    expect(applied.status).toBe(200);
    expect(dry.body.plan[0].trash.trashName).toBe(applied.body.plan[0].trash.trashName);
  });
});
