/**
 * `npm run bench` (security part): a 50-row list over 200,000 records of a
 * private object, as a manager whose access comes from the role hierarchy
 * (their ten reps' records), two sharing rules and manual shares, versus
 * the same list as an admin (no access predicate). Target: the manager's
 * p50 at most 2× the admin's. One run, one fresh database
 * (tessera_bench_security), the product in its own process; prints the
 * table and the EXPLAIN (ANALYZE) of the manager's page and count queries,
 * and writes its section of docs/benchmarks.md.
 */
import os from 'node:os';
import type pg from 'pg';
import type { Db } from '../engine/db/knex';
import { FieldTypeRegistry } from '../engine/field-types/registry';
import { MetadataCache } from '../engine/metadata/metadata-cache';
import { buildListQuery, type ListAccess } from '../engine/query/list-query';
import { parseListParams } from '../engine/query/list-params';
import { bindParams, type RuleRuntime } from '../engine/rules/sql/ctx-param';
import { makeFieldReadable } from '../engine/security/field-access';
import { loadSecurityModel } from '../engine/security/model/load-security-model';
import { recordAccessPredicate } from '../engine/security/record-access';
import { createUser } from '../engine/tenants/users';
import { openBenchConnections } from './bench-database';
import { benchLog, runBench, startWatchdog, writeResultsFile } from './bench-run';
import { BENCH_PASSWORD, createBenchTenant } from './bench-tenant';
import { BENCHMARKS_DOC, writeDocSection } from './benchmarks-doc';
import { startChildServer, type ChildServer } from './child-server';
import { api, login } from './http-json';
import { median } from './latency-stats';
import { runLoadRaw, sendOnce, type PreparedRequest } from './load';
import { mergeLoads, type LoadResult, type RawLoad } from './load-result';
import { machineInfo, type MachineInfo } from './machine-info';
import { atMost } from './targets';

const SETTINGS = {
  rows: 200_000,
  managers: 9,
  repsPerManager: 10,
  regions: ['north', 'south', 'east', 'west', 'central', 'coast', 'mountain', 'islands'],
  stages: ['prospect', 'qualified', 'negotiation', 'won', 'lost'],
  manualShares: 2_000,
  otherShares: 20_000,
  limit: 50,
  sort: '-amount',
  concurrencies: [1, 4],
  rounds: 4,
  warmupMs: 1_000,
  durationMs: 8_000,
  maxRequests: 20_000,
  sqlRepeats: 15,
} as const;
/** The target: the restricted list's p50 at most this multiple of the admin's. */
const TARGET = 2;
const OBJECT = 'sec_deal';
const WATCHDOG_MS = 6 * 60_000;
const START = '<!-- security-bench:start -->';
const END = '<!-- security-bench:end -->';

const log = benchLog('security-bench');

interface Setup {
  baseUrl: string;
  schema: string;
  table: string;
  adminToken: string;
  /** The manager the list is measured for, and the users below them. */
  manager: { id: string; token: string; scope: string[] };
  /** A rep with no one below them, for the SQL-only figures of a user who sees few records. */
  rep: { id: string };
}

interface Case {
  count: boolean;
  concurrency: number;
  manager: LoadResult;
  admin: LoadResult;
}

interface Plan {
  sql: string;
  plan: string;
  executionMs: number;
}

interface Results {
  finishedAt: string;
  machine: MachineInfo;
  database: string;
  visible: { total: number; owned: number; byRules: number; byShares: number };
  cases: Case[];
  /** Median ms of each statement alone (jit off, as the engine's connections run), with and without parallel workers. */
  sqlOnly: { parallel: Record<string, number>; serial: Record<string, number> };
  /** Records the low-visibility rep (rep2_1) sees. */
  repVisible: number;
  plans: { managerPage: Plan; managerCount: Plan; adminPage: Plan; repPage: Plan };
  /** The machine's 1-minute load average around each measured case. */
  loadAverage: { case: string; start: number; end: number }[];
}

/**
 * The object, the hierarchy (vp → 9 managers → 10 reps each, two departments),
 * 100 users placed through the admin API, and two sharing rules reaching the
 * measured manager (role manager_1, department east) plus rules for others.
 */
