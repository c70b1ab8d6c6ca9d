import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestTenant } from '../helpers/test-server';
import { newPage, screenshot } from './helpers/browser';
import { signInAsAdmin, startBrowserTenant } from './helpers/browser-tenant';
import { firstName, poll, scrollListUntil } from './helpers/list-page';

/**
 * The generated list in Chromium: sort by a header, filter with the builder,
 * quick search, scroll to load further pages, select rows for a bulk edit and
 * an owner change, save a personal view, export CSV; then on a phone.
 */
let t: TestTenant;
let browser: Browser;
let base: string;
let rep: { id: string };
const COUNT = 250;
const INDUSTRIES = ['it', 'finance', 'retail'] as const;
const industryOf = (i: number) => INDUSTRIES[i % 3]!;
const pad = (i: number) => String(i).padStart(3, '0');
const v = (value: string, en: string, zh: string, color?: string) => ({ value, label: { en, 'zh-CN': zh }, ...(color ? { color } : {}) });

beforeAll(async () => {
  ({ t, browser, base } = await startBrowserTenant('e2elist'));
  await t.admin.defineObject({ name: 'firm', label: { en: 'Firm', 'zh-CN': '集团' }, fields: [] });
  await t.admin.defineObject({
    name: 'account',
    label: { en: 'Account', 'zh-CN': '客户' },
    pluralLabel: { en: 'Accounts', 'zh-CN': '客户' },
    fields: [
      { name: 'industry', type: 'picklist', label: { en: 'Industry', 'zh-CN': '行业' }, options: { values: [v('it', 'IT', '信息技术', '#1f6feb'), v('finance', 'Finance', '金融', '#0e7c3a'), v('retail', 'Retail', '零售')] } },
      { name: 'revenue', type: 'currency', label: { en: 'Revenue', 'zh-CN': '收入' } },
      { name: 'employees', type: 'integer', label: { en: 'Employees', 'zh-CN': '员工数' } },
      { name: 'founded', type: 'date', label: { en: 'Founded', 'zh-CN': '成立日期' } },
      { name: 'vip', type: 'boolean', label: { en: 'VIP', 'zh-CN': '重要客户' } },
      { name: 'tags', type: 'multipicklist', label: { en: 'Tags', 'zh-CN': '标签' }, options: { values: [v('new', 'New', '新'), v('key', 'Key', '重点')] } },
      { name: 'firm', type: 'lookup', label: { en: 'Firm', 'zh-CN': '集团' }, options: { target: 'firm' } },
    ],
  });
  const firms = [(await t.admin.post('/records/firm', { name: 'Firm One' })).body.id, (await t.admin.post('/records/firm', { name: '云杉集团' })).body.id];
  const records = Array.from({ length: COUNT }, (_, k) => {
    const i = k + 1;
    return { name: `Account ${pad(i)}`, industry: industryOf(i), revenue: i * 1000.5, employees: i, founded: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-15`, vip: i % 5 === 0, tags: i % 2 ? ['new'] : ['new', 'key'], firm: firms[i % 2] };
  });
  expect((await t.admin.post('/records/account/bulk', { records })).status).toBe(201);
  rep = await t.newUser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const total = (page: Page) => page.getByTestId('list-total');
const accountByName = async (name: string) => (await t.admin.get(`/records/account?filter=${encodeURIComponent(JSON.stringify({ '==': [{ var: 'name' }, name] }))}`)).body.records[0];

it('sorts, filters, searches, scrolls, bulk-edits, changes owners, saves a view and exports', async () => {
  const page = await newPage(browser);
  await signInAsAdmin(page, base, t);
  const cursorPages: string[] = [];
  page.on('request', (r) => r.url().includes('/api/v1/records/account?') && r.url().includes('cursor=') && cursorPages.push(r.url()));
  await page.click('[data-testid=nav-account]');
  await poll(() => total(page).textContent()).toBe('250 records');
  await page.locator('.lv-td[data-field=firm] a', { hasText: 'Firm One' }).first().waitFor();
  expect(await page.locator('.lv-td[data-field=industry]').first().textContent()).toMatch(/^(IT|Finance|Retail)$/);

  // Sort by a header: ascending, then descending.
  const employees = page.locator('[role=columnheader][data-field=employees]');
  await employees.locator('button').click();
  await poll(() => firstName(page).textContent()).toBe('Account 001');
  expect(await employees.getAttribute('aria-sort')).toBe('ascending');
  await employees.locator('button').click();
  await poll(() => firstName(page).textContent()).toBe('Account 250');
  expect(page.url()).toContain('sort=-employees');
  await screenshot(page, 'list');

  // The filter builder: industry is Finance, and at least 200 employees.
  await page.click('[data-testid=toggle-filter]');
  await page.click('[data-testid=filter-add-condition]');
  await page.getByTestId('filter-field').selectOption('industry');
  await page.getByTestId('filter-builder').getByRole('button', { name: 'Finance' }).click();
  const finance = Array.from({ length: COUNT }, (_, k) => k + 1).filter((i) => industryOf(i) === 'finance');
  await poll(() => total(page).textContent()).toBe(`${finance.length} records`);
  await page.click('[data-testid=filter-add-condition]');
  await page.getByTestId('filter-field').nth(1).selectOption('employees');
  await page.getByTestId('filter-op').nth(1).selectOption('ge');
  await page.getByTestId('filter-condition').nth(1).getByLabel('Value').fill('200');
  const big = finance.filter((i) => i >= 200);
  await poll(() => total(page).textContent()).toBe(`${big.length} records`);
  expect(await firstName(page).textContent()).toBe(`Account ${pad(big.at(-1)!)}`);
  await screenshot(page, 'list-filter');

  // Save it as a personal view (stored per user on the server).
  await page.click('[data-testid=view-save-open]');
  await page.fill('[data-testid=view-name]', 'Big finance');
  await page.click('[data-testid=view-save]');
  await poll(async () => (await page.getByTestId('view-picker').locator('option:checked').textContent())?.trim()).toBe('Big finance');
  const prefs = (await t.admin.get('/me/prefs/views.account')).body.value;
  expect(prefs).toMatchObject([{ label: 'Big finance', filter: { and: [{ in: [{ var: 'industry' }, ['finance']] }, { '>=': [{ var: 'employees' }, 200] }] } }]);

  await page.click('[data-testid=clear-filter]');
  await poll(() => total(page).textContent()).toBe('250 records');

  // Quick search.
  await page.fill('[data-testid=quick-search]', 'Account 00');
  await poll(() => total(page).textContent()).toBe('9 records');
  expect(page.url()).toContain('q=Account+00');
  await page.fill('[data-testid=quick-search]', '');
  await poll(() => total(page).textContent()).toBe('250 records');

  // Scroll: further keyset pages load as the end nears, never all at once.
  await employees.locator('button').click();
  await employees.locator('button').click();
  await poll(() => firstName(page).textContent()).toBe('Account 001');
  expect(cursorPages).toEqual([]);
  const scroller = await scrollListUntil(page, 'Account 250');
  expect(cursorPages.length).toBe(2);
  expect(await page.locator('.lv-body [role=row]').count()).toBeLessThan(100);
  await scroller.evaluate((el) => el.scrollTo(0, 0));

  // Select three rows → bulk edit the industry.
  await poll(() => firstName(page).textContent()).toBe('Account 001');
  for (const i of [0, 1, 2]) await page.locator(`.lv-body [role=row][data-index="${i}"] [data-testid=select-row]`).check();
  await poll(() => page.getByTestId('bulk-bar').locator('strong').textContent()).toBe('3 selected');
  await page.click('[data-testid=bulk-edit]');
  await page.getByTestId('bulk-field').selectOption('industry');
  await page.getByTestId('bulk-value').selectOption('retail');
  await screenshot(page, 'list-bulk-edit');
  await page.click('[data-testid=bulk-apply]');
  await poll(() => page.getByTestId('list-notice').textContent()).toContain('3 records updated.');
  for (const n of ['Account 001', 'Account 002', 'Account 003']) expect(await accountByName(n)).toMatchObject({ industry: 'retail', version: 2 });
  await poll(() => page.locator('.lv-body [role=row][data-index="0"] [data-field=industry]').textContent()).toBe('Retail');

  // Select two rows → give them to another user.
  for (const i of [0, 1]) await page.locator(`.lv-body [role=row][data-index="${i}"] [data-testid=select-row]`).check();
  await page.click('[data-testid=bulk-owner]');
  await page.getByTestId('owner-picker').locator('select').selectOption(rep.id);
  await page.click('[data-testid=owner-apply]');
  await poll(() => page.getByTestId('list-notice').textContent()).toContain('2 records given to their new owner.');
  expect((await accountByName('Account 001')).owner_id).toBe(rep.id);
  expect((await accountByName('Account 003')).owner_id).toBe(t.adminId);

  // Export what the list shows.
  await page.fill('[data-testid=quick-search]', 'Account 00');
  await poll(() => total(page).textContent()).toBe('9 records');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
  expect(download.suggestedFilename()).toBe('account.csv');
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
  expect(lines[0]).toBe('Name,Industry,Revenue,Employees,Founded,VIP,Tags,Firm');
  expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(Array.from({ length: 9 }, (_, k) => `Account ${pad(k + 1)}`));
  expect(lines[1]).toContain(',Retail,1000.5,1,');
});

it('works on a phone: the table scrolls sideways and rows can be picked by touch', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'zh-CN' });
  const page = await context.newPage();
  await signInAsAdmin(page, base, t);
  await page.goto(`${base}/app/o/account?sort=employees`);
  await poll(() => total(page).textContent()).toBe('共 250 条');
  const scroller = page.getByTestId('list-scroller');
  const [scrollWidth, clientWidth] = await scroller.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(scrollWidth).toBeGreaterThan(clientWidth);
  expect(clientWidth).toBeLessThanOrEqual(390);
  await page.locator('.lv-body [role=row][data-index="0"] [data-testid=select-row]').tap();
  await poll(() => page.getByTestId('bulk-bar').locator('strong').textContent()).toBe('已选 1 条');
  await scroller.evaluate((el) => el.scrollTo(400, 0));
  await screenshot(page, 'list-phone');
  await context.close();
});
