import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type ApiClient, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;
let user: { client: ApiClient; id: string };
let recordId: string;

const log = () => `"${t.tenant.schema}"._audit_log`;
const snapshotOfLog = () => t.sql(`SELECT * FROM ${log()} ORDER BY id`);
const MISSING = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await startTestTenant('auditbad');
  user = await t.newUser();
  await t.admin.defineObject({ name: 'note', label: 'Note', fields: [{ name: 'body', type: 'text', label: 'Body' }] });
  recordId = (await t.admin.post('/records/note', { name: 'N', body: 'b' })).body.id;
});
afterAll(() => t?.close());

describe('record history refuses bad requests with a clear 4xx', () => {
  it('an unknown object → 404 OBJECT_NOT_FOUND', async () => {
    const res = await t.admin.get(`/records/ghost/${recordId}/history`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'OBJECT_NOT_FOUND', message: 'object "ghost" does not exist', details: { object: 'ghost' } } });
  });

  it('an unknown record → 404 RECORD_NOT_FOUND', async () => {
    const res = await t.admin.get(`/records/note/${MISSING}/history`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('RECORD_NOT_FOUND');
  });

  it('an id that is no record id is answered as reading the record answers it, before any SQL', async () => {
    const history = await t.admin.get(`/records/note/${encodeURIComponent("1' OR '1'='1")}/history`);
    const read = await t.admin.get(`/records/note/${encodeURIComponent("1' OR '1'='1")}`);
    expect([400, 404]).toContain(history.status);
    expect(history.status).toBe(read.status);
    expect(history.body).toEqual(read.body);
    expect(['RECORD_NOT_FOUND', 'RECORD_INVALID_ID']).toContain(history.body.error.code);
  });

  it.each([
    ['limit=0', 'limit', '"limit" must be an integer from 1 to 200'],
    ['limit=201', 'limit', '"limit" must be an integer from 1 to 200'],
    ['limit=abc', 'limit', '"limit" must be an integer from 1 to 200'],
    ['limit=2&limit=3', 'limit', '"limit" must be given once'],
    ['before=-1', 'before', `"before" must be an integer from 1 to ${Number.MAX_SAFE_INTEGER}`],
    ['before=1e3', 'before', `"before" must be an integer from 1 to ${Number.MAX_SAFE_INTEGER}`],
    ['before=99999999999999999', 'before', `"before" must be an integer from 1 to ${Number.MAX_SAFE_INTEGER}`],
  ])('?%s → 400 QUERY_INVALID_PARAMETER', async (query, parameter, message) => {
    const res = await t.admin.get(`/records/note/${recordId}/history?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'QUERY_INVALID_PARAMETER', message, details: { parameter } } });
  });
});

describe('admin audit reads', () => {
  it('are for administrators only → 403 AUTH_FORBIDDEN', async () => {
    for (const path of [`/admin/audit/users/${t.adminId}/activity`, '/admin/audit/publishes']) {
      const res = await user.client.get(path);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('AUTH_FORBIDDEN');
    }
  });

  it('an unknown or malformed user → 404 USER_NOT_FOUND', async () => {
    for (const id of [MISSING, 'not-a-uuid']) {
      const res = await t.admin.get(`/admin/audit/users/${id}/activity`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('USER_NOT_FOUND');
    }
  });

  it('bad paging → 400 QUERY_INVALID_PARAMETER', async () => {
    expect((await t.admin.get(`/admin/audit/users/${t.adminId}/activity?limit=0`)).body.error).toEqual({ code: 'QUERY_INVALID_PARAMETER', message: '"limit" must be an integer from 1 to 200', details: { parameter: 'limit' } });
    expect((await t.admin.get('/admin/audit/publishes?before=x')).body.error.code).toBe('QUERY_INVALID_PARAMETER');
  });
});

describe('audit rows cannot be changed or removed', () => {
  it('no API route writes them', async () => {
    const before = await snapshotOfLog();
    const attempts = [
      t.admin.patch(`/records/note/${recordId}/history`, { changes: {} }),
      t.admin.delete(`/records/note/${recordId}/history`),
      t.admin.post(`/records/note/${recordId}/history`, {}),
      t.admin.delete(`/admin/audit/users/${t.adminId}/activity`),
      t.admin.post('/admin/audit/publishes', {}),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
    }
    expect(await snapshotOfLog()).toEqual(before);
  });

  it.each([
    ['UPDATE', () => `UPDATE ${log()} SET actor_id = NULL`],
    ['UPDATE', () => `UPDATE ${log()} SET changes = '{}' WHERE id < 0`],
    ['DELETE', () => `DELETE FROM ${log()}`],
    ['TRUNCATE', () => `TRUNCATE ${log()}`],
  ])('the database refuses %s, even of no row', async (op, statement) => {
    const before = await snapshotOfLog();
    expect(before.length).toBeGreaterThan(0);
    await expect(t.sql(statement())).rejects.toMatchObject({ code: '42501', message: expect.stringContaining(`the audit trail cannot be changed (${op} refused)`) });
    expect(await snapshotOfLog()).toEqual(before);
  });
});
