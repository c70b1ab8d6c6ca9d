import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../engine/http/app';
import {
  B_NAMES,
  changedKeys,
  companyDef,
  dealDef,
  FIXTURE_PASSWORD,
  listRoutes,
  seedTwoTenants,
  send,
  snapshotTenant,
  startTwoTenants,
  adminOr,
  bad,
  err,
  judge,
  nf,
  ok,
  type Actor,
  type Answer,
  type IsolationData,
  type RouteProbes,
  type TwoTenants,
} from '../../helpers/two-tenants';
import { seedWebForms, webFormProbes, type WebFormSeed } from '../web-forms/web-form-isolation';
import { importProbes, seedImports, type ImportSeed } from '../import/import-isolation';

/**
 * Issue 4: a user or token of tenant A never reads, counts, infers or writes
 * anything of tenant B. Both tenants live on one server; every route the app
 * registers has probes below, sent by A's admin, A's non-admin user and A's
 * API token with B's ids, object names, filters and cursors. Every answer is
 * a 4xx with a stable code or a 2xx carrying only A's data, no answer contains
 * anything of B the request did not already name, and B's schema and system
 * rows are unchanged afterwards.
 */

let f: TwoTenants;
let w: IsolationData;
let wf: WebFormSeed;
let imp: ImportSeed;
const V = '/api/v1';

beforeAll(async () => {
  f = await startTwoTenants('iso');
  w = await seedTwoTenants(f);
  wf = await seedWebForms(f);
  imp = await seedImports(f);
  expect(w.b.maxVersion).toBeGreaterThan(w.a.maxVersion);
  expect(w.b.cursor).toBeTruthy();
});
afterAll(() => f?.close());

/* ------------------------------------------------------------- requests */

const ACTORS: Actor[] = ['admin', 'user', 'token'];
const secretOf = (actor: Actor) => (actor === 'admin' ? f.a.admin.secret : actor === 'user' ? f.a.user.secret : f.a.token.secret);

/** Everything of B an answer to A must never contain unless the request itself named it. */
function bMarkers(): string[] {
  const b = f.b;
  return [b.tenant.slug, b.tenant.schema, b.tenant.id, b.admin.id, b.user.id, b.admin.email, b.user.email, b.admin.secret, b.user.secret, b.token.secret, b.token.id]
    .concat([w.b.companyId, ...w.b.dealIds, w.b.vaultId, w.b.roleId, w.b.deptId, w.b.ruleId, w.b.revokedTokenId], Object.values(B_NAMES), ['B-SECRET']);
}

/* --------------------------------------------------------------- probes */

const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));

const idsOf = async (schema: string, table: string) => new Set((await f.sql(`SELECT id::text FROM "${schema}"."${table}"`)).map((r: { id: string }) => r.id));
const aSchema = () => f.a.tenant.schema;

/** A list answer holds only A's records of `table`; with `total`, the total is A's count (of all, or of `expected`). */
const onlyA = (table: string, expected?: number) => async (body: any) => {
  const mine = await idsOf(aSchema(), table);
  const foreign = body.records.filter((r: { id: string }) => !mine.has(r.id));
  if (foreign.length) return `records not of A: ${JSON.stringify(foreign)}`;
  const want = expected ?? mine.size;
  if ('total' in body && body.total !== want) return `total ${body.total}, A has ${want}`;
};
/** A CSV export (text) holds a header and, in its first column, exactly A's ids of `table` (or `expected` rows of A). */
const csvOnlyA = (table: string, expected?: number) => async (body: any) => {
  if (typeof body !== 'string') return `not CSV: ${JSON.stringify(body).slice(0, 200)}`;
  const ids = body.split('\r\n').slice(1, -1).map((line) => line.split(',')[0]!);
  const mine = await idsOf(aSchema(), table);
  const foreign = ids.filter((id) => !mine.has(id));
  if (foreign.length) return `rows not of A: ${foreign.join(', ')}`;
  if (ids.length !== (expected ?? mine.size)) return `${ids.length} rows, A has ${expected ?? mine.size}`;
};
/** Aggregate groups count exactly A's records of `table`; grouped by a lookup to `target`, only A's ids of it. */
const aGroups = (table: string, target?: string) => async (body: any) => {
  const total = body.groups.reduce((n: number, g: { count: number }) => n + g.count, 0);
  const want = (await idsOf(aSchema(), table)).size;
  if (total !== want) return `groups count ${total}, A has ${want}`;
  const theirs = target ? await idsOf(aSchema(), target) : undefined;
  const foreign = theirs ? body.groups.filter((g: { value: string | null }) => g.value !== null && !theirs.has(g.value)) : [];
  if (foreign.length) return `groups not of A: ${JSON.stringify(foreign)}`;
};
const none = (key: string) => (body: any) => (body[key].length ? `expected no ${key}, got ${JSON.stringify(body[key])}` : undefined);
const sameIds = (key: string, sql: string) => async (body: any) => {
  const want = (await f.sql(sql, [f.a.tenant.id])).map((r: { id: string }) => String(r.id)).sort();
  const got = body[key].map((x: { id: string }) => String(x.id)).sort();
  if (JSON.stringify(got) !== JSON.stringify(want)) return `${key} ${JSON.stringify(got)} are not A's ${JSON.stringify(want)}`;
};
const sameNames = (key: string, table: string) => async (body: any) => {
  const want = (await f.sql(`SELECT name FROM "${aSchema()}".${table}`)).map((r: { name: string }) => r.name).sort();
  const got = body[key].map((x: { name: string }) => x.name).sort();
  if (JSON.stringify(got) !== JSON.stringify(want)) return `${key} ${JSON.stringify(got)} are not A's ${JSON.stringify(want)}`;
};
const deleteAUser = (a: Answer) => (a.status === 201 ? f.sql(`DELETE FROM tessera_system.users WHERE id = ? AND tenant_id = ?`, [a.body.id, f.a.tenant.id]) : Promise.resolve());
const undoVia = (path: (body: any) => string) => (a: Answer) => (a.status === 201 ? f.a.admin.client.delete(path(a.body)) : Promise.resolve());

/** What A's callers get for B's records and objects: the same as for ones that never existed. */
const NO_RECORD = nf('RECORD_NOT_FOUND');
const NO_OBJECT = nf('OBJECT_NOT_FOUND');

