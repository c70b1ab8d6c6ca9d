import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_SCHEMA } from '../../../engine/db/system-migrations';
import { createTenant, dropTenant } from '../../../engine/tenants/tenants';
import { createUser } from '../../../engine/tenants/users';
import { startTestTenant, uniqueSlug, type ApiClient, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;
let user: ApiClient;
beforeAll(async () => {
  t = await startTestTenant('authfail');
  user = (await t.newUser()).client;
});
afterAll(() => t?.close());

/** Rows of this test's own, so other test files running at the same time do not disturb the counts. */
const count = async (table: string, where: string, params: unknown[]) => Number((await t.sql(`SELECT count(*) AS n FROM ${SYSTEM_SCHEMA}.${table} WHERE ${where}`, params))[0].n);
const tenantSessions = () => count('sessions', `user_id IN (SELECT id FROM ${SYSTEM_SCHEMA}.users WHERE tenant_id = ?)`, [t.tenant.id]);
const ofTenant = (table: string) => count(table, 'tenant_id = ?', [t.tenant.id]);

describe('authentication failures', () => {
  it('refuses every /api/v1 route without a session: 401 AUTH_REQUIRED', async () => {
    for (const path of ['/auth/me', '/records/account', '/metadata/objects', '/openapi.json', '/admin/users', '/no/such/route']) {
      const res = await t.anonymous.get(path);
      expect(res.status, path).toBe(401);
      expect(res.body.error.code, path).toBe('AUTH_REQUIRED');
    }
  });

  it('refuses forged and malformed tokens', async () => {
    for (const token of ['forged', 'tsk_forged', `${'x'.repeat(500)}`]) {
      const res = await t.anonymous.as(token).get('/auth/me');
      expect(res.status).toBe(401);
    }
    const res = await t.anonymous.get('/auth/me', { authorization: 'Basic abc' });
    expect(res.status).toBe(401);
  });

  it('gives the same answer for a wrong password and an unknown email, and opens no session', async () => {
    const before = await tenantSessions();
    const wrong = await t.anonymous.post('/auth/login', { email: `admin@${t.tenant.slug}.test`, password: 'nope', tenant: t.tenant.slug });
    const unknown = await t.anonymous.post('/auth/login', { email: 'ghost@nowhere.test', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(await tenantSessions()).toBe(before);
  });

  it('asks for the organisation when an email belongs to several, and opens no session', async () => {
    const db = t.server.services.db;
    const second = await createTenant(db, uniqueSlug('authfail2'), 'Second organisation');
    try {
      const email = `shared@${t.tenant.slug}.test`;
      await createUser(db, t.tenant.id, { email, password: 'correct-horse-battery' });
      await createUser(db, second.id, { email, password: 'correct-horse-battery' });
      const sessionsOf = () => count('sessions', `user_id IN (SELECT id FROM ${SYSTEM_SCHEMA}.users WHERE email = ?)`, [email]);
      const before = await sessionsOf();
      const res = await t.anonymous.post('/auth/login', { email, password: 'correct-horse-battery' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('AUTH_TENANT_AMBIGUOUS');
      expect(res.body.error.details.tenants.sort()).toEqual([t.tenant.slug, second.slug].sort());
      expect(await sessionsOf()).toBe(before);
      expect((await t.anonymous.post('/auth/login', { email, password: 'correct-horse-battery', tenant: second.slug })).status).toBe(200);
    } finally {
      await dropTenant(db, second.slug);
    }
  });

  it('refuses a login without email or password with 400', async () => {
    const res = await t.anonymous.post('/auth/login', { email: 'a@b.c' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('REQUEST_INVALID');
    expect(res.body.error.details.issues[0].path).toBe('/password');
  });

  it('refuses admin-only routes to other users with 403 and writes nothing', async () => {
    const tokens = await ofTenant('api_tokens');
    const users = await ofTenant('users');
    const put = await user.put('/metadata/objects/thing', { name: 'thing', label: 'Thing', fields: [] });
    expect(put.status).toBe(403);
    expect(put.body.error.code).toBe('AUTH_FORBIDDEN');
    expect((await user.post('/admin/tokens', { name: 'x' })).status).toBe(403);
    expect((await user.post('/admin/users', { email: 'x@y.z', password: '12345678' })).status).toBe(403);
    expect((await user.delete('/metadata/objects/thing')).status).toBe(403);
    expect(await ofTenant('api_tokens')).toBe(tokens);
    expect(await ofTenant('users')).toBe(users);
    expect((await t.admin.get('/metadata/objects/thing')).status).toBe(404);
  });

  it('refuses bad admin input with stable codes', async () => {
    expect((await t.admin.post('/admin/users', { email: 'not-an-email', password: '12345678' })).body.error.code).toBe('REQUEST_INVALID');
    expect((await t.admin.post('/admin/users', { email: 'short@pw.test', password: '123' })).body.error.code).toBe('REQUEST_INVALID');
    const dup = await t.admin.post('/admin/users', { email: `admin@${t.tenant.slug}.test`, password: 'fine-password-42' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('USER_EXISTS');
    expect((await t.admin.post('/admin/tokens', { name: 'x', userId: '00000000-0000-0000-0000-000000000000' })).body.error.code).toBe('USER_NOT_FOUND');
    expect((await t.admin.delete('/admin/tokens/not-a-uuid')).body.error.code).toBe('TOKEN_NOT_FOUND');
  });
});
