import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawObjectDef } from '../../../engine/shared/metadata-types';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;

beforeAll(async () => {
  t = await startTestTenant('destroy');
});
afterAll(() => t?.close());

const sql = (text: string, params: unknown[] = []) => t.sql(text, params);

const table = (name: string) => `"${t.tenant.schema}"."${name}"`;

async function columnNames(name: string): Promise<string[]> {
  const rows = await sql(`SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position`, [t.tenant.schema, name]);
  return rows.map((r) => r.column_name);
}

async function tableExists(name: string): Promise<boolean> {
  return (await sql(`SELECT to_regclass(?) AS r`, [table(name)]))[0].r !== null;
}

async function versions(): Promise<any[]> {
  const res = await t.admin.get('/metadata/versions');
  expect(res.status).toBe(200);
  return res.body.versions;
}

async function trash(): Promise<any[]> {
  return sql(`SELECT kind, object, field, trash_name, column_type, version, restored_at FROM "${t.tenant.schema}"._meta_trash ORDER BY id`);
}

const put = (def: RawObjectDef, query = '') => t.admin.put(`/metadata/objects/${def.name}${query}`, def);

describe('dropping a field', () => {
  const full: RawObjectDef = {
    name: 'ds_deal',
    label: 'Deal',
    fields: [
      { name: 'amount', type: 'number', label: 'Amount' },
      { name: 'note', type: 'text', label: 'Note', options: { maxLength: 100 } },
      { name: 'sku', type: 'text', label: 'SKU', unique: true, options: { maxLength: 20 } },
    ],
  };
  const withoutNote: RawObjectDef = { ...full, fields: full.fields.filter((f) => f.name !== 'note' && f.name !== 'sku') };
  const ids: string[] = [];
  let fullVersion = 0;

  beforeAll(async () => {
    fullVersion = (await t.admin.defineObject(full)).version;
    for (const [i, note] of ['first note', 'second note', null].entries()) {
      const res = await t.admin.post('/records/ds_deal', { name: `deal ${i}`, amount: i * 10, note, sku: `SKU-${i}` });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
  });

  async function notes(): Promise<unknown[]> {
    return Promise.all(ids.map(async (id) => (await t.admin.get(`/records/ds_deal/${id}`)).body.note));
  }

  it('without confirm is refused with the plan, and nothing changes', async () => {
    const before = await versions();
    const res = await put(withoutNote);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('METADATA_CONFIRMATION_REQUIRED');
    const plan = res.body.error.details.plan as any[];
    expect(plan.filter((s) => s.kind === 'trashColumn')).toEqual([
      expect.objectContaining({ object: 'ds_deal', field: 'note', destructive: true }),
      expect.objectContaining({ object: 'ds_deal', field: 'sku', destructive: true }),
    ]);

    expect(await versions()).toEqual(before);
    expect(await columnNames('ds_deal')).toEqual(expect.arrayContaining(['note', 'sku']));
    expect(await notes()).toEqual(['first note', 'second note', null]);
    expect(await trash()).toEqual([]);
    const def = await t.admin.get('/metadata/objects/ds_deal');
    expect(def.body.object).toEqual(full);
  });

  it('a dry run shows the destructive plan without confirm and changes nothing', async () => {
    const before = await versions();
    const res = await put(withoutNote, '?dryRun=true');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: before[0].version, dryRun: true, changed: true });
    expect(res.body.plan.some((s: any) => s.kind === 'trashColumn' && s.field === 'note' && s.destructive)).toBe(true);
    expect(await versions()).toEqual(before);
    expect(await columnNames('ds_deal')).toEqual(expect.arrayContaining(['note', 'sku']));
  });

  it('with confirm moves the column aside with its data and hides the field from the API', async () => {
    const before = await versions();
    const res = await put(withoutNote, '?confirm=true');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: before[0].version + 1, dryRun: false, changed: true });

    const cols = await columnNames('ds_deal');
    expect(cols).not.toContain('note');
    expect(cols).not.toContain('sku');
    const entries = await trash();
    expect(entries).toEqual([
      expect.objectContaining({ kind: 'field', object: 'ds_deal', field: 'note', column_type: 'varchar(100)', version: res.body.version, restored_at: null }),
      expect.objectContaining({ kind: 'field', object: 'ds_deal', field: 'sku', column_type: 'varchar(20)', version: res.body.version, restored_at: null }),
    ]);
    const trashed = entries[0].trash_name as string;
    expect(cols).toContain(trashed);
    const kept = await sql(`SELECT id, "${trashed}" AS v FROM ${table('ds_deal')} ORDER BY name`);
    expect(kept.map((r) => r.v)).toEqual(['first note', 'second note', null]);

    // gone from every API answer
    const meta = await t.admin.get('/metadata/objects/ds_deal');
    expect(meta.body.object.fields.map((f: any) => f.name)).toEqual(['amount']);
    const described = await t.admin.get('/metadata/objects/ds_deal/describe');
    expect(described.body.object.fields.map((f: any) => f.name)).not.toContain('note');
    const schema = await t.admin.get('/metadata/objects/ds_deal/schema');
    expect(schema.body.properties).not.toHaveProperty('note');
    const rec = await t.admin.get(`/records/ds_deal/${ids[0]}`);
    expect(rec.status).toBe(200);
    expect(rec.body).not.toHaveProperty('note');
    expect(Object.keys(rec.body)).not.toContain(trashed);
    const list = await t.admin.get('/records/ds_deal');
    expect(list.body.records).toHaveLength(3);
    for (const r of list.body.records) expect(Object.keys(r).some((k) => k === 'note' || k.startsWith('_trash'))).toBe(false);
    const writeNote = await t.admin.post('/records/ds_deal', { name: 'x', note: 'y' });
    expect(writeNote.status).toBe(400);
    expect(writeNote.body.error.details.issues).toEqual([expect.objectContaining({ path: '/note', code: 'FIELD_UNKNOWN' })]);
    const filterNote = await t.admin.get(`/records/ds_deal?filter=${encodeURIComponent(JSON.stringify({ '==': [{ var: 'note' }, 'first note'] }))}`);
    expect(filterNote.status).toBe(400);
    expect(filterNote.body.error.code).toBe('QUERY_UNKNOWN_FIELD');
    // the trashed unique column no longer constrains new records
    expect((await t.admin.post('/records/ds_deal', { name: 'deal dup', amount: 1 })).status).toBe(201);
    await sql(`DELETE FROM ${table('ds_deal')} WHERE name = 'deal dup'`);
  });

  it('restoring the earlier version brings the fields back with their old values', async () => {
    const before = await versions();
    const res = await t.admin.post(`/metadata/versions/${fullVersion}/restore?confirm=true`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: before[0].version + 1, dryRun: false, changed: true });
    expect(res.body.plan.filter((s: any) => s.kind === 'restoreColumn').map((s: any) => s.field)).toEqual(['note', 'sku']);

    const after = await versions();
    expect(after[0]).toMatchObject({ version: res.body.version, authorId: t.adminId, summary: expect.stringContaining(String(fullVersion)) });
    const cols = await columnNames('ds_deal');
    expect(cols).toEqual(expect.arrayContaining(['note', 'sku']));
    expect(cols.filter((c) => c.startsWith('_trash'))).toEqual([]);
    expect((await trash()).every((e) => e.restored_at !== null)).toBe(true);

    expect(await notes()).toEqual(['first note', 'second note', null]);
    const meta = await t.admin.get('/metadata/objects/ds_deal');
    expect(meta.body.object).toEqual(full);
    const rec = await t.admin.get(`/records/ds_deal/${ids[1]}`);
    expect(rec.body).toMatchObject({ note: 'second note', sku: 'SKU-1', amount: 10 });
    // the unique index is back
    const dup = await t.admin.post('/records/ds_deal', { name: 'dup', sku: 'SKU-0' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('RECORD_NOT_UNIQUE');
  });
});