/** Probes for the two record sub-resources that share one shape (team members, manual shares). */
function recordShareProbes(kind: 'team' | 'share'): Record<string, RouteProbes> {
  const grant = (id: string) => (kind === 'team' ? { userId: id, access: 'read' } : { kind: 'user', id, access: 'read' });
  const base = `${V}/records/:object/:id/${kind}`;
  return {
    [`GET ${base}`]: {
      probes: () => [
        { path: `${V}/records/deal/${w.b.dealIds[0]}/${kind}`, expect: NO_RECORD },
        { path: `${V}/records/${B_NAMES.object}/${w.b.vaultId}/${kind}`, expect: NO_OBJECT },
        { path: `${V}/records/deal/${w.a.dealId}/${kind}`, expect: ok(none(kind === 'team' ? 'members' : 'shares')) },
      ],
    },
    [`POST ${base}`]: {
      probes: () => [
        { path: `${V}/records/deal/${w.b.dealIds[0]}/${kind}`, body: grant(f.a.user.id), expect: NO_RECORD },
        { path: `${V}/records/${B_NAMES.object}/${w.b.vaultId}/${kind}`, body: grant(f.a.user.id), expect: NO_OBJECT },
        { path: `${V}/records/deal/${w.a.dealId}/${kind}`, body: grant(f.b.user.id), expect: adminOr(bad('SECURITY_INVALID'), err(403, 'RECORD_ACCESS_DENIED')) },
        ...(kind === 'share'
          ? [
              { path: `${V}/records/deal/${w.a.dealId}/share`, body: { kind: 'role', id: w.b.roleId, access: 'edit' }, expect: adminOr(bad('SECURITY_INVALID'), err(403, 'RECORD_ACCESS_DENIED')) },
              { path: `${V}/records/deal/${w.a.dealId}/share`, body: { kind: 'department', id: w.b.deptId, access: 'edit' }, expect: adminOr(bad('SECURITY_INVALID'), err(403, 'RECORD_ACCESS_DENIED')) },
            ]
          : []),
      ],
    },
    [`DELETE ${base}/:principalId`]: {
      probes: () => [
        { path: `${V}/records/deal/${w.b.dealIds[0]}/${kind}/${f.b.user.id}`, expect: NO_RECORD },
        { path: `${V}/records/deal/${w.b.dealIds[1]}/${kind}/${w.b.deptId}`, expect: NO_RECORD },
        { path: `${V}/records/deal/${w.a.dealId}/${kind}/${f.b.user.id}`, expect: adminOr(nf('SECURITY_NOT_FOUND'), err(403, 'RECORD_ACCESS_DENIED')) },
      ],
    },
  };
}

/** Probes for departments and roles (one tree administration). */
function treeProbes(path: 'departments' | 'roles'): Record<string, RouteProbes> {
  const bId = () => (path === 'roles' ? w.b.roleId : w.b.deptId);
  const aId = () => (path === 'roles' ? w.a.roleId : w.a.deptId);
  const bName = path === 'roles' ? B_NAMES.role : B_NAMES.dept;
  return {
    [`GET ${V}/admin/${path}`]: { admin: true, probes: () => [{ path: `${V}/admin/${path}`, expect: ok(sameNames(path, path === 'roles' ? '_roles' : '_departments')) }] },
    [`POST ${V}/admin/${path}`]: {
      admin: true,
      probes: () => [
        // B's name is free in A: a 409 would tell that B has it.
        { path: `${V}/admin/${path}`, body: { name: bName, label: 'Probe' }, expect: ok(undefined, 201), undo: undoVia((b) => `/admin/${path}/${b.id}`) },
        { path: `${V}/admin/${path}`, body: { name: 'a_probe', label: 'Probe', parentId: bId() }, expect: bad('SECURITY_INVALID') },
      ],
    },
    [`PATCH ${V}/admin/${path}/:id`]: {
      admin: true,
      probes: () => [
        { path: `${V}/admin/${path}/${bId()}`, body: { label: 'Pwned' }, expect: nf('SECURITY_NOT_FOUND') },
        { path: `${V}/admin/${path}/${aId()}`, body: { parentId: bId() }, expect: bad('SECURITY_INVALID') },
      ],
    },
    [`DELETE ${V}/admin/${path}/:id`]: { admin: true, probes: () => [{ path: `${V}/admin/${path}/${bId()}`, expect: nf('SECURITY_NOT_FOUND') }] },
  };
}

const BASE_VERSION_CONFLICT = err(409, 'METADATA_VERSION_CONFLICT');
/** A refused sign-in; the per-address limit is shared with every test file signing in from 127.0.0.1 at the same time. */
const LOGIN_REFUSED = err([401, 429], ['AUTH_INVALID_CREDENTIALS', 'AUTH_RATE_LIMITED']);