async function setUp(db: Db, sql: pg.Client, baseUrl: string): Promise<Setup> {
  const { tenant, admin, token: adminToken } = await createBenchTenant(db, baseUrl, { slug: 'security_bench', name: 'Security bench', adminEmail: 'admin@security.bench' });
  const values = (xs: readonly string[]) => ({ values: xs.map((v) => ({ value: v, label: v })) });
  await api(baseUrl, adminToken, 'PUT', `/metadata/objects/${OBJECT}`, {
    name: OBJECT,
    label: 'Deal',
    sharing: 'private',
    fields: [
      { name: 'region', type: 'picklist', label: 'Region', options: values(SETTINGS.regions) },
      { name: 'stage', type: 'picklist', label: 'Stage', options: values(SETTINGS.stages) },
      { name: 'amount', type: 'currency', label: 'Amount', indexed: true, options: { precision: 18, scale: 2 } },
      { name: 'close_date', type: 'date', label: 'Close date' },
    ],
  });
  const node = (kind: string, name: string, parentId?: string) => api(baseUrl, adminToken, 'POST', `/admin/${kind}`, { name, label: name, ...(parentId ? { parentId } : {}) }) as Promise<{ id: string }>;
  const vp = await node('roles', 'vp');
  const sales = await node('departments', 'sales');
  const east = await node('departments', 'east', sales.id);
  const west = await node('departments', 'west', sales.id);
  const users: { id: string; email: string; roleId: string; departmentId: string }[] = [];
  const place = async (email: string, roleId: string, departmentId: string) => {
    const u = await createUser(db, tenant.id, { email, password: BENCH_PASSWORD });
    users.push({ id: u.id, email, roleId, departmentId });
  };
  await place('vp@security.bench', vp.id, sales.id);
  const managerRoles: string[] = [];
  for (let m = 1; m <= SETTINGS.managers; m++) {
    const dept = m <= 5 ? east.id : west.id;
    const managerRole = await node('roles', `manager_${m}`, vp.id);
    const repRole = await node('roles', `rep_${m}`, managerRole.id);
    managerRoles.push(managerRole.id);
    await place(`manager${m}@security.bench`, managerRole.id, dept);
    for (let r = 1; r <= SETTINGS.repsPerManager; r++) await place(`rep${m}_${r}@security.bench`, repRole.id, dept);
  }
  for (const u of users) await api(baseUrl, adminToken, 'PATCH', `/admin/users/${u.id}`, { roleId: u.roleId, departmentId: u.departmentId });
  const rule = (name: string, criteria: unknown, kind: string, id: string) => api(baseUrl, adminToken, 'POST', '/admin/sharing-rules', { object: OBJECT, name, criteria, shareWith: { kind, id }, access: 'read' });
  await rule('north_to_manager_1', { '==': [{ var: 'region' }, 'north'] }, 'role', managerRoles[0]!);
  await rule('won_south_to_east', { and: [{ '==': [{ var: 'region' }, 'south'] }, { '==': [{ var: 'stage' }, 'won'] }] }, 'department', east.id);
  await rule('coast_to_manager_2', { '==': [{ var: 'region' }, 'coast'] }, 'role', managerRoles[1]!);
  await rule('islands_to_west', { '==': [{ var: 'region' }, 'islands'] }, 'department', west.id);

  const manager = users.find((u) => u.email === 'manager1@security.bench')!;
  const scope = users.filter((u) => u.email === manager.email || u.email.startsWith('rep1_')).map((u) => u.id);
  const table = `"${tenant.schema}"."${OBJECT}"`;
  const owners = users.map((u) => u.id);
  await sql.query(
    `INSERT INTO ${table} (name, owner_id, created_by, updated_by, region, stage, amount, close_date)
     SELECT 'Deal ' || g, ($1::uuid[])[1 + (g * 31) % ${owners.length}], $2::uuid, $2::uuid,
            ($3::text[])[1 + (g * 7) % ${SETTINGS.regions.length}], ($4::text[])[1 + (g * 13) % ${SETTINGS.stages.length}],
            ((g::bigint * 7919) % 10000000) / 100.0, DATE '2026-01-01' + (g % 700)
     FROM generate_series(1, ${SETTINGS.rows}) g`,
    [owners, admin.id, SETTINGS.regions, SETTINGS.stages],
  );
  // Manual shares: some to the manager (of records they would not see otherwise), many to other users.
  const shares = `"${tenant.schema}"._record_shares`;
  await sql.query(
    `INSERT INTO ${shares} (object, record_id, reason, principal_kind, principal_id, access)
     SELECT $1, id, 'manual', 'user', $2::uuid, 'read' FROM ${table} WHERE NOT (owner_id = ANY($3::uuid[])) AND region <> 'north' ORDER BY md5(id::text) LIMIT ${SETTINGS.manualShares}`,
    [OBJECT, manager.id, scope],
  );
  await sql.query(
    `INSERT INTO ${shares} (object, record_id, reason, principal_kind, principal_id, access)
     SELECT $1, id, 'team', 'user', ($2::uuid[])[1 + abs(hashtext(id::text)) % (${owners.length} - 1)], 'edit' FROM ${table} ORDER BY md5(id::text || 'x') LIMIT ${SETTINGS.otherShares}
     ON CONFLICT DO NOTHING`,
    [OBJECT, owners.filter((id) => id !== manager.id)],
  );
  await sql.query(`VACUUM ANALYZE ${table}`);
  await sql.query(`VACUUM ANALYZE ${shares}`);
  return { baseUrl, schema: tenant.schema, table, adminToken, manager: { id: manager.id, token: await login(baseUrl, manager.email, BENCH_PASSWORD, tenant.slug), scope }, rep: { id: users.find((u) => u.email === 'rep2_1@security.bench')!.id } };
}

