import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestTenant, type ApiClient, type TestTenant } from '../../helpers/test-server';

/** A user's own preferences, recently viewed records and the global search — each only what the user may see. */
let t: TestTenant;
let rep: { client: ApiClient; id: string };
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestTenant('me');
  await t.admin.defineObject({ name: 'firm', label: 'Firm', sharing: 'private', fields: [{ name: 'city', type: 'text', label: 'City' }] });
  await t.admin.defineObject({ name: 'memo', label: 'Memo', fields: [{ name: 'body', type: 'textarea', label: 'Body' }] });
  rep = await t.newUser();
  ids.mine = (await t.admin.post('/records/firm', { name: 'Acme Shanghai', city: '上海', owner_id: rep.id })).body.id;
  ids.theirs = (await t.admin.post('/records/firm', { name: 'Acme Beijing', city: '北京' })).body.id;
  ids.memo = (await t.admin.post('/records/memo', { name: 'Acme notes', body: 'call back' })).body.id;
});
afterAll(() => t?.close());

it('keeps each user their own preferences', async () => {
  expect((await rep.client.get('/me/prefs/home.widgets')).body).toEqual({ key: 'home.widgets', value: null });
  expect((await rep.client.put('/me/prefs/home.widgets', { value: [{ kind: 'recent' }, { kind: 'view', object: 'firm', view: 'all' }] })).status).toBe(204);
  expect((await rep.client.get('/me/prefs/home.widgets')).body.value).toEqual([{ kind: 'recent' }, { kind: 'view', object: 'firm', view: 'all' }]);
  expect((await t.admin.get('/me/prefs/home.widgets')).body.value).toBeNull();
  expect((await rep.client.delete('/me/prefs/home.widgets')).status).toBe(204);
  expect((await rep.client.get('/me/prefs/home.widgets')).body.value).toBeNull();
});

it('lists recently viewed records newest first, only while the user may still see them', async () => {
  expect((await rep.client.post('/me/recent', { object: 'firm', id: ids.mine })).status).toBe(204);
  expect((await rep.client.post('/me/recent', { object: 'memo', id: ids.memo })).status).toBe(204);
  const recent = (await rep.client.get('/me/recent')).body.records;
  expect(recent.map((r: { name: string }) => r.name)).toEqual(['Acme notes', 'Acme Shanghai']);
  // The firm goes to the admin: it leaves the rep's recent list.
  await t.admin.post('/records/firm/transfer', { ids: [ids.mine], ownerId: t.adminId });
  expect((await rep.client.get('/me/recent')).body.records.map((r: { name: string }) => r.name)).toEqual(['Acme notes']);
});

it('searches every object the user may read, with their record access', async () => {
  const adminHits = (await t.admin.get('/search?q=Acme')).body.results;
  expect(adminHits.map((h: { object: string; records: unknown[] }) => [h.object, h.records.length])).toEqual([['firm', 2], ['memo', 1]]);
  const repHits = (await rep.client.get('/search?q=Acme')).body.results;
  expect(repHits.map((h: { object: string }) => h.object)).toEqual(['memo']);
  expect((await t.admin.get('/search?q=上海&limit=1')).body.results).toEqual([{ object: 'firm', records: [{ id: ids.mine, name: 'Acme Shanghai' }] }]);
});
