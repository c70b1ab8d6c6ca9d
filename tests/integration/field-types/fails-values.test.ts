import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawObjectDef } from '../../../engine/shared/metadata-types';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;

const PICK_VALUES = [
  { value: 'open', label: 'Open' },
  { value: 'closed', label: 'Closed' },
];
const TAG_VALUES = [
  { value: 'red', label: 'Red' },
  { value: 'blue', label: 'Blue' },
];

const def: RawObjectDef = {
  name: 'fv_item',
  label: 'Item',
  fields: [
    { name: 'title', type: 'text', label: 'Title', options: { maxLength: 10 } },
    { name: 'notes', type: 'textarea', label: 'Notes', options: { maxLength: 20 } },
    { name: 'qty', type: 'integer', label: 'Qty' },
    { name: 'rating', type: 'integer', label: 'Rating', options: { min: 1, max: 5 } },
    { name: 'amount', type: 'number', label: 'Amount', options: { precision: 5, scale: 2 } },
    { name: 'price', type: 'currency', label: 'Price' },
    { name: 'share', type: 'percent', label: 'Share' },
    { name: 'flag', type: 'boolean', label: 'Flag' },
    { name: 'day', type: 'date', label: 'Day' },
    { name: 'at', type: 'datetime', label: 'At' },
    { name: 'mail', type: 'email', label: 'Mail' },
    { name: 'tel', type: 'phone', label: 'Phone' },
    { name: 'site', type: 'url', label: 'Site' },
    { name: 'status', type: 'picklist', label: 'Status', options: { values: PICK_VALUES } },
    { name: 'tags', type: 'multipicklist', label: 'Tags', options: { values: TAG_VALUES } },
    { name: 'ref', type: 'lookup', label: 'Ref', options: { target: 'fv_target' } },
    { name: 'code', type: 'text', label: 'Code', unique: true, options: { maxLength: 40 } },
    { name: 'seq', type: 'autonumber', label: 'Seq', options: { format: 'S-{000}' } },
    { name: 'kind', type: 'text', label: 'Kind', required: true },
  ],
};

let targetId: string;

beforeAll(async () => {
  t = await startTestTenant('failval');
  await t.admin.defineObject({ name: 'fv_target', label: 'Target', fields: [] });
  targetId = (await t.admin.post('/records/fv_target', { name: 'target' })).body.id;
  await t.admin.defineObject(def);
});
afterAll(() => t?.close());

const sql = (text: string, params: unknown[] = []) => t.sql(text, params);

async function rowCount(table = 'fv_item'): Promise<number> {
  return (await sql(`SELECT count(*)::int AS n FROM "${t.tenant.schema}"."${table}"`))[0].n;
}

async function counter(): Promise<number> {
  const rows = await sql(`SELECT value FROM "${t.tenant.schema}"._autonumber WHERE object = 'fv_item' AND field = 'seq'`);
  return Number(rows[0].value);
}

const valid = (extra: Record<string, unknown> = {}) => ({ name: 'ok', kind: 'k', ...extra });

function expectIssue(res: { status: number; body: any }, status: number, code: string, path: string, issueCode: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(res.body.error.details.issues).toContainEqual(expect.objectContaining({ path, code: issueCode, message: expect.any(String) }));
}

/** Runs a create that must fail and proves no row was written and no number used. */
async function refusedCreate(payload: unknown) {
  const rows = await rowCount();
  const seq = await counter();
  const res = await t.admin.post('/records/fv_item', payload);
  expect(await rowCount()).toBe(rows);
  expect(await counter()).toBe(seq);
  return res;
}

const long = (n: number) => 'x'.repeat(n);

