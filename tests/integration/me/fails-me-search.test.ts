import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestTenant, type ApiClient, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;
let rep: { client: ApiClient; id: string };
let secret: string;
beforeAll(async () => {
  t = await startTestTenant('mefail');
  await t.admin.defineObject({ name: 'firm', label: 'Firm', sharing: 'private', fields: [] });
  rep = await t.newUser();
  secret = (await t.admin.post('/records/firm', { name: 'Hidden' })).body.id;
});
afterAll(() => t?.close());

const prefs = () => t.sql(`SELECT * FROM "${t.tenant.schema}"._user_prefs`);
const recent = () => t.sql(`SELECT * FROM "${t.tenant.schema}"._recent_records`);

it('refuses bad preference keys, bodies and sizes, storing nothing', async () => {
  for (const [res, status, code] of [
    [await rep.client.put('/me/prefs/Bad Key', { value: 1 }), 400, 'REQUEST_INVALID'],
    [await rep.client.put('/me/prefs/ok', { nothing: 1 }), 400, 'REQUEST_INVALID'],
    [await rep.client.put('/me/prefs/ok', { value: 'x'.repeat(70_000) }), 413, 'REQUEST_TOO_LARGE'],
    [await rep.client.get(`/me/prefs/${'k'.repeat(101)}`), 400, 'REQUEST_INVALID'],
  ] as const) {
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  }
  expect(await prefs()).toEqual([]);
});

it('notes no record the user cannot see, nor a bad one', async () => {
  for (const [body, status, code] of [
    [{ object: 'firm', id: secret }, 404, 'RECORD_NOT_FOUND'],
    [{ object: 'ghost', id: secret }, 404, 'OBJECT_NOT_FOUND'],
    [{ object: 'firm' }, 400, 'REQUEST_INVALID'],
    [{ object: 'firm', id: 'nope' }, 400, 'RECORD_INVALID_ID'],
  ] as const) {
    const res = await rep.client.post('/me/recent', body);
    expect(res.status, JSON.stringify(body)).toBe(status);
    expect(res.body.error.code).toBe(code);
  }
  expect(await recent()).toEqual([]);
});

it('refuses a search without a term or with a bad limit', async () => {
  for (const path of ['/search', '/search?q=', `/search?q=${'x'.repeat(201)}`, '/search?q=a&limit=0', '/search?q=a&limit=21', '/search?q=a&limit=x']) {
    const res = await rep.client.get(path);
    expect(res.status, path).toBe(400);
    expect(res.body.error.code).toBe('QUERY_INVALID_PARAMETER');
  }
});
