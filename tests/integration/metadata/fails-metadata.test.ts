import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawField } from '../../../engine/shared/metadata-types';
import type { ApiClient } from '../../helpers/test-server';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';
import { expectEachTestLeavesUnchanged } from '../../helpers/unchanged';

let t: TestTenant;
let user: ApiClient;

beforeAll(async () => {
  t = await startTestTenant('failmeta');
  await t.admin.put('/metadata/value-sets/fm_colours', { name: 'fm_colours', label: 'Colours', values: [{ value: 'red', label: 'Red' }] });
  await t.admin.defineObject({ name: 'fm_account', label: 'Account', fields: [{ name: 'region', type: 'text', label: 'Region' }] });
  expect((await t.admin.post('/records/fm_account', { name: 'Acme', region: 'north' })).status).toBe(201);
  user = (await t.newUser()).client;
});
afterAll(() => t?.close());

const sql = (text: string, params: unknown[] = []) => t.sql(text, params);

/** Everything a failed metadata write must leave alone. */
async function state() {
  const versions = (await t.admin.get('/metadata/versions')).body.versions;
  const objects = (await t.admin.get('/metadata/objects')).body;
  const valueSets = (await t.admin.get('/metadata/value-sets')).body;
  const tables = (await sql(`SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1`, [t.tenant.schema])).map((r) => r.table_name);
  const columns = (await sql(`SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = ? ORDER BY 1, 2`, [t.tenant.schema]));
  const trash = await sql(`SELECT * FROM "${t.tenant.schema}"._meta_trash ORDER BY id`);
  return { versions, objects, valueSets, tables, columns, trash };
}

const before = expectEachTestLeavesUnchanged(state);

const field = (f: Partial<RawField> & { name: string; type: string }): RawField => ({ label: f.name, ...f });
const obj = (name: string, fields: RawField[], extra: Record<string, unknown> = {}) => ({ name, label: 'Thing', fields, ...extra });

function expectInvalid(res: { status: number; body: any }, path: string, code: string) {
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({ error: { code: 'METADATA_INVALID', message: expect.any(String), details: { issues: expect.any(Array) } } });
  const issues = res.body.error.details.issues as any[];
  expect(issues).toContainEqual({ path, code, message: expect.any(String) });
}

interface InvalidCase {
  title: string;
  url: string;
  body: unknown;
  path: string;
  code: string;
}

