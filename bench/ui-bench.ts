/**
 * `npm run bench` (web app part), measured in Debian's Chromium:
 * - the first page of a list over 200,000 records visible after navigation
 *   (target: within 1 s), cold (first visit, scripts loading) and warm;
 * - a 60-field form interactive after navigation (target: within 300 ms);
 * - the JavaScript the first screen loads, compressed as sent (target: well
 *   under 500 kB).
 * One fresh database (tessera_bench_ui), the product in its own process;
 * writes its section of docs/benchmarks.md.
 */
import type pg from 'pg';
import type { Db } from '../engine/db/knex';
import { buildUi } from '../scripts/build-ui';
import { launchBrowser, newPage } from '../tests/e2e/helpers/browser';
import { openBenchConnections } from './bench-database';
import { benchLog, runBench } from './bench-run';
import { BENCH_PASSWORD, createBenchTenant } from './bench-tenant';
import { BENCHMARKS_DOC, writeDocSection } from './benchmarks-doc';
import { startChildServer } from './child-server';
import { api } from './http-json';
import { median } from './latency-stats';
import { machineInfo } from './machine-info';

const ROWS = 200_000;
const WIDE_FIELDS = 60;
const RUNS = 5;
const START = '<!-- ui-bench:start -->';
const END = '<!-- ui-bench:end -->';

const log = benchLog('ui-bench');

const WIDE_TYPES = ['text', 'integer', 'currency', 'date', 'picklist', 'boolean', 'email', 'percent', 'textarea', 'datetime'] as const;

function wideField(i: number) {
  const type = WIDE_TYPES[i % WIDE_TYPES.length]!;
  const base = { name: `f${i + 1}`, type, label: { en: `Field ${i + 1}`, 'zh-CN': `字段 ${i + 1}` } };
  return type === 'picklist' ? { ...base, options: { values: ['a', 'b', 'c'].map((v) => ({ value: v, label: v.toUpperCase() })) } } : base;
}

async function setUp(sql: pg.Client, db: Db, baseUrl: string): Promise<{ email: string; tenant: string }> {
  const email = 'admin@ui.bench';
  const { tenant, admin, token } = await createBenchTenant(db, baseUrl, { slug: 'ui_bench', name: 'UI bench', adminEmail: email });
  await api(baseUrl, token, 'PUT', '/metadata/objects/ui_deal', {
    name: 'ui_deal',
    label: { en: 'Deal', 'zh-CN': '商机' },
    pluralLabel: { en: 'Deals', 'zh-CN': '商机' },
    fields: [
      { name: 'stage', type: 'picklist', label: 'Stage', options: { values: ['new', 'won', 'lost'].map((v) => ({ value: v, label: v })) } },
      { name: 'amount', type: 'currency', label: 'Amount', indexed: true },
      { name: 'close_date', type: 'date', label: 'Close date' },
      { name: 'city', type: 'text', label: 'City' },
    ],
  });
  await api(baseUrl, token, 'PUT', '/metadata/objects/ui_wide', { name: 'ui_wide', label: 'Wide', fields: Array.from({ length: WIDE_FIELDS }, (_, i) => wideField(i)) });
  await sql.query(
    `INSERT INTO "${tenant.schema}".ui_deal (name, owner_id, created_by, updated_by, stage, amount, close_date, city)
     SELECT 'Deal ' || g, $1::uuid, $1::uuid, $1::uuid, (ARRAY['new','won','lost'])[1 + g % 3], (g * 7919 % 1000000) / 100.0, DATE '2026-01-01' + g % 365, 'City ' || g % 50
     FROM generate_series(1, ${ROWS}) g`,
    [admin.id],
  );
  await sql.query(`VACUUM ANALYZE "${tenant.schema}".ui_deal`);
  return { email, tenant: tenant.slug };
}

/** ms from starting a navigation until `ready` resolves. */
async function timed(navigate: () => Promise<unknown>, ready: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await navigate();
  await ready();
  return performance.now() - t0;
}

