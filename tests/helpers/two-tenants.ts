import type { Express } from 'express';
import { createTenant, dropTenant, type Tenant } from '../../engine/tenants/tenants';
import { createUser } from '../../engine/tenants/users';
import type { RunningServer } from '../../engine/server';
import type { RawField, RawObjectDef } from '../../engine/shared/metadata-types';
import { ApiClient, startTestTenant, uniqueSlug } from './test-server';

/** The password of every user the fixture creates. */
export const FIXTURE_PASSWORD = 'correct-horse-battery';

/** A signed-in caller: the client and the raw secret behind it (to forge variants of it). */
export interface Caller {
  client: ApiClient;
  secret: string;
}

/** One organisation as the isolation suite sees it: an admin and a non-admin user (sessions) and the admin's API token. */
export interface TenantSide {
  tenant: Tenant;
  admin: Caller & { id: string; email: string };
  user: Caller & { id: string; email: string };
  token: Caller & { id: string };
}

/** Two organisations served by one process, so that the only thing telling them apart is the caller's session or token. */
export interface TwoTenants {
  server: RunningServer;
  anonymous: ApiClient;
  a: TenantSide;
  b: TenantSide;
  sql(text: string, params?: readonly unknown[]): Promise<any[]>;
  /** Opens a session through POST /auth/login (fails loudly if refused). */
  signIn(email: string, tenantSlug: string): Promise<Caller>;
  close(): Promise<void>;
}

