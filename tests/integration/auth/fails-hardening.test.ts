import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../engine/core/config';
import { csrfTokenFor } from '../../../engine/http/middleware/csrf';
import { setUserPassword } from '../../../engine/security/password-change';
import { createTenant, dropTenant } from '../../../engine/tenants/tenants';
import { createUser } from '../../../engine/tenants/users';
import { ApiClient, uniqueSlug } from '../../helpers/test-server';
import { call, cookiePair, freshIp, PASSWORD, startHardenedTenant, type HardenedTenant } from './hardening-server';

let h: HardenedTenant;
let admin: ApiClient;
let adminEmail: string;

beforeAll(async () => {
  h = await startHardenedTenant('hardfail');
  adminEmail = (await h.addUser(true)).email;
  admin = await h.signIn(adminEmail);
});
afterAll(() => h?.close());

const passwordHash = async (userId: string) => (await h.sql('SELECT password_hash FROM tessera_system.users WHERE id = ?', [userId]))[0].password_hash;
const eventsOf = (email: string) => h.sql('SELECT success, reason, user_id FROM tessera_system.login_events WHERE email = ? ORDER BY id', [email]);

/** A fresh browser session: its cookie header and CSRF token. */
async function browserSession(email: string): Promise<{ cookie: string; csrf: string; token: string }> {
  const res = await h.login({ email, password: PASSWORD, tenant: h.tenant.slug }, freshIp());
  expect(res.status).toBe(200);
  return { cookie: `${cookiePair(res.cookies.tessera_session!)}; ${cookiePair(res.cookies.tessera_csrf!)}`, csrf: res.body.csrfToken, token: res.body.token };
}

describe('configuration', () => {
  it('refuses sign-in limits that are not positive integers', () => {
    for (const name of ['TESSERA_LOGIN_MAX_FAILURES', 'TESSERA_LOGIN_LOCKOUT_MINUTES', 'TESSERA_LOGIN_RATE_LIMIT', 'TESSERA_LOGIN_RATE_WINDOW_MINUTES']) {
      for (const value of ['0', '-1', '2.5', 'many']) expect(() => loadConfig({ [name]: value }), `${name}=${value}`).toThrow(`${name} must be a positive integer, got ${value}`);
    }
  });
});