async function main(): Promise<void> {
  await buildUi();
  const connections = await openBenchConnections('tessera_bench_ui');
  const { database, sql, db } = connections;
  const product = await startChildServer('product', 'bench/product-server.ts', { BENCH_DATABASE_URL: database.url });
  const browser = await launchBrowser();
  try {
    const baseUrl = `http://127.0.0.1:${product.port}`;
    const who = await setUp(sql, db, baseUrl);
    log(`${ROWS.toLocaleString('en-US')} deals and a ${WIDE_FIELDS}-field object ready`);
    const page = await newPage(browser);
    const scripts: { url: string; bytes: number }[] = [];
    page.on('response', async (r) => {
      if (r.url().endsWith('.js')) scripts.push({ url: r.url(), bytes: Number((await r.allHeaders())['content-length'] ?? (await r.body()).length) });
    });
    await page.goto(`${baseUrl}/app`);
    await page.waitForSelector('input[name=email]');
    const firstScreen = scripts.reduce((n, s) => n + s.bytes, 0);
    const firstScreenFiles = scripts.length;
    await page.fill('input[name=email]', who.email);
    await page.fill('input[name=password]', BENCH_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('nav[aria-label=objects]');
    const firstRow = () => page.waitForSelector('text=/^Deal \\d+$/', { timeout: 15_000 });
    const cold = await timed(() => page.goto(`${baseUrl}/app/o/ui_deal`), firstRow);
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.click('a[href="/app"]');
      await page.waitForSelector('nav[aria-label=objects]');
      warm.push(await timed(() => page.click('[data-testid=nav-ui_deal]'), firstRow));
    }
    const reload: number[] = [];
    for (let i = 0; i < RUNS; i++) reload.push(await timed(() => page.goto(`${baseUrl}/app/o/ui_deal`), firstRow));
    const lastField = () => page.getByLabel(`Field ${WIDE_FIELDS}`, { exact: true }).first().waitFor({ state: 'visible', timeout: 15_000 });
    const form: number[] = [];
    for (let i = 0; i < RUNS; i++) form.push(await timed(() => page.goto(`${baseUrl}/app/o/ui_wide/new`), lastField));
    const unique = new Map(scripts.map((x) => [x.url, x.bytes]));
    const allScripts = [...unique.values()].reduce((n, b) => n + b, 0);
    const machine = await machineInfo(sql);
    const section = [
      START,
      '## Web app in Chromium',
      '',
      `\`npm run bench\` (\`bench/ui-bench.ts\`). Date: ${new Date().toISOString()}; ${machine.cores} cores; Debian's Chromium headless, 1280×800; the product in its own process over a fresh \`tessera_bench_ui\`.`,
      `${ROWS.toLocaleString('en-US')} records in the list's object; times from starting the navigation until the first row's name (list) or the ${WIDE_FIELDS}th field (form) is on screen; median of ${RUNS} unless noted.`,
      '',
      '| Measure | Result | Target | Met |',
      '|---|---|---|---|',
      `| List, first visit after sign-in (scripts load) | ${cold.toFixed(0)} ms | ≤ 1,000 ms | ${cold <= 1000 ? 'yes' : '**no**'} |`,
      `| List, navigating from home inside the app | ${median(warm).toFixed(0)} ms | ≤ 1,000 ms | ${median(warm) <= 1000 ? 'yes' : '**no**'} |`,
      `| List, full page load of its URL | ${median(reload).toFixed(0)} ms | ≤ 1,000 ms | ${median(reload) <= 1000 ? 'yes' : '**no**'} |`,
      `| ${WIDE_FIELDS}-field form interactive (full page load of /new) | ${median(form).toFixed(0)} ms | ≤ 300 ms | ${median(form) <= 300 ? 'yes' : '**no**'} |`,
      `| JavaScript of the first screen (sign-in), as sent | ${(firstScreen / 1024).toFixed(1)} kB in ${firstScreenFiles} file(s) | < 500 kB | ${firstScreen < 500 * 1024 ? 'yes' : '**no**'} |`,
      `| JavaScript after visiting list and form, as sent | ${(allScripts / 1024).toFixed(1)} kB in ${unique.size} file(s) | — | — |`,
      END,
    ].join('\n');
    process.stdout.write(`${section}\n`);
    writeDocSection(BENCHMARKS_DOC, { start: START, end: END }, section);
    log('section written to docs/benchmarks.md');
  } finally {
    await browser.close();
    await product.stop();
    await connections.close();
  }
}

runBench('ui-bench', main);