async function apiToken(admin: ApiClient, userId: string, name: string): Promise<Caller & { id: string }> {
  const res = await admin.post('/admin/tokens', { name, userId });
  if (res.status !== 201) throw new Error(`token ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  return { client: admin.as(res.body.token), secret: res.body.token, id: res.body.id };
}

/** Tenant A comes from startTestTenant; tenant B is created on the same server and database. */
export async function startTwoTenants(prefix: string): Promise<TwoTenants> {
  const t = await startTestTenant(`${prefix}a`);
  const db = t.server.services.db;
  const signIn = async (email: string, tenantSlug: string): Promise<Caller> => {
    const res = await t.anonymous.post('/auth/login', { email, password: FIXTURE_PASSWORD, tenant: tenantSlug });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    return { client: t.anonymous.as(res.body.token), secret: res.body.token };
  };
  const side = async (tenant: Tenant, admin: Caller & { id: string; email: string }): Promise<TenantSide> => {
    const email = `user@${tenant.slug}.test`;
    const u = await createUser(db, tenant.id, { email, password: FIXTURE_PASSWORD });
    const user = { ...(await signIn(email, tenant.slug)), id: u.id, email };
    return { tenant, admin, user, token: await apiToken(admin.client, admin.id, `${tenant.slug} admin token`) };
  };

  const aAdminEmail = `admin@${t.tenant.slug}.test`;
  const a = await side(t.tenant, { client: t.admin, secret: t.admin.token!, id: t.adminId, email: aAdminEmail });
  const bTenant = await createTenant(db, uniqueSlug(`${prefix}b`), 'Other organisation');
  try {
    const bAdminEmail = `admin@${bTenant.slug}.test`;
    const bAdmin = await createUser(db, bTenant.id, { email: bAdminEmail, password: FIXTURE_PASSWORD, isAdmin: true });
    const b = await side(bTenant, { ...(await signIn(bAdminEmail, bTenant.slug)), id: bAdmin.id, email: bAdminEmail });
    return {
      server: t.server,
      anonymous: t.anonymous,
      a,
      b,
      sql: t.sql,
      signIn,
      async close() {
        await dropTenant(db, bTenant.slug);
        await t.close();
      },
    };
  } catch (e) {
    await dropTenant(db, bTenant.slug);
    await t.close();
    throw e;
  }
}

/* ----------------------------------------------------------------------------
 * Route inventory: every method + path the Express app answers.
 * ------------------------------------------------------------------------- */

interface RouterLayer {
  name: string;
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: RouterLayer[] };
}

const joinPath = (prefix: string, path: string) => {
  const p = `${prefix}/${path}`.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
  return p || '/';
};

function pathOf(layer: RouterLayer, what: unknown): string {
  if (typeof what !== 'string') throw new Error(`route inventory: layer "${layer.name}" has a non-string path ${String(what)}; list its routes by hand`);
  return what;
}

function walk(stack: RouterLayer[], prefix: string, out: Set<string>): void {
  for (const layer of stack) {
    if (layer.route) {
      const path = joinPath(prefix, pathOf(layer, layer.route.path));
      for (const m of Object.keys(layer.route.methods)) out.add(`${m === '_all' ? 'ALL' : m.toUpperCase()} ${path}`);
    } else if (layer.handle?.stack) {
      walk(layer.handle.stack, joinPath(prefix, pathOf(layer, layer.rawPath ?? '/')), out);
    }
  }
}

/**
 * "METHOD /path/:param" for every route registered on the app and its nested
 * routers (Express 5: app.router.stack; a mounted router keeps its mount path
 * in layer.rawPath), sorted.
 */
export function listRoutes(app: Express): string[] {
  const router = (app as unknown as { router?: { stack?: RouterLayer[] } }).router;
  if (!router?.stack) throw new Error('route inventory: app.router.stack is missing (not Express 5?)');
  const out = new Set<string>();
  walk(router.stack, '', out);
  return [...out].sort();
}

/* ----------------------------------------------------------------------------
 * A snapshot of everything one organisation has in the database.
 * ------------------------------------------------------------------------- */

type Sql = TwoTenants['sql'];

/** Every row of a table as text, sorted: equal snapshots mean byte-for-byte equal contents. */
const tableRows = (schema: string, table: string) =>
  `SELECT count(*)::int AS n, coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '') AS rows FROM "${schema}"."${table}" x`;

const SYSTEM_ROWS: Record<string, string> = {
  tenants: `SELECT x::text AS r FROM tessera_system.tenants x WHERE x.id = ?`,
  users: `SELECT x::text AS r FROM tessera_system.users x WHERE x.tenant_id = ?`,
  sessions: `SELECT x::text AS r FROM tessera_system.sessions x JOIN tessera_system.users u ON u.id = x.user_id WHERE u.tenant_id = ?`,
  api_tokens: `SELECT x::text AS r FROM tessera_system.api_tokens x WHERE x.tenant_id = ?`,
  login_events: `SELECT x::text AS r FROM tessera_system.login_events x WHERE x.tenant_id = ?`,
  login_lockouts: `SELECT x::text AS r FROM tessera_system.login_lockouts x
    WHERE split_part(x.key, '|', 2) = (SELECT lower(slug) FROM tessera_system.tenants WHERE id = ?)
       OR split_part(x.key, '|', 1) IN (SELECT lower(email) FROM tessera_system.users WHERE tenant_id = ?)`,
};

const CATALOG: Record<string, string> = {
  columns: `SELECT table_name || '.' || column_name || ':' || data_type || ':' || coalesce(column_default, '') AS r FROM information_schema.columns WHERE table_schema = ?`,
  indexes: `SELECT indexdef AS r FROM pg_indexes WHERE schemaname = ?`,
  functions: `SELECT p.proname || ':' || md5(pg_get_functiondef(p.oid)) AS r FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ?`,
  triggers: `SELECT c.relname || '.' || t.tgname || ':' || t.tgenabled::text AS r FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND NOT t.tgisinternal`,
  sequences: `SELECT sequencename || ':' || coalesce(last_value::text, '-') AS r FROM pg_sequences WHERE schemaname = ?`,
};

/**
 * `table:<name>` for each table of the tenant's schema (all rows), its
 * catalog (columns, indexes, functions, triggers, sequences) and `system:<table>`
 * for its rows in tessera_system (tenant, users, sessions, tokens, sign-in events, lock-outs).
 */
export async function snapshotTenant(sql: Sql, tenant: Tenant): Promise<Record<string, string>> {
  const snap: Record<string, string> = {};
  const tables = await sql(`SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name`, [tenant.schema]);
  const lines = (rows: { r: string }[]) => rows.map((x) => x.r).sort().join('\n');
  await Promise.all([
    ...tables.map(async ({ table_name }: { table_name: string }) => {
      const [r] = await sql(tableRows(tenant.schema, table_name));
      snap[`table:${table_name}`] = `${r.n} rows\n${r.rows}`;
    }),
    ...Object.entries(CATALOG).map(async ([key, text]) => {
      snap[`catalog:${key}`] = lines(await sql(text, [tenant.schema]));
    }),
    ...Object.entries(SYSTEM_ROWS).map(async ([key, text]) => {
      snap[`system:${key}`] = lines(await sql(text, text.split('?').slice(1).map(() => tenant.id)));
    }),
  ]);
  return Object.fromEntries(Object.entries(snap).sort(([x], [y]) => x.localeCompare(y)));
}

/** The keys whose contents differ between two snapshots. */
export function changedKeys(before: Record<string, string>, after: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => before[k] !== after[k]).sort();
}

/* ----------------------------------------------------------------------------
 * The data both organisations hold, and what of it only B has.
 * ------------------------------------------------------------------------- */

/** Names only B has: security model entries, an object, a value set, and a field and list view on B's deal. */
export const B_NAMES = { role: 'b_secret_role', dept: 'b_secret_dept', permSet: 'b_secret_perms', rule: 'b_secret_rule', object: 'bvault', valueSet: 'b_vault_colours', view: 'b_secret_view', field: 'b_secret_field' } as const;

/** `company`, in both tenants; with `deal_total`, a roll-up of its deals' amounts. */
export const companyDef = (rollup: boolean): RawObjectDef => ({
  name: 'company',
  label: 'Company',
  fields: [
    { name: 'region', type: 'text', label: 'Region' },
    ...(rollup ? [{ name: 'deal_total', type: 'rollup', label: 'Deal total', options: { relation: 'deal.account', function: 'sum', field: 'amount' } } as RawField] : []),
  ],
});

/** `deal`, in both tenants; B's (`secret`) has one field and one list view more. */
export const dealDef = (secret: boolean): RawObjectDef => ({
  name: 'deal',
  label: 'Deal',
  fields: [
    { name: 'account', type: 'lookup', label: 'Account', options: { target: 'company', onDelete: 'restrict' } },
    { name: 'amount', type: 'currency', label: 'Amount' },
    { name: 'note', type: 'text', label: 'Note' },
    ...(secret ? [{ name: B_NAMES.field, type: 'text', label: 'B secret' } as RawField] : []),
  ],
  ...(secret ? { listViews: [{ name: B_NAMES.view, label: 'B view', filter: { '==': [{ var: 'note' }, 'B-SECRET-NOTE'] } }] } : {}),
});

/** Ids of what `seedTwoTenants` created; every text of B's records contains "B-SECRET". */
export interface IsolationData {
  a: { companyId: string; dealId: string; roleId: string; deptId: string; ruleId: string; maxVersion: number; expiredSession: string; revokedToken: string };
  b: { companyId: string; dealIds: string[]; vaultId: string; roleId: string; deptId: string; ruleId: string; revokedTokenId: string; revokedToken: string; maxVersion: number; cursor: string; expiredSession: string };
}

async function must(res: Promise<{ status: number; body: any }>, status: number): Promise<any> {
  const r = await res;
  if (r.status !== status) throw new Error(`seed: expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** The same objects in both tenants, plus an object and a value set only B has; B ends on a later metadata version than A. */
async function seedMetadata(f: TwoTenants, side: TenantSide, isB: boolean): Promise<number> {
  const admin = side.admin.client;
  await admin.defineObject(companyDef(false));
  await admin.defineObject(dealDef(isB));
  await admin.defineObject(companyDef(true));
  if (isB) await admin.defineObject({ name: B_NAMES.object, label: 'Vault', fields: [{ name: 'secret', type: 'text', label: 'Secret' }] });
  const vs = isB ? B_NAMES.valueSet : 'a_colours';
  await must(admin.put(`/metadata/value-sets/${vs}`, { name: vs, label: 'Colours', values: [{ value: 'red', label: 'Red' }] }), 200);
  return (await f.sql(`SELECT max(version)::int AS v FROM "${side.tenant.schema}"._meta_versions`))[0].v;
}

/** A session that was never used (so no process caches it), then expired in the database. */
async function expiredSession(f: TwoTenants, side: TenantSide): Promise<string> {
  const { secret } = await f.signIn(side.user.email, side.tenant.slug);
  await f.sql(`UPDATE tessera_system.sessions SET expires_at = now() - interval '1 minute' WHERE token_hash = encode(sha256(?::bytea), 'hex')`, [secret]);
  return secret;
}

async function revokedToken(side: TenantSide): Promise<{ id: string; token: string }> {
  const t = await must(side.admin.client.post('/admin/tokens', { name: 'revoked', userId: side.admin.id }), 201);
  await must(side.admin.client.delete(`/admin/tokens/${t.id}`), 204);
  return t;
}

async function seedB(f: TwoTenants): Promise<IsolationData['b']> {
  const admin = f.b.admin.client;
  const maxVersion = await seedMetadata(f, f.b, true);
  const companyId = (await must(admin.post('/records/company', { name: 'B-SECRET-COMPANY', region: 'B-SECRET-REGION' }), 201)).id;
  const dealIds: string[] = [];
  for (const [name, amount] of [['B-SECRET-DEAL-1', 100], ['B-SECRET-DEAL-2', 50]] as const) {
    dealIds.push((await must(admin.post('/records/deal', { name, amount, account: companyId, note: 'B-SECRET-NOTE', [B_NAMES.field]: 'B-SECRET-FIELD' }), 201)).id);
  }
  const vaultId = (await must(admin.post(`/records/${B_NAMES.object}`, { name: 'B-SECRET-VAULT', secret: 'B-SECRET-VALUE' }), 201)).id;
  // A stale roll-up: a recompute that reached into B would repair it.
  await f.sql(`UPDATE "${f.b.tenant.schema}".company SET deal_total = 777`);
  const roleId = (await must(admin.post('/admin/roles', { name: B_NAMES.role, label: 'B role' }), 201)).id;
  const deptId = (await must(admin.post('/admin/departments', { name: B_NAMES.dept, label: 'B department' }), 201)).id;
  await must(admin.post('/admin/permission-sets', { name: B_NAMES.permSet, label: 'B set', objects: { deal: { read: true } } }), 201);
  const criteria = { '==': [{ var: 'note' }, 'B-SECRET-NOTE'] };
  const ruleId = (await must(admin.post('/admin/sharing-rules', { object: 'deal', name: B_NAMES.rule, criteria, shareWith: { kind: 'role', id: roleId }, access: 'read' }), 201)).id;
  await must(admin.patch(`/admin/users/${f.b.user.id}`, { roleId, departmentId: deptId, permissionSets: ['standard', B_NAMES.permSet] }), 200);
  await must(admin.post(`/records/deal/${dealIds[0]}/team`, { userId: f.b.user.id, access: 'read' }), 201);
  await must(admin.post(`/records/deal/${dealIds[1]}/share`, { kind: 'department', id: deptId, access: 'edit' }), 201);
  const revoked = await revokedToken(f.b);
  const cursor = (await must(admin.get('/records/deal?limit=1&sort=name'), 200)).nextCursor;
  return { companyId, dealIds, vaultId, roleId, deptId, ruleId, revokedTokenId: revoked.id, revokedToken: revoked.token, maxVersion, cursor, expiredSession: await expiredSession(f, f.b) };
}

async function seedA(f: TwoTenants): Promise<IsolationData['a']> {
  const admin = f.a.admin.client;
  const maxVersion = await seedMetadata(f, f.a, false);
  const companyId = (await must(admin.post('/records/company', { name: 'A-company' }), 201)).id;
  const dealId = (await must(admin.post('/records/deal', { name: 'A-deal', amount: 5, account: companyId }), 201)).id;
  const roleId = (await must(admin.post('/admin/roles', { name: 'a_role', label: 'A role' }), 201)).id;
  const deptId = (await must(admin.post('/admin/departments', { name: 'a_dept', label: 'A department' }), 201)).id;
  const criteria = { '==': [{ var: 'note' }, 'x'] };
  const ruleId = (await must(admin.post('/admin/sharing-rules', { object: 'deal', name: 'a_rule', criteria, shareWith: { kind: 'role', id: roleId }, access: 'read' }), 201)).id;
  const revoked = await revokedToken(f.a);
  return { companyId, dealId, roleId, deptId, ruleId, maxVersion, revokedToken: revoked.token, expiredSession: await expiredSession(f, f.a) };
}

/**
 * Gives both organisations records, a security model, tokens (one revoked),
 * an expired session and metadata versions, through the API. Uses neither
 * A's API token nor B's, so their last-use stamps stay untouched.
 */
export async function seedTwoTenants(f: TwoTenants): Promise<IsolationData> {
  const b = await seedB(f);
  return { b, a: await seedA(f) };
}

/* ----------------------------------------------------------------------------
 * Raw HTTP, for credentials and headers the ApiClient would not send.
 * ------------------------------------------------------------------------- */

export interface Answer {
  status: number;
  body: any;
  text: string;
}

/** One request to the fixture's server; `path` is absolute ("/api/v1/...", or "/"). */
export async function send(f: TwoTenants, method: string, path: string, opts: { secret?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.secret !== undefined) headers.authorization ??= `Bearer ${opts.secret}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`http://127.0.0.1:${f.server.port}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, text };
}

/* ----------------------------------------------------------------------------
 * Probes: a request to one route and what its answer must be.
 * ------------------------------------------------------------------------- */

/** Who sends a probe: an organisation's admin or non-admin user (sessions), or the admin's API token. */
export type Actor = 'admin' | 'user' | 'token';

type Check = (body: any, actor: Actor) => Promise<string | void> | string | void;

/** What an answer must be: an error with (one of) these statuses and codes, or a success `check` finds nothing wrong with. */
export type Expectation = { status: number | number[]; code: string | string[] } | { status: 200 | 201 | 204; check?: Check };

export interface Probe {
  /** Absolute, with the query string. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  expect: Expectation | ((actor: Actor) => Expectation);
  /** Texts the caller's organisation legitimately holds that may contain the other's markers (e.g. an email someone typed when signing in). */
  mayShow?: () => Promise<string[]>;
  /** Undoes what a successful probe wrote, so the next actor starts from the same state. */
  undo?: (a: Answer) => Promise<unknown>;
}

/** The probes of one route. */
export interface RouteProbes {
  /** Non-admins are refused with 403 AUTH_FORBIDDEN before anything else. */
  admin?: boolean;
  /** Actors to send as (default all three). */
  actors?: Actor[];
  probes: () => Promise<Probe[]> | Probe[];
  /** The credential to send as instead of the actor's usual one (e.g. a throwaway session for logout). */
  secret?: (actor: Actor) => Promise<string>;
}

export const err = (status: number | number[], code: string | string[]): Expectation => ({ status, code });
export const nf = (code: string) => err(404, code);
export const bad = (code: string | string[]) => err(400, code);
export const ok = (check?: Check, status: 200 | 201 | 204 = 200): Expectation => ({ status, ...(check ? { check } : {}) });
export const adminOr = (e: Expectation, forUser: Expectation) => (actor: Actor) => (actor === 'user' ? forUser : e);
const FORBIDDEN = err(403, 'AUTH_FORBIDDEN');

const patternOf = (route: string) => new RegExp(`^${route.split(' ')[1]!.replace(/:[a-zA-Z]+/g, '[^/]+').replace(/\{\*[a-zA-Z]+\}/g, '.+')}$`);

/**
 * What is wrong with an answer (empty when nothing): the probe must address
 * its route, the answer must contain none of `markers` the request did not
 * name, and must meet the expectation (a non-admin gets 403 on admin routes).
 */
export async function judge(route: string, actor: Actor, spec: RouteProbes, p: Probe, a: Answer, markers: string[]): Promise<string[]> {
  const said = `${actor} ${route.split(' ')[0]} ${p.path}${p.body === undefined ? '' : ` ${JSON.stringify(p.body)}`}`;
  const problems: string[] = [];
  if (!patternOf(route).test(p.path.split('?')[0]!)) problems.push(`${said}: the probe does not address ${route}`);
  if (a.status >= 500) problems.push(`${said}: ${a.status}`);
  const request = decodeURIComponent(p.path) + JSON.stringify(p.body ?? null) + JSON.stringify(p.headers ?? {});
  const allowed = (await p.mayShow?.()) ?? [];
  const leaked = markers.filter((m) => a.text.includes(m) && !request.includes(m) && !allowed.some((t) => t.includes(m)));
  if (leaked.length) problems.push(`${said}: the answer shows ${leaked.join(', ')}: ${a.text.slice(0, 400)}`);
  const e = spec.admin && actor === 'user' ? FORBIDDEN : typeof p.expect === 'function' ? p.expect(actor) : p.expect;
  if ('code' in e) {
    const [statuses, codes] = [([] as number[]).concat(e.status), ([] as string[]).concat(e.code)];
    if (!statuses.includes(a.status) || !codes.includes(a.body?.error?.code)) problems.push(`${said}: expected ${statuses.join('|')} ${codes.join('|')}, got ${a.status} ${a.text.slice(0, 300)}`);
  } else if (a.status !== e.status) {
    problems.push(`${said}: expected ${e.status}, got ${a.status} ${a.text.slice(0, 300)}`);
  } else {
    const why = await e.check?.(a.body, actor);
    if (why) problems.push(`${said}: ${why}`);
  }
  return problems;
}