describe('account lockout', () => {
  it('refuses even the right password after 3 failures with 429 AUTH_ACCOUNT_LOCKED and Retry-After, and opens no session', async () => {
    const u = await h.addUser();
    const attempt = (password: string) => h.login({ email: u.email, password, tenant: h.tenant.slug }, freshIp());
    for (let i = 0; i < 3; i++) expect((await attempt(`wrong-one-${i}`)).body.error.code).toBe('AUTH_INVALID_CREDENTIALS');
    const locked = await attempt(PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body).toEqual({ error: { code: 'AUTH_ACCOUNT_LOCKED', message: 'too many failed sign-ins; try again later', details: { retryAfterSeconds: expect.any(Number) } } });
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBe(locked.body.error.details.retryAfterSeconds);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(locked.cookies).toEqual({});
    expect(await h.count('sessions', 'user_id = ?', [u.id])).toBe(0);
    expect((await eventsOf(u.email)).map((e) => e.reason)).toEqual(['wrong_password', 'wrong_password', 'wrong_password', 'locked']);
    expect((await eventsOf(u.email))[3]).toEqual({ success: false, reason: 'locked', user_id: u.id });
  });

  it('locks an unknown email exactly like a real one, so a lock reveals nothing', async () => {
    const u = await h.addUser();
    const ghost = `ghost-${u.id.slice(0, 8)}@${h.tenant.slug}.test`;
    const answers = async (email: string) => {
      const out = [];
      for (let i = 0; i < 4; i++) {
        const res = await h.login({ email, password: i < 3 ? 'wrong-one-1' : PASSWORD, tenant: h.tenant.slug }, freshIp());
        out.push({ status: res.status, code: res.body.error.code, message: res.body.error.message });
      }
      return out;
    };
    const real = await answers(u.email);
    expect(await answers(ghost)).toEqual(real);
    expect(real.map((a) => a.status)).toEqual([401, 401, 401, 429]);
    expect((await eventsOf(ghost)).map((e) => e.reason)).toEqual(['unknown_user', 'unknown_user', 'unknown_user', 'locked']);
  });

  it('gives a parallel burst of guesses no more password checks than the limit', async () => {
    const u = await h.addUser();
    const burst = await Promise.all(Array.from({ length: 8 }, (_, i) => h.login({ email: u.email, password: `wrong-one-${i}`, tenant: h.tenant.slug }, freshIp())));
    expect(burst.filter((r) => r.status === 401).length).toBeLessThanOrEqual(3);
    expect(burst.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(5);
    expect((await h.login({ email: u.email, password: PASSWORD, tenant: h.tenant.slug }, freshIp())).status).toBe(429);
  });

  it('keeps the browser\'s previous session when a sign-in fails', async () => {
    const u = await h.addUser();
    const before = await browserSession(u.email);
    const res = await h.login({ email: u.email, password: 'wrong-one-1', tenant: h.tenant.slug }, freshIp(), { cookie: before.cookie });
    expect(res.status).toBe(401);
    expect(res.cookies).toEqual({});
    expect((await call(h.baseUrl, 'GET', '/auth/me', undefined, { cookie: before.cookie })).status).toBe(200);
  });
});

describe('an email used in several organisations', () => {
  it('answers a wrong password as for any account, naming no organisation, and opens no session', async () => {
    const db = h.server.services.db;
    const second = await createTenant(db, uniqueSlug('hardfail2'), 'Second');
    try {
      const email = `twice-${second.slug}@example.test`;
      await createUser(db, h.tenant.id, { email, password: PASSWORD });
      await createUser(db, second.id, { email, password: PASSWORD });
      const ofEmail = () => h.count('sessions', `user_id IN (SELECT id FROM tessera_system.users WHERE email = ?)`, [email]);
      const sessions = await ofEmail();
      const wrong = await h.login({ email, password: 'wrong-one-1' }, freshIp());
      const unknown = await h.login({ email: `nobody-${second.slug}@example.test`, password: 'wrong-one-1' }, freshIp());
      expect(wrong.status).toBe(401);
      expect(wrong.body).toEqual(unknown.body);
      expect(JSON.stringify(wrong.body)).not.toContain(second.slug);
      // With the right password it asks which organisation, naming only those where the password is right.
      const ambiguous = await h.login({ email, password: PASSWORD }, freshIp());
      expect(ambiguous.status).toBe(400);
      expect(ambiguous.body.error.code).toBe('AUTH_TENANT_AMBIGUOUS');
      expect(ambiguous.body.error.details.tenants.sort()).toEqual([h.tenant.slug, second.slug].sort());
      expect(await ofEmail()).toBe(sessions);
    } finally {
      await dropTenant(db, second.slug);
    }
  });
});

describe('per-IP sign-in limit', () => {
  it('refuses a client after 4 failed sign-ins in the window with 429 AUTH_RATE_LIMITED and Retry-After, whatever the account', async () => {
    const u = await h.addUser();
    const ip = freshIp();
    for (let i = 0; i < 4; i++) expect((await h.login({ email: `probe${i}@${h.tenant.slug}.test`, password: 'wrong-one-1', tenant: h.tenant.slug }, ip)).status).toBe(401);
    const limited = await h.login({ email: u.email, password: PASSWORD, tenant: h.tenant.slug }, ip, { 'user-agent': 'limited/1' });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ error: { code: 'AUTH_RATE_LIMITED', message: 'too many failed sign-ins from this address; try again later', details: { retryAfterSeconds: expect.any(Number) } } });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(4 * 60);
    expect(retryAfter).toBeLessThanOrEqual(5 * 60);
    expect(limited.cookies).toEqual({});
    expect(await h.count('sessions', 'user_id = ?', [u.id])).toBe(0);
    const events = await h.sql('SELECT tenant_id, user_id, success, reason, ip, user_agent FROM tessera_system.login_events WHERE email = ?', [u.email]);
    expect(events).toEqual([{ tenant_id: h.tenant.id, user_id: null, success: false, reason: 'rate_limited', ip, user_agent: 'limited/1' }]);
    // The account itself is not locked: another address signs in.
    expect((await h.login({ email: u.email, password: PASSWORD, tenant: h.tenant.slug }, freshIp())).status).toBe(200);
  });

  it('counts malformed sign-in requests too, and records them with the email they had', async () => {
    const ip = freshIp();
    for (let i = 0; i < 4; i++) expect((await h.login({ email: 'x@y.z' }, ip)).status).toBe(400);
    const limited = await h.login({ password: 'wrong-one-1' }, ip);
    expect(limited.body.error.code).toBe('AUTH_RATE_LIMITED');
    expect(await h.sql('SELECT email, reason FROM tessera_system.login_events WHERE ip = ?', [ip])).toEqual([{ email: '', reason: 'rate_limited' }]);
  });
});

