import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../../engine/core/logger';
import { ensureShareColumns } from '../../../engine/security/ensure-share-columns';
import { startTestTenant, type ApiClient, type TestTenant } from '../../helpers/test-server';

/** Record shares are mirrored on the row (kept by a trigger), never audited, and added to tables made before them. */
let t: TestTenant;
let user: { client: ApiClient; id: string };
const table = () => `"${t.tenant.schema}".memo`;

beforeAll(async () => {
  t = await startTestTenant('sharecols');
  await t.admin.defineObject({ name: 'memo', label: 'Memo', sharing: 'private', fields: [{ name: 'body', type: 'text', label: 'Body' }] });
  user = await t.newUser();
});
afterAll(() => t?.close());

const arrays = async (id: string) => (await t.sql(`SELECT _shared_read AS r, _shared_edit AS e FROM ${table()} WHERE id = ?`, [id]))[0];

it('keeps the share arrays in step with team members and shares, and leaves the audit trail alone', async () => {
  const rec = (await t.admin.post('/records/memo', { name: 'M1' })).body;
  expect(await arrays(rec.id)).toEqual({ r: null, e: null });
  await t.admin.post(`/records/memo/${rec.id}/team`, { userId: user.id, access: 'read' });
  expect(await arrays(rec.id)).toEqual({ r: [user.id], e: null });
  await t.admin.post(`/records/memo/${rec.id}/team`, { userId: user.id, access: 'edit' });
  expect(await arrays(rec.id)).toEqual({ r: [user.id], e: [user.id] });
  expect((await user.client.get(`/records/memo/${rec.id}`)).status).toBe(200);
  await t.admin.delete(`/records/memo/${rec.id}/team/${user.id}`);
  expect(await arrays(rec.id)).toEqual({ r: null, e: null });
  expect((await user.client.get(`/records/memo/${rec.id}`)).status).toBe(404);
  const audit = await t.sql(`SELECT action FROM "${t.tenant.schema}"._audit_log WHERE record_id = ?`, [rec.id]);
  expect(audit).toEqual([{ action: 'create' }]);
  expect((await t.admin.get(`/records/memo/${rec.id}`)).body.version).toBe(rec.version);
});

it('adds the columns to a table made before them and fills them from the shares', async () => {
  const rec = (await t.admin.post('/records/memo', { name: 'M2' })).body;
  await t.admin.post(`/records/memo/${rec.id}/share`, { kind: 'user', id: user.id, access: 'read' });
  await t.sql(`ALTER TABLE ${table()} DROP COLUMN _shared_read, DROP COLUMN _shared_edit`);
  await ensureShareColumns(t.server.services.db, t.server.services.cache, createLogger('fatal'));
  expect(await arrays(rec.id)).toEqual({ r: [user.id], e: null });
  expect((await user.client.get(`/records/memo/${rec.id}`)).status).toBe(200);
});
