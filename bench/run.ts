/**
 * `npm run bench`: Tessera vs a hand-written Express + pg server on the same
 * PostgreSQL — W1 single creates, W2 bulk load vs COPY, W3 filtered list —
 * then the table on stdout, in docs/benchmarks.md and as JSON in bench/.results/.
 */
import path from 'node:path';
import pg from 'pg';
import { openBenchDatabase } from './bench-database';
import type { BenchResults } from './bench-results';
import { benchLog, RESULTS_DIR, runBench, startWatchdog, writeResultsFile } from './bench-run';
import { benchSettings } from './bench-settings';
import { BENCHMARKS_DOC, benchSection, writeBenchmarksDoc } from './benchmarks-doc';
import { BASELINE_TABLE, checkSameShape, createBaselineTable } from './baseline-schema';
import { startChildServer, type ChildServer } from './child-server';
import { truncate, vacuumAnalyze } from './db-maintenance';
import type { LoadResult } from './load';
import { machineInfo } from './machine-info';
import { setUpProductTenant } from './product-setup';
import { cpuText } from './cpu-table';
import { resultsText } from './results-table';
import { runBulkWorkload } from './workloads/bulk-load';
import { runCreateWorkload } from './workloads/create-records';
import { runListWorkload } from './workloads/list-records';
import type { WorkloadContext } from './workloads/workload-context';

const log = benchLog('bench');

function warnOnErrors(name: string, r: LoadResult): void {
  if (r.errors) log(`WARNING ${name}: ${r.errors} failed requests; first: ${r.firstError}`);
}

async function main(): Promise<void> {
  const settings = benchSettings();
  startWatchdog('bench', settings.watchdogMs);

  const database = await openBenchDatabase();
  log(`database: ${database.source}, fresh tessera_bench`);
  const sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  const children: ChildServer[] = [];
  try {
    const profileArgs = process.env.BENCH_PROFILE === '1' ? ['--cpu-prof', `--cpu-prof-dir=${path.join(RESULTS_DIR, 'profiles')}`] : [];
    const product = await startChildServer('product', 'bench/product-server.ts', { BENCH_DATABASE_URL: database.url }, profileArgs);
    children.push(product);
    const tenant = await setUpProductTenant(database.url, `http://127.0.0.1:${product.port}`);
    await createBaselineTable(sql);
    const shape = await checkSameShape(sql, tenant.schema);
    log(`product pid ${product.pid} on :${product.port}; bench_account defined; baseline table matches (${shape.columns} columns, ${shape.indexes.length} indexes)`);
    const baseline = await startChildServer('baseline', 'bench/baseline-server.ts', { BENCH_DATABASE_URL: database.url, BENCH_BASELINE_TABLE: BASELINE_TABLE, BENCH_OWNER_ID: tenant.userId });
    children.push(baseline);
    log(`baseline pid ${baseline.pid} on :${baseline.port}`);

    const ctx: WorkloadContext = {
      settings,
      product: { port: product.port, pid: product.pid, token: tenant.token, table: tenant.table },
      baseline: { port: baseline.port, pid: baseline.pid, table: BASELINE_TABLE, ownerId: tenant.userId },
      databaseUrl: database.url,
      sql,
      log,
    };
    const machine = await machineInfo(sql);
    const startedAt = new Date().toISOString();

    const w1 = await runCreateWorkload(ctx);
    warnOnErrors('W1 product', w1.product);
    warnOnErrors('W1 baseline', w1.baseline);
    await truncate(sql, [tenant.table, BASELINE_TABLE]);

    const w2 = await runBulkWorkload(ctx);
    log('VACUUM ANALYZE both tables');
    await vacuumAnalyze(sql, [tenant.table, BASELINE_TABLE]);

    const w3 = await runListWorkload(ctx);
    for (const run of w3.runs) {
      warnOnErrors(`W3 c=${run.concurrency} product`, run.product);
      warnOnErrors(`W3 c=${run.concurrency} baseline`, run.baseline);
    }

    const results: BenchResults = { startedAt, finishedAt: new Date().toISOString(), settings, machine, database: { source: database.source }, setup: { baselineColumns: shape.columns, indexes: shape.indexes }, w1, w2, w3 };
    const resultsFile = writeResultsFile('bench', results.finishedAt, results);
    writeBenchmarksDoc(BENCHMARKS_DOC, benchSection(results, resultsFile));

    process.stdout.write(`\n${resultsText(results)}\n\nWhere the time goes (CPU per request, from /proc):\n${cpuText(results)}\n\n`);
    log(`results: ${resultsFile}; table written to docs/benchmarks.md`);
  } finally {
    for (const c of children.reverse()) await c.stop();
    await sql.end().catch(() => undefined);
    await database.stop();
  }
}

runBench('bench', main);
