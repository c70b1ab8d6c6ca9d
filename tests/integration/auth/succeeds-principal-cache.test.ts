import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_SCHEMA } from '../../../engine/db/system-migrations';
import { PrincipalCache } from '../../../engine/security/principal-cache';
import type { RunningServer } from '../../../engine/server';
import { eventually } from '../../helpers/eventually';
import { anonymousClient, startTestServer, startTestTenant, type ApiClient, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;
let other: RunningServer;
let otherAnon: ApiClient;

beforeAll(async () => {
  t = await startTestTenant('authcache');
  other = await startTestServer();
  otherAnon = anonymousClient(other.port);
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

describe('cached sessions and tokens stay revocable everywhere', () => {
  it('a token revoked through one server is refused by another within a second', async () => {
    const { body } = await t.admin.post('/admin/tokens', { name: 'two servers' });
    const onOther = otherAnon.as(body.token);
    expect((await onOther.get('/auth/me')).status).toBe(200); // now cached on the other server
    expect((await t.admin.delete(`/admin/tokens/${body.id}`)).status).toBe(204);
    expect(await eventually(async () => (await onOther.get('/auth/me')).status, 401, 1000)).toBe(401);
  });

  it('a session logged out on one server is refused by another within a second', async () => {
    const user = await t.newUser();
    const onOther = otherAnon.as(user.client.token!);
    expect((await onOther.get('/auth/me')).status).toBe(200);
    expect((await user.client.post('/auth/logout')).status).toBe(204);
    expect(await eventually(async () => (await onOther.get('/auth/me')).status, 401, 1000)).toBe(401);
  });

  it('answers from memory inside the TTL and asks the database again after it', async () => {
    const user = await t.newUser();
    let now = Date.now();
    const cache = new PrincipalCache(t.server.services.db, () => now, 30_000);
    expect((await cache.authenticate(user.client.token)).userId).toBe(user.id);
    // Deactivate the user behind the cache's back: inside the TTL the cached answer stands…
    await t.server.services.db.raw(`UPDATE ${SYSTEM_SCHEMA}.users SET active = false WHERE id = ?`, [user.id]);
    expect((await cache.authenticate(user.client.token)).userId).toBe(user.id);
    // …after it the database is asked again and the user is refused.
    now += 31_000;
    await expect(cache.authenticate(user.client.token)).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
  });

  it('evicts a user\'s entries on a user change', async () => {
    const user = await t.newUser();
    const cache = new PrincipalCache(t.server.services.db);
    await cache.authenticate(user.client.token);
    await t.server.services.db.raw(`UPDATE ${SYSTEM_SCHEMA}.users SET active = false WHERE id = ?`, [user.id]);
    cache.evict({ userId: user.id });
    await expect(cache.authenticate(user.client.token)).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
  });
});