describe('dropping and restoring an autonumber field', () => {
  it('never hands out a number twice', async () => {
    const def: RawObjectDef = { name: 'ds_order', label: 'Order', fields: [{ name: 'num', type: 'autonumber', label: 'Number', options: { format: 'O-{000}' } }] };
    const { version } = await t.admin.defineObject(def);
    const ids: string[] = [];
    for (let i = 1; i <= 3; i++) ids.push((await t.admin.post('/records/ds_order', { name: `o${i}` })).body.id);
    expect((await t.admin.delete(`/records/ds_order/${ids[0]}`)).status).toBe(204);

    expect((await t.admin.put('/metadata/objects/ds_order?confirm=true', { ...def, fields: [] })).status).toBe(200);
    expect((await t.admin.post('/records/ds_order', { name: 'while trashed' })).status).toBe(201);
    const restored = await t.admin.post(`/metadata/versions/${version}/restore?confirm=true`);
    expect(restored.status).toBe(200);

    const before = (await t.admin.get('/records/ds_order?limit=100')).body.records as any[];
    expect(before.find((r) => r.id === ids[1]).num).toBe('O-002');
    expect(before.find((r) => r.id === ids[2]).num).toBe('O-003');
    const next = await t.admin.post('/records/ds_order', { name: 'after' });
    expect(next.status).toBe(201);
    const nums = [...before.map((r) => r.num), next.body.num];
    expect(nums.every((n) => /^O-\d{3}$/.test(n))).toBe(true);
    expect(new Set(nums).size, JSON.stringify(nums)).toBe(nums.length);
    expect(nums.filter((n) => n !== next.body.num).every((n) => n < next.body.num)).toBe(true);
  });
});