const listPath = (count: boolean) => `/api/v1/records/${OBJECT}?sort=${SETTINGS.sort}&limit=${SETTINGS.limit}${count ? '&count=true' : ''}`;

/** What the manager should see, counted by hand (not by the engine), and the first page's ids. */
async function expectedView(sql: pg.Client, s: Setup): Promise<{ visible: Results['visible']; firstPage: string[] }> {
  const visibleSql = `owner_id = ANY($1::uuid[]) OR region = 'north' OR (region = 'south' AND stage = 'won')
     OR EXISTS (SELECT 1 FROM "${s.schema}"._record_shares rs WHERE rs.object = '${OBJECT}' AND rs.record_id = d.id AND rs.principal_id = ANY($1::uuid[]))`;
  const { rows } = await sql.query<{ total: string; owned: string; rules: string; shares: string }>(
    `SELECT count(*) FILTER (WHERE ${visibleSql}) AS total, count(*) FILTER (WHERE owner_id = ANY($1::uuid[])) AS owned,
            count(*) FILTER (WHERE NOT owner_id = ANY($1::uuid[]) AND (region = 'north' OR (region = 'south' AND stage = 'won'))) AS rules,
            count(*) FILTER (WHERE NOT owner_id = ANY($1::uuid[]) AND NOT (region = 'north' OR (region = 'south' AND stage = 'won')) AND ${visibleSql}) AS shares
     FROM ${s.table} d`,
    [s.manager.scope],
  );
  const page = await sql.query<{ id: string }>(`SELECT id FROM ${s.table} d WHERE ${visibleSql} ORDER BY amount DESC, id DESC LIMIT ${SETTINGS.limit}`, [s.manager.scope]);
  const r = rows[0]!;
  return { visible: { total: Number(r.total), owned: Number(r.owned), byRules: Number(r.rules), byShares: Number(r.shares) }, firstPage: page.rows.map((x) => x.id) };
}

/** Both sides answer what they should before anything is timed. */
async function sanityCheck(s: Setup, expected: Awaited<ReturnType<typeof expectedView>>): Promise<void> {
  for (const [who, token, total] of [['manager', s.manager.token, expected.visible.total], ['admin', s.adminToken, SETTINGS.rows]] as const) {
    const res = await sendOnce(Number(new URL(s.baseUrl).port), { method: 'GET', path: listPath(true), headers: { authorization: `Bearer ${token}` } });
    const body = JSON.parse(res.body.toString()) as { records: { id: string }[]; total: number };
    if (res.status !== 200 || body.total !== total || body.records.length !== SETTINGS.limit) throw new Error(`${who}: HTTP ${res.status}, total ${body.total} (expected ${total}), ${body.records?.length} records`);
    if (who === 'manager' && body.records.some((r, i) => r.id !== expected.firstPage[i])) throw new Error('manager: the first page differs from the hand-written query');
  }
}

