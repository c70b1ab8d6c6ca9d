import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestTenant } from '../helpers/test-server';
import { newPage, screenshot } from './helpers/browser';
import { signInAsAdmin, startBrowserTenant } from './helpers/browser-tenant';
import { firstName, scrollListUntil } from './helpers/list-page';

/**
 * The runtime UI's proof in one journey, as a user would go: log in, open a
 * list, filter, sort, scroll, create a record through the form (dependent
 * picklist, lookup), meet a validation error, edit, see the change in the
 * list and the field history, drag a kanban card, switch to Chinese.
 */
let t: TestTenant;
let browser: Browser;
let base: string;
let page: Page;
const COUNT = 120;
const STAGES = ['new', 'won', 'lost'] as const;
const pad = (i: number) => String(i).padStart(3, '0');
const v = (value: string, en: string, zh: string) => ({ value, label: { en, 'zh-CN': zh } });

beforeAll(async () => {
  ({ t, browser, base } = await startBrowserTenant('e2ejourney'));
  await t.admin.defineObject({ name: 'customer', label: { en: 'Customer', 'zh-CN': '客户' }, pluralLabel: { en: 'Customers', 'zh-CN': '客户' }, fields: [] });
  await t.admin.defineObject({
    name: 'deal',
    label: { en: 'Deal', 'zh-CN': '商机' },
    pluralLabel: { en: 'Deals', 'zh-CN': '商机' },
    fields: [
      { name: 'stage', type: 'picklist', label: { en: 'Stage', 'zh-CN': '阶段' }, options: { values: [v('new', 'New', '新建'), v('won', 'Won', '赢单'), v('lost', 'Lost', '输单')] } },
      { name: 'region', type: 'picklist', label: { en: 'Region', 'zh-CN': '区域' }, options: { values: [v('north', 'North', '华北'), v('south', 'South', '华南')] } },
      { name: 'city', type: 'picklist', label: { en: 'City', 'zh-CN': '城市' }, options: { values: [v('bj', 'Beijing', '北京'), v('tj', 'Tianjin', '天津'), v('gz', 'Guangzhou', '广州'), v('sz', 'Shenzhen', '深圳')], controllingField: 'region', dependencies: { north: ['bj', 'tj'], south: ['gz', 'sz'] } } },
      { name: 'customer', type: 'lookup', label: { en: 'Customer', 'zh-CN': '客户' }, options: { target: 'customer' } },
      { name: 'amount', type: 'currency', label: { en: 'Amount', 'zh-CN': '金额' } },
      { name: 'quantity', type: 'integer', label: { en: 'Quantity', 'zh-CN': '数量' } },
    ],
    validationRules: [{ name: 'max_quantity', condition: { '>': [{ var: 'quantity' }, 100] }, message: { en: 'Quantity may not exceed 100', 'zh-CN': '数量不能超过 100' }, errorField: 'quantity' }],
  });
  await t.admin.post('/records/customer', { name: 'Yunshan Technology' });
  await t.admin.post('/records/customer', { name: 'Acme Trading' });
  const records = Array.from({ length: COUNT }, (_, k) => ({ name: `Deal ${pad(k + 1)}`, stage: STAGES[k % 3], region: 'north', city: 'bj', amount: (k + 1) * 100, quantity: (k % 50) + 1 }));
  expect((await t.admin.post('/records/deal/bulk', { records })).status).toBe(201);
  page = await newPage(browser);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const total = () => page.getByTestId('list-total');
const dealNamed = async (name: string) => (await t.admin.get(`/records/deal?filter=${encodeURIComponent(JSON.stringify({ '==': [{ var: 'name' }, name] }))}`)).body.records[0];

it('goes from the list to a new record, an edit, the kanban and Chinese', async () => {
  const started = Date.now();
  await signInAsAdmin(page, base, t);
  const cursorPages: string[] = [];
  page.on('request', (r) => r.url().includes('/api/v1/records/deal?') && r.url().includes('cursor=') && cursorPages.push(r.url()));

  // Open the list from the navigation.
  await page.click('[data-testid=nav-deal]');
  await expect.poll(() => total().textContent()).toBe(`${COUNT} records`);

  // Filter: stage is Won.
  await page.click('[data-testid=toggle-filter]');
  await page.click('[data-testid=filter-add-condition]');
  await page.getByTestId('filter-field').selectOption('stage');
  await page.getByTestId('filter-builder').getByRole('button', { name: 'Won' }).click();
  await expect.poll(() => total().textContent()).toBe(`${COUNT / 3} records`);
  await expect.poll(() => page.locator('.lv-td[data-field=stage]').allTextContents()).toSatisfy((cells: string[]) => cells.length > 0 && cells.every((c) => c === 'Won'));
  await screenshot(page, 'journey-list-filter');
  await page.click('[data-testid=clear-filter]');
  await expect.poll(() => total().textContent()).toBe(`${COUNT} records`);

  // Sort by amount, ascending then descending.
  const amount = page.locator('[role=columnheader][data-field=amount]');
  await amount.locator('button').click();
  await expect.poll(() => firstName(page).textContent()).toBe('Deal 001');
  await amount.locator('button').click();
  await expect.poll(() => firstName(page).textContent()).toBe(`Deal ${pad(COUNT)}`);

  // Scroll to the end: further pages load as it nears.
  const scroller = await scrollListUntil(page, 'Deal 001');
  expect(cursorPages.length).toBeGreaterThan(0);
  await scroller.evaluate((el) => el.scrollTo(0, 0));

  // Create through the form: a dependent picklist, a lookup, a validation error read and fixed.
  await page.click('[data-testid=new-record]');
  await page.waitForSelector('#root_name');
  await page.fill('#root_name', 'Journey deal');
  expect(await page.isDisabled('#root_city')).toBe(true);
  await page.selectOption('#root_region', 'south');
  await page.waitForSelector('#root_city:enabled');
  expect(await page.locator('#root_city option').allTextContents()).toEqual(['—', 'Guangzhou', 'Shenzhen']);
  await page.selectOption('#root_city', 'sz');
  await page.fill('#root_customer', 'Yunshan');
  await page.click('[role=option]:has-text("Yunshan Technology")');
  await page.selectOption('#root_stage', 'new');
  await page.fill('#root_amount', '5000');
  await page.fill('#root_quantity', '120');
  const quantityError = page.locator('[data-field=quantity] .tf-error');
  await quantityError.waitFor();
  expect(await quantityError.textContent()).toBe('Quantity may not exceed 100');
  await screenshot(page, 'journey-form-error');
  await page.fill('#root_quantity', '7');
  await page.waitForFunction(() => !document.querySelector('[data-field=quantity] .tf-error'));
  await page.click('[data-testid=form-save]');
  await page.waitForURL(/\/app\/o\/deal\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').at(-1)!;
  const customer = (await t.admin.get(`/records/customer?filter=${encodeURIComponent(JSON.stringify({ '==': [{ var: 'name' }, 'Yunshan Technology'] }))}`)).body.records[0];
  expect((await t.admin.get(`/records/deal/${id}`)).body).toMatchObject({ name: 'Journey deal', region: 'south', city: 'sz', customer: customer.id, stage: 'new', amount: 5000, quantity: 7, version: 1 });
  await page.waitForSelector('[data-testid=record-header]');
  // The lookup's name arrives in a second request ("…" until then, never "(no name)").
  await page.waitForFunction(() => document.querySelector('[data-testid=record-section] [data-field=customer] dd')?.textContent !== '…');
  expect(await page.textContent('[data-testid=record-section] [data-field=customer] dd')).toBe('Yunshan Technology');

  // Edit: the change shows on the record page and in its field history.
  await page.click('[data-testid=record-edit]');
  await page.waitForURL(/\/edit$/);
  await page.waitForFunction(() => (document.getElementById('root_quantity') as HTMLInputElement | null)?.value === '7');
  // Click in, select what is there, type (the input swaps its formatted text for the plain number on focus).
  await page.click('#root_amount');
  await page.waitForFunction(() => (document.getElementById('root_amount') as HTMLInputElement).value === '5000');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('7500');
  await page.click('[data-testid=form-save]');
  await page.waitForURL(new RegExp(`/app/o/deal/${id}$`));
  await page.waitForSelector('[data-testid=field-history] .rp-history-update [data-field=amount]');
  expect(await page.textContent('[data-testid=field-history] .rp-history-update [data-field=amount]')).toBe('Amount: $5,000.00 → $7,500.00');
  await screenshot(page, 'journey-record-history');

  // The list shows the change.
  await page.click('[data-testid=nav-deal]');
  await page.fill('[data-testid=quick-search]', 'Journey');
  await expect.poll(() => total().textContent()).toBe('1 records');
  await expect.poll(() => page.locator('.lv-body [role=row][data-index="0"] [data-field=amount]').textContent()).toBe('$7,500.00');

  // Kanban by stage: drag the new deal from New to Won.
  await page.click('[data-testid=open-kanban]');
  const card = page.locator(`[data-testid=kanban-card][data-id="${id}"]`);
  await card.waitFor();
  expect(await page.locator('[data-testid=kanban-column][data-value=new]').locator(`[data-id="${id}"]`).count()).toBe(1);
  const won = page.locator('[data-testid=kanban-column][data-value=won]');
  const from = (await card.boundingBox())!;
  const to = (await won.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + 10);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + 20, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 12 });
  await page.mouse.up();
  await expect.poll(async () => (await t.admin.get(`/records/deal/${id}`)).body.stage).toBe('won');
  await expect.poll(() => won.locator(`[data-id="${id}"]`).count()).toBe(1);
  await screenshot(page, 'journey-kanban');

  // Chinese: the navigation, the kanban's columns and the record's history speak it.
  await page.click('[data-testid=switch-language]');
  await page.waitForSelector('[data-testid=nav-deal]:has-text("商机")');
  expect(await page.locator('[data-testid=kanban-column]').evaluateAll((cols) => cols.map((c) => c.getAttribute('aria-label')))).toEqual(expect.arrayContaining(['新建', '赢单', '输单']));
  await page.goto(`${base}/app/o/deal/${id}`);
  await page.waitForSelector('[data-testid=field-history] .rp-history-update [data-field=stage]');
  expect(await page.textContent('[data-testid=field-history] .rp-history-update [data-field=stage]')).toBe('阶段: 新建 → 赢单');
  expect(await page.textContent('[data-testid=record-section] [data-field=city] dt')).toBe('城市');
  expect(await page.textContent('[data-testid=record-section] [data-field=city] dd')).toBe('深圳');
  await screenshot(page, 'journey-record-zh');
  expect(await dealNamed('Journey deal')).toMatchObject({ id, stage: 'won', amount: 7500 });
  process.stdout.write(`runtime journey: ${Date.now() - started} ms\n`);
}, 60_000);
