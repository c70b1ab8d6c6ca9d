import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestTenant } from '../helpers/test-server';
import { newPage, screenshot } from './helpers/browser';
import { signInAsAdmin, startBrowserTenant } from './helpers/browser-tenant';

/**
 * The admin's journey through the designer in Chromium: an object with six
 * field types (a two-level dependent picklist and a formula among them), a
 * validation rule built with the visual builder, a layout arranged section by
 * section, review and publish; the rule refusing a record in Chinese in the
 * runtime UI; then restoring the version before and the field gone from the
 * form. Every step goes through the designer's controls; the API is only read
 * to check what was published.
 */
let t: TestTenant;
let browser: Browser;
let base: string;
let page: Page;
const pageErrors: string[] = [];

const tid = (id: string) => `[data-testid="${id}"]`;
const fill = (id: string, value: string) => page.fill(tid(id), value);

beforeAll(async () => {
  ({ t, browser, base } = await startBrowserTenant('e2edesigner'));
  page = await newPage(browser);
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  // Refusals the journey provokes on purpose (the broken rule) are logged by the browser as failed loads.
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && pageErrors.push(m.text()));
  page.setDefaultTimeout(10_000);
  await signInAsAdmin(page, base, t);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Waits until the server's dry run of the draft has passed. */
const draftValid = () => page.waitForSelector(`${tid('draft-status')}.draft-valid`, { timeout: 15_000 });

/** Opens the new-field editor, names the field and picks its type. */
async function newField(name: string, type: string, en: string, zh: string): Promise<void> {
  await page.click(tid('object-field-add'));
  await page.waitForSelector(tid('field-name'));
  await fill('field-name', name);
  await page.selectOption(tid('field-type'), type);
  await fill('field-label-en', en);
  await fill('field-label-zh', zh);
}

/** Applies the field to the draft and waits for its row on the object page. */
async function applyField(name: string): Promise<void> {
  await page.click(tid('field-apply'));
  await page.waitForSelector(tid(`object-field-row-${name}`));
}

/** Adds picklist values in the values editor (value, English, Chinese). */
async function values(list: [string, string, string][]): Promise<void> {
  for (const [i, [value, en, zh]] of list.entries()) {
    await page.click(tid('picklist-add'));
    await fill(`picklist-value-${i}`, value);
    await fill(`picklist-label-en-${i}`, en);
    await fill(`picklist-label-zh-${i}`, zh);
  }
}

async function publish(): Promise<number> {
  await page.click(tid('designer-nav-review'));
  await page.waitForSelector(`${tid('review-publish')}:enabled`, { timeout: 15_000 });
  await page.click(tid('review-publish'));
  await page.waitForSelector(tid('review-published-version'));
  return (await t.admin.get('/metadata/versions')).body.versions[0].version as number;
}

let firstVersion = 0;

it('creates an object with six field types, a dependent picklist and a formula, arranges its layout and publishes it', { timeout: 120_000 }, async () => {
  await page.goto(`${base}/designer`);
  await page.click(tid('object-new'));
  await fill('object-new-name', 'outlet');
  await fill('object-new-label-en', 'Outlet');
  await fill('object-new-label-zh', '门店');
  await fill('object-new-plural-en', 'Outlets');
  await fill('object-new-plural-zh', '门店');
  await page.click(tid('object-new-create'));
  await page.waitForURL(`${base}/designer/objects/outlet`);

  await newField('address', 'text', 'Address', '地址');
  await applyField('address');
  await newField('budget', 'currency', 'Budget', '预算');
  await applyField('budget');
  await newField('opened_on', 'date', 'Opened on', '开业日期');
  await applyField('opened_on');
  await newField('province', 'picklist', 'Province', '省份');
  await values([
    ['zj', 'Zhejiang', '浙江'],
    ['gd', 'Guangdong', '广东'],
  ]);
  await applyField('province');
  await newField('city', 'picklist', 'City', '城市');
  await values([
    ['hz', 'Hangzhou', '杭州'],
    ['nb', 'Ningbo', '宁波'],
    ['gz', 'Guangzhou', '广州'],
  ]);
  await page.selectOption(tid('dependency-controller'), 'province');
  for (const cell of ['zj-hz', 'zj-nb', 'gd-gz']) await page.check(tid(`dependency-cell-${cell}`));
  await applyField('city');
  await newField('budget_10k', 'formula', 'Budget (10k)', '预算（万元）');
  await page.selectOption(tid('setting-returns'), 'number');
  await page.click(tid('setting-expression-tab-raw'));
  await fill('setting-expression-raw', JSON.stringify({ '/': [{ var: 'budget' }, 10000] }));
  await applyField('budget_10k');
  await draftValid();
  await screenshot(page, 'designer-object-fields');

  await page.click(tid('object-tab-tabLayout'));
  await page.waitForSelector(tid('layout-palette'));
  // The generated layout has the admin's fields, then the system information; the new section comes third.
  await page.click(tid('layout-add-section'));
  await fill('layout-section-label-en-2', 'Money');
  await fill('layout-section-label-zh-2', '资金');
  for (const f of ['budget', 'budget_10k']) await page.selectOption(tid(`layout-move-${f}`), '2');
  await draftValid();
  await page.waitForSelector(`${tid('layout-preview')} fieldset`);
  await screenshot(page, 'designer-layout');

  firstVersion = await publish();
  const outlet = (await t.admin.get('/metadata/objects/outlet')).body.object;
  expect(outlet.fields.map((f: { name: string; type: string }) => `${f.name}:${f.type}`)).toEqual(['address:text', 'budget:currency', 'opened_on:date', 'province:picklist', 'city:picklist', 'budget_10k:formula']);
  expect(outlet.fields[4].options).toMatchObject({ controllingField: 'province', dependencies: { zj: ['hz', 'nb'], gd: ['gz'] } });
  expect(outlet.fields[5].options).toEqual({ expression: { '/': [{ var: 'budget' }, 10000] }, returns: 'number' });
  expect(outlet.layout.sections.map((s: { label: { en: string }; fields: string[] }) => [s.label.en, s.fields])).toEqual([
    ['Details', ['name', 'address', 'opened_on', 'province', 'city']],
    ['System information', ['owner_id', 'created_by', 'created_at', 'updated_by', 'updated_at']],
    ['Money', ['budget', 'budget_10k']],
  ]);
});

it('adds a field and a validation rule built with the visual builder, and publishes them', async () => {
  await page.goto(`${base}/designer/objects/outlet`);
  await newField('staff', 'integer', 'Staff', '员工人数');
  await applyField('staff');
  await page.click(tid('object-tab-tabLayout'));
  await page.selectOption(tid('layout-move-staff'), '0');
  await page.click(tid('object-tab-tabRules'));
  await page.click(tid('rules-add'));
  await fill('rules-name-0', 'max_staff');
  await fill('rules-message-en-0', 'An outlet has at most 100 staff');
  await fill('rules-message-zh-0', '门店员工人数不能超过 100');
  await page.click(tid('rules-condition-0-add-condition'));
  await page.selectOption(tid('rules-condition-0-field-0'), 'staff');
  await page.selectOption(tid('rules-condition-0-op-0'), 'gt');
  await fill('rules-condition-0-value-0', '100');
  await page.selectOption(tid('rules-error-field-0'), 'staff');
  await draftValid();
  await screenshot(page, 'designer-rule');
  await publish();
  const outlet = (await t.admin.get('/metadata/objects/outlet')).body.object;
  expect(outlet.validationRules).toEqual([
    expect.objectContaining({ name: 'max_staff', condition: { '>': [{ var: 'staff' }, 100] }, errorField: 'staff', message: { en: 'An outlet has at most 100 staff', 'zh-CN': '门店员工人数不能超过 100' } }),
  ]);
});

it('refuses a record that breaks the rule in the runtime UI, with the Chinese message', async () => {
  await page.goto(`${base}/app/o/outlet/new`);
  await page.waitForSelector('#root_name');
  await page.click(tid('switch-language'));
  await page.waitForSelector('legend:has-text("资金")');
  await page.fill('#root_name', '杭州西湖店');
  await page.selectOption('#root_province', 'zj');
  await page.waitForSelector('#root_city:enabled');
  expect(await page.locator('#root_city option').allTextContents()).toEqual(['—', '杭州', '宁波']);
  await page.fill('#root_staff', '150');
  await page.waitForSelector('[data-field=staff] .tf-error');
  expect(await page.textContent('[data-field=staff] .tf-error')).toBe('门店员工人数不能超过 100');
  await screenshot(page, 'designer-rule-in-app-zh');
  expect((await t.admin.get('/records/outlet')).body.records).toEqual([]);
  await page.click(tid('switch-language'));
});

it('restores the version before and the field is gone from the form', async () => {
  await page.goto(`${base}/designer/history/${firstVersion}`);
  await page.click(tid('version-restore'));
  await page.check(tid('version-restore-confirm'));
  await page.click(tid('version-restore-run'));
  await page.waitForSelector(tid('version-restored'));
  const outlet = (await t.admin.get('/metadata/objects/outlet')).body.object;
  expect(outlet.fields.map((f: { name: string }) => f.name)).not.toContain('staff');
  expect(outlet.validationRules ?? []).toEqual([]);
  await page.goto(`${base}/app/o/outlet/new`);
  await page.waitForSelector('#root_name');
  expect(await page.locator('#root_staff').count()).toBe(0);
  expect(await page.locator('#root_budget').count()).toBe(1);
  expect(pageErrors).toEqual([]);
});