describe('CSRF protection of cookie sessions', () => {
  it('refuses cookie-authenticated writes without, with a wrong or with another session\'s token: 403 AUTH_CSRF_FAILED, nothing written', async () => {
    const mine = await browserSession(adminEmail);
    const theirs = await browserSession(adminEmail);
    const tokens = await h.count('api_tokens', 'tenant_id = ?', [h.tenant.id]);
    const headers: Record<string, string>[] = [{}, { 'x-csrf-token': 'forged' }, { 'x-csrf-token': theirs.csrf }, { 'x-csrf-token': '' }, { 'x-csrf-token': mine.token }];
    for (const header of headers) {
      const res = await call(h.baseUrl, 'POST', '/admin/tokens', { name: 'forged' }, { cookie: mine.cookie, ...header });
      expect(res.status, JSON.stringify(header)).toBe(403);
      expect(res.body.error.code).toBe('AUTH_CSRF_FAILED');
    }
    expect(await h.count('api_tokens', 'tenant_id = ?', [h.tenant.id])).toBe(tokens);
  });

  it('guards every unsafe method: PUT, PATCH and DELETE refused the same way', async () => {
    const s = await browserSession(adminEmail);
    const { body } = await admin.post('/admin/tokens', { name: 'keep me' });
    const del = await call(h.baseUrl, 'DELETE', `/admin/tokens/${body.id}`, undefined, { cookie: s.cookie });
    expect(del.body.error.code).toBe('AUTH_CSRF_FAILED');
    expect(await h.count('api_tokens', 'id = ? AND revoked_at IS NULL', [body.id])).toBe(1);
    const put = await call(h.baseUrl, 'PUT', '/metadata/objects/csrf_thing', { name: 'csrf_thing', label: 'Thing', fields: [] }, { cookie: s.cookie });
    expect(put.body.error.code).toBe('AUTH_CSRF_FAILED');
    expect((await admin.get('/metadata/objects/csrf_thing')).status).toBe(404);
    const patch = await call(h.baseUrl, 'PATCH', '/records/account/00000000-0000-0000-0000-000000000000', { name: 'x' }, { cookie: s.cookie });
    expect(patch.body.error.code).toBe('AUTH_CSRF_FAILED');
  });

  it('refuses a cookie logout without the token and keeps the session', async () => {
    const s = await browserSession(adminEmail);
    const out = await call(h.baseUrl, 'POST', '/auth/logout', undefined, { cookie: s.cookie });
    expect(out.status).toBe(403);
    expect(out.body.error.code).toBe('AUTH_CSRF_FAILED');
    expect(out.cookies).toEqual({});
    expect((await call(h.baseUrl, 'GET', '/auth/me', undefined, { cookie: s.cookie })).status).toBe(200);
  });

  it('does not accept the CSRF token as a credential', async () => {
    const s = await browserSession(adminEmail);
    expect(s.csrf).toBe(csrfTokenFor(s.token));
    expect((await call(h.baseUrl, 'GET', '/auth/me', undefined, { authorization: `Bearer ${s.csrf}` })).status).toBe(401);
    expect((await call(h.baseUrl, 'GET', '/auth/me', undefined, { cookie: `tessera_session=${s.csrf}` })).status).toBe(401);
  });
});