const PROBES: Record<string, RouteProbes> = {
  'GET /': { probes: () => [{ path: '/', expect: ok() }] },
  [`GET ${V}/health`]: { probes: () => [{ path: `${V}/health`, expect: ok() }] },
  // The web app's page: the same HTML shell whatever the path names; its data comes from the API.
  'GET /app': { probes: () => [{ path: '/app', expect: ok() }] },
  'GET /app/{*rest}': { probes: () => [{ path: `/app/o/${B_NAMES.object}/${w.b.vaultId}`, expect: ok() }] },
  'GET /designer': { probes: () => [{ path: '/designer', expect: ok() }] },
  'GET /designer/{*rest}': { probes: () => [{ path: `/designer/objects/${B_NAMES.object}`, expect: ok() }] },
  [`GET ${V}/metadata/navigation`]: {
    probes: () => [{ path: `${V}/metadata/navigation`, expect: ok((b) => (JSON.stringify(b.objects.map((o: { name: string }) => o.name).sort()) === '["company","deal"]' ? undefined : "navigation is not A's")) }],
  },
  [`GET ${V}/me/prefs/:key`]: { probes: () => [{ path: `${V}/me/prefs/home.widgets`, expect: ok((b) => (b.value === null ? undefined : `a preference A never set: ${JSON.stringify(b.value)}`)) }] },
  [`PUT ${V}/me/prefs/:key`]: {
    probes: () => [{ path: `${V}/me/prefs/probe.${f.b.user.id}`, body: { value: { userId: f.b.user.id, tenant: f.b.tenant.slug } }, expect: ok(undefined, 204) }],
  },
  [`DELETE ${V}/me/prefs/:key`]: { probes: () => [{ path: `${V}/me/prefs/home.widgets`, expect: ok(undefined, 204) }] },
  [`GET ${V}/me/recent`]: { probes: () => [{ path: `${V}/me/recent`, expect: ok(none('records')) }] },
  [`GET ${V}/me/notifications`]: { probes: () => [{ path: `${V}/me/notifications?unread=false&limit=100`, expect: ok(none('notifications')) }] },
  [`POST ${V}/me/notifications/read`]: {
    probes: () => [
      { path: `${V}/me/notifications/read`, body: { ids: [1, 2, 3] }, expect: ok() },
      { path: `${V}/me/notifications/read`, body: { all: true }, expect: ok() },
    ],
  },
  [`POST ${V}/me/recent`]: {
    probes: () => [
      { path: `${V}/me/recent`, body: { object: 'deal', id: w.b.dealIds[0] }, expect: NO_RECORD },
      { path: `${V}/me/recent`, body: { object: B_NAMES.object, id: w.b.vaultId }, expect: NO_OBJECT },
    ],
  },
  [`GET ${V}/search`]: {
    probes: () => [
      { path: `${V}/search?q=B-SECRET`, expect: ok(none('results')) },
      { path: `${V}/search?q=${encodeURIComponent(B_NAMES.object)}`, expect: ok(none('results')) },
    ],
  },
  [`POST ${V}/auth/login`]: {
    actors: ['admin'],
    probes: () => [
      { path: `${V}/auth/login`, body: { email: f.a.admin.email, password: FIXTURE_PASSWORD, tenant: f.b.tenant.slug }, expect: LOGIN_REFUSED },
      { path: `${V}/auth/login`, body: { email: f.b.admin.email, password: FIXTURE_PASSWORD, tenant: f.a.tenant.slug }, expect: LOGIN_REFUSED },
    ],
  },
  [`POST ${V}/auth/logout`]: {
    secret: async (actor) => (actor === 'token' ? f.a.token.secret : (await f.signIn(actor === 'admin' ? f.a.admin.email : f.a.user.email, f.a.tenant.slug)).secret),
    probes: () => [{ path: `${V}/auth/logout`, body: { userId: f.b.user.id, tenant: f.b.tenant.slug }, expect: ok(undefined, 204) }],
  },
  [`GET ${V}/auth/me`]: {
    probes: () => {
      const isA = ok((b) => (b.tenant === f.a.tenant.slug && [f.a.admin.id, f.a.user.id].includes(b.id) ? undefined : `me is ${JSON.stringify(b)}`));
      return [
        { path: `${V}/auth/me`, expect: isA },
        // The bearer decides, not a cookie of B's session or a header or parameter naming B.
        { path: `${V}/auth/me?tenant=${f.b.tenant.slug}`, headers: { cookie: `tessera_session=${f.b.admin.secret}`, 'x-tenant': f.b.tenant.slug, 'x-tenant-id': f.b.tenant.id }, expect: isA },
      ];
    },
  },
  [`POST ${V}/auth/password`]: {
    probes: () => [{ path: `${V}/auth/password`, body: { currentPassword: 'not-the-password', newPassword: 'another-horse-battery-9', userId: f.b.user.id, tenant: f.b.tenant.slug }, expect: bad('AUTH_CURRENT_PASSWORD_INVALID') }],
  },
  [`GET ${V}/openapi.json`]: { probes: () => [{ path: `${V}/openapi.json`, expect: ok() }] },

  [`GET ${V}/metadata/objects`]: {
    probes: () => [{ path: `${V}/metadata/objects`, expect: ok((b) => (JSON.stringify(b.objects.map((o: { name: string }) => o.name).sort()) === '["company","deal"]' ? undefined : 'objects are not A\'s')) }],
  },
  [`GET ${V}/metadata/objects/:name`]: {
    probes: () => [
      { path: `${V}/metadata/objects/${B_NAMES.object}`, expect: NO_OBJECT },
      { path: `${V}/metadata/objects/deal`, expect: ok() },
    ],
  },
  [`GET ${V}/metadata/objects/:name/describe`]: {
    probes: () => [
      { path: `${V}/metadata/objects/${B_NAMES.object}/describe`, expect: NO_OBJECT },
      { path: `${V}/metadata/objects/deal/describe`, expect: ok() },
    ],
  },
  [`GET ${V}/metadata/objects/:name/schema`]: {
    probes: () => [
      { path: `${V}/metadata/objects/${B_NAMES.object}/schema`, expect: NO_OBJECT },
      { path: `${V}/metadata/objects/deal/schema?mode=update`, expect: ok() },
    ],
  },
  [`PUT ${V}/metadata/objects/:name`]: {
    admin: true,
    probes: () => [
      // B's object name is free in A: a dry run plans to create it here.
      { path: `${V}/metadata/objects/${B_NAMES.object}?dryRun=true`, body: { name: B_NAMES.object, label: 'Vault', fields: [] }, expect: ok() },
      { path: `${V}/metadata/objects/deal?baseVersion=${w.b.maxVersion}`, body: dealDef(false), expect: BASE_VERSION_CONFLICT },
      ...[B_NAMES.object, `${f.b.tenant.schema}.deal`, `"${f.b.tenant.schema}".deal`].map((target) => ({
        path: `${V}/metadata/objects/probe?dryRun=true`,
        body: { name: 'probe', label: 'Probe', fields: [{ name: 'v', type: 'lookup', label: 'V', options: { target } }] },
        expect: bad('METADATA_INVALID'),
      })),
      {
        path: `${V}/metadata/objects/company?dryRun=true`,
        body: { ...companyDef(true), fields: [...companyDef(true).fields, { name: 'vault_count', type: 'rollup', label: 'N', options: { relation: `${B_NAMES.object}.owner_id`, function: 'count' } }] },
        expect: bad('METADATA_INVALID'),
      },
    ],
  },
  [`DELETE ${V}/metadata/objects/:name`]: { admin: true, probes: () => [{ path: `${V}/metadata/objects/${B_NAMES.object}?confirm=true`, expect: NO_OBJECT }] },
  [`POST ${V}/metadata/objects/:name/fields/:field/recompute`]: {
    admin: true,
    probes: () => [
      { path: `${V}/metadata/objects/${B_NAMES.object}/fields/secret/recompute`, expect: NO_OBJECT },
      { path: `${V}/metadata/objects/company/fields/deal_total/recompute`, expect: ok((b) => (b.updated === 0 ? undefined : `recompute repaired ${b.updated} rows; A's were all correct`)) },
    ],
  },
  [`POST ${V}/metadata/changes`]: {
    admin: true,
    probes: () => [
      { path: `${V}/metadata/changes?dryRun=true&preview=deal`, body: { deleteObjects: [B_NAMES.object] }, expect: NO_OBJECT },
      { path: `${V}/metadata/changes?baseVersion=${w.b.maxVersion}`, body: { objects: { deal: dealDef(false) } }, expect: BASE_VERSION_CONFLICT },
      {
        path: `${V}/metadata/changes?dryRun=true&preview=probe`,
        body: { objects: { probe: { label: 'Probe', fields: [{ name: 'v', type: 'lookup', label: 'V', options: { target: B_NAMES.object } }] } } },
        expect: bad('METADATA_INVALID'),
      },
    ],
  },
  [`GET ${V}/metadata/field-types`]: { probes: () => [{ path: `${V}/metadata/field-types`, expect: ok((b) => (b.fieldTypes.some((t: { type: string }) => t.type === 'lookup') ? undefined : 'no field types')) }] },
  [`GET ${V}/metadata/value-sets`]: {
    probes: () => [{ path: `${V}/metadata/value-sets`, expect: ok((b) => (JSON.stringify(b.valueSets.map((v: { name: string }) => v.name)) === '["a_colours"]' ? undefined : 'value sets are not A\'s')) }],
  },
  [`GET ${V}/metadata/value-sets/:name`]: { probes: () => [{ path: `${V}/metadata/value-sets/${B_NAMES.valueSet}`, expect: nf('VALUE_SET_NOT_FOUND') }] },
  [`PUT ${V}/metadata/value-sets/:name`]: {
    admin: true,
    probes: () => [
      { path: `${V}/metadata/value-sets/${B_NAMES.valueSet}?dryRun=true`, body: { name: B_NAMES.valueSet, label: 'Colours', values: [{ value: 'red', label: 'Red' }] }, expect: ok() },
      { path: `${V}/metadata/value-sets/a_colours?baseVersion=${w.b.maxVersion}`, body: { name: 'a_colours', label: 'Colours', values: [{ value: 'red', label: 'Red' }] }, expect: BASE_VERSION_CONFLICT },
    ],
  },
  [`GET ${V}/metadata/versions`]: {
    probes: () => [{ path: `${V}/metadata/versions`, expect: ok((b) => (Math.max(...b.versions.map((v: { version: number }) => v.version)) === w.a.maxVersion ? undefined : 'versions are not A\'s')) }],
  },
  [`GET ${V}/metadata/versions/:v`]: {
    probes: () => [
      { path: `${V}/metadata/versions/${w.b.maxVersion}`, expect: nf('METADATA_VERSION_NOT_FOUND') },
      { path: `${V}/metadata/versions/${w.a.maxVersion}`, expect: ok((b) => (Object.keys(b.snapshot.objects).sort().join() === 'company,deal' ? undefined : 'not A\'s snapshot')) },
    ],
  },
  [`POST ${V}/metadata/versions/:v/restore`]: {
    admin: true,
    probes: () => [
      { path: `${V}/metadata/versions/${w.b.maxVersion}/restore?dryRun=true`, expect: nf('METADATA_VERSION_NOT_FOUND') },
      { path: `${V}/metadata/versions/${w.b.maxVersion}/restore?confirm=true`, expect: nf('METADATA_VERSION_NOT_FOUND') },
    ],
  },

  [`GET ${V}/records/:object`]: {
    probes: () => {
      const [sig] = JSON.parse(Buffer.from(w.b.cursor, 'base64url').toString()) as [string, unknown[]];
      const crafted = Buffer.from(JSON.stringify([sig, ['B-SECRET-DEAL-2', w.b.dealIds[1]]])).toString('base64url');
      const cursorAnswer = ok(onlyA('deal'));
      return [
        { path: `${V}/records/${B_NAMES.object}`, expect: NO_OBJECT },
        { path: `${V}/records/${B_NAMES.object}?count=true&q=B-SECRET`, expect: NO_OBJECT },
        { path: `${V}/records/deal?count=true`, expect: ok(onlyA('deal')) },
        { path: `${V}/records/deal?count=true&tenant=${f.b.tenant.slug}&schema=${f.b.tenant.schema}`, headers: { 'x-tenant': f.b.tenant.slug, 'x-tenant-id': f.b.tenant.id }, expect: ok(onlyA('deal')) },
        { path: `${V}/records/company?count=true`, expect: ok(onlyA('company')) },
        { path: `${V}/records/deal?count=true&q=B-SECRET`, expect: ok(onlyA('deal', 0)) },
        { path: `${V}/records/company?count=true&q=B-SECRET`, expect: ok(onlyA('company', 0)) },
        { path: `${V}/records/deal?count=true&filter=${q({ '==': [{ var: 'account' }, w.b.companyId] })}`, expect: ok(onlyA('deal', 0)) },
        { path: `${V}/records/deal?count=true&filter=${q({ '==': [{ var: 'owner_id' }, f.b.admin.id] })}`, expect: ok(onlyA('deal', 0)) },
        { path: `${V}/records/deal?count=true&filter=${q({ '==': [{ var: 'account.region' }, 'B-SECRET-REGION'] })}`, expect: ok(onlyA('deal', 0)) },
        { path: `${V}/records/company?count=true&filter=${q({ '==': [{ var: 'deal_total' }, 777] })}`, expect: ok(onlyA('company', 0)) },
        { path: `${V}/records/deal?count=true&filter=${q({ in: [{ var: 'id' }, w.b.dealIds] })}`, expect: ok(onlyA('deal', 0)) },
        { path: `${V}/records/deal?filter=${q({ '==': [{ var: B_NAMES.field }, 'B-SECRET-FIELD'] })}`, expect: bad('QUERY_UNKNOWN_FIELD') },
        { path: `${V}/records/deal?filter=${q({ '==': [{ var: `${f.b.tenant.schema}.deal.name` }, 'x'] })}`, expect: bad('QUERY_UNKNOWN_FIELD') },
        { path: `${V}/records/deal?sort=${B_NAMES.field}`, expect: bad('QUERY_UNKNOWN_FIELD') },
        { path: `${V}/records/deal?fields=name,${B_NAMES.field}`, expect: bad('QUERY_UNKNOWN_FIELD') },
        { path: `${V}/records/deal?view=${B_NAMES.view}`, expect: nf('LIST_VIEW_NOT_FOUND') },
        { path: `${V}/records/deal?limit=1&sort=name&cursor=${w.b.cursor}`, expect: cursorAnswer },
        { path: `${V}/records/deal?limit=1&sort=name&cursor=${crafted}`, expect: cursorAnswer },
      ];
    },
  },
  [`POST ${V}/records/:object`]: {
    probes: () => [
      { path: `${V}/records/${B_NAMES.object}`, body: { name: 'probe' }, expect: NO_OBJECT },
      { path: `${V}/records/deal`, body: { name: 'probe', account: w.b.companyId }, expect: bad('RECORD_INVALID_REFERENCE') },
      { path: `${V}/records/deal`, body: { name: 'probe', owner_id: f.b.user.id }, expect: bad('RECORD_OWNER_INVALID') },
      { path: `${V}/records/deal`, body: { name: 'probe', [B_NAMES.field]: 'x' }, expect: bad('RECORD_VALIDATION_FAILED') },
      { path: `${V}/records/deal`, body: { id: w.b.dealIds[0], name: 'probe' }, expect: bad('RECORD_VALIDATION_FAILED') },
    ],
  },
  [`POST ${V}/records/:object/bulk`]: {
    probes: () => [
      { path: `${V}/records/${B_NAMES.object}/bulk`, body: { records: [{ name: 'probe' }] }, expect: NO_OBJECT },
      { path: `${V}/records/deal/bulk`, body: { records: [{ name: 'probe', account: w.b.companyId }] }, expect: bad('RECORD_INVALID_REFERENCE') },
      { path: `${V}/records/deal/bulk`, body: { records: [{ name: 'probe', owner_id: f.b.user.id }] }, expect: bad('RECORD_OWNER_INVALID') },
    ],
  },
  [`GET ${V}/records/:object/:id`]: {
    probes: () => [
      { path: `${V}/records/deal/${w.b.dealIds[0]}`, expect: NO_RECORD },
      { path: `${V}/records/deal/${w.b.dealIds[0]!.toUpperCase()}`, expect: NO_RECORD },
      { path: `${V}/records/company/${w.b.companyId}`, expect: NO_RECORD },
      { path: `${V}/records/${B_NAMES.object}/${w.b.vaultId}`, expect: NO_OBJECT },
      { path: `${V}/records/deal/${w.a.dealId}?fields=name,account`, expect: ok() },
    ],
  },
  [`PATCH ${V}/records/:object/:id`]: {
    probes: async () => {
      const [{ version }] = await f.sql(`SELECT version FROM "${aSchema()}".deal WHERE id = ?`, [w.a.dealId]);
      return [
        { path: `${V}/records/deal/${w.b.dealIds[0]}`, body: { note: 'pwned', version: 1 }, expect: NO_RECORD },
        { path: `${V}/records/deal/${w.b.dealIds[0]}`, body: { note: 'pwned' }, headers: { 'if-match': '"1"' }, expect: NO_RECORD },
        { path: `${V}/records/${B_NAMES.object}/${w.b.vaultId}`, body: { secret: 'pwned', version: 1 }, expect: NO_OBJECT },
        { path: `${V}/records/deal/${w.a.dealId}`, body: { account: w.b.companyId, version }, expect: bad('RECORD_INVALID_REFERENCE') },
        { path: `${V}/records/deal/${w.a.dealId}`, body: { owner_id: f.b.user.id, version }, expect: bad('RECORD_OWNER_INVALID') },
      ];
    },
  },
  [`DELETE ${V}/records/:object/:id`]: {
    probes: () => [
      { path: `${V}/records/deal/${w.b.dealIds[1]}`, headers: { 'if-match': '"1"' }, expect: NO_RECORD },
      { path: `${V}/records/company/${w.b.companyId}`, headers: { 'if-match': '"2"' }, expect: NO_RECORD },
      { path: `${V}/records/${B_NAMES.object}/${w.b.vaultId}`, headers: { 'if-match': '"1"' }, expect: NO_OBJECT },
    ],
  },
  [`GET ${V}/records/:object/:id/history`]: {
    probes: () => [
      { path: `${V}/records/deal/${w.b.dealIds[0]}/history`, expect: NO_RECORD },
      { path: `${V}/records/${B_NAMES.object}/${w.b.vaultId}/history`, expect: NO_OBJECT },
      { path: `${V}/records/deal/${w.a.dealId}/history?before=9007199254740991`, expect: ok() },
    ],
  },
  [`GET ${V}/records/:object/:id/convert`]: {
    probes: () => [
      { path: `${V}/records/deal/${w.b.dealIds[0]}/convert`, expect: bad('CONVERSION_INVALID') },
      { path: `${V}/records/${B_NAMES.object}/${w.b.vaultId}/convert`, expect: NO_OBJECT },
    ],
  },
  [`POST ${V}/records/:object/:id/convert`]: {
    probes: () => [
      { path: `${V}/records/deal/${w.b.dealIds[0]}/convert`, body: { targets: {} }, expect: bad('CONVERSION_INVALID') },
      { path: `${V}/records/${B_NAMES.object}/${w.b.vaultId}/convert`, body: { targets: {} }, expect: NO_OBJECT },
    ],
  },
  [`POST ${V}/records/:object/transfer`]: {
    probes: () => [
      { path: `${V}/records/deal/transfer`, body: { ids: [w.b.dealIds[0]], ownerId: f.a.user.id }, expect: NO_RECORD },
      { path: `${V}/records/deal/transfer`, body: { ids: [w.a.dealId, w.b.dealIds[1]], ownerId: f.a.admin.id }, expect: NO_RECORD },
      { path: `${V}/records/deal/transfer`, body: { ids: [w.a.dealId], ownerId: f.b.user.id }, expect: bad('RECORD_OWNER_INVALID') },
      { path: `${V}/records/${B_NAMES.object}/transfer`, body: { ids: [w.b.vaultId], ownerId: f.a.admin.id }, expect: NO_OBJECT },
    ],
  },
  [`POST ${V}/records/:object/assign`]: {
    probes: () => [
      { path: `${V}/records/${B_NAMES.object}/assign`, body: { ids: [w.b.vaultId] }, expect: NO_OBJECT },
      { path: `${V}/records/deal/assign`, body: { ids: [w.b.dealIds[0]] }, expect: bad('ASSIGNMENT_NO_RULES') },
    ],
  },
  [`POST ${V}/records/:object/duplicates`]: {
    probes: () => [
      { path: `${V}/records/${B_NAMES.object}/duplicates`, body: { secret: 'B-SECRET' }, expect: NO_OBJECT },
      { path: `${V}/records/deal/duplicates`, body: { name: 'B-SECRET deal', note: 'B-SECRET-NOTE' }, expect: ok((body) => (Array.isArray(body.matches) && body.matches.length === 0 ? undefined : 'matches from another tenant')) },
      { path: `${V}/records/deal/duplicates?excludeId=${w.b.dealIds[0]}`, body: {}, expect: ok() },
    ],
  },
  [`POST ${V}/records/:object/merge`]: {
    probes: () => [
      { path: `${V}/records/deal/merge`, body: { survivor: w.a.dealId, merged: [w.b.dealIds[0]] }, expect: NO_RECORD },
      { path: `${V}/records/deal/merge`, body: { survivor: w.b.dealIds[0], merged: [w.b.dealIds[1]] }, expect: NO_RECORD },
      { path: `${V}/records/company/merge`, body: { survivor: w.b.companyId, merged: [w.a.companyId] }, expect: NO_RECORD },
      { path: `${V}/records/${B_NAMES.object}/merge`, body: { survivor: w.b.vaultId, merged: [w.a.dealId] }, expect: NO_OBJECT },
    ],
  },
  [`POST ${V}/records/:object/bulk-update`]: {
    probes: () => [
      { path: `${V}/records/deal/bulk-update`, body: { ids: [w.b.dealIds[0]], values: { note: 'pwned' } }, expect: NO_RECORD },
      { path: `${V}/records/deal/bulk-update`, body: { ids: [w.a.dealId, w.b.dealIds[1]], values: { note: 'pwned' } }, expect: NO_RECORD },
      { path: `${V}/records/company/bulk-update`, body: { ids: [w.b.companyId], values: { region: 'pwned' } }, expect: NO_RECORD },
      { path: `${V}/records/${B_NAMES.object}/bulk-update`, body: { ids: [w.b.vaultId], values: { secret: 'pwned' } }, expect: NO_OBJECT },
      { path: `${V}/records/deal/bulk-update`, body: { ids: [w.a.dealId], values: { account: w.b.companyId } }, expect: bad('RECORD_INVALID_REFERENCE') },
      { path: `${V}/records/deal/bulk-update`, body: { ids: [w.a.dealId], values: { owner_id: f.b.user.id } }, expect: bad('RECORD_OWNER_INVALID') },
      { path: `${V}/records/deal/bulk-update`, body: { ids: [w.a.dealId], values: { [B_NAMES.field]: 'x' } }, expect: bad('RECORD_VALIDATION_FAILED') },
    ],
  },
  [`POST ${V}/records/:object/bulk-delete`]: {
    probes: () => [
      { path: `${V}/records/deal/bulk-delete`, body: { ids: [w.b.dealIds[0]] }, expect: NO_RECORD },
      { path: `${V}/records/deal/bulk-delete`, body: { ids: [w.a.dealId, w.b.dealIds[1]] }, expect: NO_RECORD },
      { path: `${V}/records/company/bulk-delete`, body: { ids: [w.b.companyId] }, expect: NO_RECORD },
      { path: `${V}/records/${B_NAMES.object}/bulk-delete`, body: { ids: [w.b.vaultId] }, expect: NO_OBJECT },
    ],
  },
  [`GET ${V}/records/:object/aggregate`]: {
    probes: () => [
      { path: `${V}/records/${B_NAMES.object}/aggregate?groupBy=secret`, expect: NO_OBJECT },
      { path: `${V}/records/deal/aggregate?groupBy=account&sum=amount`, expect: ok(aGroups('deal', 'company')) },
      { path: `${V}/records/deal/aggregate?groupBy=owner_id&sum=amount&tenant=${f.b.tenant.slug}`, headers: { 'x-tenant': f.b.tenant.slug }, expect: ok(aGroups('deal')) },
      { path: `${V}/records/deal/aggregate?groupBy=account&filter=${q({ '==': [{ var: 'account' }, w.b.companyId] })}`, expect: ok(none('groups')) },
      { path: `${V}/records/deal/aggregate?groupBy=account&filter=${q({ '==': [{ var: 'account.region' }, 'B-SECRET-REGION'] })}`, expect: ok(none('groups')) },
      { path: `${V}/records/deal/aggregate?groupBy=account&q=B-SECRET`, expect: ok(none('groups')) },
      { path: `${V}/records/deal/aggregate?groupBy=${B_NAMES.field}`, expect: bad('QUERY_UNKNOWN_FIELD') },
      { path: `${V}/records/deal/aggregate?groupBy=account&view=${B_NAMES.view}`, expect: nf('LIST_VIEW_NOT_FOUND') },
    ],
  },
  [`GET ${V}/records/:object/export.csv`]: {
    probes: () => [
      { path: `${V}/records/${B_NAMES.object}/export.csv`, expect: NO_OBJECT },
      { path: `${V}/records/deal/export.csv?fields=id,name,note`, expect: ok(csvOnlyA('deal')) },
      { path: `${V}/records/company/export.csv?fields=id,name,region&tenant=${f.b.tenant.slug}`, headers: { 'x-tenant': f.b.tenant.slug }, expect: ok(csvOnlyA('company')) },
      { path: `${V}/records/deal/export.csv?fields=id&sort=name&cursor=${w.b.cursor}`, expect: ok(csvOnlyA('deal')) },
      { path: `${V}/records/deal/export.csv?fields=id&filter=${q({ in: [{ var: 'id' }, w.b.dealIds] })}`, expect: ok(csvOnlyA('deal', 0)) },
      { path: `${V}/records/deal/export.csv?fields=id&q=B-SECRET`, expect: ok(csvOnlyA('deal', 0)) },
      { path: `${V}/records/deal/export.csv?fields=name,${B_NAMES.field}`, expect: bad('QUERY_UNKNOWN_FIELD') },
      { path: `${V}/records/deal/export.csv?view=${B_NAMES.view}`, expect: nf('LIST_VIEW_NOT_FOUND') },
    ],
  },
  ...recordShareProbes('team'),
  ...recordShareProbes('share'),

  [`GET ${V}/admin/audit/logins`]: {
    admin: true,
    probes: () => {
      const aEvents = 'SELECT id FROM tessera_system.login_events WHERE tenant_id = ?';
      // The login probe signed in to A with B's admin's email: A's log rightly shows what was typed.
      const typedInA = async () => (await f.sql('SELECT email FROM tessera_system.login_events WHERE tenant_id = ?', [f.a.tenant.id])).map((r: { email: string }) => r.email);
      return [
        { path: `${V}/admin/audit/logins?limit=500`, expect: ok(sameIds('events', aEvents)), mayShow: typedInA },
        { path: `${V}/admin/audit/logins?userId=${f.b.user.id}`, expect: ok(none('events')) },
        { path: `${V}/admin/audit/logins?userId=${f.b.admin.id}&success=true`, expect: ok(none('events')) },
        { path: `${V}/admin/audit/logins?limit=500&before=999999999999`, expect: ok(sameIds('events', aEvents)), mayShow: typedInA },
      ];
    },
  },
  [`GET ${V}/admin/audit/users/:id/activity`]: {
    admin: true,
    probes: () => [
      { path: `${V}/admin/audit/users/${f.b.admin.id}/activity`, expect: nf('USER_NOT_FOUND') },
      { path: `${V}/admin/audit/users/${f.b.user.id}/activity`, expect: nf('USER_NOT_FOUND') },
      { path: `${V}/admin/audit/users/${f.b.user.id.toUpperCase()}/activity`, expect: nf('USER_NOT_FOUND') },
      { path: `${V}/admin/audit/users/${f.a.admin.id}/activity?limit=200`, expect: ok(sameIds('entries', `SELECT id FROM "${aSchema()}"._audit_log WHERE actor_id = (SELECT id FROM tessera_system.users WHERE tenant_id = ? AND is_admin LIMIT 1)`)) },
    ],
  },
  [`GET ${V}/admin/audit/publishes`]: {
    admin: true,
    probes: () => [{ path: `${V}/admin/audit/publishes?before=${w.b.maxVersion + 1}`, expect: ok((b) => (b.publishes[0]?.version === w.a.maxVersion ? undefined : `publishes start at ${b.publishes[0]?.version}`)) }],
  },
  [`GET ${V}/admin/users`]: { admin: true, probes: () => [{ path: `${V}/admin/users`, expect: ok(sameIds('users', 'SELECT id FROM tessera_system.users WHERE tenant_id = ?')) }] },
  [`POST ${V}/admin/users`]: {
    admin: true,
    probes: () => [
      // The same email as a user of B is free in A (a 409 would tell that B has it).
      { path: `${V}/admin/users`, body: { email: f.b.user.email, password: 'another-horse-battery-3' }, expect: ok(undefined, 201), undo: deleteAUser },
      {
        path: `${V}/admin/users`,
        body: { email: `probe@${f.a.tenant.slug}.test`, password: 'another-horse-battery-3', tenant: f.b.tenant.slug, tenantId: f.b.tenant.id },
        expect: ok(async (b) => ((await f.sql('SELECT 1 FROM tessera_system.users WHERE id = ? AND tenant_id = ?', [b.id, f.a.tenant.id])).length ? undefined : 'the user was not created in A'), 201),
        undo: deleteAUser,
      },
    ],
  },
  [`GET ${V}/admin/users/:id`]: {
    admin: true,
    probes: () => [
      { path: `${V}/admin/users/${f.b.user.id}`, expect: nf('USER_NOT_FOUND') },
      { path: `${V}/admin/users/${f.b.admin.id}`, expect: nf('USER_NOT_FOUND') },
      { path: `${V}/admin/users/${f.b.admin.id.toUpperCase()}`, expect: nf('USER_NOT_FOUND') },
    ],
  },
  [`PATCH ${V}/admin/users/:id`]: {
    admin: true,
    probes: () => [
      { path: `${V}/admin/users/${f.b.user.id}`, body: { displayName: 'Pwned' }, expect: nf('USER_NOT_FOUND') },
      { path: `${V}/admin/users/${f.b.admin.id}`, body: { active: false, isAdmin: false }, expect: nf('USER_NOT_FOUND') },
      { path: `${V}/admin/users/${f.b.user.id}`, body: { password: 'another-horse-battery-7' }, expect: nf('USER_NOT_FOUND') },
      { path: `${V}/admin/users/${f.b.user.id}`, body: { roleId: w.a.roleId, permissionSets: ['standard'] }, expect: nf('USER_NOT_FOUND') },
      { path: `${V}/admin/users/${f.a.user.id}`, body: { roleId: w.b.roleId }, expect: bad('SECURITY_INVALID') },
      { path: `${V}/admin/users/${f.a.user.id}`, body: { departmentId: w.b.deptId }, expect: bad('SECURITY_INVALID') },
      { path: `${V}/admin/users/${f.a.user.id}`, body: { permissionSets: ['standard', B_NAMES.permSet] }, expect: bad('SECURITY_INVALID') },
    ],
  },
  [`GET ${V}/admin/tokens`]: { admin: true, probes: () => [{ path: `${V}/admin/tokens`, expect: ok(sameIds('tokens', 'SELECT id FROM tessera_system.api_tokens WHERE tenant_id = ?')) }] },
  [`POST ${V}/admin/tokens`]: {
    admin: true,
    probes: () => [
      { path: `${V}/admin/tokens`, body: { name: 'probe', userId: f.b.user.id }, expect: nf('USER_NOT_FOUND') },
      { path: `${V}/admin/tokens`, body: { name: 'probe', userId: f.b.admin.id }, expect: nf('USER_NOT_FOUND') },
    ],
  },
  [`DELETE ${V}/admin/tokens/:id`]: {
    admin: true,
    probes: () => [
      { path: `${V}/admin/tokens/${f.b.token.id}`, expect: nf('TOKEN_NOT_FOUND') },
      { path: `${V}/admin/tokens/${w.b.revokedTokenId}`, expect: nf('TOKEN_NOT_FOUND') },
    ],
  },
  ...treeProbes('departments'),
  ...treeProbes('roles'),
  [`GET ${V}/admin/permission-sets`]: { admin: true, probes: () => [{ path: `${V}/admin/permission-sets`, expect: ok(sameNames('permissionSets', '_permission_sets')) }] },
  [`POST ${V}/admin/permission-sets`]: {
    admin: true,
    probes: () => [
      { path: `${V}/admin/permission-sets`, body: { name: B_NAMES.permSet, label: 'Probe' }, expect: ok(undefined, 201), undo: undoVia((b) => `/admin/permission-sets/${b.name}`) },
      { path: `${V}/admin/permission-sets`, body: { name: 'a_probe', label: 'Probe', objects: { [B_NAMES.object]: { read: true } } }, expect: bad('SECURITY_INVALID') },
      { path: `${V}/admin/permission-sets`, body: { name: 'a_probe', label: 'Probe', objects: { deal: { read: true, fields: { [B_NAMES.field]: 'read' } } } }, expect: bad('SECURITY_INVALID') },
    ],
  },
  [`PATCH ${V}/admin/permission-sets/:name`]: { admin: true, probes: () => [{ path: `${V}/admin/permission-sets/${B_NAMES.permSet}`, body: { label: 'Pwned' }, expect: nf('SECURITY_NOT_FOUND') }] },
  [`DELETE ${V}/admin/permission-sets/:name`]: { admin: true, probes: () => [{ path: `${V}/admin/permission-sets/${B_NAMES.permSet}`, expect: nf('SECURITY_NOT_FOUND') }] },
  [`GET ${V}/admin/sharing-rules`]: {
    admin: true,
    probes: () => [
      { path: `${V}/admin/sharing-rules`, expect: ok(sameNames('sharingRules', '_sharing_rules')) },
      { path: `${V}/admin/sharing-rules?object=${B_NAMES.object}`, expect: ok(none('sharingRules')) },
    ],
  },
  [`POST ${V}/admin/sharing-rules`]: {
    admin: true,
    probes: () => {
      const rule = (over: Record<string, unknown>) => ({ object: 'deal', name: 'a_probe', criteria: { '==': [{ var: 'note' }, 'x'] }, shareWith: { kind: 'role', id: w.a.roleId }, access: 'read', ...over });
      return [
        { path: `${V}/admin/sharing-rules`, body: rule({ name: B_NAMES.rule }), expect: ok(undefined, 201), undo: undoVia((b) => `/admin/sharing-rules/${b.id}`) },
        { path: `${V}/admin/sharing-rules`, body: rule({ object: B_NAMES.object }), expect: bad('SECURITY_INVALID') },
        { path: `${V}/admin/sharing-rules`, body: rule({ shareWith: { kind: 'role', id: w.b.roleId } }), expect: bad('SECURITY_INVALID') },
        { path: `${V}/admin/sharing-rules`, body: rule({ shareWith: { kind: 'department', id: w.b.deptId } }), expect: bad('SECURITY_INVALID') },
        { path: `${V}/admin/sharing-rules`, body: rule({ shareWith: { kind: 'user', id: f.b.user.id } }), expect: bad('SECURITY_INVALID') },
        { path: `${V}/admin/sharing-rules`, body: rule({ criteria: { '==': [{ var: B_NAMES.field }, 'x'] } }), expect: bad('SECURITY_INVALID') },
      ];
    },
  },
  [`PATCH ${V}/admin/sharing-rules/:id`]: {
    admin: true,
    probes: () => [
      { path: `${V}/admin/sharing-rules/${w.b.ruleId}`, body: { active: false }, expect: nf('SECURITY_NOT_FOUND') },
      { path: `${V}/admin/sharing-rules/${w.a.ruleId}`, body: { shareWith: { kind: 'department', id: w.b.deptId } }, expect: bad('SECURITY_INVALID') },
    ],
  },
  [`DELETE ${V}/admin/sharing-rules/:id`]: { admin: true, probes: () => [{ path: `${V}/admin/sharing-rules/${w.b.ruleId}`, expect: nf('SECURITY_NOT_FOUND') }] },
  ...webFormProbes(() => f, () => wf),
  ...importProbes(() => imp),
};

