import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../engine/core/config';
import { csrfTokenFor } from '../../../engine/http/middleware/csrf';
import { lockoutKey } from '../../../engine/security/login-throttle';
import { setUserPassword } from '../../../engine/security/password-change';
import type { RunningServer } from '../../../engine/server';
import { createTenant, dropTenant } from '../../../engine/tenants/tenants';
import { createUser } from '../../../engine/tenants/users';
import { eventually } from '../../helpers/eventually';
import { ApiClient, startTestServer, uniqueSlug } from '../../helpers/test-server';
import { call, cookiePair, freshIp, HARDENED, PASSWORD, startHardenedTenant, type HardenedTenant } from './hardening-server';

let h: HardenedTenant;
/** A second server process on the same database (its own caches and limiter). */
let other: RunningServer;
let otherUrl: string;
let admin: ApiClient;

beforeAll(async () => {
  h = await startHardenedTenant('harden');
  other = await startTestServer(HARDENED);
  otherUrl = `http://127.0.0.1:${other.port}`;
  admin = await h.signIn((await h.addUser(true)).email);
});
afterAll(async () => {
  await other?.close();
  await h?.close();
});

const NEW_PASSWORD = 'Fresh-start-2031';

const me = (baseUrl: string, token: string) => call(baseUrl, 'GET', '/auth/me', undefined, { authorization: `Bearer ${token}` });
const lockoutRow = async (email: string, tenant?: string) => (await h.sql('SELECT failures, locked_until FROM tessera_system.login_lockouts WHERE key = ?', [lockoutKey(email, tenant)]))[0];