describe('invalid values on create get 400 RECORD_VALIDATION_FAILED naming the field', () => {
  const cases: [title: string, payload: Record<string, unknown>, path: string, issue: string][] = [
    ['unknown field', valid({ colour: 'red' }), '/colour', 'FIELD_UNKNOWN'],
    ['system field id', valid({ id: '6f1c1a3e-8a59-4f4b-9d7c-0d3f3f3b6a11' }), '/id', 'FIELD_UNKNOWN'],
    ['system field version', valid({ version: 3 }), '/version', 'FIELD_UNKNOWN'],
    ['system field created_at', valid({ created_at: '2024-01-01T00:00:00Z' }), '/created_at', 'FIELD_UNKNOWN'],
    ['autonumber written', valid({ seq: 'S-999' }), '/seq', 'FIELD_UNKNOWN'],
    ['integer given a string', valid({ qty: 'three' }), '/qty', 'FIELD_TYPE'],
    ['integer given a fraction', valid({ qty: 1.5 }), '/qty', 'FIELD_TYPE'],
    ['number given a string', valid({ amount: '12.5' }), '/amount', 'FIELD_TYPE'],
    ['boolean given a string', valid({ flag: 'yes' }), '/flag', 'FIELD_TYPE'],
    ['boolean given a number', valid({ flag: 1 }), '/flag', 'FIELD_TYPE'],
    ['text given a number', valid({ title: 12 }), '/title', 'FIELD_TYPE'],
    ['multipicklist given a string', valid({ tags: 'red' }), '/tags', 'FIELD_TYPE'],
    ['date given a number', valid({ day: 20240101 }), '/day', 'FIELD_TYPE'],
    ['missing name', { kind: 'k' }, '/name', 'FIELD_REQUIRED'],
    ['missing required custom field', { name: 'n' }, '/kind', 'FIELD_REQUIRED'],
    ['bad email', valid({ mail: 'not-an-email' }), '/mail', 'FIELD_FORMAT'],
    ['bad url', valid({ site: 'example dot com' }), '/site', 'FIELD_FORMAT'],
    ['javascript: url', valid({ site: 'javascript:alert(1)' }), '/site', 'FIELD_FORMAT'],
    ['ftp url', valid({ site: 'ftp://example.com/file' }), '/site', 'FIELD_FORMAT'],
    ['bad phone', valid({ tel: 'call me maybe' }), '/tel', 'FIELD_FORMAT'],
    ['bad date', valid({ day: '15/01/2024' }), '/day', 'FIELD_FORMAT'],
    ['impossible date', valid({ day: '2023-02-29' }), '/day', 'FIELD_FORMAT'],
    ['date with a time', valid({ day: '2024-01-15T10:00:00Z' }), '/day', 'FIELD_FORMAT'],
    ['bad datetime', valid({ at: 'yesterday' }), '/at', 'FIELD_FORMAT'],
    ['impossible datetime', valid({ at: '2024-01-15T25:00:00Z' }), '/at', 'FIELD_FORMAT'],
    ['datetime without a zone', valid({ at: '2024-01-15T10:00:00' }), '/at', 'FIELD_FORMAT'],
    ['bad uuid in a lookup', valid({ ref: 'not-a-uuid' }), '/ref', 'FIELD_FORMAT'],
    ['bad uuid as owner', valid({ owner_id: '12345' }), '/owner_id', 'FIELD_FORMAT'],
    ['value not in the picklist', valid({ status: 'archived' }), '/status', 'FIELD_NOT_IN_PICKLIST'],
    ['picklist value in the wrong case', valid({ status: 'OPEN' }), '/status', 'FIELD_NOT_IN_PICKLIST'],
    ['value not in the multipicklist', valid({ tags: ['red', 'green'] }), '/tags', 'FIELD_NOT_IN_PICKLIST'],
    ['text too long', valid({ title: long(11) }), '/title', 'FIELD_TOO_LONG'],
    ['name too long', valid({ name: long(256) }), '/name', 'FIELD_TOO_LONG'],
    ['textarea too long', valid({ notes: long(21) }), '/notes', 'FIELD_TOO_LONG'],
    ['number beyond its precision', valid({ amount: 1000 }), '/amount', 'FIELD_OUT_OF_RANGE'],
    ['negative number beyond its precision', valid({ amount: -1000 }), '/amount', 'FIELD_OUT_OF_RANGE'],
    ['currency beyond its precision', valid({ price: 1e16 }), '/price', 'FIELD_OUT_OF_RANGE'],
    ['percent beyond its precision', valid({ share: 100000 }), '/share', 'FIELD_OUT_OF_RANGE'],
    ['integer beyond the safe range', valid({ qty: 2 ** 53 }), '/qty', 'FIELD_OUT_OF_RANGE'],
    ['integer below its min', valid({ rating: 0 }), '/rating', 'FIELD_OUT_OF_RANGE'],
    ['integer above its max', valid({ rating: 6 }), '/rating', 'FIELD_OUT_OF_RANGE'],
  ];

  it.each(cases)('%s', async (_title, payload, path, issue) => {
    const res = await refusedCreate(payload);
    expectIssue(res, 400, 'RECORD_VALIDATION_FAILED', path, issue);
  });

  it('reports every bad field at once', async () => {
    const res = await refusedCreate(valid({ qty: 'x', mail: 'nope', title: long(11), bogus: 1 }));
    expect(res.status).toBe(400);
    const issues = res.body.error.details.issues as any[];
    expect(issues.map((i) => [i.path, i.code]).sort()).toEqual([
      ['/bogus', 'FIELD_UNKNOWN'],
      ['/mail', 'FIELD_FORMAT'],
      ['/qty', 'FIELD_TYPE'],
      ['/title', 'FIELD_TOO_LONG'],
    ]);
  });

  it('a body that is not an object', async () => {
    for (const body of [[1, 2], 'text', 42]) {
      const res = await refusedCreate(JSON.stringify(body));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('RECORD_VALIDATION_FAILED');
    }
  });
});