/** Routes that answer without a session or token. */
const PUBLIC_ROUTES = new Set(['GET /', 'GET /app', 'GET /app/{*rest}', 'GET /designer', 'GET /designer/{*rest}', `GET ${V}/health`, `POST ${V}/auth/login`, `POST ${V}/public/web-forms/:id`, `OPTIONS ${V}/public/web-forms/:id`]);

/** The values of B's login events written since `before` (a login naming B's organisation is recorded there by design). */
async function newBLoginEvents(sinceId: number): Promise<{ user_id: string | null; success: boolean }[]> {
  return f.sql('SELECT user_id, success FROM tessera_system.login_events WHERE tenant_id = ? AND id > ?', [f.b.tenant.id, sinceId]);
}

/* ---------------------------------------------------------------- tests */

describe('route inventory', () => {
  it('every route the app registers has isolation probes, and every probed route exists', () => {
    const routes = listRoutes(createApp(f.server.services));
    expect(routes.length).toBeGreaterThan(40);
    expect(routes).toContain(`GET ${V}/records/:object/:id`);
    expect(routes.filter((r) => !(r in PROBES)), 'routes without an isolation probe in PROBES').toEqual([]);
    expect(Object.keys(PROBES).filter((r) => !routes.includes(r)), 'probes for routes the app does not have').toEqual([]);
  });
});

