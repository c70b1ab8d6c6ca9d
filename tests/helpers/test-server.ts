import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../engine/core/config';
import { createLogger } from '../../engine/core/logger';
import { startServer, createServices, type RunningServer } from '../../engine/server';
import { createTenant, dropTenant, type Tenant } from '../../engine/tenants/tenants';
import { createUser } from '../../engine/tenants/users';
import { runSql } from '../../engine/db/knex';
import type { RawObjectDef } from '../../engine/shared/metadata-types';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A tiny client for the API of one test server. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  as(token: string): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.token) h.authorization = `Bearer ${this.token}`;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, { method, headers: h, body: payload });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(path: string, headers?: Record<string, string>) => this.request<T>('GET', path, undefined, headers);
  post = <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => this.request<T>('POST', path, body, headers);
  put = <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => this.request<T>('PUT', path, body, headers);
  patch = <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => this.request<T>('PATCH', path, body, headers);
  delete = <T = any>(path: string, headers?: Record<string, string>) => this.request<T>('DELETE', path, undefined, headers);

  /** PUT an object definition and fail loudly if it is refused. */
  async defineObject(def: RawObjectDef, query = ''): Promise<{ version: number; plan: any[] }> {
    const res = await this.put(`/metadata/objects/${def.name}${query}`, def);
    if (res.status !== 200) throw new Error(`defineObject ${def.name}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
}

export interface TestTenant {
  server: RunningServer;
  tenant: Tenant;
  admin: ApiClient;
  adminId: string;
  anonymous: ApiClient;
  /** Runs SQL against the test database (to look behind the API); rows as plain objects. */
  sql(text: string, params?: readonly unknown[]): Promise<any[]>;
  /** Signs in a new non-admin user of this tenant. */
  newUser(isAdmin?: boolean): Promise<{ client: ApiClient; id: string; email: string }>;
  close(): Promise<void>;
}

/** The password of every user startTestTenant creates. */
export const TEST_PASSWORD = 'correct-horse-battery';

export const databaseUrl = () => inject('databaseUrl');
export const uniqueSlug = (prefix: string) => `${prefix}_${randomBytes(4).toString('hex')}`;

/** A client of the server listening on `port`, signed in as nobody. */
export const anonymousClient = (port: number) => new ApiClient(`http://127.0.0.1:${port}`);

/**
 * A server on a random port over the test database (`overrides` on top of the
 * defaults). A second one beside a test tenant's stands for another process of
 * the same deployment: its own caches, limiter and notification listener.
 */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<RunningServer> {
  const config: Config = { ...loadConfig({}), port: 0, databaseUrl: databaseUrl(), logLevel: 'fatal', ...overrides };
  return startServer(config, await createServices(config, createLogger('fatal')));
}

/** A server on a random port over the test database, with a fresh tenant and a signed-in admin. */
export async function startTestTenant(prefix = 't'): Promise<TestTenant> {
  const server = await startTestServer();
  const db = server.services.db;
  const tenant = await createTenant(db, uniqueSlug(prefix), 'Test organisation');
  const anonymous = anonymousClient(server.port);
  const signIn = async (email: string) => {
    const res = await anonymous.post('/auth/login', { email, password: TEST_PASSWORD, tenant: tenant.slug });
    if (res.status !== 200) throw new Error(`login failed: ${JSON.stringify(res.body)}`);
    return anonymous.as(res.body.token);
  };
  const adminEmail = `admin@${tenant.slug}.test`;
  const adminUser = await createUser(db, tenant.id, { email: adminEmail, password: TEST_PASSWORD, isAdmin: true });
  const admin = await signIn(adminEmail);
  let n = 0;
  return {
    server,
    tenant,
    admin,
    adminId: adminUser.id,
    anonymous,
    sql: (text, params = []) => runSql(db, text, params),
    async newUser(isAdmin = false) {
      const email = `user${++n}@${tenant.slug}.test`;
      const u = await createUser(db, tenant.id, { email, password: TEST_PASSWORD, isAdmin });
      return { client: await signIn(email), id: u.id, email };
    },
    async close() {
      await dropTenant(db, tenant.slug);
      await server.close();
    },
  };
}