describe('configuration', () => {
  it('reads the sign-in limits and trust proxy from the environment, with defaults', () => {
    expect(loadConfig({})).toMatchObject({ loginMaxFailures: 5, loginLockoutMinutes: 15, loginRateLimit: 30, loginRateWindowMinutes: 5, trustProxy: false });
    const set = loadConfig({ TESSERA_LOGIN_MAX_FAILURES: '7', TESSERA_LOGIN_LOCKOUT_MINUTES: '30', TESSERA_LOGIN_RATE_LIMIT: '100', TESSERA_LOGIN_RATE_WINDOW_MINUTES: '10', TESSERA_TRUST_PROXY: '1' });
    expect(set).toMatchObject({ loginMaxFailures: 7, loginLockoutMinutes: 30, loginRateLimit: 100, loginRateWindowMinutes: 10, trustProxy: 1 });
    expect(loadConfig({ TESSERA_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TESSERA_TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
  });
});

describe('session cookies and CSRF tokens', () => {
  it('answers a CSRF token and sets an HttpOnly session cookie and a readable CSRF cookie, both SameSite=Lax', async () => {
    const u = await h.addUser();
    const res = await h.login({ email: u.email, password: PASSWORD, tenant: h.tenant.slug }, freshIp());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ token: expect.any(String), expiresAt: expect.any(String), csrfToken: csrfTokenFor(res.body.token) });
    expect(res.body.csrfToken).not.toBe(res.body.token);
    const session = res.cookies.tessera_session!;
    const csrf = res.cookies.tessera_csrf!;
    expect(session).toMatch(new RegExp(`^tessera_session=${res.body.token};`));
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    expect(session).not.toMatch(/; Secure/i);
    expect(csrf).toMatch(new RegExp(`^tessera_csrf=${res.body.csrfToken};`));
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(csrf).toMatch(/; SameSite=Lax/i);
  });

  it('marks both cookies Secure on HTTPS (seen through a trusted proxy) and when TESSERA_SECURE_COOKIES is set', async () => {
    const u = await h.addUser();
    const body = { email: u.email, password: PASSWORD, tenant: h.tenant.slug };
    const https = await h.login(body, freshIp(), { 'x-forwarded-proto': 'https' });
    expect(https.cookies.tessera_session).toMatch(/; Secure/i);
    expect(https.cookies.tessera_csrf).toMatch(/; Secure/i);
    const secureServer = await startTestServer({ ...HARDENED, secureCookies: true });
    try {
      const res = await call(`http://127.0.0.1:${secureServer.port}`, 'POST', '/auth/login', body, { 'x-forwarded-for': freshIp() });
      expect(res.status).toBe(200);
      expect(res.cookies.tessera_session).toMatch(/; Secure/i);
      expect(res.cookies.tessera_csrf).toMatch(/; Secure/i);
    } finally {
      await secureServer.close();
    }
  });

  it('lets a cookie-authenticated write through with the session\'s X-CSRF-Token; reads need none', async () => {
    const adminEmail = (await h.sql('SELECT email FROM tessera_system.users WHERE tenant_id = ? AND is_admin', [h.tenant.id]))[0].email;
    const res = await h.login({ email: adminEmail, password: PASSWORD, tenant: h.tenant.slug }, freshIp());
    const cookie = `${cookiePair(res.cookies.tessera_session!)}; ${cookiePair(res.cookies.tessera_csrf!)}`;
    expect((await call(h.baseUrl, 'GET', '/admin/tokens', undefined, { cookie })).status).toBe(200);
    const created = await call(h.baseUrl, 'POST', '/admin/tokens', { name: 'via cookie' }, { cookie, 'x-csrf-token': res.body.csrfToken });
    expect(created.status).toBe(201);
    const revoked = await call(h.baseUrl, 'DELETE', `/admin/tokens/${created.body.id}`, undefined, { cookie, 'x-csrf-token': res.body.csrfToken });
    expect(revoked.status).toBe(204);
    expect(await h.count('api_tokens', 'id = ? AND revoked_at IS NOT NULL', [created.body.id])).toBe(1);
  });

  it('logs out with the cookie and the CSRF token, ends the session and clears both cookies', async () => {
    const u = await h.addUser();
    const res = await h.login({ email: u.email, password: PASSWORD, tenant: h.tenant.slug }, freshIp());
    const out = await call(h.baseUrl, 'POST', '/auth/logout', undefined, { cookie: cookiePair(res.cookies.tessera_session!), 'x-csrf-token': res.body.csrfToken });
    expect(out.status).toBe(204);
    expect(out.cookies.tessera_session).toMatch(/^tessera_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(out.cookies.tessera_csrf).toMatch(/^tessera_csrf=;.*Expires=Thu, 01 Jan 1970/);
    expect(await h.count('sessions', 'user_id = ?', [u.id])).toBe(0);
  });

  it('does not ask bearer-token writes for a CSRF token, even with a session cookie beside them', async () => {
    const res = await admin.post('/admin/tokens', { name: 'bearer' }, { cookie: 'tessera_session=whatever' });
    expect(res.status).toBe(201);
  });
});

describe('session rotation', () => {
  it('ends the session the browser already had when it signs in again, in every process', async () => {
    const u = await h.addUser();
    const body = { email: u.email, password: PASSWORD, tenant: h.tenant.slug };
    const first = await h.login(body, freshIp());
    expect((await me(h.baseUrl, first.body.token)).status).toBe(200); // cached here…
    expect((await me(otherUrl, first.body.token)).status).toBe(200); // …and there
    const second = await h.login(body, freshIp(), { cookie: cookiePair(first.cookies.tessera_session!) });
    expect(second.status).toBe(200);
    expect(second.body.token).not.toBe(first.body.token);
    expect((await me(h.baseUrl, first.body.token)).status).toBe(401);
    expect(await eventually(async () => (await me(otherUrl, first.body.token)).status, 401, 2000)).toBe(401);
    expect((await me(h.baseUrl, second.body.token)).status).toBe(200);
    expect(await h.count('sessions', 'user_id = ?', [u.id])).toBe(1);
  });

  it('keeps sessions absolute: a session expires at login time + TESSERA_SESSION_TTL_HOURS however much it is used', async () => {
    const u = await h.addUser();
    const res = await h.login({ email: u.email, password: PASSWORD, tenant: h.tenant.slug }, freshIp());
    await me(h.baseUrl, res.body.token);
    const [row] = await h.sql('SELECT expires_at FROM tessera_system.sessions WHERE user_id = ?', [u.id]);
    expect(new Date(row.expires_at).toISOString()).toBe(res.body.expiresAt);
    const hours = (Date.parse(res.body.expiresAt) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);
  });
});

describe('account lockout', () => {
  it('a success resets the count of failures', async () => {
    const u = await h.addUser();
    const attempt = (password: string) => h.login({ email: u.email, password, tenant: h.tenant.slug }, freshIp());
    expect((await attempt('wrong-one-1')).status).toBe(401);
    expect((await attempt('wrong-one-2')).status).toBe(401);
    expect((await lockoutRow(u.email, h.tenant.slug)).failures).toBe(2);
    expect((await attempt(PASSWORD)).status).toBe(200);
    expect(await lockoutRow(u.email, h.tenant.slug)).toBeUndefined();
    expect((await attempt('wrong-one-3')).status).toBe(401);
    expect((await attempt('wrong-one-4')).status).toBe(401);
    expect((await attempt(PASSWORD)).status).toBe(200);
  });

  it('a lock ends after its time and the count starts again', async () => {
    const u = await h.addUser();
    const attempt = (password: string) => h.login({ email: u.email, password, tenant: h.tenant.slug }, freshIp());
    for (let i = 0; i < 3; i++) expect((await attempt('wrong-one-1')).status).toBe(401);
    expect((await attempt(PASSWORD)).status).toBe(429);
    await h.sql(`UPDATE tessera_system.login_lockouts SET locked_until = now() - interval '1 second' WHERE key = ?`, [lockoutKey(u.email, h.tenant.slug)]);
    expect((await attempt('wrong-one-2')).status).toBe(401);
    expect((await lockoutRow(u.email, h.tenant.slug)).failures).toBe(1);
    expect((await attempt(PASSWORD)).status).toBe(200);
  });

  it('forgets failures further apart than the lock time', async () => {
    const u = await h.addUser();
    const attempt = (password: string) => h.login({ email: u.email, password, tenant: h.tenant.slug }, freshIp());
    expect((await attempt('wrong-one-1')).status).toBe(401);
    expect((await attempt('wrong-one-2')).status).toBe(401);
    await h.sql(`UPDATE tessera_system.login_lockouts SET last_attempt_at = now() - interval '16 minutes' WHERE key = ?`, [lockoutKey(u.email, h.tenant.slug)]);
    expect((await attempt('wrong-one-3')).status).toBe(401);
    expect((await attempt('wrong-one-4')).status).toBe(401);
    expect((await attempt(PASSWORD)).status).toBe(200);
  });

  it('counts per email and named organisation, case-insensitively', async () => {
    const u = await h.addUser();
    for (let i = 0; i < 3; i++) await h.login({ email: u.email.toUpperCase(), password: 'wrong-one-1', tenant: h.tenant.slug }, freshIp());
    expect((await h.login({ email: u.email, password: PASSWORD, tenant: h.tenant.slug }, freshIp())).status).toBe(429);
    // The same email without an organisation is another key (the email is unique, so it signs in).
    expect((await h.login({ email: u.email, password: PASSWORD }, freshIp())).status).toBe(200);
  });

  it('is shared by two processes: failures on either count towards one lock', async () => {
    const u = await h.addUser();
    const body = (password: string) => ({ email: u.email, password, tenant: h.tenant.slug });
    expect((await h.login(body('wrong-one-1'), freshIp())).status).toBe(401);
    expect((await call(otherUrl, 'POST', '/auth/login', body('wrong-one-2'), { 'x-forwarded-for': freshIp() })).status).toBe(401);
    expect((await h.login(body('wrong-one-3'), freshIp())).status).toBe(401);
    expect((await call(otherUrl, 'POST', '/auth/login', body(PASSWORD), { 'x-forwarded-for': freshIp() })).status).toBe(429);
    expect((await h.login(body(PASSWORD), freshIp())).status).toBe(429);
  });
});

describe('an email used in several organisations', () => {
  it('signs in without naming the organisation when the password is right in only one of them', async () => {
    const db = h.server.services.db;
    const second = await createTenant(db, uniqueSlug('hardtwo'), 'Second');
    try {
      const email = `twice-${second.slug}@example.test`;
      const here = await createUser(db, h.tenant.id, { email, password: PASSWORD });
      const there = await createUser(db, second.id, { email, password: 'Another-secret-88' });
      const res = await h.login({ email, password: 'Another-secret-88' }, freshIp());
      expect(res.status).toBe(200);
      expect((await me(h.baseUrl, res.body.token)).body).toMatchObject({ id: there.id, tenant: second.slug });
      // A wrong password is one failed attempt, shown to the admins of both organisations.
      expect((await h.login({ email, password: 'wrong-one-1' }, freshIp())).status).toBe(401);
      const events = await h.sql('SELECT tenant_id, user_id, reason FROM tessera_system.login_events WHERE email = ? AND NOT success ORDER BY tenant_id = ?', [email, h.tenant.id]);
      expect(events).toEqual([
        { tenant_id: second.id, user_id: there.id, reason: 'wrong_password' },
        { tenant_id: h.tenant.id, user_id: here.id, reason: 'wrong_password' },
      ]);
    } finally {
      await dropTenant(db, second.slug);
    }
  });
});

describe('per-IP sign-in limit', () => {
  it('does not count successful sign-ins', async () => {
    const u = await h.addUser();
    const ip = freshIp();
    for (let i = 0; i < 6; i++) expect((await h.login({ email: u.email, password: PASSWORD, tenant: h.tenant.slug }, ip)).status).toBe(200);
  });

  it('opens again when the window has passed', async () => {
    const u = await h.addUser();
    const ip = freshIp();
    for (let i = 0; i < 4; i++) expect((await h.login({ email: `nobody${i}@${h.tenant.slug}.test`, password: 'wrong-one-1' }, ip)).status).toBe(401);
    expect((await h.login({ email: u.email, password: PASSWORD, tenant: h.tenant.slug }, ip)).status).toBe(429);
    await h.sql(`UPDATE tessera_system.login_rate_limits SET reset_at = now() - interval '1 second' WHERE key = ?`, [`login:${ip}`]);
    expect((await h.login({ email: u.email, password: PASSWORD, tenant: h.tenant.slug }, ip)).status).toBe(200);
  });

  it('is shared by two processes', async () => {
    const u = await h.addUser();
    const ip = freshIp();
    const wrong = (i: number) => ({ email: `nobody${i}@${h.tenant.slug}.test`, password: 'wrong-one-1' });
    expect((await h.login(wrong(1), ip)).status).toBe(401);
    expect((await call(otherUrl, 'POST', '/auth/login', wrong(2), { 'x-forwarded-for': ip })).status).toBe(401);
    expect((await h.login(wrong(3), ip)).status).toBe(401);
    expect((await call(otherUrl, 'POST', '/auth/login', wrong(4), { 'x-forwarded-for': ip })).status).toBe(401);
    const body = { email: u.email, password: PASSWORD, tenant: h.tenant.slug };
    expect((await call(otherUrl, 'POST', '/auth/login', body, { 'x-forwarded-for': ip })).status).toBe(429);
    expect((await h.login(body, ip)).status).toBe(429);
    expect((await h.login(body, freshIp())).status).toBe(200);
  });
});

describe('login events', () => {
  it('records every attempt with its outcome, address and user agent', async () => {
    const u = await h.addUser();
    const ip = freshIp();
    const ua = { 'user-agent': 'hardening-test/1.0' };
    await h.login({ email: u.email, password: 'wrong-one-1', tenant: h.tenant.slug }, ip, ua);
    await h.login({ email: u.email, password: PASSWORD, tenant: h.tenant.slug }, ip, ua);
    const ghost = `ghost@${h.tenant.slug}.test`;
    await h.login({ email: ghost, password: 'wrong-one-1', tenant: h.tenant.slug }, ip, ua);
    const rows = await h.sql('SELECT tenant_id, user_id, email, success, reason, ip, user_agent FROM tessera_system.login_events WHERE email IN (?, ?) ORDER BY id', [u.email, ghost]);
    const common = { tenant_id: h.tenant.id, ip, user_agent: 'hardening-test/1.0' };
    expect(rows).toEqual([
      { ...common, user_id: u.id, email: u.email, success: false, reason: 'wrong_password' },
      { ...common, user_id: u.id, email: u.email, success: true, reason: 'ok' },
      { ...common, user_id: null, email: ghost, success: false, reason: 'unknown_user' },
    ]);
  });

  it('shows the organisation\'s events to its admins, newest first, filtered and paged', async () => {
    const u = await h.addUser();
    await h.login({ email: u.email, password: 'wrong-one-1', tenant: h.tenant.slug }, freshIp());
    await h.login({ email: u.email, password: PASSWORD, tenant: h.tenant.slug }, freshIp());
    await h.login({ email: u.email, password: 'wrong-one-2', tenant: h.tenant.slug }, freshIp(), { 'user-agent': 'paging' });

    const all = await admin.get(`/admin/audit/logins?userId=${u.id}`);
    expect(all.status).toBe(200);
    expect(all.body.events.map((e: { reason: string }) => e.reason)).toEqual(['wrong_password', 'ok', 'wrong_password']);
    expect(all.body.events[0]).toEqual({ id: expect.any(String), userId: u.id, email: u.email, success: false, reason: 'wrong_password', ip: expect.stringMatching(/^10\./), userAgent: 'paging', at: expect.any(String) });
    expect(all.body.nextCursor).toBeNull();

    const failed = await admin.get(`/admin/audit/logins?userId=${u.id}&success=false`);
    expect(failed.body.events.map((e: { success: boolean }) => e.success)).toEqual([false, false]);
    const succeeded = await admin.get(`/admin/audit/logins?userId=${u.id}&success=true`);
    expect(succeeded.body.events.map((e: { reason: string }) => e.reason)).toEqual(['ok']);

    const page1 = await admin.get(`/admin/audit/logins?userId=${u.id}&limit=2`);
    expect(page1.body.events).toEqual(all.body.events.slice(0, 2));
    expect(page1.body.nextCursor).toBe(all.body.events[1].id);
    const page2 = await admin.get(`/admin/audit/logins?userId=${u.id}&limit=2&before=${page1.body.nextCursor}`);
    expect(page2.body).toEqual({ events: all.body.events.slice(2), nextCursor: null });

    const latest = await admin.get('/admin/audit/logins?limit=500');
    expect(latest.body.events.length).toBeGreaterThanOrEqual(3);
    const ids = latest.body.events.map((e: { id: string }) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('shows an admin only their own organisation\'s events', async () => {
    const db = h.server.services.db;
    const elsewhere = await createTenant(db, uniqueSlug('hardelse'), 'Elsewhere');
    try {
      const email = `someone@${elsewhere.slug}.test`;
      const user = await createUser(db, elsewhere.id, { email, password: PASSWORD });
      expect((await h.login({ email, password: PASSWORD, tenant: elsewhere.slug }, freshIp())).status).toBe(200);
      // An unknown email naming no organisation belongs to none.
      const stray = `stray@${h.tenant.slug}.test`;
      await h.login({ email: stray, password: 'wrong-one-1' }, freshIp());
      expect((await h.sql('SELECT tenant_id FROM tessera_system.login_events WHERE email = ?', [stray]))[0].tenant_id).toBeNull();
      const seen = await admin.get('/admin/audit/logins?limit=500');
      const emails = seen.body.events.map((e: { email: string }) => e.email);
      expect(emails).not.toContain(email);
      expect(emails).not.toContain(stray);
      expect((await admin.get(`/admin/audit/logins?userId=${user.id}`)).body.events).toEqual([]);
    } finally {
      await dropTenant(db, elsewhere.slug);
    }
  });
});

describe('password changes', () => {
  it('changes the own password: the old one stops working, the other sessions end in every process, this one stays', async () => {
    const u = await h.addUser();
    const mine = await h.signIn(u.email);
    const second = await h.signIn(u.email);
    const elsewhere = await h.signIn(u.email);
    expect((await second.get('/auth/me')).status).toBe(200); // cached by this process
    expect((await me(otherUrl, elsewhere.token!)).status).toBe(200); // cached by the other process
    const res = await mine.post('/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.status).toBe(204);
    expect((await mine.get('/auth/me')).status).toBe(200);
    expect((await second.get('/auth/me')).status).toBe(401);
    expect(await eventually(async () => (await me(otherUrl, elsewhere.token!)).status, 401, 2000)).toBe(401);
    expect(await h.count('sessions', 'user_id = ?', [u.id])).toBe(1);
    expect((await h.login({ email: u.email, password: PASSWORD, tenant: h.tenant.slug }, freshIp())).status).toBe(401);
    expect((await h.login({ email: u.email, password: NEW_PASSWORD, tenant: h.tenant.slug }, freshIp())).status).toBe(200);
  });

  it('changes it through the cookie session with the CSRF token', async () => {
    const u = await h.addUser();
    const res = await h.login({ email: u.email, password: PASSWORD, tenant: h.tenant.slug }, freshIp());
    const cookie = cookiePair(res.cookies.tessera_session!);
    const changed = await call(h.baseUrl, 'POST', '/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, { cookie, 'x-csrf-token': res.body.csrfToken });
    expect(changed.status).toBe(204);
    expect((await call(h.baseUrl, 'GET', '/auth/me', undefined, { cookie })).status).toBe(200);
  });

  it('lets an API token change its user\'s password (with the current one), ending all of the user\'s sessions', async () => {
    const u = await h.addUser();
    const session = await h.signIn(u.email);
    const { body } = await admin.post('/admin/tokens', { name: 'self-service', userId: u.id });
    const api = new ApiClient(h.baseUrl, body.token);
    expect((await api.post('/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204);
    expect((await session.get('/auth/me')).status).toBe(401);
    expect((await api.get('/auth/me')).status).toBe(200);
  });

  it('setUserPassword (an admin reset) applies the policy and ends every session of the user', async () => {
    const u = await h.addUser();
    const session = await h.signIn(u.email);
    expect((await session.get('/auth/me')).status).toBe(200); // cached
    await setUserPassword(h.server.services.db, h.tenant.id, u.id, 'Reset-by-admin-77');
    // The notification evicts it from every process's cache (routes also evict locally, at once).
    expect(await eventually(async () => (await session.get('/auth/me')).status, 401, 2000)).toBe(401);
    expect(await h.count('sessions', 'user_id = ?', [u.id])).toBe(0);
    expect((await h.login({ email: u.email, password: 'Reset-by-admin-77', tenant: h.tenant.slug }, freshIp())).status).toBe(200);
  });
});

describe('users get policy-abiding passwords', () => {
  it('creates a user whose password passes the policy', async () => {
    const res = await admin.post('/admin/users', { email: `fine@${h.tenant.slug}.test`, password: 'Quiet-river-88' });
    expect(res.status).toBe(201);
  });
});
