import { randomInt } from 'node:crypto';
import type { Config } from '../../../engine/core/config';
import { runSql } from '../../../engine/db/knex';
import { SYSTEM_SCHEMA } from '../../../engine/db/system-migrations';
import type { RunningServer } from '../../../engine/server';
import { createTenant, dropTenant, type Tenant } from '../../../engine/tenants/tenants';
import { createUser } from '../../../engine/tenants/users';
import { ApiClient, startTestServer, uniqueSlug } from '../../helpers/test-server';

/** The password of every user made here. */
export const PASSWORD = 'correct-horse-battery';

/** Small limits, and X-Forwarded-For believed from loopback so each test can be its own client IP. */
export const HARDENED: Partial<Config> = { loginMaxFailures: 3, loginLockoutMinutes: 15, loginRateLimit: 4, loginRateWindowMinutes: 5, trustProxy: 'loopback' };

/** A client address nobody else in the run uses (the per-IP limit is shared by the whole database). */
export const freshIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

export interface RawAnswer {
  status: number;
  body: any;
  headers: Headers;
  /** The Set-Cookie headers, by cookie name. */
  cookies: Record<string, string>;
}

/** fetch with JSON in and out, keeping Set-Cookie headers apart. */
export async function call(baseUrl: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const cookies: Record<string, string> = {};
  for (const c of res.headers.getSetCookie()) cookies[c.slice(0, c.indexOf('='))] = c;
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers, cookies };
}

/** `name=value` of a Set-Cookie header, for a Cookie header. */
export const cookiePair = (setCookie: string) => setCookie.split(';')[0]!;

export interface HardenedTenant {
  server: RunningServer;
  baseUrl: string;
  tenant: Tenant;
  sql(text: string, params?: readonly unknown[]): Promise<any[]>;
  /** A new user of the tenant (password PASSWORD); its email is unique in the run. */
  addUser(isAdmin?: boolean): Promise<{ id: string; email: string }>;
  /** POST /auth/login from `ip`. */
  login(body: Record<string, unknown>, ip: string, headers?: Record<string, string>): Promise<RawAnswer>;
  /** Signs a user in and answers a bearer client. */
  signIn(email: string): Promise<ApiClient>;
  count(table: string, where?: string, params?: readonly unknown[]): Promise<number>;
  close(): Promise<void>;
}

/** A server over the test database with `overrides` (default HARDENED) and a fresh tenant. */
export async function startHardenedTenant(prefix: string, overrides: Partial<Config> = HARDENED): Promise<HardenedTenant> {
  const server = await startTestServer(overrides);
  const db = server.services.db;
  const tenant = await createTenant(db, uniqueSlug(prefix), 'Hardening organisation');
  const baseUrl = `http://127.0.0.1:${server.port}`;
  let n = 0;
  const h: HardenedTenant = {
    server,
    baseUrl,
    tenant,
    sql: (text, params = []) => runSql(db, text, params),
    async addUser(isAdmin = false) {
      const email = `person${++n}@${tenant.slug}.test`;
      const u = await createUser(db, tenant.id, { email, password: PASSWORD, isAdmin });
      return { id: u.id, email };
    },
    login: (body, ip, headers = {}) => call(baseUrl, 'POST', '/auth/login', body, { 'x-forwarded-for': ip, ...headers }),
    async signIn(email) {
      const res = await h.login({ email, password: PASSWORD, tenant: tenant.slug }, freshIp());
      if (res.status !== 200) throw new Error(`login failed: ${JSON.stringify(res.body)}`);
      return new ApiClient(baseUrl, res.body.token);
    },
    async count(table, where = 'true', params = []) {
      return Number((await runSql<{ n: string }>(db, `SELECT count(*) AS n FROM ${SYSTEM_SCHEMA}.${table} WHERE ${where}`, params))[0]!.n);
    },
    async close() {
      await dropTenant(db, tenant.slug);
      await server.close();
    },
  };
  return h;
}
