import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;
const rows = async () => Number((await t.server.services.db.raw(`SELECT count(*) AS n FROM "${t.tenant.schema}".note`)).rows[0].n);

beforeAll(async () => {
  t = await startTestTenant('badreq');
  await t.admin.defineObject({ name: 'note', label: 'Note', fields: [{ name: 'body', type: 'textarea', label: 'Body', options: { maxLength: 1000000 } }] });
});
afterAll(() => t?.close());

describe('bad requests get a clear 4xx, the server keeps serving, nothing is written', () => {
  it('malformed JSON → 400 REQUEST_MALFORMED_JSON', async () => {
    const res = await t.admin.post('/records/note', '{"name": "x",', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'REQUEST_MALFORMED_JSON', message: 'the request body is not valid JSON' } });
    expect(await rows()).toBe(0);
  });

  it('a body over 1 MB → 413 REQUEST_TOO_LARGE', async () => {
    const res = await t.admin.post('/records/note', { name: 'big', body: 'x'.repeat(1_100_000) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('REQUEST_TOO_LARGE');
    expect(await rows()).toBe(0);
  });

  it('a wrong content type → 415 REQUEST_UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await t.admin.post('/records/note', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('REQUEST_UNSUPPORTED_MEDIA_TYPE');
    expect(await rows()).toBe(0);
  });

  it('a body that is not an object → 400 RECORD_VALIDATION_FAILED', async () => {
    for (const body of ['[1,2]', '"text"', 'null', '42']) {
      const res = await t.admin.post('/records/note', body, { 'content-type': 'application/json' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('RECORD_VALIDATION_FAILED');
    }
    expect(await rows()).toBe(0);
  });

  it('unknown object → 404 OBJECT_NOT_FOUND, unknown record → 404 RECORD_NOT_FOUND, bad id → 400 RECORD_INVALID_ID', async () => {
    expect((await t.admin.get('/records/ghost')).body.error.code).toBe('OBJECT_NOT_FOUND');
    expect((await t.admin.post('/records/ghost', { name: 'x' })).status).toBe(404);
    const missing = await t.admin.get('/records/note/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('RECORD_NOT_FOUND');
    expect((await t.admin.patch('/records/note/00000000-0000-4000-8000-000000000000', { version: 1, name: 'x' })).status).toBe(404);
    expect((await t.admin.delete('/records/note/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const bad = await t.admin.get("/records/note/1' OR '1'='1");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('RECORD_INVALID_ID');
  });

  it('SQL-looking object names and values are inert', async () => {
    const name = encodeURIComponent('note"; DROP TABLE note; --');
    expect((await t.admin.get(`/records/${name}`)).status).toBe(404);
    const evil = "Robert'); DROP TABLE note; --";
    const created = await t.admin.post('/records/note', { name: evil });
    expect(created.status).toBe(201);
    const filter = encodeURIComponent(JSON.stringify({ '==': [{ var: 'name' }, evil] }));
    const found = await t.admin.get(`/records/note?filter=${filter}&count=true`);
    expect(found.body.total).toBe(1);
    expect(found.body.records[0].name).toBe(evil);
    await t.admin.delete(`/records/note/${created.body.id}`);
  });

  it('PATCH without a version → 428 RECORD_VERSION_REQUIRED, nothing written', async () => {
    const { body } = await t.admin.post('/records/note', { name: 'v' });
    const res = await t.admin.patch(`/records/note/${body.id}`, { name: 'changed' });
    expect(res.status).toBe(428);
    expect(res.body.error.code).toBe('RECORD_VERSION_REQUIRED');
    expect((await t.admin.get(`/records/note/${body.id}`)).body).toMatchObject({ name: 'v', version: 1 });
    await t.admin.delete(`/records/note/${body.id}`);
  });

  it('a bulk batch with one bad record writes none of them', async () => {
    const res = await t.admin.post('/records/note/bulk', { records: [{ name: 'ok' }, { name: 'also ok' }, { nme: 'typo' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('RECORD_VALIDATION_FAILED');
    expect(res.body.error.details.issues).toHaveLength(2);
    expect(res.body.error.details.issues).toEqual(
      expect.arrayContaining([
        { path: '/records/2/nme', code: 'FIELD_UNKNOWN', message: 'is not a field of this object' },
        { path: '/records/2/name', code: 'FIELD_REQUIRED', message: 'is required' },
      ]),
    );
    expect((await t.admin.post('/records/note/bulk', { records: 'nope' })).body.error.code).toBe('REQUEST_INVALID');
    expect(await rows()).toBe(0);
  });

  it('unknown API routes → 404 ROUTE_NOT_FOUND, and the server still serves afterwards', async () => {
    const res = await t.admin.get('/nothing/here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
    expect((await t.admin.get('/health')).status).toBe(200);
  });

  it('an unexpected failure answers 500 INTERNAL without stack or SQL', async () => {
    // Break the table behind the engine's back: the engine cannot translate this error.
    await t.server.services.db.raw(`ALTER TABLE "${t.tenant.schema}".note RENAME COLUMN body TO body_moved`);
    try {
      const res = await t.admin.get('/records/note');
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ error: { code: 'INTERNAL', message: 'an internal error occurred' } });
    } finally {
      await t.server.services.db.raw(`ALTER TABLE "${t.tenant.schema}".note RENAME COLUMN body_moved TO body`);
    }
    expect((await t.admin.get('/records/note')).status).toBe(200);
  });
});
