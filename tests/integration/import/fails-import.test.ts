import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type ApiClient, type TestTenant } from '../../helpers/test-server';
import { defineImportObjects } from './import-objects';
import { settle, upload } from './import-helpers';

let t: TestTenant;
let rep: { client: ApiClient; id: string };
let reader: { client: ApiClient; id: string };
const count = async (table: string) => (await t.sql(`SELECT count(*)::int AS n FROM ${t.tenant.schema}.${table}`))[0].n as number;
/** Neither records nor import jobs were written. */
async function nothingWritten(work: () => Promise<void>): Promise<void> {
  const before = [await count('lead'), await count('_import_jobs')];
  await work();
  expect([await count('lead'), await count('_import_jobs')]).toEqual(before);
}

beforeAll(async () => {
  t = await startTestTenant('importfail');
  await defineImportObjects(t.admin);
  expect((await t.admin.post('/admin/permission-sets', { name: 'sales', label: 'Sales', objects: { lead: { create: true, read: true, edit: true, fields: { secret: 'read' } }, account: { read: true } } })).status).toBe(201);
  expect((await t.admin.post('/admin/permission-sets', { name: 'look', label: 'Look', objects: { lead: { read: true } } })).status).toBe(201);
  rep = await t.newUser();
  reader = await t.newUser();
  expect((await t.admin.patch(`/admin/users/${rep.id}`, { permissionSets: ['sales'] })).status).toBe(200);
  expect((await t.admin.patch(`/admin/users/${reader.id}`, { permissionSets: ['look'] })).status).toBe(200);
});
afterAll(() => t?.close());

describe('the file', () => {
  it('broken quotes → 400 IMPORT_FILE_INVALID naming the line', () =>
    nothingWritten(async () => {
      const res = await upload(t.admin, 'lead', 'Name,Email\nAnn,a@x.test\nBob,"unclosed\nCat,c@x.test\n');
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'IMPORT_FILE_INVALID', details: { line: 3, reason: 'CSV_QUOTE_NOT_CLOSED' } });
    }));

  it('an empty file, a blank one or one without a header → 400 IMPORT_FILE_INVALID', () =>
    nothingWritten(async () => {
      for (const body of ['', '\n\n', '\uFEFF', ',,\n']) {
        const res = await upload(t.admin, 'lead', body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.error.code).toBe('IMPORT_FILE_INVALID');
      }
      expect((await upload(t.admin, 'lead', 'Name,Name\nx,y\n')).body.error.details).toMatchObject({ reason: 'DUPLICATE_COLUMN' });
    }));

  it('GBK bytes declared as UTF-8 → 400 IMPORT_ENCODING_INVALID', () =>
    nothingWritten(async () => {
      const res = await upload(t.admin, 'lead', iconv.encode('名称\n王芳\n', 'gbk'), 'encoding=utf-8');
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('IMPORT_ENCODING_INVALID');
      expect((await upload(t.admin, 'lead', 'Name\nx\n', 'encoding=latin1')).body.error.code).toBe('REQUEST_INVALID');
    }));

  it('a file over 50 MB → 413 IMPORT_FILE_TOO_LARGE; JSON instead of a file → 415', () =>
    nothingWritten(async () => {
      const big = Buffer.alloc(50 * 1024 * 1024 + 10, 0x61);
      const res = await upload(t.admin, 'lead', big);
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('IMPORT_FILE_TOO_LARGE');
      expect((await upload(t.admin, 'lead', '{}', '', 'application/json')).status).toBe(415);
    }));

  it('ragged rows are rejected with their line, not the whole file', async () => {
    const up = await upload(t.admin, 'lead', 'Name,Email\nOk,ok@x.test\nRagged\nToo,many,cells\n');
    expect(up.status).toBe(201);
    expect((await t.admin.post(`/records/lead/imports/${up.body.import.id}/start`)).status).toBe(202);
    const job = await settle(t.admin, 'lead', up.body.import.id);
    expect(job).toMatchObject({ status: 'done', inserted: 1, rejected: 2, errors: [{ line: 3 }, { line: 4 }] });
    expect(await count('lead')).toBe(1);
  });
});

