import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawField, RawObjectDef } from '../../../engine/shared/metadata-types';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;

beforeAll(async () => {
  t = await startTestTenant('typechg');
});
afterAll(() => t?.close());

const sql = (text: string, params: unknown[] = []) => t.sql(text, params);

/** `format_type` of every column, e.g. { note: 'character varying(20)' }. */
async function columnTypes(table: string): Promise<Record<string, string>> {
  const rows = await sql(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a
      WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
    [`"${t.tenant.schema}"."${table}"`],
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.type]));
}

async function currentVersion(): Promise<number> {
  return (await t.admin.get('/metadata/versions')).body.versions[0].version;
}

async function allRecords(object: string): Promise<any[]> {
  const res = await t.admin.get(`/records/${object}?sort=name&limit=1000`);
  expect(res.status).toBe(200);
  return res.body.records;
}

const put = (def: RawObjectDef, query = '') => t.admin.put(`/metadata/objects/${def.name}${query}`, def);

/** Replaces one field of a definition. */
function withField(def: RawObjectDef, field: RawField): RawObjectDef {
  return { ...def, fields: def.fields.map((f) => (f.name === field.name ? field : f)) };
}

function expectUnsafe(res: { status: number; body: any }, field?: string) {
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('METADATA_UNSAFE_CHANGE');
  if (field) expect(res.body.error.details).toMatchObject({ field });
}

describe('safe type changes keep every value', () => {
  const PICK = { values: [{ value: 'red', label: 'Red' }, { value: 'green', label: 'Green' }] };
  const def: RawObjectDef = {
    name: 'tc_safe',
    label: 'Safe',
    fields: [
      { name: 'memo', type: 'text', label: 'Memo', options: { maxLength: 50 } },
      { name: 'code', type: 'text', label: 'Code', options: { maxLength: 20 } },
      { name: 'qty', type: 'integer', label: 'Qty' },
      { name: 'price', type: 'number', label: 'Price', options: { precision: 8, scale: 2 } },
      { name: 'colour', type: 'picklist', label: 'Colour', options: PICK },
      { name: 'due', type: 'date', label: 'Due' },
    ],
  };
  const rows = [
    { name: 'a', memo: 'short memo', code: 'C-20-CHARACTERS-XXXX', qty: 42, price: 123456.78, colour: 'red', due: '2024-02-29' },
    { name: 'b', memo: null, code: null, qty: -7, price: -0.5, colour: null, due: null },
    { name: 'c', memo: '中文备注', code: 'x', qty: null, price: null, colour: 'green', due: '1999-12-31' },
  ];

  beforeAll(async () => {
    await t.admin.defineObject(def);
    for (const r of rows) expect((await t.admin.post('/records/tc_safe', r)).status).toBe(201);
  });

  it('applies text→textarea, wider text, integer→number, wider number, picklist→multipicklist and date→datetime in one version', async () => {
    const v = await currentVersion();
    const next: RawObjectDef = {
      ...def,
      fields: [
        { name: 'memo', type: 'textarea', label: 'Memo' },
        { name: 'code', type: 'text', label: 'Code', options: { maxLength: 100 } },
        { name: 'qty', type: 'number', label: 'Qty', options: { precision: 20, scale: 0 } },
        { name: 'price', type: 'number', label: 'Price', options: { precision: 12, scale: 3 } },
        { name: 'colour', type: 'multipicklist', label: 'Colour', options: PICK },
        { name: 'due', type: 'datetime', label: 'Due' },
      ],
    };
    const res = await put(next);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: v + 1, changed: true, dryRun: false });
    const altered = (res.body.plan as any[]).filter((s) => s.kind === 'alterColumn');
    expect(altered.map((s) => s.field).sort()).toEqual(['code', 'colour', 'due', 'memo', 'price', 'qty']);
    expect(altered.every((s) => s.destructive === false)).toBe(true);

    expect(await columnTypes('tc_safe')).toMatchObject({
      memo: 'text',
      code: 'character varying(100)',
      qty: 'numeric(20,0)',
      price: 'numeric(12,3)',
      colour: 'text[]',
      due: 'timestamp(3) with time zone',
    });
    const records = await allRecords('tc_safe');
    expect(records.map(({ name, memo, code, qty, price, colour, due }) => ({ name, memo, code, qty, price, colour, due }))).toEqual([
      { name: 'a', memo: 'short memo', code: 'C-20-CHARACTERS-XXXX', qty: 42, price: 123456.78, colour: ['red'], due: '2024-02-29T00:00:00.000Z' },
      { name: 'b', memo: null, code: null, qty: -7, price: -0.5, colour: null, due: null },
      { name: 'c', memo: '中文备注', code: 'x', qty: null, price: null, colour: ['green'], due: '1999-12-31T00:00:00.000Z' },
    ]);

    // the new types are in force for writes
    const created = await t.admin.post('/records/tc_safe', { name: 'd', memo: 'm'.repeat(500), code: 'y'.repeat(100), qty: 1.0, price: 1.125, colour: ['red', 'green'], due: '2024-06-01T12:30:00.000Z' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ memo: 'm'.repeat(500), code: 'y'.repeat(100), price: 1.125, colour: ['red', 'green'], due: '2024-06-01T12:30:00.000Z' });
  });
});