describe('deleting an object', () => {
  const gadget: RawObjectDef = { name: 'ds_gadget', label: 'Gadget', fields: [{ name: 'weight', type: 'integer', label: 'Weight' }] };

  let gadgetVersion = 0;

  it('needs confirm, then moves the table to the trash with its data and the object answers 404', async () => {
    gadgetVersion = (await t.admin.defineObject(gadget)).version;
    for (let i = 1; i <= 3; i++) expect((await t.admin.post('/records/ds_gadget', { name: `g${i}`, weight: i })).status).toBe(201);
    const before = await versions();

    const refused = await t.admin.delete('/metadata/objects/ds_gadget');
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('METADATA_CONFIRMATION_REQUIRED');
    expect(refused.body.error.details.plan).toEqual([expect.objectContaining({ kind: 'trashTable', object: 'ds_gadget', destructive: true })]);
    expect(await versions()).toEqual(before);
    expect(await tableExists('ds_gadget')).toBe(true);
    expect((await t.admin.get('/records/ds_gadget')).body.records).toHaveLength(3);

    const res = await t.admin.delete('/metadata/objects/ds_gadget?confirm=true');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: before[0].version + 1, dryRun: false, changed: true });
    expect(await tableExists('ds_gadget')).toBe(false);
    const entry = (await trash()).find((e) => e.kind === 'object' && e.object === 'ds_gadget');
    expect(entry).toMatchObject({ field: null, version: res.body.version, restored_at: null });
    const rows = await sql(`SELECT name, weight FROM ${table(entry.trash_name)} ORDER BY weight`);
    expect(rows).toEqual([{ name: 'g1', weight: 1 }, { name: 'g2', weight: 2 }, { name: 'g3', weight: 3 }]);

    const records = await t.admin.get('/records/ds_gadget');
    expect(records.status).toBe(404);
    expect(records.body.error.code).toBe('OBJECT_NOT_FOUND');
    expect((await t.admin.post('/records/ds_gadget', { name: 'g4' })).body.error.code).toBe('OBJECT_NOT_FOUND');
    const meta = await t.admin.get('/metadata/objects/ds_gadget');
    expect(meta.status).toBe(404);
    expect(meta.body.error.code).toBe('OBJECT_NOT_FOUND');
    expect((await t.admin.get('/metadata/objects')).body.objects.map((o: any) => o.name)).not.toContain('ds_gadget');
    expect(await versions()).toHaveLength(before.length + 1);

  });

  it('restoring the version before the delete brings the object back with its records', async () => {
    const entry = (await trash()).find((e) => e.kind === 'object' && e.object === 'ds_gadget')!;
    const res = await t.admin.post(`/metadata/versions/${gadgetVersion}/restore?confirm=true`);
    expect(res.status).toBe(200);
    expect(await tableExists('ds_gadget')).toBe(true);
    expect(await tableExists(entry.trash_name)).toBe(false);
    expect((await trash()).find((e) => e.trash_name === entry.trash_name)!.restored_at).not.toBeNull();
    const list = await t.admin.get('/records/ds_gadget?sort=weight');
    expect(list.status).toBe(200);
    expect(list.body.records.map((r: any) => [r.name, r.weight])).toEqual([['g1', 1], ['g2', 2], ['g3', 3]]);
    expect((await t.admin.post('/records/ds_gadget', { name: 'g4', weight: 4 })).status).toBe(201);
  });

  it('a deleted and restored object keeps its indexes, lookups and autonumber sequence', async () => {
    await t.admin.defineObject({ name: 'ds_owner', label: 'Owner', fields: [] });
    const owner = (await t.admin.post('/records/ds_owner', { name: 'o' })).body.id;
    const def: RawObjectDef = {
      name: 'ds_ticket',
      label: 'Ticket',
      fields: [
        { name: 'num', type: 'autonumber', label: 'Number', options: { format: 'T-{000}' } },
        { name: 'serial', type: 'text', label: 'Serial', unique: true },
        { name: 'owner', type: 'lookup', label: 'Owner', options: { target: 'ds_owner' } },
      ],
    };
    const { version } = await t.admin.defineObject(def);
    const created = [];
    for (let i = 1; i <= 3; i++) created.push((await t.admin.post('/records/ds_ticket', { name: `t${i}`, serial: `S${i}`, owner })).body);
    expect(created.map((c) => c.num)).toEqual(['T-001', 'T-002', 'T-003']);
    expect((await t.admin.delete(`/records/ds_ticket/${created[0].id}`)).status).toBe(204);

    expect((await t.admin.delete('/metadata/objects/ds_ticket?confirm=true')).status).toBe(200);
    const restored = await t.admin.post(`/metadata/versions/${version}/restore?confirm=true`);
    expect(restored.status).toBe(200);

    const list = await t.admin.get('/records/ds_ticket?sort=num');
    expect(list.body.records.map((r: any) => r.num)).toEqual(['T-002', 'T-003']);
    // numbers are never handed out twice
    const next = await t.admin.post('/records/ds_ticket', { name: 't4', serial: 'S4', owner });
    expect(next.status).toBe(201);
    expect(next.body.num).toBe('T-004');
    // the unique index and the foreign key are back
    const dup = await t.admin.post('/records/ds_ticket', { name: 'dup', serial: 'S2' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('RECORD_NOT_UNIQUE');
    const badRef = await t.admin.post('/records/ds_ticket', { name: 'bad', serial: 'S9', owner: '00000000-0000-4000-8000-000000000000' });
    expect(badRef.status).toBe(400);
    expect(badRef.body.error.code).toBe('RECORD_INVALID_REFERENCE');
  });

  it('refuses to delete an object another object looks up, and changes nothing', async () => {
    await t.admin.defineObject({ name: 'ds_company', label: 'Company', fields: [] });
    await t.admin.defineObject({ name: 'ds_person', label: 'Person', fields: [{ name: 'employer', type: 'lookup', label: 'Employer', options: { target: 'ds_company' } }] });
    expect((await t.admin.post('/records/ds_company', { name: 'Acme' })).status).toBe(201);
    const before = await versions();
    for (const query of ['', '?confirm=true']) {
      const res = await t.admin.delete(`/metadata/objects/ds_company${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('METADATA_INVALID');
      expect(res.body.error.details.issues).toEqual([expect.objectContaining({ path: '/objects/ds_person/fields/0/options/target' })]);
    }
    expect(await versions()).toEqual(before);
    expect(await tableExists('ds_company')).toBe(true);
    expect((await t.admin.get('/records/ds_company')).body.records).toHaveLength(1);
    expect(await trash()).not.toContainEqual(expect.objectContaining({ object: 'ds_company' }));
  });

  it('deleting an unknown object answers 404 OBJECT_NOT_FOUND', async () => {
    const before = await versions();
    const res = await t.admin.delete('/metadata/objects/ds_nothing?confirm=true');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('OBJECT_NOT_FOUND');
    expect(await versions()).toEqual(before);
  });
});