/** Manager, admin, manager, admin … rounds at one concurrency; warm-up before each side's first round. */
async function measure(port: number, pid: number, s: Setup, count: boolean, concurrency: number): Promise<Case> {
  const sides = [s.manager.token, s.adminToken].map((token): PreparedRequest => ({ method: 'GET', path: listPath(count), headers: { authorization: `Bearer ${token}` } }));
  const raws: RawLoad[][] = [[], []];
  const budget = { durationMs: Math.ceil(SETTINGS.durationMs / SETTINGS.rounds), maxRequests: Math.ceil(SETTINGS.maxRequests / SETTINGS.rounds) };
  for (let round = 0; round < SETTINGS.rounds; round++) {
    for (const [k, request] of sides.entries()) {
      const raw = await runLoadRaw({ port, serverPid: pid, concurrency, expectStatus: 200, request: () => request, ...budget, warmupMs: round === 0 ? SETTINGS.warmupMs : 0 });
      if (raw.errors) throw new Error(`${k ? 'admin' : 'manager'} list: ${raw.errors} failed requests; first: ${raw.firstError}`);
      raws[k]!.push(raw);
    }
  }
  return { count, concurrency, manager: mergeLoads(raws[0]!), admin: mergeLoads(raws[1]!) };
}

interface Statement {
  text: string;
  bindings: unknown[];
}

/** The engine's own page and count SQL for one user (the access predicate included), or for an admin when userId is undefined. */
async function engineSql(db: Db, s: Setup, userId?: string): Promise<{ page: Statement; count: Statement }> {
  const registry = new FieldTypeRegistry();
  const meta = await new MetadataCache(db, registry).get(s.schema);
  const obj = meta.object(OBJECT);
  const params = parseListParams({ sort: SETTINGS.sort, limit: String(SETTINGS.limit), count: 'true' });
  let restricted: ListAccess | undefined;
  let rt: RuleRuntime = { now: new Date() };
  if (userId) {
    const access = (await loadSecurityModel(db, s.schema)).accessOf(userId, false);
    const predicate = recordAccessPredicate(access, meta, registry, obj, 'read');
    restricted = { readable: makeFieldReadable(access, meta, registry), ...(predicate ? { predicate } : {}) };
    rt = { now: new Date(), user: { id: userId, roles: access.roleNames, department: access.departmentName } };
  }
  const q = buildListQuery(obj, params, registry, meta.snapshot, restricted);
  const native = (frag: { sql: string; params: unknown[] }): Statement => {
    const n = db.raw(frag.sql, bindParams(frag.params, rt) as never).toSQL().toNative();
    return { text: n.sql, bindings: [...n.bindings] };
  };
  return { page: native(q.page), count: native(q.count!) };
}