describe('password changes', () => {
  it('refuses a wrong current password with 400 AUTH_CURRENT_PASSWORD_INVALID, changes nothing and records the attempt', async () => {
    const u = await h.addUser();
    const client = await h.signIn(u.email);
    const other = await h.signIn(u.email);
    const hash = await passwordHash(u.id);
    const res = await client.post('/auth/password', { currentPassword: 'wrong-one-1', newPassword: 'Fresh-start-2031' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'AUTH_CURRENT_PASSWORD_INVALID', message: 'the current password is wrong' } });
    expect(await passwordHash(u.id)).toBe(hash);
    expect((await other.get('/auth/me')).status).toBe(200);
    expect((await eventsOf(u.email)).map((e) => e.reason)).toEqual(['ok', 'ok', 'wrong_current_password']);
  });

  it('counts wrong current passwords like failed sign-ins: the account locks, for sign-in and for changes', async () => {
    const u = await h.addUser();
    const client = await h.signIn(u.email);
    for (let i = 0; i < 2; i++) expect((await client.post('/auth/password', { currentPassword: `wrong-one-${i}`, newPassword: 'Fresh-start-2031' })).status).toBe(400);
    expect((await h.login({ email: u.email, password: 'wrong-one-9', tenant: h.tenant.slug }, freshIp())).status).toBe(401);
    const locked = await client.post('/auth/password', { currentPassword: PASSWORD, newPassword: 'Fresh-start-2031' });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('AUTH_ACCOUNT_LOCKED');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await h.login({ email: u.email, password: PASSWORD, tenant: h.tenant.slug }, freshIp())).status).toBe(429);
    expect((await eventsOf(u.email)).map((e) => e.reason).slice(-2)).toEqual(['locked', 'locked']);
  });

  it('refuses a new password the policy does not allow, with issues on /newPassword, and changes nothing', async () => {
    const u = await h.addUser();
    const client = await h.signIn(u.email);
    const hash = await passwordHash(u.id);
    const cases: [string, string[]][] = [
      ['short1!', ['PASSWORD_TOO_SHORT']],
      ['onlyletters', ['PASSWORD_TOO_SIMPLE']],
      ['Password123', ['PASSWORD_TOO_COMMON']],
      [`x-${u.email.split('@')[0]}-1`, ['PASSWORD_CONTAINS_NAME']],
      [`a1${'x'.repeat(1023)}`, ['PASSWORD_TOO_LONG']],
      [PASSWORD, ['PASSWORD_UNCHANGED']],
    ];
    for (const [newPassword, codes] of cases) {
      const res = await client.post('/auth/password', { currentPassword: PASSWORD, newPassword });
      expect(res.status, newPassword).toBe(400);
      expect(res.body.error.code).toBe('REQUEST_INVALID');
      expect(res.body.error.details.issues.map((i: { code: string }) => i.code)).toEqual(codes);
      expect(res.body.error.details.issues.every((i: { path: string }) => i.path === '/newPassword')).toBe(true);
    }
    expect(await passwordHash(u.id)).toBe(hash);
  });

  it('refuses a body without both passwords, an anonymous caller, and a cookie caller without the CSRF token', async () => {
    const u = await h.addUser();
    const client = await h.signIn(u.email);
    const hash = await passwordHash(u.id);
    const missing = await client.post('/auth/password', { newPassword: 'Fresh-start-2031' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.issues).toEqual([{ path: '/currentPassword', code: 'FIELD_REQUIRED', message: 'currentPassword is required' }]);
    expect((await client.post('/auth/password', { currentPassword: PASSWORD })).body.error.details.issues[0].path).toBe('/newPassword');
    const anonymous = await call(h.baseUrl, 'POST', '/auth/password', { currentPassword: PASSWORD, newPassword: 'Fresh-start-2031' });
    expect(anonymous.status).toBe(401);
    const s = await browserSession(u.email);
    const noCsrf = await call(h.baseUrl, 'POST', '/auth/password', { currentPassword: PASSWORD, newPassword: 'Fresh-start-2031' }, { cookie: s.cookie });
    expect(noCsrf.body.error.code).toBe('AUTH_CSRF_FAILED');
    expect(await passwordHash(u.id)).toBe(hash);
  });

  it('setUserPassword refuses unknown users, users of other organisations and weak passwords, changing nothing', async () => {
    const db = h.server.services.db;
    const u = await h.addUser();
    const session = await h.signIn(u.email);
    const hash = await passwordHash(u.id);
    await expect(setUserPassword(db, h.tenant.id, '00000000-0000-0000-0000-000000000000', 'Reset-by-admin-77')).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
    await expect(setUserPassword(db, '00000000-0000-0000-0000-000000000000', u.id, 'Reset-by-admin-77')).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
    await expect(setUserPassword(db, h.tenant.id, u.id, 'weak')).rejects.toMatchObject({
      code: 'REQUEST_INVALID',
      details: { issues: [{ path: '/password', code: 'PASSWORD_TOO_SHORT', message: 'a password has at least 8 characters' }] },
    });
    expect(await passwordHash(u.id)).toBe(hash);
    expect((await session.get('/auth/me')).status).toBe(200);
  });
});