describe('narrowing text', () => {
  const def: RawObjectDef = {
    name: 'tc_narrow',
    label: 'Narrow',
    fields: [
      { name: 'fits', type: 'text', label: 'Fits', options: { maxLength: 100 } },
      { name: 'long', type: 'text', label: 'Long', options: { maxLength: 100 } },
    ],
  };

  beforeAll(async () => {
    await t.admin.defineObject(def);
    expect((await t.admin.post('/records/tc_narrow', { name: 'a', fits: '1234567890', long: 'x'.repeat(30) })).status).toBe(201);
    expect((await t.admin.post('/records/tc_narrow', { name: 'b', fits: null, long: 'short' })).status).toBe(201);
  });

  it('succeeds when every stored value fits', async () => {
    const v = await currentVersion();
    const res = await put(withField(def, { name: 'fits', type: 'text', label: 'Fits', options: { maxLength: 10 } }));
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(v + 1);
    expect(res.body.plan).toEqual([expect.objectContaining({ kind: 'alterColumn', field: 'fits' })]);
    expect((await columnTypes('tc_narrow')).fits).toBe('character varying(10)');
    expect((await allRecords('tc_narrow')).map((r) => r.fits)).toEqual(['1234567890', null]);
    const tooLong = await t.admin.post('/records/tc_narrow', { name: 'c', fits: '12345678901' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details.issues).toEqual([expect.objectContaining({ path: '/fits', code: 'FIELD_TOO_LONG' })]);
  });

  it('is refused with METADATA_UNSAFE_CHANGE when a value is too long, and nothing changes', async () => {
    const current = (await t.admin.get('/metadata/objects/tc_narrow')).body;
    const v = current.version;
    const next = withField(current.object, { name: 'long', type: 'text', label: 'Long', options: { maxLength: 10 } });
    // also add a field in the same publish: it must not be applied either
    next.fields.push({ name: 'extra', type: 'text', label: 'Extra' });
    const dry = await put(next, '?dryRun=true');
    expectUnsafe(dry, 'long');
    const res = await put(next);
    expectUnsafe(res, 'long');
    expect(res.body.error.message).toMatch(/long/);

    expect(await currentVersion()).toBe(v);
    const types = await columnTypes('tc_narrow');
    expect(types.long).toBe('character varying(100)');
    expect(types).not.toHaveProperty('extra');
    expect((await allRecords('tc_narrow')).map((r) => r.long)).toEqual(['x'.repeat(30), 'short']);
    expect((await t.admin.get('/metadata/objects/tc_narrow')).body).toEqual(current);
  });
});

describe('unsafe changes are refused', () => {
  const def: RawObjectDef = {
    name: 'tc_unsafe',
    label: 'Unsafe',
    fields: [
      { name: 'score', type: 'number', label: 'Score' },
      { name: 'label', type: 'text', label: 'Label' },
      { name: 'ref', type: 'text', label: 'Ref', options: { maxLength: 20 } },
    ],
  };

  beforeAll(async () => {
    await t.admin.defineObject(def);
    expect((await t.admin.post('/records/tc_unsafe', { name: 'a', score: 1.5, label: '12', ref: 'DUP' })).status).toBe(201);
    expect((await t.admin.post('/records/tc_unsafe', { name: 'b', score: 0, label: 'abc', ref: 'DUP' })).status).toBe(201);
    expect((await t.admin.post('/records/tc_unsafe', { name: 'c', score: null, label: null, ref: 'other' })).status).toBe(201);
  });

  async function expectNothingChanged(v: number) {
    expect(await currentVersion()).toBe(v);
    expect((await t.admin.get('/metadata/objects/tc_unsafe')).body.object).toEqual(def);
    expect(await columnTypes('tc_unsafe')).toMatchObject({ score: 'numeric(18,2)', label: 'character varying(255)', ref: 'character varying(20)' });
    expect((await allRecords('tc_unsafe')).map(({ score, label, ref }) => ({ score, label, ref }))).toEqual([
      { score: 1.5, label: '12', ref: 'DUP' },
      { score: 0, label: 'abc', ref: 'DUP' },
      { score: null, label: null, ref: 'other' },
    ]);
  }

  it('number→boolean', async () => {
    const v = await currentVersion();
    expectUnsafe(await put(withField(def, { name: 'score', type: 'boolean', label: 'Score' })), 'score');
    await expectNothingChanged(v);
  });

  it('text→integer', async () => {
    const v = await currentVersion();
    expectUnsafe(await put(withField(def, { name: 'label', type: 'integer', label: 'Label' })), 'label');
    await expectNothingChanged(v);
  });

  it('text→date even with confirm', async () => {
    const v = await currentVersion();
    expectUnsafe(await put(withField(def, { name: 'label', type: 'date', label: 'Label' }), '?confirm=true'), 'label');
    await expectNothingChanged(v);
  });

  it('number losing the decimals or integer digits its values need', async () => {
    const v = await currentVersion();
    const noDecimals = await put(withField(def, { name: 'score', type: 'number', label: 'Score', options: { precision: 18, scale: 0 } }));
    expectUnsafe(noDecimals, 'score');
    expect(noDecimals.body.error.message).toBe('some score values have more than 0 decimals');
    const noIntegerDigits = await put(withField(def, { name: 'score', type: 'number', label: 'Score', options: { precision: 2, scale: 2 } }));
    expectUnsafe(noIntegerDigits, 'score');
    expect(noIntegerDigits.body.error.message).toBe('some score values do not fit 0 integer digits');
    await expectNothingChanged(v);
  });

  it('making a field unique while duplicates exist', async () => {
    const v = await currentVersion();
    const idxBefore = await sql(`SELECT indexname FROM pg_indexes WHERE schemaname = ? AND tablename = 'tc_unsafe' ORDER BY 1`, [t.tenant.schema]);
    const res = await put(withField(def, { name: 'ref', type: 'text', label: 'Ref', unique: true, options: { maxLength: 20 } }));
    expectUnsafe(res);
    expect(res.body.error.message).toMatch(/\bref\b/);
    await expectNothingChanged(v);
    expect(await sql(`SELECT indexname FROM pg_indexes WHERE schemaname = ? AND tablename = 'tc_unsafe' ORDER BY 1`, [t.tenant.schema])).toEqual(idxBefore);
    // duplicates still accepted: no unique index was left behind
    expect((await t.admin.post('/records/tc_unsafe', { name: 'd', ref: 'DUP' })).status).toBe(201);
    await sql(`DELETE FROM "${t.tenant.schema}".tc_unsafe WHERE name = 'd'`);
  });

  it('making a field unique succeeds once the duplicates are gone', async () => {
    await sql(`UPDATE "${t.tenant.schema}".tc_unsafe SET ref = 'DUP2' WHERE name = 'b'`);
    const v = await currentVersion();
    const res = await put(withField(def, { name: 'ref', type: 'text', label: 'Ref', unique: true, options: { maxLength: 20 } }));
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(v + 1);
    expect(res.body.plan).toEqual([expect.objectContaining({ kind: 'createIndex' })]);
    const dup = await t.admin.post('/records/tc_unsafe', { name: 'e', ref: 'DUP' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('RECORD_NOT_UNIQUE');
  });
});

describe('a lookup pointed at another object while records refer to the old one', () => {
  const person = (target: string): RawObjectDef => ({ name: 'tc_person', label: 'Person', fields: [{ name: 'employer', type: 'lookup', label: 'Employer', options: { target } }] });
  let firmId: string;

  beforeAll(async () => {
    await t.admin.defineObject({ name: 'tc_firm', label: 'Firm', fields: [] });
    await t.admin.defineObject({ name: 'tc_shop', label: 'Shop', fields: [] });
    await t.admin.defineObject(person('tc_firm'));
    firmId = (await t.admin.post('/records/tc_firm', { name: 'Acme' })).body.id;
    expect((await t.admin.post('/records/tc_person', { name: 'Ann', employer: firmId })).status).toBe(201);
  });

  it('is refused with METADATA_UNSAFE_CHANGE, dry run included, and the old link stays', async () => {
    const v = await currentVersion();
    for (const query of ['?dryRun=true', '']) {
      const res = await put(person('tc_shop'), query);
      expectUnsafe(res, 'employer');
      expect(res.body.error.message).toMatch(/^existing tc_person records refer to missing records: /);
    }
    expect(await currentVersion()).toBe(v);
    expect((await t.admin.get('/metadata/objects/tc_person')).body.object).toEqual(person('tc_firm'));
    expect((await t.admin.post('/records/tc_person', { name: 'Bob', employer: firmId })).status).toBe(201);
  });
});