async function explain(sql: pg.Client, st: Statement): Promise<Plan> {
  const plan = (await sql.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${st.text}`, st.bindings)).rows.map((r) => r['QUERY PLAN']).join('\n');
  return { sql: st.text, plan, executionMs: Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN) };
}


/** Median ms of each statement, run in turns on one connection. */
async function timeStatements(sql: pg.Client, statements: Record<string, Statement>): Promise<Record<string, number>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(statements).map((k) => [k, []]));
  for (let i = 0; i < SETTINGS.sqlRepeats; i++) {
    for (const [k, st] of Object.entries(statements)) {
      const t0 = performance.now();
      await sql.query(st.text, st.bindings);
      times[k]!.push(performance.now() - t0);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, median(xs)]));
}

async function sqlFigures(db: Db, sql: pg.Client, s: Setup): Promise<Pick<Results, 'sqlOnly' | 'plans' | 'repVisible'>> {
  const manager = await engineSql(db, s, s.manager.id);
  const admin = await engineSql(db, s);
  const rep = await engineSql(db, s, s.rep.id);
  const statements: Record<string, Statement> = {
    managerPage: manager.page,
    adminPage: admin.page,
    repPage: rep.page,
    managerCount: manager.count,
    adminCount: admin.count,
    repCount: rep.count,
  };
  await sql.query('SET jit = off');
  const parallel = await timeStatements(sql, statements);
  await sql.query('SET max_parallel_workers_per_gather = 0');
  const serial = await timeStatements(sql, statements);
  await sql.query('RESET max_parallel_workers_per_gather');
  const plans = {
    managerPage: await explain(sql, manager.page),
    managerCount: await explain(sql, manager.count),
    adminPage: await explain(sql, admin.page),
    repPage: await explain(sql, rep.page),
  };
  const repVisible = Number((await sql.query<{ total: string }>(rep.count.text, rep.count.bindings)).rows[0]!.total);
  return { sqlOnly: { parallel, serial }, plans, repVisible };
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const int = (n: number) => Math.round(n).toLocaleString('en-US');

function tableMarkdown(r: Results): string {
  const lines = ['| List (limit 50, sort -amount) | Manager req/s | Admin req/s | Manager p50 / p99 ms | Admin p50 / p99 ms | Manager / admin | Target | Met |', '|---|---|---|---|---|---|---|---|'];
  for (const c of r.cases) {
    const check = atMost(c.manager.latencyMs.p50, c.admin.latencyMs.p50, TARGET, 'p50');
    lines.push(
      `| ${c.count ? 'page + count=true' : 'page'}, c=${c.concurrency} | ${int(c.manager.reqPerSec)} | ${int(c.admin.reqPerSec)} | ${ms(c.manager.latencyMs.p50)} / ${ms(c.manager.latencyMs.p99)} | ${ms(c.admin.latencyMs.p50)} / ${ms(c.admin.latencyMs.p99)} | ${check.ratioLabel} | ${check.target} | ${check.met ? 'yes' : '**no**'} |`,
    );
  }
  return lines.join('\n');
}

/** A plan for the doc: long id arrays shortened, buffer and planning lines left out. */
const planForDoc = (p: Plan) =>
  p.plan
    .split('\n')
    .filter((l) => !/^\s*(Buffers|Planning|Heap Fetches)/.test(l))
    .map((l) => l.replace(/'\{[0-9a-f,-]{100,}\}'::uuid\[\]/g, (m) => `'{…${m.split(',').length} ids…}'::uuid[]`))
    .join('\n');
const totalCost = (p: Plan) => Number(/cost=[\d.]+\.\.([\d.]+)/.exec(p.plan)?.[1] ?? NaN);

/** What the figures say about the count, computed from this run. */
function findings(r: Results): string {
  const on = r.sqlOnly.parallel;
  const serial = r.sqlOnly.serial;
  const walked = (p: Plan) => Number(/Rows Removed by Filter: (\d+)/.exec(p.plan)?.[1] ?? 0) + SETTINGS.limit + 1;
  return [
    `- **Page**: the manager's page query walks the \`amount\` index backwards and checks the access predicate row by row until 51 rows qualify`,
    `  (about ${int(walked(r.plans.managerPage))} index entries); a record share is one array overlap on the row (\`_shared_read && ARRAY[the user's principals]\`,`,
    `  the arrays kept by a trigger on \`_record_shares\`), so there is no sub-plan. Alone: manager ${ms(on.managerPage!)} ms, admin ${ms(on.adminPage!)} ms.`,
    `- **Count** (beyond the target, which is for the 50-row list): the predicate runs on every row, where the admin's count reads only the narrow \`owner_id\` index: manager ${ms(on.managerCount!)} ms, admin`,
    `  ${ms(on.adminCount!)} ms (cost ${int(totalCost(r.plans.managerCount))}; without parallel workers ${ms(serial.managerCount!)} vs ${ms(serial.adminCount!)} ms). The engine's connections run`,
    `  with \`jit = off\`: with PostgreSQL's default, a count costed this high compiled JIT code first (50–130 ms of a 90–170 ms count in earlier runs).`,
    `- **A rep who sees few records** (rep2_1: no one below, one department rule; ${int(r.repVisible)} visible, ${((r.repVisible / SETTINGS.rows) * 100).toFixed(1)} %): the page walks about`,
    `  ${int(walked(r.plans.repPage))} index entries until 51 qualify — page alone ${ms(on.repPage!)} ms, count ${ms(on.repCount!)} ms. The fewer records a user sees, the further a`,
    `  sorted page walks; for a user who sees almost nothing of a large object, a filter an index can serve (e.g. "my records") is the fast path.`,
  ].join('\n');
}

const loadRange = (r: Results) => {
  const xs = r.loadAverage.flatMap((l) => [l.start, l.end]);
  return `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)} on ${r.machine.cores} cores`;
};