describe('password policy on new users', () => {
  it('refuses weak passwords when an admin adds a user, with issues, and adds nobody', async () => {
    const users = await h.count('users', 'tenant_id = ?', [h.tenant.id]);
    const res = await admin.post('/admin/users', { email: `weak@${h.tenant.slug}.test`, password: 'weakweakweak' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        code: 'REQUEST_INVALID',
        message: 'the password is not allowed',
        details: { issues: [{ path: '/password', code: 'PASSWORD_CONTAINS_NAME', message: 'a password must not contain your email name or display name' }, { path: '/password', code: 'PASSWORD_TOO_SIMPLE', message: 'mix at least two of letters, digits and symbols (or use a passphrase of 16 characters or more)' }] },
      },
    });
    expect(await h.count('users', 'tenant_id = ?', [h.tenant.id])).toBe(users);
  });

  it('refuses them in createUser itself', async () => {
    const users = await h.count('users', 'tenant_id = ?', [h.tenant.id]);
    await expect(createUser(h.server.services.db, h.tenant.id, { email: `common@${h.tenant.slug}.test`, password: 'qwerty123' })).rejects.toMatchObject({ code: 'REQUEST_INVALID', details: { issues: [{ code: 'PASSWORD_TOO_COMMON' }] } });
    expect(await h.count('users', 'tenant_id = ?', [h.tenant.id])).toBe(users);
  });
});

describe('the login audit', () => {
  it('is for admins only', async () => {
    const u = await h.addUser();
    const client = await h.signIn(u.email);
    const res = await client.get('/admin/audit/logins');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('AUTH_FORBIDDEN');
    expect((await call(h.baseUrl, 'GET', '/admin/audit/logins')).status).toBe(401);
  });

  it('refuses bad query parameters with 400 QUERY_INVALID_PARAMETER', async () => {
    const cases: [string, string][] = [
      ['userId=not-a-uuid', 'userId'],
      ['success=yes', 'success'],
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['limit=ten', 'limit'],
      ['before=abc', 'before'],
      ['before=0', 'before'],
      ['limit=1&limit=2', 'limit'],
    ];
    for (const [query, parameter] of cases) {
      const res = await admin.get(`/admin/audit/logins?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'QUERY_INVALID_PARAMETER', details: { parameter } });
    }
  });

  it('cannot be changed or deleted through the API', async () => {
    const mine = () => h.sql('SELECT * FROM tessera_system.login_events WHERE tenant_id = ? ORDER BY id', [h.tenant.id]);
    const before = await mine();
    const latest = before[before.length - 1];
    for (const [method, path] of [
      ['POST', '/admin/audit/logins'],
      ['PUT', `/admin/audit/logins/${latest.id}`],
      ['PATCH', `/admin/audit/logins/${latest.id}`],
      ['DELETE', `/admin/audit/logins/${latest.id}`],
      ['DELETE', '/admin/audit/logins'],
    ] as const) {
      const res = await admin.request(method, path, method === 'DELETE' ? undefined : { success: true });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
    }
    expect(await mine()).toEqual(before);
  });
});