describe('invalid values on update are refused and change nothing', () => {
  it.each([
    [{ qty: 'x' }, '/qty', 'FIELD_TYPE'],
    [{ name: null }, '/name', undefined],
    [{ kind: null }, '/kind', undefined],
    [{ mail: 'bad' }, '/mail', 'FIELD_FORMAT'],
    [{ seq: 'S-001' }, '/seq', 'FIELD_UNKNOWN'],
    [{ status: 'nope' }, '/status', 'FIELD_NOT_IN_PICKLIST'],
    [{ amount: 5000 }, '/amount', 'FIELD_OUT_OF_RANGE'],
  ] as [Record<string, unknown>, string, string | undefined][])('%j', async (change, path, issue) => {
    const created = await t.admin.post('/records/fv_item', valid({ name: 'upd', qty: 1, mail: 'a@b.co', status: 'open', amount: 1 }));
    expect(created.status).toBe(201);
    const res = await t.admin.patch(`/records/fv_item/${created.body.id}`, { ...change, version: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('RECORD_VALIDATION_FAILED');
    expect(res.body.error.details.issues).toContainEqual(expect.objectContaining(issue ? { path, code: issue } : { path }));
    expect((await t.admin.get(`/records/fv_item/${created.body.id}`)).body).toEqual(created.body);
  });
});

describe('deactivated picklist values', () => {
  let withClosed: string;
  let withOpen: string;
  let withBlue: string;

  beforeAll(async () => {
    withClosed = (await t.admin.post('/records/fv_item', valid({ name: 'closed one', status: 'closed' }))).body.id;
    withOpen = (await t.admin.post('/records/fv_item', valid({ name: 'open one', status: 'open' }))).body.id;
    withBlue = (await t.admin.post('/records/fv_item', valid({ name: 'blue one', tags: ['red', 'blue'] }))).body.id;
    const fields = def.fields.map((f) => {
      if (f.name === 'status') return { ...f, options: { values: [PICK_VALUES[0], { ...PICK_VALUES[1]!, active: false }] } };
      if (f.name === 'tags') return { ...f, options: { values: [TAG_VALUES[0], { ...TAG_VALUES[1]!, active: false }] } };
      return f;
    });
    await t.admin.defineObject({ ...def, fields });
  });

  it('are refused on create', async () => {
    expectIssue(await refusedCreate(valid({ status: 'closed' })), 400, 'RECORD_VALIDATION_FAILED', '/status', 'FIELD_NOT_IN_PICKLIST');
    expectIssue(await refusedCreate(valid({ tags: ['blue'] })), 400, 'RECORD_VALIDATION_FAILED', '/tags', 'FIELD_NOT_IN_PICKLIST');
  });

  it('stay readable and filterable on records that have them', async () => {
    expect((await t.admin.get(`/records/fv_item/${withClosed}`)).body.status).toBe('closed');
    const res = await t.admin.get(`/records/fv_item?filter=${encodeURIComponent(JSON.stringify({ '==': [{ var: 'status' }, 'closed'] }))}`);
    expect(res.body.records.map((r: any) => r.id)).toEqual([withClosed]);
  });

  it('are kept when a record that has one is updated without touching it', async () => {
    const res = await t.admin.patch(`/records/fv_item/${withClosed}`, { title: 'renamed', version: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: 'renamed', status: 'closed', version: 2 });
    const tags = await t.admin.patch(`/records/fv_item/${withBlue}`, { title: 'renamed', version: 1 });
    expect(tags.status).toBe(200);
    expect(tags.body.tags).toEqual(['red', 'blue']);
  });

  it('are kept when the unchanged value is sent back with the update (as a form does)', async () => {
    const current = (await t.admin.get(`/records/fv_item/${withClosed}`)).body;
    const res = await t.admin.patch(`/records/fv_item/${withClosed}`, { title: 'again', status: 'closed', version: current.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ title: 'again', status: 'closed' });
    const tagsNow = (await t.admin.get(`/records/fv_item/${withBlue}`)).body;
    const tags = await t.admin.patch(`/records/fv_item/${withBlue}`, { tags: ['red', 'blue'], version: tagsNow.version });
    expect(tags.status, JSON.stringify(tags.body)).toBe(200);
  });

  it('cannot be newly chosen on update', async () => {
    const res = await t.admin.patch(`/records/fv_item/${withOpen}`, { status: 'closed', version: 1 });
    expectIssue(res, 400, 'RECORD_VALIDATION_FAILED', '/status', 'FIELD_NOT_IN_PICKLIST');
    expect((await t.admin.get(`/records/fv_item/${withOpen}`)).body).toMatchObject({ status: 'open', version: 1 });
  });
});

describe('references and uniqueness', () => {
  it('an unknown lookup id gets 400 RECORD_INVALID_REFERENCE', async () => {
    const res = await refusedCreate(valid({ ref: '00000000-0000-4000-8000-000000000000' }));
    expectIssue(res, 400, 'RECORD_INVALID_REFERENCE', '/ref', 'INVALID_REFERENCE');
    expect((await t.admin.post('/records/fv_item', valid({ name: 'linked', ref: targetId }))).status).toBe(201);
  });

  it('an unknown lookup id on update gets 400 RECORD_INVALID_REFERENCE and changes nothing', async () => {
    const created = (await t.admin.post('/records/fv_item', valid({ name: 'relink', ref: targetId }))).body;
    const res = await t.admin.patch(`/records/fv_item/${created.id}`, { ref: '00000000-0000-4000-8000-000000000001', version: 1 });
    expectIssue(res, 400, 'RECORD_INVALID_REFERENCE', '/ref', 'INVALID_REFERENCE');
    expect((await t.admin.get(`/records/fv_item/${created.id}`)).body).toEqual(created);
  });

  it('a duplicate unique value gets 409 RECORD_NOT_UNIQUE', async () => {
    expect((await t.admin.post('/records/fv_item', valid({ name: 'u1', code: 'UNIQUE-1' }))).status).toBe(201);
    const res = await refusedCreate(valid({ name: 'u2', code: 'UNIQUE-1' }));
    expectIssue(res, 409, 'RECORD_NOT_UNIQUE', '/code', 'NOT_UNIQUE');
    expect(res.body.error.details.field).toBe('code');
    const other = (await t.admin.post('/records/fv_item', valid({ name: 'u3', code: 'UNIQUE-2' }))).body;
    const upd = await t.admin.patch(`/records/fv_item/${other.id}`, { code: 'UNIQUE-1', version: 1 });
    expectIssue(upd, 409, 'RECORD_NOT_UNIQUE', '/code', 'NOT_UNIQUE');
    expect((await t.admin.get(`/records/fv_item/${other.id}`)).body.code).toBe('UNIQUE-2');
  });
});

describe('invalid list queries', () => {
  const get = (query: string) => t.admin.get(`/records/fv_item?${query}`);
  const filter = (rule: unknown) => `filter=${encodeURIComponent(typeof rule === 'string' ? rule : JSON.stringify(rule))}`;
  const expectQueryError = (res: { status: number; body: any }, code: string) => {
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe(code);
  };
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

  it.each([
    ['filter', filter({ '==': [{ var: 'colour' }, 'red'] })],
    ['filter nested', filter({ and: [{ '==': [{ var: 'qty' }, 1] }, { or: [{ '!=': [{ var: 'nope' }, null] }] }] })],
    ['filter on the trash', filter({ '==': [{ var: 'ctid' }, '(0,1)'] })],
    ['sort', 'sort=colour'],
    ['sort descending', 'sort=qty,-colour'],
    ['fields', 'fields=name,colour'],
  ])('unknown field in %s → 400 QUERY_UNKNOWN_FIELD', async (_title, query) => {
    expectQueryError(await get(query), 'QUERY_UNKNOWN_FIELD');
  });

  it.each([
    ['malformed JSON', filter('{"==": [{"var": "qty"}, 1]')],
    ['not JSON at all', filter('qty = 1')],
    ['unsupported operator', filter({ regex: [{ var: 'title' }, '^a'] })],
    ['json-logic operator not allowed in lists', filter({ map: [{ var: 'tags' }, 1] })],
    ['two operators in one rule', filter({ '==': [{ var: 'qty' }, 1], '!=': [{ var: 'qty' }, 2] })],
    ['a bare value', filter(42)],
    ['string for an integer', filter({ '==': [{ var: 'qty' }, 'abc'] })],
    ['number for a text', filter({ '==': [{ var: 'title' }, 5] })],
    ['bad date', filter({ '<': [{ var: 'day' }, '2024-13-45'] })],
    ['bad datetime', filter({ '>': [{ var: 'at' }, 'soon'] })],
    ['bad uuid', filter({ '==': [{ var: 'ref' }, 'nope'] })],
    ['string for a boolean', filter({ '==': [{ var: 'flag' }, 'true'] })],
    ['wrong type inside in', filter({ in: [{ var: 'qty' }, [1, 'two']] })],
    ['< with null', filter({ '<': [{ var: 'qty' }, null] })],
    ['contains on a number', filter({ contains: [{ var: 'qty' }, '1'] })],
    ['comparing fields of different types', filter({ '==': [{ var: 'qty' }, { var: 'title' }] })],
    ['too many arguments', filter({ '==': [{ var: 'qty' }, 1, 2] })],
  ])('%s → 400 QUERY_INVALID_FILTER', async (_title, query) => {
    expectQueryError(await get(query), 'QUERY_INVALID_FILTER');
  });

  it('a bogus cursor → 400 QUERY_INVALID_CURSOR', async () => {
    for (const cursor of ['garbage!!', 'bm90IGpzb24', b64({ a: 1 }), b64(['-qty,-id', [1, '6f1c1a3e-8a59-4f4b-9d7c-0d3f3f3b6a11']])]) {
      expectQueryError(await get(`sort=qty&cursor=${encodeURIComponent(cursor)}`), 'QUERY_INVALID_CURSOR');
    }
  });

  it('a forged cursor with values of the wrong shape → 400 QUERY_INVALID_CURSOR', async () => {
    const forged: [string, unknown[]][] = [
      ['', ['not-a-uuid']],
      ['', []],
      ['', [{ a: 1 }]],
      ['', ['6f1c1a3e-8a59-4f4b-9d7c-0d3f3f3b6a11', 'extra']],
      ['sort=qty&', ['many', '6f1c1a3e-8a59-4f4b-9d7c-0d3f3f3b6a11']],
      ['sort=day&', ['2024-99-99', '6f1c1a3e-8a59-4f4b-9d7c-0d3f3f3b6a11']],
    ];
    const answers = [];
    for (const [sort, values] of forged) {
      const signature = sort ? `${sort.slice(5, -1)},id` : 'id';
      const res = await get(`${sort}cursor=${b64([signature, values])}`);
      answers.push({ values, status: res.status, code: res.body.error?.code });
    }
    expect(answers).toEqual(forged.map(([, values]) => ({ values, status: 400, code: 'QUERY_INVALID_CURSOR' })));
  });

  it('a cursor from another sort order → 400 QUERY_INVALID_CURSOR', async () => {
    for (let i = 0; i < 3; i++) await t.admin.post('/records/fv_item', valid({ name: `c${i}`, qty: i }));
    const page = await get('sort=qty&limit=1');
    expect(page.body.nextCursor).toEqual(expect.any(String));
    expectQueryError(await get(`sort=-qty&limit=1&cursor=${encodeURIComponent(page.body.nextCursor)}`), 'QUERY_INVALID_CURSOR');
    expect((await get(`sort=qty&limit=1&cursor=${encodeURIComponent(page.body.nextCursor)}`)).status).toBe(200);
  });

  it.each(['limit=0', 'limit=5000', 'limit=-1', 'limit=abc', 'limit=1.5', 'offset=-1', 'count=yes', 'limit=1&limit=2'])('%s → 400 QUERY_INVALID_PARAMETER', async (query) => {
    expectQueryError(await get(query), 'QUERY_INVALID_PARAMETER');
  });

  it('a bad sort key → 400 QUERY_INVALID_SORT', async () => {
    expectQueryError(await get('sort=qty;drop'), 'QUERY_INVALID_SORT');
    expectQueryError(await get('sort=tags'), 'QUERY_INVALID_SORT');
  });

  it('limit=1000 is the largest page', async () => {
    expect((await get('limit=1000')).status).toBe(200);
    expect((await get('limit=1')).status).toBe(200);
  });
});

describe('SQL-looking values are data', () => {
  const nasty = ["'; DROP TABLE fv_item; --", 'Robert"); DELETE FROM fv_target; --', '%', '_', '\\', "O'Brien"];

  it('are stored, read back and filtered literally', async () => {
    const before = await rowCount();
    const targets = await rowCount('fv_target');
    const ids: string[] = [];
    for (const [i, value] of nasty.entries()) {
      const res = await t.admin.post('/records/fv_item', valid({ name: value, code: `nasty-${i}`, kind: value.slice(0, 200) }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.name).toBe(value);
      ids.push(res.body.id);
    }
    expect(await rowCount()).toBe(before + nasty.length);
    expect(await rowCount('fv_target')).toBe(targets);
    const q = (rule: unknown) => t.admin.get(`/records/fv_item?limit=1000&filter=${encodeURIComponent(JSON.stringify(rule))}`);
    for (const [i, value] of nasty.entries()) {
      expect((await t.admin.get(`/records/fv_item/${ids[i]}`)).body.name).toBe(value);
      const eq = await q({ '==': [{ var: 'name' }, value] });
      expect(eq.status).toBe(200);
      expect(eq.body.records.map((r: any) => r.id)).toEqual([ids[i]]);
      const contains = await q({ contains: [{ var: 'kind' }, value] });
      expect(contains.status).toBe(200);
      expect(contains.body.records.map((r: any) => r.id).sort()).toEqual(ids.filter((_, j) => nasty[j]!.includes(value)).sort());
      const search = await t.admin.get(`/records/fv_item?limit=1000&q=${encodeURIComponent(value)}`);
      expect(search.status).toBe(200);
      expect(search.body.records.map((r: any) => r.id)).toContain(ids[i]);
      for (const r of search.body.records) expect([r.name, r.title, r.code, r.kind, r.mail, r.tel, r.site, r.seq].some((s) => typeof s === 'string' && s.toLowerCase().includes(value.toLowerCase()))).toBe(true);
    }
    // '%' and '_' match themselves only
    const pct = await q({ contains: [{ var: 'name' }, '%'] });
    expect(pct.body.records.map((r: any) => r.name)).toEqual(['%']);
    const us = await q({ starts_with: [{ var: 'name' }, '_'] });
    expect(us.body.records.map((r: any) => r.name)).toEqual(['_']);
    const sort = await t.admin.get(`/records/fv_item?sort=${encodeURIComponent('name; DROP TABLE fv_item')}`);
    expect(sort.status).toBe(400);
    expect(await rowCount()).toBe(before + nasty.length);
  });

  it('as a record id in the URL get 400 RECORD_INVALID_ID', async () => {
    const res = await t.admin.get(`/records/fv_item/${encodeURIComponent("1' OR '1'='1")}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('RECORD_INVALID_ID');
  });
});
