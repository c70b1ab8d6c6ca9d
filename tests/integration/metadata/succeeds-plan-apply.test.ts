import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawObjectDef } from '../../../engine/shared/metadata-types';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;

beforeAll(async () => {
  t = await startTestTenant('planapply');
});
afterAll(() => t?.close());

const sql = (text: string, params: unknown[] = []) => t.sql(text, params);

async function columns(table: string): Promise<Record<string, any>> {
  const rows = await sql(
    `SELECT column_name, data_type, udt_name, character_maximum_length, numeric_precision, numeric_scale, is_nullable
       FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position`,
    [t.tenant.schema, table],
  );
  return Object.fromEntries(rows.map((r) => [r.column_name, r]));
}

async function indexDefs(table: string): Promise<string[]> {
  const rows = await sql(`SELECT indexdef FROM pg_indexes WHERE schemaname = ? AND tablename = ?`, [t.tenant.schema, table]);
  return rows.map((r) => r.indexdef as string);
}

async function tableExists(table: string): Promise<boolean> {
  const rows = await sql(`SELECT to_regclass(?) AS r`, [`"${t.tenant.schema}"."${table}"`]);
  return rows[0].r !== null;
}

async function versions(): Promise<any[]> {
  const res = await t.admin.get('/metadata/versions');
  expect(res.status).toBe(200);
  return res.body.versions;
}

async function currentVersion(): Promise<number> {
  return (await versions())[0].version;
}

const put = (def: RawObjectDef, query = '') => t.admin.put(`/metadata/objects/${def.name}${query}`, def);

const kinds = (plan: any[]) => plan.map((a) => a.kind);