const invalidObjects: InvalidCase[] = [
  { title: 'bad object name in the body', url: 'fm_bad', body: obj('Bad-Name', []), path: '/name', code: 'SCHEMA_PATTERN' },
  { title: 'bad object name in the URL', url: 'Bad-Name', body: { label: 'x', fields: [] }, path: '/name', code: 'SCHEMA_PATTERN' },
  { title: 'body and URL name different objects', url: 'fm_one', body: obj('fm_two', []), path: '/name', code: 'NAME_MISMATCH' },
  { title: 'reserved word as object name', url: 'select', body: obj('select', []), path: '/name', code: 'RESERVED_WORD' },
  { title: 'reserved word as field name', url: 'fm_x', body: obj('fm_x', [field({ name: 'region', type: 'text' }), field({ name: 'order', type: 'text' })]), path: '/fields/1/name', code: 'RESERVED_WORD' },
  { title: 'PostgreSQL system column as field name', url: 'fm_x', body: obj('fm_x', [field({ name: 'xmin', type: 'integer' })]), path: '/fields/0/name', code: 'RESERVED_WORD' },
  { title: 'system field declared (created_at)', url: 'fm_x', body: obj('fm_x', [field({ name: 'created_at', type: 'datetime' })]), path: '/fields/0/name', code: 'SYSTEM_FIELD' },
  { title: 'system field declared (name)', url: 'fm_x', body: obj('fm_x', [field({ name: 'region', type: 'text' }), field({ name: 'name', type: 'text' })]), path: '/fields/1/name', code: 'SYSTEM_FIELD' },
  { title: 'duplicate field names', url: 'fm_x', body: obj('fm_x', [field({ name: 'dup', type: 'text' }), field({ name: 'other', type: 'text' }), field({ name: 'dup', type: 'integer' })]), path: '/fields/2/name', code: 'DUPLICATE_FIELD' },
  { title: 'unknown field type', url: 'fm_x', body: obj('fm_x', [field({ name: 'a', type: 'text' }), field({ name: 'b', type: 'colour' })]), path: '/fields/1/type', code: 'UNKNOWN_FIELD_TYPE' },
  { title: 'lookup to a missing object', url: 'fm_x', body: obj('fm_x', [field({ name: 'parent', type: 'lookup', options: { target: 'fm_nowhere' } })]), path: '/fields/0/options/target', code: 'INVALID_SETTING' },
  { title: 'lookup without a target', url: 'fm_x', body: obj('fm_x', [field({ name: 'parent', type: 'lookup', options: {} })]), path: '/fields/0/options', code: 'SCHEMA_REQUIRED' },
  { title: 'picklist referencing a missing value set', url: 'fm_x', body: obj('fm_x', [field({ name: 'colour', type: 'picklist', options: { valueSet: 'fm_missing' } })]), path: '/fields/0/options/valueSet', code: 'INVALID_SETTING' },
  { title: 'picklist with duplicate values', url: 'fm_x', body: obj('fm_x', [field({ name: 'colour', type: 'picklist', options: { values: [{ value: 'a', label: 'A' }, { value: 'a', label: 'A again' }] } })]), path: '/fields/0/options/values/1/value', code: 'INVALID_SETTING' },
  { title: 'autonumber format without a counter', url: 'fm_x', body: obj('fm_x', [field({ name: 'num', type: 'autonumber', options: { format: 'ACC-{YYYY}' } })]), path: '/fields/0/options/format', code: 'INVALID_SETTING' },
  { title: 'autonumber format with two counters', url: 'fm_x', body: obj('fm_x', [field({ name: 'num', type: 'autonumber', options: { format: 'A-{000}-{00}' } })]), path: '/fields/0/options/format', code: 'INVALID_SETTING' },
  { title: 'autonumber format with an unknown token', url: 'fm_x', body: obj('fm_x', [field({ name: 'num', type: 'autonumber', options: { format: 'A-{QQ}-{000}' } })]), path: '/fields/0/options/format', code: 'INVALID_SETTING' },
  { title: 'name field autonumber format without a counter', url: 'fm_x', body: obj('fm_x', [], { nameField: { type: 'autonumber', format: 'INV' } }), path: '/nameField/format', code: 'INVALID_SETTING' },
  { title: 'text maxLength 0', url: 'fm_x', body: obj('fm_x', [field({ name: 'code', type: 'text', options: { maxLength: 0 } })]), path: '/fields/0/options/maxLength', code: 'SCHEMA_MINIMUM' },
  { title: 'unknown option of a field type', url: 'fm_x', body: obj('fm_x', [field({ name: 'code', type: 'text', options: { maxLen: 10 } })]), path: '/fields/0/options/maxLen', code: 'SCHEMA_ADDITIONALPROPERTIES' },
  { title: 'scale greater than precision', url: 'fm_x', body: obj('fm_x', [field({ name: 'amount', type: 'number', options: { precision: 4, scale: 6 } })]), path: '/fields/0/options/scale', code: 'INVALID_SETTING' },
  { title: 'default value of the wrong type', url: 'fm_x', body: obj('fm_x', [field({ name: 'a', type: 'text' }), field({ name: 'qty', type: 'integer', defaultValue: 'many' })]), path: '/fields/1/defaultValue', code: 'INVALID_DEFAULT' },
  { title: 'default value not in the picklist', url: 'fm_x', body: obj('fm_x', [field({ name: 'colour', type: 'picklist', options: { valueSet: 'fm_colours' }, defaultValue: 'blue' })]), path: '/fields/0/defaultValue', code: 'INVALID_DEFAULT' },
  { title: 'unknown top-level key', url: 'fm_x', body: obj('fm_x', [], { colour: 'red' }), path: '/colour', code: 'SCHEMA_ADDITIONALPROPERTIES' },
  { title: 'unknown key in a field', url: 'fm_x', body: obj('fm_x', [{ name: 'a', type: 'text', label: 'A', hidden: true } as RawField]), path: '/fields/0/hidden', code: 'SCHEMA_ADDITIONALPROPERTIES' },
  { title: 'index over an unknown field', url: 'fm_x', body: obj('fm_x', [field({ name: 'a', type: 'text' })], { indexes: [{ fields: ['a', '-nope'] }] }), path: '/indexes/0/fields/1', code: 'UNKNOWN_FIELD' },
  { title: 'required lookup cleared when its target is deleted', url: 'fm_x', body: obj('fm_x', [field({ name: 'acct', type: 'lookup', required: true, options: { target: 'fm_account', onDelete: 'setNull' } })]), path: '/fields/0/options/onDelete', code: 'INVALID_SETTING' },
  { title: 'required autonumber', url: 'fm_x', body: obj('fm_x', [field({ name: 'num', type: 'autonumber', required: true, options: { format: 'N-{000}' } })]), path: '/fields/0/required', code: 'INVALID_SETTING' },
  { title: 'list view defined twice', url: 'fm_x', body: obj('fm_x', [], { listViews: [{ name: 'all', label: 'All' }, { name: 'all', label: 'All again' }] }), path: '/listViews/1/name', code: 'DUPLICATE_VIEW' },
  { title: 'list view sorted by an unknown field', url: 'fm_x', body: obj('fm_x', [], { listViews: [{ name: 'all', label: 'All', sort: ['name', '-nope'] }] }), path: '/listViews/0/sort/1', code: 'UNKNOWN_FIELD' },
  { title: 'validation rule defined twice', url: 'fm_x', body: obj('fm_x', [], { validationRules: [{ name: 'r', condition: false, message: 'no' }, { name: 'r', condition: true, message: 'no' }] }), path: '/validationRules/1/name', code: 'DUPLICATE_RULE' },
  { title: 'validation rule pointing at an unknown field', url: 'fm_x', body: obj('fm_x', [], { validationRules: [{ name: 'r', condition: false, message: 'no', errorField: 'nope' }] }), path: '/validationRules/0/errorField', code: 'UNKNOWN_FIELD' },
  { title: 'dependent picklist controlled by a text field', url: 'fm_x', body: obj('fm_x', [field({ name: 'region', type: 'text' }), field({ name: 'city', type: 'picklist', options: { values: [{ value: 'x', label: 'X' }], controllingField: 'region', dependencies: {} } })]), path: '/fields/1/options/controllingField', code: 'INVALID_DEPENDENCY' },
  { title: 'dependent picklist keyed by a value its controller lacks', url: 'fm_x', body: obj('fm_x', [field({ name: 'remote', type: 'boolean' }), field({ name: 'via', type: 'picklist', options: { values: [{ value: 'vpn', label: 'VPN' }], controllingField: 'remote', dependencies: { maybe: ['vpn'] } } })]), path: '/fields/1/options/dependencies/maybe', code: 'INVALID_DEPENDENCY' },
  { title: 'field type of the wrong JSON type', url: 'fm_x', body: obj('fm_x', [{ name: 'a', type: 7, label: 'A' } as unknown as RawField]), path: '/fields/0/type', code: 'SCHEMA_TYPE' },
];

