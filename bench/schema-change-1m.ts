/**
 * `npm run bench` (second part): schema changes on a 1,000,000-row table.
 * Adds nullable fields through the metadata API and checks, with the table's
 * relfilenode, that PostgreSQL did not rewrite the table; times a dry-run, an
 * added field and an added indexed field. Writes its section of docs/benchmarks.md.
 */
import { loadConfig } from '../engine/core/config';
import { createLogger } from '../engine/core/logger';
import { openScratchDatabase } from '../engine/db/scratch-database';
import { createServices, startServer } from '../engine/server';
import type { RawObjectDef } from '../engine/shared/metadata-types';
import { benchObjectDef, INDUSTRIES } from './bench-object';
import { createBenchTenant } from './bench-tenant';
import { BENCHMARKS_DOC, writeDocSection } from './benchmarks-doc';
import { api } from './http-json';

const ROWS = Number(process.env.BENCH_SCHEMA_ROWS ?? 1_000_000);
const START = '<!-- schema-bench:start -->';
const END = '<!-- schema-bench:end -->';

interface Step {
  step: string;
  ms: number;
  rewritten: boolean | null;
  plan: string;
}

async function main(): Promise<void> {
  const database = await openScratchDatabase('tessera_bench_schema');
  const config = { ...loadConfig({}), port: 0, databaseUrl: database.url, logLevel: 'fatal' };
  const server = await startServer(config, await createServices(config, createLogger('fatal')));
  const db = server.services.db;
  try {
    const baseUrl = `http://127.0.0.1:${server.port}`;
    const { tenant, token } = await createBenchTenant(db, baseUrl, { slug: 'schema_bench', name: 'Schema bench', adminEmail: 'admin@schema.bench' });
    const put = async (def: RawObjectDef, query = '') => {
      const body = (await api(baseUrl, token, 'PUT', `/metadata/objects/${def.name}${query}`, def)) as { plan: { kind: string }[] };
      return body.plan.map((p) => p.kind).join(', ');
    };
    await put(benchObjectDef);
    const table = `"${tenant.schema}".bench_account`;
    process.stdout.write(`[schema-bench] inserting ${ROWS.toLocaleString('en')} rows\n`);
    await db.raw(
      `INSERT INTO ${table} (name, industry, annual_revenue, employees, founded)
       SELECT 'Company ' || g, (ARRAY[${INDUSTRIES.map((i) => `'${i}'`).join(',')}])[1 + g % ${INDUSTRIES.length}], (g % 100000) * 1000.5, g % 5000, DATE '2000-01-01' + (g % 9000)
       FROM generate_series(1, ${ROWS}) g`,
    );
    await db.raw(`VACUUM ANALYZE ${table}`);
    const filenode = async () => (await db.raw(`SELECT pg_relation_filenode(?) AS f`, [`${tenant.schema}.bench_account`])).rows[0].f as number;
    const size = (await db.raw(`SELECT pg_size_pretty(pg_total_relation_size(?)) AS s`, [`${tenant.schema}.bench_account`])).rows[0].s as string;
    const steps: Step[] = [];
    const measure = async (step: string, def: RawObjectDef, query = '') => {
      const before = await filenode();
      const t0 = performance.now();
      const plan = await put(def, query);
      const ms = performance.now() - t0;
      const rewritten = query.includes('dryRun') ? null : (await filenode()) !== before;
      steps.push({ step, ms, rewritten, plan });
      process.stdout.write(`[schema-bench] ${step}: ${ms.toFixed(0)} ms, rewritten: ${rewritten}\n`);
    };
    const withNote = { ...benchObjectDef, fields: [...benchObjectDef.fields, { name: 'note', type: 'textarea', label: 'Note' }] };
    const withTier = { ...withNote, fields: [...withNote.fields, { name: 'tier', type: 'picklist', label: 'Tier', options: { values: [{ value: 'a', label: 'A' }] } }] };
    const withIndexed = { ...withTier, fields: [...withTier.fields, { name: 'external_code', type: 'text', label: 'External code', indexed: true }] };
    await measure('dry-run: add a nullable textarea field', withNote, '?dryRun=true');
    await measure('add a nullable textarea field', withNote);
    await measure('add a nullable picklist field', withTier);
    await measure('add a nullable text field with an index', withIndexed);
    writeSection(steps, size, database.source);
  } finally {
    await server.close();
    await database.stop();
  }
}

function writeSection(steps: Step[], size: string, source: string): void {
  const rows = steps.map((s) => `| ${s.step} | ${s.plan} | ${s.ms.toFixed(0)} | ${s.rewritten === null ? '— (rolled back)' : s.rewritten ? '**yes**' : 'no'} |`);
  const section = `${START}
## Schema changes on a ${ROWS.toLocaleString('en')}-row table

- Date: ${new Date().toISOString()}; database: ${source}; table size ${size} (with indexes)
- Command: \`npm run bench\` (second part, \`bench/schema-change-1m.ts\`); \`BENCH_SCHEMA_ROWS\` changes the row count
- "Rewritten" compares the table's \`pg_relation_filenode\` before and after: a rewrite gives the table a new file.

| change (PUT /metadata/objects/bench_account) | plan | ms | table rewritten |
|---|---|---|---|
${rows.join('\n')}

Adding a nullable field without a default is a catalog-only change in
PostgreSQL, so its time does not grow with the table; an indexed field also
builds its index (one pass over the table, no rewrite).
${END}`;
  writeDocSection(BENCHMARKS_DOC, { start: START, end: END }, section);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