function section(r: Results, resultsFile: string): string {
  const v = r.visible;
  return `${START}
## Security: a restricted list vs the same list as admin

\`npm run bench\` (last part, \`bench/security-list-bench.ts\`). Date: ${r.finishedAt}; ${r.machine.cores} cores (${r.machine.cpuModel}); Node ${r.machine.node};
${r.machine.postgres.split(',')[0]}; database: ${r.database}, fresh \`tessera_bench_security\`. Raw results: \`${resultsFile}\`.

${int(SETTINGS.rows)} records of a **private** object owned by 100 users (vp → 9 managers → 10 reps each; departments east and west).
The measured user is a manager: owner scope = themselves and their 10 reps (${int(v.owned)} records), sharing rules
(region north → their role; south and won → their department) add ${int(v.byRules)}, shares to them or their reps ${int(v.byShares)}: **${int(v.total)} visible**
(${((v.total / SETTINGS.rows) * 100).toFixed(1)} %). \`_record_shares\` holds ${int(SETTINGS.manualShares + SETTINGS.otherShares)} rows; two more rules reach other users.
\`amount\` is \`indexed: true\`; besides the engine's own indexes (\`name\`, \`owner_id\`) nothing was added for security. \`GET /api/v1/records/${OBJECT}?sort=-amount&limit=50[&count=true]\` over HTTP
(session token), manager vs admin in ${SETTINGS.rounds} alternating rounds, ${SETTINGS.warmupMs / 1000} s warm-up, ${SETTINGS.durationMs / 1000} s per side; the
manager's first page and total are checked against a hand-written query before timing. 1-minute load average during the measurements:
${loadRange(r)} (other work on a shared machine shows here).

${tableMarkdown(r)}

The SQL alone: the engine's own statements, ${SETTINGS.sqlRepeats} runs each in turns on one connection, median.

${findings(r)}

The manager's page query (EXPLAIN ANALYZE):

\`\`\`
${planForDoc(r.plans.managerPage)}
\`\`\`

The manager's count:

\`\`\`
${planForDoc(r.plans.managerCount)}
\`\`\`
${END}`;
}

async function main(): Promise<void> {
  startWatchdog('security-bench', WATCHDOG_MS);
  const connections = await openBenchConnections('tessera_bench_security');
  const { database, sql, db } = connections;
  log(`database: ${database.source}, fresh tessera_bench_security`);
  let product: ChildServer | undefined;
  try {
    product = await startChildServer('product', 'bench/product-server.ts', { BENCH_DATABASE_URL: database.url });
    const s = await setUp(db, sql, `http://127.0.0.1:${product.port}`);
    const expected = await expectedView(sql, s);
    await sanityCheck(s, expected);
    log(`${int(SETTINGS.rows)} records loaded; the manager sees ${int(expected.visible.total)} (owned ${int(expected.visible.owned)}, rules ${int(expected.visible.byRules)}, shares ${int(expected.visible.byShares)}); first page and totals checked`);
    const cases: Case[] = [];
    const loadAverage: Results['loadAverage'] = [];
    for (const count of [false, true]) {
      for (const concurrency of SETTINGS.concurrencies) {
        const name = `list${count ? ' + count' : ''}, c=${concurrency}`;
        log(`${name}: manager vs admin, ${SETTINGS.rounds} alternating rounds`);
        const start = os.loadavg()[0]!;
        cases.push(await measure(product.port, product.pid, s, count, concurrency));
        loadAverage.push({ case: name, start, end: os.loadavg()[0]! });
      }
    }
    const figures = await sqlFigures(db, sql, s);
    const results: Results = { finishedAt: new Date().toISOString(), machine: await machineInfo(sql), database: database.source, visible: expected.visible, cases, ...figures, loadAverage };
    const resultsFile = writeResultsFile('security-bench', results.finishedAt, results, (_k, v) => (v instanceof Float64Array ? undefined : v));
    writeDocSection(BENCHMARKS_DOC, { start: START, end: END }, section(results, resultsFile));
    const p = figures.plans;
    process.stdout.write(
      `\n${tableMarkdown(results)}\n\n${findings(results)}\n\nEXPLAIN (ANALYZE, BUFFERS) of the manager's page query:\n${p.managerPage.sql}\n${p.managerPage.plan}\n\n` +
        `The manager's count:\n${p.managerCount.sql}\n${p.managerCount.plan}\n\nThe admin's page:\n${p.adminPage.plan}\n\nThe rep's page:\n${p.repPage.plan}\n\n`,
    );
    log(`results: ${resultsFile}; section written to docs/benchmarks.md`);
  } finally {
    await product?.stop();
    await connections.close();
  }
}

runBench('security-bench', main);