// Runs before the probes: A's API token must not have been used yet, so no last-use write lands in A during this test.
describe('forged, expired and revoked credentials get 401 AUTH_REQUIRED on every authenticated route', () => {
  const flip = (s: string) => s.slice(0, -1) + (s.endsWith('A') ? 'B' : 'A');
  const PARAMS: Record<string, () => string> = {
    object: () => 'deal',
    id: () => w.b.dealIds[0]!,
    name: () => 'deal',
    field: () => 'deal_total',
    v: () => String(w.b.maxVersion),
    principalId: () => f.b.user.id,
    key: () => 'home.widgets',
  };
  const credentials = (): [string, Record<string, string>][] => [
    ['no credentials', {}],
    ['a random token', { authorization: `Bearer ${randomBytes(32).toString('base64url')}` }],
    ['a random API token', { authorization: `Bearer tsk_${randomBytes(32).toString('base64url')}` }],
    ["B's API token with the wrong prefix", { authorization: `Bearer tsx_${f.b.token.secret.slice(4)}` }],
    ["B's API token without its prefix", { authorization: `Bearer ${f.b.token.secret.slice(4)}` }],
    ["B's API token with one character changed", { authorization: `Bearer ${flip(f.b.token.secret)}` }],
    ["B's session with one character changed", { authorization: `Bearer ${flip(f.b.admin.secret)}` }],
    ["B's session with one character changed, as the cookie", { cookie: `tessera_session=${flip(f.b.admin.secret)}` }],
    ["B's API token under another scheme", { authorization: `Token ${f.b.token.secret}` }],
    ['an over-long token', { authorization: `Bearer ${'a'.repeat(201)}` }],
    ["B's expired session", { authorization: `Bearer ${w.b.expiredSession}` }],
    ["B's revoked API token", { authorization: `Bearer ${w.b.revokedToken}` }],
    ["A's expired session", { authorization: `Bearer ${w.a.expiredSession}` }],
    ["A's revoked API token", { authorization: `Bearer ${w.a.revokedToken}` }],
  ];

  it('refuses every credential on every route and writes nothing in either tenant', async () => {
    const routes = listRoutes(createApp(f.server.services)).filter((r) => !PUBLIC_ROUTES.has(r));
    const before = [await snapshotTenant(f.sql, f.a.tenant), await snapshotTenant(f.sql, f.b.tenant)];
    const body = { name: 'forged', records: [{ name: 'forged' }], ids: w.b.dealIds, ownerId: f.a.admin.id, userId: f.a.user.id, access: 'edit', kind: 'user', id: f.a.user.id };
    const problems: string[] = [];
    await Promise.all(
      routes.map(async (route) => {
        const [method, pattern] = route.split(' ') as [string, string];
        const path = pattern.replace(/:([a-zA-Z]+)/g, (_m, p: string) => {
          if (!PARAMS[p]) throw new Error(`${route}: no value for :${p} in PARAMS`);
          return PARAMS[p]();
        });
        for (const [what, headers] of credentials()) {
          const a = await send(f, method, path, { headers, ...(method === 'GET' || method === 'DELETE' ? {} : { body }) });
          if (a.status !== 401 || a.body?.error?.code !== 'AUTH_REQUIRED') problems.push(`${route} with ${what}: ${a.status} ${a.text.slice(0, 200)}`);
        }
      }),
    );
    expect(problems).toEqual([]);
    const after = [await snapshotTenant(f.sql, f.a.tenant), await snapshotTenant(f.sql, f.b.tenant)];
    expect(changedKeys(before[0]!, after[0]!), 'tenant A changed').toEqual([]);
    expect(changedKeys(before[1]!, after[1]!), 'tenant B changed').toEqual([]);
  });
});

