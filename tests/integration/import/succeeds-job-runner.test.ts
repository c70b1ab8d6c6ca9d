import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrateAllTenants } from '../../../engine/db/tenant-schema';
import { startTestServer, startTestTenant, type TestTenant } from '../../helpers/test-server';
import { settle, upload } from './import-helpers';

/** The job runner beside several servers in one process, and tenant migration 008 on an existing organisation. */
let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant('jobrunner');
  await t.admin.defineObject({ name: 'note', label: 'Note', fields: [{ name: 'body', type: 'text', label: 'Body' }] });
});
afterAll(() => t?.close());

it('a second server in the same process starts and stops its own job runner; jobs run whichever server takes them', async () => {
  const second = await startTestServer();
  try {
    const up = await upload(t.admin, 'note', 'Name,Body\nfrom a second server,hello\n');
    expect((await t.admin.post(`/records/note/imports/${up.body.import.id}/start`)).status).toBe(202);
    expect(await settle(t.admin, 'note', up.body.import.id)).toMatchObject({ status: 'done', inserted: 1 });
  } finally {
    await second.close();
  }
  expect(await t.sql(`SELECT body FROM ${t.tenant.schema}.note`)).toEqual([{ body: 'hello' }]);
});

it('an organisation created before migration 008 gets _import_jobs', async () => {
  const s = t.tenant.schema;
  await t.sql(`DROP TABLE "${s}"._import_jobs`);
  await t.sql(`DELETE FROM "${s}"._tenant_migrations WHERE id = '008-imports'`);
  await migrateAllTenants(t.server.services.db);
  expect(await t.sql(`SELECT id FROM "${s}"._tenant_migrations WHERE id = '008-imports'`)).toHaveLength(1);
  expect(await t.sql(`SELECT count(*)::int AS n FROM "${s}"._import_jobs`)).toEqual([{ n: 0 }]);
  const up = await upload(t.admin, 'note', 'Name\nafter the migration\n');
  expect(up.status).toBe(201);
});