describe('invalid object definitions get 400 METADATA_INVALID pointing at the bad node, and change nothing', () => {
  it.each(invalidObjects)('$title', async ({ url, body, path, code }) => {
    const res = await t.admin.put(`/metadata/objects/${url}`, body);
    expectInvalid(res, path, code);
    // a dry run reports the same
    expectInvalid(await t.admin.put(`/metadata/objects/${url}?dryRun=true`, body), path, code);
  });

  it('an invalid change to an existing object leaves it as it was', async () => {
    const res = await t.admin.put('/metadata/objects/fm_account', obj('fm_account', [field({ name: 'region', type: 'text' }), field({ name: 'limit', type: 'integer' })]));
    expectInvalid(res, '/fields/1/name', 'RESERVED_WORD');
    expect((await t.admin.get('/records/fm_account')).body.records).toEqual([expect.objectContaining({ name: 'Acme', region: 'north' })]);
  });

  it('a body that is not an object', async () => {
    const res = await t.admin.put('/metadata/objects/fm_x', [1, 2]);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('METADATA_INVALID');
  });

  it('a body that is not JSON', async () => {
    const res = await t.admin.put('/metadata/objects/fm_x', '{"name": "fm_x",');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('REQUEST_MALFORMED_JSON');
  });
});

describe('invalid value sets', () => {
  it('duplicate values point at the duplicate inside the document sent', async () => {
    const res = await t.admin.put('/metadata/value-sets/fm_sizes', { name: 'fm_sizes', label: 'Sizes', values: [{ value: 's', label: 'S' }, { value: 'm', label: 'M' }, { value: 's', label: 'S again' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('METADATA_INVALID');
    expect(res.body.error.details.issues).toContainEqual(expect.objectContaining({ path: '/values/2/value' }));
  });

  it('a bad value pattern and an unknown key', async () => {
    const res = await t.admin.put('/metadata/value-sets/fm_sizes', { name: 'fm_sizes', label: 'Sizes', values: [{ value: 'has space', label: 'S' }], extra: 1 });
    expectInvalid(res, '/values/0/value', 'SCHEMA_PATTERN');
    expectInvalid(res, '/extra', 'SCHEMA_ADDITIONALPROPERTIES');
  });
});

describe('permissions', () => {
  it('a non-admin may read metadata', async () => {
    expect((await user.get('/metadata/objects')).status).toBe(200);
    expect((await user.get('/metadata/objects/fm_account')).status).toBe(200);
    expect((await user.get('/metadata/objects/fm_account/describe')).status).toBe(200);
    expect((await user.get('/metadata/versions')).status).toBe(200);
  });

  it.each([
    ['PUT an object', () => user.put('/metadata/objects/fm_new', obj('fm_new', []))],
    ['PUT an existing object', () => user.put('/metadata/objects/fm_account', obj('fm_account', []))],
    ['dry-run PUT', () => user.put('/metadata/objects/fm_new?dryRun=true', obj('fm_new', []))],
    ['DELETE an object', () => user.delete('/metadata/objects/fm_account?confirm=true')],
    ['restore a version', () => user.post('/metadata/versions/0/restore?confirm=true')],
    ['PUT a value set', () => user.put('/metadata/value-sets/fm_colours', { name: 'fm_colours', label: 'C', values: [{ value: 'blue', label: 'Blue' }] })],
  ])('a non-admin gets 403 AUTH_FORBIDDEN: %s', async (_title, call) => {
    const res = await call();
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('AUTH_FORBIDDEN');
  });

  it('an anonymous caller gets 401', async () => {
    const res = await t.anonymous.put('/metadata/objects/fm_new', obj('fm_new', []));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('AUTH_REQUIRED');
  });
});

describe('versions', () => {
  it('a stale baseVersion gets 409 METADATA_VERSION_CONFLICT', async () => {
    const current = before().versions[0].version as number;
    const res = await t.admin.put(`/metadata/objects/fm_account?baseVersion=${current - 1}`, obj('fm_account', [field({ name: 'region', type: 'text' }), field({ name: 'extra', type: 'text' })]));
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'METADATA_VERSION_CONFLICT', details: { currentVersion: current } });
    const del = await t.admin.delete(`/metadata/objects/fm_account?confirm=true&baseVersion=${current - 1}`);
    expect(del.status).toBe(409);
    expect(del.body.error.code).toBe('METADATA_VERSION_CONFLICT');
    const restore = await t.admin.post(`/metadata/versions/${current}/restore?baseVersion=${current + 1}`);
    expect(restore.status).toBe(409);
    expect(restore.body.error.code).toBe('METADATA_VERSION_CONFLICT');
  });

  it('restoring a version that does not exist gets 404 METADATA_VERSION_NOT_FOUND', async () => {
    for (const v of ['9999', 'abc', '-1']) {
      const res = await t.admin.post(`/metadata/versions/${v}/restore?confirm=true`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('METADATA_VERSION_NOT_FOUND');
    }
    const read = await t.admin.get('/metadata/versions/9999');
    expect(read.status).toBe(404);
    expect(read.body.error.code).toBe('METADATA_VERSION_NOT_FOUND');
  });

  it('restoring a version that would drop objects still needs confirm', async () => {
    const res = await t.admin.post('/metadata/versions/0/restore');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('METADATA_CONFIRMATION_REQUIRED');
    expect(res.body.error.details.plan).toContainEqual(expect.objectContaining({ kind: 'trashTable', object: 'fm_account', destructive: true }));
  });
});

describe('unknown objects', () => {
  it.each(['/metadata/objects/fm_unknown', '/metadata/objects/fm_unknown/describe', '/metadata/objects/fm_unknown/schema', '/records/fm_unknown'])('GET %s answers 404 OBJECT_NOT_FOUND', async (path) => {
    const res = await t.admin.get(path);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('OBJECT_NOT_FOUND');
  });

  it('GET an unknown value set answers 404 VALUE_SET_NOT_FOUND', async () => {
    const res = await t.admin.get('/metadata/value-sets/fm_unknown');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('VALUE_SET_NOT_FOUND');
  });
});