describe('creating an object', () => {
  const account: RawObjectDef = {
    name: 'pa_account',
    label: 'Account',
    fields: [{ name: 'industry', type: 'text', label: 'Industry' }],
  };
  const deal: RawObjectDef = {
    name: 'pa_deal',
    label: { en: 'Deal', 'zh-CN': '商机' },
    fields: [
      { name: 'amount', type: 'currency', label: 'Amount' },
      { name: 'closes_at', type: 'datetime', label: 'Closes at' },
      { name: 'tags', type: 'multipicklist', label: 'Tags', options: { values: [{ value: 'hot', label: 'Hot' }, { value: 'cold', label: 'Cold' }] } },
      { name: 'account', type: 'lookup', label: 'Account', options: { target: 'pa_account' } },
      { name: 'seats', type: 'integer', label: 'Seats' },
      { name: 'signed_on', type: 'date', label: 'Signed on' },
      { name: 'won', type: 'boolean', label: 'Won' },
      { name: 'code', type: 'text', label: 'Code', unique: true, options: { maxLength: 20 } },
      { name: 'region', type: 'text', label: 'Region', indexed: true, options: { maxLength: 40 } },
      { name: 'rate', type: 'number', label: 'Rate', options: { precision: 10, scale: 4 } },
    ],
    indexes: [{ fields: ['seats', '-signed_on'] }],
  };

  it('dry-run answers the plan and changes nothing', async () => {
    const before = await versions();
    const res = await put(account, '?dryRun=true');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: before[0].version, dryRun: true, changed: true });
    expect(kinds(res.body.plan)).toContain('createTable');
    expect(res.body.plan[0]).toMatchObject({ kind: 'createTable', object: 'pa_account', destructive: false });
    expect(res.body.plan[0].description).toEqual(expect.any(String));
    expect(res.body.plan[0].sql[0]).toMatch(/^CREATE TABLE/);
    expect(await tableExists('pa_account')).toBe(false);
    expect(await versions()).toEqual(before);
    expect((await t.admin.get('/metadata/objects/pa_account')).status).toBe(404);
  });

  it('creates a real table with typed columns, a foreign key and the indexes, as a new version', async () => {
    const v0 = await currentVersion();
    const a = await put(account);
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ version: v0 + 1, dryRun: false, changed: true });

    const res = await put(deal);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: v0 + 2, dryRun: false, changed: true });
    const plan = res.body.plan as any[];
    expect(plan[0]).toMatchObject({ kind: 'createTable', object: 'pa_deal' });
    expect(plan.filter((s) => s.kind === 'createForeignKey')).toEqual([expect.objectContaining({ object: 'pa_deal', field: 'account' })]);
    // account (lookup), code (unique), region (indexed), name and owner_id (system), the composite index
    expect(plan.filter((s) => s.kind === 'createIndex').length).toBeGreaterThanOrEqual(4);
    expect(plan.every((s) => s.destructive === false)).toBe(true);
    // steps come in phase order: the table before the constraints and indexes on it
    expect(kinds(plan).indexOf('createTable')).toBeLessThan(kinds(plan).indexOf('createForeignKey'));
    expect(kinds(plan).lastIndexOf('createForeignKey')).toBeLessThan(kinds(plan).indexOf('createIndex'));

    const cols = await columns('pa_deal');
    expect(cols.amount).toMatchObject({ data_type: 'numeric', numeric_precision: 18, numeric_scale: 2 });
    expect(cols.rate).toMatchObject({ data_type: 'numeric', numeric_precision: 10, numeric_scale: 4 });
    expect(cols.closes_at).toMatchObject({ data_type: 'timestamp with time zone' });
    expect(cols.tags).toMatchObject({ data_type: 'ARRAY', udt_name: '_text' });
    expect(cols.account).toMatchObject({ data_type: 'uuid' });
    expect(cols.seats).toMatchObject({ data_type: 'bigint' });
    expect(cols.signed_on).toMatchObject({ data_type: 'date' });
    expect(cols.won).toMatchObject({ data_type: 'boolean' });
    expect(cols.code).toMatchObject({ data_type: 'character varying', character_maximum_length: 20 });
    expect(cols.region).toMatchObject({ data_type: 'character varying', character_maximum_length: 40 });
    // system columns
    expect(cols.id).toMatchObject({ data_type: 'uuid', is_nullable: 'NO' });
    expect(cols.name).toMatchObject({ data_type: 'character varying', character_maximum_length: 255 });
    expect(cols.created_at).toMatchObject({ data_type: 'timestamp with time zone', is_nullable: 'NO' });
    expect(cols.version).toMatchObject({ data_type: 'integer', is_nullable: 'NO' });
    // …and the two hidden share arrays every object table carries for record access.
    expect(cols._shared_read).toMatchObject({ data_type: 'ARRAY', udt_name: '_uuid' });
    expect(Object.keys(cols)).toEqual(['id', 'name', 'owner_id', 'amount', 'closes_at', 'tags', 'account', 'seats', 'signed_on', 'won', 'code', 'region', 'rate', 'created_at', 'created_by', 'updated_at', 'updated_by', 'version', '_shared_read', '_shared_edit']);

    const idx = await indexDefs('pa_deal');
    const has = (re: RegExp) => idx.filter((d) => re.test(d));
    expect(has(/^CREATE UNIQUE INDEX \S+ ON \S+ USING btree \(id\)$/)).toHaveLength(1);
    expect(has(/^CREATE INDEX \S+ ON \S+ USING btree \(account\)$/)).toHaveLength(1);
    expect(has(/^CREATE UNIQUE INDEX \S+ ON \S+ USING btree \(code\)$/)).toHaveLength(1);
    expect(has(/^CREATE INDEX \S+ ON \S+ USING btree \(region\)$/)).toHaveLength(1);
    expect(has(/^CREATE INDEX \S+ ON \S+ USING btree \(seats, signed_on DESC\)$/)).toHaveLength(1);

    const fks = await sql(
      `SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace
        WHERE n.nspname = ? AND r.relname = 'pa_deal' AND c.contype = 'f'`,
      [t.tenant.schema],
    );
    expect(fks.map((f) => f.def)).toEqual([expect.stringMatching(/^FOREIGN KEY \(account\) REFERENCES "?t_[a-z0-9_]+"?\.pa_account\(id\) ON DELETE RESTRICT$/)]);
  });

  it('serves the new object through every metadata read', async () => {
    const list = await t.admin.get('/metadata/objects');
    expect(list.status).toBe(200);
    expect(list.body.objects.map((o: any) => o.name).sort()).toEqual(['pa_account', 'pa_deal']);
    const version = list.body.version;

    const one = await t.admin.get('/metadata/objects/pa_deal');
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ version, object: deal });

    const described = await t.admin.get('/metadata/objects/pa_deal/describe');
    expect(described.status).toBe(200);
    expect(described.body.version).toBe(version);
    const fields = described.body.object.fields as any[];
    expect(fields.map((f) => f.name)).toEqual(['id', 'name', 'owner_id', 'amount', 'closes_at', 'tags', 'account', 'seats', 'signed_on', 'won', 'code', 'region', 'rate', 'created_at', 'created_by', 'updated_at', 'updated_by', 'version']);
    expect(fields.find((f) => f.name === 'amount')).toMatchObject({ type: 'currency', options: { precision: 18, scale: 2 }, system: false, required: false });
    expect(fields.find((f) => f.name === 'id')).toMatchObject({ system: true });
    expect(described.body.object.label).toEqual({ en: 'Deal', 'zh-CN': '商机' });

    const schema = await t.admin.get('/metadata/objects/pa_deal/schema');
    expect(schema.status).toBe(200);
    expect(schema.body).toMatchObject({ type: 'object', additionalProperties: false, required: ['name'] });
    expect(Object.keys(schema.body.properties)).toEqual(expect.arrayContaining(['name', 'owner_id', 'amount', 'tags', 'account', 'won']));
    expect(schema.body.properties.id).toBeUndefined();
    expect(schema.body.properties.created_at).toBeUndefined();
    const update = await t.admin.get('/metadata/objects/pa_deal/schema?mode=update');
    expect(update.status).toBe(200);
    expect(update.body.required).toBeUndefined();
    expect(update.body.properties.version).toMatchObject({ type: 'integer' });

    // the published object accepts records
    const acc = await t.admin.post('/records/pa_account', { name: 'Acme' });
    expect(acc.status).toBe(201);
    const rec = await t.admin.post('/records/pa_deal', { name: 'Big deal', amount: 10.5, tags: ['hot'], account: acc.body.id, seats: 3, signed_on: '2024-05-01', won: true, code: 'D-1' });
    expect(rec.status).toBe(201);
    expect(rec.body).toMatchObject({ amount: 10.5, tags: ['hot'], account: acc.body.id, seats: 3, signed_on: '2024-05-01', won: true, code: 'D-1' });
  });

  it('publishing the same definition again changes nothing', async () => {
    const before = await versions();
    const res = await put(deal);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ version: before[0].version, plan: [], dryRun: false, changed: false });
    expect(await versions()).toEqual(before);
  });
});