describe('the mapping', () => {
  const put = async (mapping: unknown, extra: Record<string, unknown> = {}, c = t.admin) => {
    const up = await upload(c, 'lead', 'Name,Email,Score,Secret\nx,x@x.test,1,s\n');
    const before = await t.sql(`SELECT mapping, mode FROM ${t.tenant.schema}._import_jobs WHERE id = ?`, [up.body.import.id]);
    const res = await c.put(`/records/lead/imports/${up.body.import.id}/mapping`, { mapping, mode: 'insert', ...extra });
    expect(await t.sql(`SELECT mapping, mode FROM ${t.tenant.schema}._import_jobs WHERE id = ?`, [up.body.import.id])).toEqual(before);
    return res;
  };

  it('unknown fields and columns, duplicate targets, bad lookups → 400 IMPORT_MAPPING_INVALID with every issue', async () => {
    const res = await put({ Name: 'name', Email: 'nope', Score: 'name', Ghost: 'company', Secret: { field: 'score', lookupBy: 'name' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('IMPORT_MAPPING_INVALID');
    expect(res.body.error.details.issues.map((i: { path: string; code: string }) => [i.path, i.code])).toEqual([
      ['/mapping/Email', 'IMPORT_FIELD_UNKNOWN'],
      ['/mapping/Score', 'IMPORT_FIELD_DUPLICATE'],
      ['/mapping/Ghost', 'IMPORT_COLUMN_UNKNOWN'],
      ['/mapping/Secret/lookupBy', 'IMPORT_LOOKUP_INVALID'],
    ]);
  });

  it('computed and read-only fields, and fields the user may only read → IMPORT_FIELD_NOT_WRITABLE', async () => {
    expect((await put({ Name: 'created_at' })).body.error.details.issues[0].code).toBe('IMPORT_FIELD_NOT_WRITABLE');
    expect((await put({ Name: 'name', Secret: 'secret' }, {}, rep.client)).body.error.details.issues).toMatchObject([{ path: '/mapping/Secret', code: 'IMPORT_FIELD_NOT_WRITABLE' }]);
  });

  it('update and upsert need a mapped, unique key', async () => {
    const issue = async (extra: Record<string, unknown>, mapping: unknown = { Name: 'name', Email: 'email' }) => (await put(mapping, extra)).body.error.details.issues.map((i: { code: string }) => i.code);
    expect(await issue({ mode: 'update' })).toEqual(['IMPORT_KEY_INVALID']);
    expect(await issue({ mode: 'update', key: 'company' })).toEqual(['IMPORT_KEY_INVALID']);
    expect(await issue({ mode: 'upsert', key: 'email' }, { Name: 'name' })).toEqual(['IMPORT_KEY_INVALID']);
    expect(await issue({ mode: 'merge' })).toEqual(['IMPORT_MODE_INVALID']);
  });
});

describe('who may import', () => {
  it('a user without create or edit permission → 403, nothing stored', () =>
    nothingWritten(async () => {
      const res = await upload(reader.client, 'lead', 'Name\nx\n');
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('OBJECT_ACCESS_DENIED');
      expect((await upload(t.admin, 'nothing', 'Name\nx\n')).status).toBe(404);
    }));

  it('another user’s import, or an import under another object → 404 IMPORT_NOT_FOUND', async () => {
    const up = await upload(t.admin, 'lead', 'Name\nmine\n');
    const id = up.body.import.id;
    for (const [c, path] of [[rep.client, `/records/lead/imports/${id}`], [t.admin, `/records/account/imports/${id}`], [t.admin, '/records/lead/imports/not-a-uuid']] as const) {
      const res = await c.get(path);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('IMPORT_NOT_FOUND');
    }
    for (const verb of ['start', 'dry-run', 'cancel']) expect((await rep.client.post(`/records/lead/imports/${id}/${verb}`)).status).toBe(404);
    expect((await rep.client.put(`/records/lead/imports/${id}/mapping`, { mapping: { Name: 'name' }, mode: 'insert' })).status).toBe(404);
    expect((await rep.client.get(`/records/lead/imports/${id}/rejected.csv`)).status).toBe(404);
    expect((await t.sql(`SELECT status FROM ${t.tenant.schema}._import_jobs WHERE id = ?`, [id]))[0].status).toBe('uploaded');
  });

  it('a finished import cannot be started, dry-run, remapped or cancelled again (409 IMPORT_STATE_INVALID)', async () => {
    const up = await upload(t.admin, 'lead', 'Name\nonce\n');
    const id = up.body.import.id;
    await t.admin.post(`/records/lead/imports/${id}/start`);
    expect(await settle(t.admin, 'lead', id)).toMatchObject({ status: 'done', inserted: 1 });
    for (const verb of ['start', 'dry-run', 'cancel']) {
      const res = await t.admin.post(`/records/lead/imports/${id}/${verb}`);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('IMPORT_STATE_INVALID');
    }
    expect((await t.admin.put(`/records/lead/imports/${id}/mapping`, { mapping: { Name: 'name' }, mode: 'insert' })).status).toBe(409);
    expect((await t.sql(`SELECT count(*)::int AS n FROM ${t.tenant.schema}.lead WHERE name = 'once'`))[0].n).toBe(1);
  });
});
