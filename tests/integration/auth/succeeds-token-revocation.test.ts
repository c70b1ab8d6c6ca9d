import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropTenant } from '../../../engine/tenants/tenants';
import { eventually } from '../../helpers/eventually';
import { spawnTessera, type TesseraProcess } from '../../helpers/spawn-tessera';
import { anonymousClient, databaseUrl, startTestTenant, type ApiClient, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;
/** A real second Tessera process (node engine/main.ts) on the same database. */
let child: TesseraProcess;
let childAnon: ApiClient;

beforeAll(async () => {
  t = await startTestTenant('authtok');
  // The child bootstraps the `default` organisation in the test database; it is dropped afterwards.
  child = await spawnTessera({ DATABASE_URL: databaseUrl(), TESSERA_ADMIN_PASSWORD: 'Child-process-2031', LOG_LEVEL: 'warn' });
  childAnon = anonymousClient(child.port);
}, 120_000);
afterAll(async () => {
  await child?.stop();
  if (t) await dropTenant(t.server.services.db, 'default').catch(() => undefined);
  await t?.close();
});

describe('API tokens', () => {
  it('act as exactly the one user they were issued for, in every process', async () => {
    const alice = await t.newUser();
    const bob = await t.newUser();
    const forAlice = await t.admin.post('/admin/tokens', { name: 'alice', userId: alice.id });
    const forBob = await t.admin.post('/admin/tokens', { name: 'bob', userId: bob.id });
    expect((await t.anonymous.as(forAlice.body.token).get('/auth/me')).body.id).toBe(alice.id);
    expect((await childAnon.as(forAlice.body.token).get('/auth/me')).body.id).toBe(alice.id);
    expect((await childAnon.as(forBob.body.token).get('/auth/me')).body.id).toBe(bob.id);
    const rows = await t.sql('SELECT id, user_id FROM tessera_system.api_tokens WHERE id IN (?, ?) ORDER BY name', [forAlice.body.id, forBob.body.id]);
    expect(rows).toEqual([
      { id: forAlice.body.id, user_id: alice.id },
      { id: forBob.body.id, user_id: bob.id },
    ]);
  });

  it('fail at once after revocation: 401 here at once, and in the second process within two seconds', async () => {
    const user = await t.newUser();
    const { body } = await t.admin.post('/admin/tokens', { name: 'to revoke', userId: user.id });
    const here = t.anonymous.as(body.token);
    const there = childAnon.as(body.token);
    expect((await here.get('/auth/me')).status).toBe(200);
    expect((await there.get('/auth/me')).status).toBe(200); // now cached in the child
    expect((await t.admin.delete(`/admin/tokens/${body.id}`)).status).toBe(204);
    const refused = await here.get('/auth/me');
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('AUTH_REQUIRED');
    expect(await eventually(async () => (await there.get('/auth/me')).status, 401, 2000)).toBe(401);
    // Revoking one token leaves the user's other tokens working.
    const { body: kept } = await t.admin.post('/admin/tokens', { name: 'kept', userId: user.id });
    expect((await childAnon.as(kept.token).get('/auth/me')).status).toBe(200);
  });
});
