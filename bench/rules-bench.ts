/**
 * `npm run bench` (last part): validation rules, formula lists and roll-ups.
 *   1. validation throughput: the shared interpreter alone, then 100,000 deals
 *      through the bulk API with and without five validation rules;
 *   2. a list filtered and sorted by a formula over 200,000 rows vs the same
 *      SQL by hand (Express + pg in a child process);
 *   3. the cost of keeping two roll-ups on a child insert, single and bulk.
 * One run, one fresh database (tessera_bench_rules), the product in its own
 * process. Prints the table and writes its section of docs/benchmarks.md.
 */
import os from 'node:os';
import type { RawObjectDef } from '../engine/shared/metadata-types';
import { openBenchConnections } from './bench-database';
import { benchLog, runBench, startWatchdog, writeResultsFile } from './bench-run';
import { createBenchTenant } from './bench-tenant';
import { BENCHMARKS_DOC } from './benchmarks-doc';
import { startChildServer, type ChildServer } from './child-server';
import { requestJson } from './http-json';
import { machineInfo } from './machine-info';
import { tableOf, type RulesBenchContext } from './rules/context';
import { loadItems, runFormulaList } from './rules/formula-list-bench';
import { CHILD_PLAIN, CHILD_ROLLUP, childDef, DEAL_PLAIN, DEAL_RULED, dealDef, ITEM_OBJECT, itemDef, parentDef } from './rules/objects';
import { resultsText, rulesSection, writeRulesSection, type RulesBenchResults } from './rules/report';
import { runRollupBench } from './rules/rollup-bench';
import { generateDeals, runInterpreterBench, runValidationBulk, VALIDATION } from './rules/validation-bench';
import { WaitSampler } from './rules/wait-sampler';

/** The whole run is meant to take under 4 minutes; past this it aborts. */
const WATCHDOG_MS = 6 * 60_000;

const started = Date.now();
const log = benchLog('rules-bench', started);

/** PUT /metadata/objects/<name>; answers the error instead of throwing when `soft`. */
async function define(baseUrl: string, token: string, def: RawObjectDef, soft = false): Promise<string | undefined> {
  const res = await requestJson(baseUrl, 'PUT', `/api/v1/metadata/objects/${def.name}`, def, token);
  if (res.status === 200) return undefined;
  const problem = `PUT /metadata/objects/${def.name}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`;
  if (soft) return problem;
  throw new Error(problem);
}

async function main(): Promise<void> {
  startWatchdog('rules-bench', WATCHDOG_MS);
  const connections = await openBenchConnections('tessera_bench_rules');
  const { database, sql, db } = connections;
  log(`database: ${database.source}, fresh tessera_bench_rules`);
  const children: ChildServer[] = [];
  const sampler = new WaitSampler(database.url);
  const loadAverage: RulesBenchResults['loadAverage'] = [];
  /** Runs one part, noting the machine's load average before and after. */
  const part = async <T>(name: string, run: () => Promise<T> | T): Promise<T> => {
    const start = os.loadavg()[0]!;
    const out = await run();
    loadAverage.push({ part: name, start, end: os.loadavg()[0]! });
    return out;
  };
  try {
    await sampler.start();
    const product = await startChildServer('product', 'bench/product-server.ts', { BENCH_DATABASE_URL: database.url });
    children.push(product);
    const baseUrl = `http://127.0.0.1:${product.port}`;
    const { tenant, admin: user, token } = await createBenchTenant(db, baseUrl, { slug: 'rules_bench', name: 'Rules bench', adminEmail: 'admin@rules.bench' });
    for (const def of [dealDef(DEAL_PLAIN, false), dealDef(DEAL_RULED, true), itemDef, parentDef(false), childDef(CHILD_ROLLUP), childDef(CHILD_PLAIN)]) await define(baseUrl, token, def);
    // The roll-ups go on last (they need the child object); a refusal is reported, not fatal.
    const rollupError = await define(baseUrl, token, parentDef(true), true);
    if (rollupError) log(`WARNING roll-ups refused: ${rollupError}`);
    log(`product pid ${product.pid} on :${product.port}; tenant ${tenant.slug}; objects defined`);

    const ctx: RulesBenchContext = { product: { port: product.port, pid: product.pid, token }, tenant: { schema: tenant.schema, userId: user.id }, databaseUrl: database.url, sql, db, sampler, log };
    const machine = await machineInfo(sql);
    const startedAt = new Date().toISOString();

    const now = new Date();
    const deals = generateDeals(VALIDATION.records, now);
    log(`1a: shared interpreter, 5 rules × ${VALIDATION.records.toLocaleString('en-US')} records`);
    const interpreter = await part('1a', () => runInterpreterBench(deals, now, log));
    const validation = await part('1b', () => runValidationBulk(ctx, deals, now));

    log(`2: loading ${(200_000).toLocaleString('en-US')} items`);
    await loadItems(ctx);
    const baseline = await startChildServer('formula-baseline', 'bench/rules/formula-baseline-server.ts', { BENCH_DATABASE_URL: database.url, BENCH_FORMULA_TABLE: tableOf(ctx, ITEM_OBJECT) });
    children.push(baseline);
    const formula = await part('2', () => runFormulaList(ctx, baseline));
    await baseline.stop();

    const rollup = await part('3', () => runRollupBench(ctx, rollupError));
    await sampler.stop();

    const finishedAt = new Date().toISOString();
    const results: RulesBenchResults = { startedAt, finishedAt, elapsedS: (Date.now() - started) / 1000, machine, database: { source: database.source }, interpreter, validation, formula, rollup, waits: sampler.all(), loadAverage };
    const resultsFile = writeResultsFile('rules-bench', finishedAt, results);
    writeRulesSection(BENCHMARKS_DOC, rulesSection(results, resultsFile));
    process.stdout.write(`\n${resultsText(results)}\n\n`);
    log(`results: ${resultsFile}; section written to docs/benchmarks.md`);
  } finally {
    await sampler.stop();
    for (const c of children.reverse()) await c.stop();
    await connections.close();
  }
}

runBench('rules-bench', main);
