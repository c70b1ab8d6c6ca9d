import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant('auth');
});
afterAll(() => t?.close());

describe('authentication', () => {
  it('answers health without a session', async () => {
    const res = await t.anonymous.get('/health');
    expect(res).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('logs in with a cookie and a bearer token, tells who I am, and logs out', async () => {
    const res = await fetch(`${t.anonymous.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `ADMIN@${t.tenant.slug}.test`, password: 'correct-horse-battery', tenant: t.tenant.slug }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^tessera_session=[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const { token } = (await res.json()) as { token: string };

    const viaCookie = await t.anonymous.get('/auth/me', { cookie: cookie.split(';')[0]! });
    expect(viaCookie.body).toMatchObject({ id: t.adminId, isAdmin: true, tenant: t.tenant.slug });
    const viaBearer = await t.anonymous.as(token).get('/auth/me');
    expect(viaBearer.status).toBe(200);

    expect((await t.anonymous.as(token).post('/auth/logout')).status).toBe(204);
    expect((await t.anonymous.as(token).get('/auth/me')).status).toBe(401);
  });

  it('lets an admin create and revoke API tokens; a revoked token fails at once', async () => {
    const created = await t.admin.post('/admin/tokens', { name: 'integration' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^tsk_/);
    const api = t.anonymous.as(created.body.token);
    expect((await api.get('/auth/me')).body.id).toBe(t.adminId);
    // The last use is written off the request's path: poll (bounded) until it lands.
    const listTokens = async () => (await t.admin.get('/admin/tokens')).body;
    let list = await listTokens();
    const listed = () => list.tokens.find((x: { id: string }) => x.id === created.body.id);
    for (let i = 0; i < 100 && listed().lastUsedAt === null; i++) {
      await new Promise((r) => setTimeout(r, 20));
      list = await listTokens();
    }
    expect(listed().lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain(created.body.token);

    expect((await t.admin.delete(`/admin/tokens/${created.body.id}`)).status).toBe(204);
    const after = await api.get('/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('AUTH_REQUIRED');
  });

  it('issues a token acting as another user of the tenant', async () => {
    const user = await t.newUser();
    const created = await t.admin.post('/admin/tokens', { name: 'for user', userId: user.id });
    expect((await t.anonymous.as(created.body.token).get('/auth/me')).body).toMatchObject({ id: user.id, isAdmin: false });
  });
});