describe('changing an object', () => {
  it('adding a field publishes a new version with one addColumn step, recorded with author, time and summary', async () => {
    const def: RawObjectDef = { name: 'pa_contact', label: 'Contact', fields: [{ name: 'phone', type: 'phone', label: 'Phone' }] };
    await t.admin.defineObject(def);
    const before = await versions();
    const startedAt = Date.now();

    const dry = await put({ ...def, fields: [...def.fields, { name: 'nickname', type: 'text', label: 'Nickname', options: { maxLength: 30 } }] }, '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ version: before[0].version, dryRun: true, changed: true });
    expect(dry.body.plan).toEqual([expect.objectContaining({ kind: 'addColumn', object: 'pa_contact', field: 'nickname', destructive: false })]);
    expect(await columns('pa_contact')).not.toHaveProperty('nickname');
    expect(await versions()).toEqual(before);

    const res = await put({ ...def, fields: [...def.fields, { name: 'nickname', type: 'text', label: 'Nickname', options: { maxLength: 30 } }] });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(before[0].version + 1);
    expect(res.body.plan).toEqual([expect.objectContaining({ kind: 'addColumn', object: 'pa_contact', field: 'nickname', destructive: false })]);
    expect(res.body.plan[0].sql).toEqual([expect.stringMatching(/^ALTER TABLE .* ADD COLUMN "nickname" varchar\(30\)$/)]);
    expect((await columns('pa_contact')).nickname).toMatchObject({ data_type: 'character varying', character_maximum_length: 30, is_nullable: 'YES' });

    const after = await versions();
    expect(after.slice(1)).toEqual(before);
    expect(after[0]).toMatchObject({ version: res.body.version, authorId: t.adminId, summary: expect.stringContaining('pa_contact') });
    const at = Date.parse(after[0].createdAt);
    expect(at).toBeGreaterThanOrEqual(startedAt - 5_000);
    expect(at).toBeLessThanOrEqual(Date.now() + 5_000);

    // each version's snapshot is readable
    const snap = await t.admin.get(`/metadata/versions/${res.body.version}`);
    expect(snap.status).toBe(200);
    expect(snap.body.version).toBe(res.body.version);
    expect(snap.body.snapshot.objects.pa_contact.fields.map((f: any) => f.name)).toEqual(['phone', 'nickname']);
    const older = await t.admin.get(`/metadata/versions/${before[0].version}`);
    expect(older.body.snapshot.objects.pa_contact.fields.map((f: any) => f.name)).toEqual(['phone']);

    const rec = await t.admin.post('/records/pa_contact', { name: 'Li Lei', nickname: 'Lei' });
    expect(rec.status).toBe(201);
    expect(rec.body.nickname).toBe('Lei');
  });

  it('adding a nullable field to a table with rows does not rewrite it', async () => {
    const def: RawObjectDef = { name: 'pa_big', label: 'Big', fields: [{ name: 'score', type: 'integer', label: 'Score' }] };
    await t.admin.defineObject(def);
    const table = `"${t.tenant.schema}"."pa_big"`;
    await sql(`INSERT INTO ${table} (name, score) SELECT 'row ' || g, g FROM generate_series(1, 20000) g`);
    const node = async () => (await sql(`SELECT pg_relation_filenode(?::regclass) AS n`, [table]))[0].n;
    const before = await node();
    expect(before).not.toBeNull();

    const res = await put({ ...def, fields: [...def.fields, { name: 'notes', type: 'textarea', label: 'Notes' }, { name: 'due', type: 'date', label: 'Due' }, { name: 'level', type: 'picklist', label: 'Level', options: { values: [{ value: 'a', label: 'A' }] } }] });
    expect(res.status).toBe(200);
    expect(kinds(res.body.plan)).toEqual(['addColumn', 'addColumn', 'addColumn']);

    expect(await node()).toBe(before);
    const [stats] = await sql(`SELECT count(*)::int AS n, count(notes)::int AS notes, count(due)::int AS due, sum(score)::bigint AS s FROM ${table}`);
    expect(stats).toEqual({ n: 20000, notes: 0, due: 0, s: 200010000 });
    const page = await t.admin.get('/records/pa_big?limit=1&count=true&sort=score');
    expect(page.body.total).toBe(20000);
    expect(page.body.records[0]).toMatchObject({ name: 'row 1', score: 1, notes: null, due: null, level: null });
  });
});

describe('concurrent publishes', () => {
  it('are serialized: with the same baseVersion exactly one wins, the other gets 409', async () => {
    const def: RawObjectDef = { name: 'pa_race', label: 'Race', fields: [] };
    const { version } = await t.admin.defineObject(def);
    const results = await Promise.all(
      ['east', 'west'].map((f) => put({ ...def, fields: [{ name: f, type: 'text', label: f }] }, `?baseVersion=${version}`)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.error).toMatchObject({ code: 'METADATA_VERSION_CONFLICT', details: { currentVersion: version + 1 } });
    expect(await currentVersion()).toBe(version + 1);
    const winner = results.findIndex((r) => r.status === 200) === 0 ? 'east' : 'west';
    expect(Object.keys(await columns('pa_race'))).toContain(winner);
    expect(Object.keys(await columns('pa_race'))).not.toContain(winner === 'east' ? 'west' : 'east');
  });

  it('without baseVersion both apply, one after the other', async () => {
    await t.admin.defineObject({ name: 'pa_race_a', label: 'A', fields: [] });
    const v = await currentVersion();
    const results = await Promise.all(['pa_race_b', 'pa_race_c', 'pa_race_d'].map((name) => put({ name, label: name, fields: [{ name: 'x', type: 'integer', label: 'X' }] })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.map((r) => r.body.version).sort((a, b) => a - b)).toEqual([v + 1, v + 2, v + 3]);
    for (const name of ['pa_race_b', 'pa_race_c', 'pa_race_d']) expect(await tableExists(name)).toBe(true);
    expect((await t.admin.get('/metadata/objects')).body.objects.map((o: any) => o.name)).toEqual(expect.arrayContaining(['pa_race_b', 'pa_race_c', 'pa_race_d']));
  });
});

describe('value sets', () => {
  it('publishes a shared value set that picklists can use, and a change to it reaches the field', async () => {
    const v0 = await currentVersion();
    const vs = await t.admin.put('/metadata/value-sets/pa_stage', { name: 'pa_stage', label: 'Stage', values: [{ value: 'new', label: 'New' }, { value: 'won', label: 'Won' }] });
    expect(vs.status).toBe(200);
    expect(vs.body).toMatchObject({ version: v0 + 1, dryRun: false, changed: true, plan: [] });
    const read = await t.admin.get('/metadata/value-sets/pa_stage');
    expect(read.status).toBe(200);
    expect(read.body.valueSet.values.map((v: any) => v.value)).toEqual(['new', 'won']);

    await t.admin.defineObject({ name: 'pa_lead', label: 'Lead', fields: [{ name: 'stage', type: 'picklist', label: 'Stage', options: { valueSet: 'pa_stage' } }] });
    expect((await t.admin.post('/records/pa_lead', { name: 'L1', stage: 'won' })).status).toBe(201);
    expect((await t.admin.post('/records/pa_lead', { name: 'L2', stage: 'lost' })).status).toBe(400);

    const grown = await t.admin.put('/metadata/value-sets/pa_stage', { name: 'pa_stage', label: 'Stage', values: [{ value: 'new', label: 'New' }, { value: 'won', label: 'Won' }, { value: 'lost', label: 'Lost' }] });
    expect(grown.status).toBe(200);
    expect(grown.body.version).toBe(v0 + 3);
    const created = await t.admin.post('/records/pa_lead', { name: 'L3', stage: 'lost' });
    expect(created.status).toBe(201);
    const described = await t.admin.get('/metadata/objects/pa_lead/describe');
    expect(described.body.object.fields.find((f: any) => f.name === 'stage').options.values.map((v: any) => v.value)).toEqual(['new', 'won', 'lost']);
  });
});