describe("A's admin, user and API token, sending B's ids, names, filters and cursors to every route", () => {
  for (const [route, spec] of Object.entries(PROBES)) {
    it(route, async () => {
      const before = await snapshotTenant(f.sql, f.b.tenant);
      const [{ max: lastEvent }] = await f.sql('SELECT coalesce(max(id), 0)::int AS max FROM tessera_system.login_events');
      const method = route.split(' ')[0]!;
      const problems: string[] = [];
      for (const actor of spec.actors ?? ACTORS) {
        for (const p of await spec.probes()) {
          const secret = spec.secret ? await spec.secret(actor) : secretOf(actor);
          const a = await send(f, method, p.path, { secret, ...(p.body === undefined ? {} : { body: p.body }), ...(p.headers ? { headers: p.headers } : {}) });
          problems.push(...(await judge(route, actor, spec, p, a, bMarkers())));
          await p.undo?.(a);
        }
      }
      expect(problems).toEqual([]);
      const changed = changedKeys(before, await snapshotTenant(f.sql, f.b.tenant));
      if (route === `POST ${V}/auth/login`) {
        // A failed sign-in naming B's organisation is B's to see: one event without a user, and its lock-out count.
        expect(changed.filter((k) => k !== 'system:login_events' && k !== 'system:login_lockouts'), 'tenant B changed').toEqual([]);
        expect((await newBLoginEvents(lastEvent)).every((e) => e.user_id === null && !e.success)).toBe(true);
      } else {
        expect(changed, 'tenant B changed').toEqual([]);
      }
    });
  }
});

describe('counts, metadata and OpenAPI never include B', () => {
  it("lists with count=true count only A's rows, for every actor", async () => {
    for (const actor of ACTORS) {
      for (const table of ['deal', 'company']) {
        const a = await send(f, 'GET', `${V}/records/${table}?count=true&limit=1000`, { secret: secretOf(actor) });
        const [{ n }] = await f.sql(`SELECT count(*)::int AS n FROM "${aSchema()}"."${table}"`);
        expect(a.body.total, `${actor} ${table}`).toBe(n);
        expect(a.body.records.map((r: { id: string }) => r.id).sort()).toEqual([...(await idsOf(aSchema(), table))].sort());
      }
    }
  });

  it("A's metadata and OpenAPI document never name B's objects, fields, views or value sets", async () => {
    for (const actor of ACTORS) {
      for (const path of ['/openapi.json', '/metadata/objects', '/metadata/value-sets', '/metadata/objects/deal/describe', '/metadata/objects/deal/schema', '/metadata/versions']) {
        const a = await send(f, 'GET', `${V}${path}`, { secret: secretOf(actor) });
        expect(a.status, path).toBe(200);
        expect(Object.values(B_NAMES).filter((n) => a.text.includes(n)), `${actor} ${path}`).toEqual([]);
      }
    }
  });
});

describe('nothing of B can be inferred', () => {
  it("a sign-in naming B's organisation answers as one naming none that exists", async () => {
    const attempt = (tenant: string) => send(f, 'POST', `${V}/auth/login`, { body: { email: f.a.user.email, password: 'a-wrong-guess-of-a-password', tenant } });
    const [named, unknown] = [await attempt(f.b.tenant.slug), await attempt(`nosuch_${randomBytes(4).toString('hex')}`)];
    expect([named.status, named.body]).toEqual([unknown.status, unknown.body]);
    expect(['AUTH_INVALID_CREDENTIALS', 'AUTH_RATE_LIMITED']).toContain(named.body.error.code);
  });

  it("an email A's admin gives an A user does not reveal, at sign-in, that B has a user with it", async () => {
    const created = await f.a.admin.client.post('/admin/users', { email: f.b.user.email, password: 'another-horse-battery-5' });
    expect(created.status).toBe(201);
    try {
      const res = await f.anonymous.post('/auth/login', { email: f.b.user.email, password: 'a-wrong-guess-of-a-password' });
      expect(JSON.stringify(res.body)).not.toContain(f.b.tenant.slug);
      expect(['AUTH_INVALID_CREDENTIALS', 'AUTH_RATE_LIMITED']).toContain(res.body.error.code);
    } finally {
      await f.sql('DELETE FROM tessera_system.users WHERE id = ?', [created.body.id]);
    }
  });
});
