import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { RawObjectDef } from '../../engine/shared/metadata-types';
import type { TestTenant } from '../helpers/test-server';
import { newPage, screenshot } from './helpers/browser';
import { signInAsAdmin, startBrowserTenant } from './helpers/browser-tenant';

/**
 * What the designer refuses, in Chromium: bad names and duplicate fields
 * before they reach the draft; a formula that does not type-check, a
 * dependent picklist whose controller is deleted and a layout naming a
 * removed field shown inline with the server's codes, publish impossible;
 * and a colleague's publish in between shown as a conflict, never
 * overwritten. Each test checks that nothing was published.
 */
let t: TestTenant;
let browser: Browser;
let base: string;
let page: Page;

const tid = (id: string) => `[data-testid="${id}"]`;
const v = (value: string, en: string, zh: string) => ({ value, label: { en, 'zh-CN': zh } });
const SHOP: RawObjectDef = {
  name: 'shop',
  label: { en: 'Shop', 'zh-CN': '店铺' },
  fields: [
    { name: 'province', type: 'picklist', label: 'Province', options: { values: [v('zj', 'Zhejiang', '浙江'), v('gd', 'Guangdong', '广东')] } },
    { name: 'city', type: 'picklist', label: 'City', options: { values: [v('hz', 'Hangzhou', '杭州'), v('gz', 'Guangzhou', '广州')], controllingField: 'province', dependencies: { zj: ['hz'], gd: ['gz'] } } },
    { name: 'amount', type: 'number', label: 'Amount' },
  ],
  layout: { sections: [{ label: 'Main', columns: 2, fields: ['name', 'province', 'city', 'amount'] }] },
};

const versions = async () => (await t.admin.get('/metadata/versions')).body.versions.length as number;
let published = 0;

beforeAll(async () => {
  ({ t, browser, base } = await startBrowserTenant('e2edesignerfail'));
  await t.admin.defineObject(SHOP);
  page = await newPage(browser);
  page.setDefaultTimeout(10_000);
  await signInAsAdmin(page, base, t);
});
beforeEach(async () => {
  published = await versions();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Drops whatever the previous test left in the draft (it lives in the browser's storage). */
async function freshDraft(): Promise<void> {
  await page.goto(`${base}/designer`);
  // Once the designer is up (it has read the saved draft), forget the draft and start again.
  await page.waitForSelector(tid('draft-status'));
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tessera.designer.draft')).forEach((k) => localStorage.removeItem(k)));
  await page.goto(`${base}/designer`);
  await page.waitForSelector(`${tid('draft-status')}.draft-none`);
}

it('refuses an invalid object name and a duplicate field name before they reach the draft', async () => {
  await freshDraft();
  await page.click(tid('object-new'));
  await page.fill(tid('object-new-name'), 'Bad Name');
  await page.fill(tid('object-new-label-en'), 'Bad');
  await page.click(tid('object-new-create'));
  await page.waitForSelector(tid('object-new-name-issues'));
  expect(page.url()).toBe(`${base}/designer`);

  await page.goto(`${base}/designer/objects/shop/fields/new`);
  await page.fill(tid('field-name'), 'amount');
  await page.selectOption(tid('field-type'), 'text');
  await page.fill(tid('field-label-en'), 'Amount again');
  await page.click(tid('field-apply'));
  await page.waitForSelector(tid('field-name-issues'));
  expect(page.url()).toBe(`${base}/designer/objects/shop/fields/new`);
  await page.click(tid('designer-nav-objects'));
  await page.waitForSelector(`${tid('draft-status')}.draft-none`);
  expect(await versions()).toBe(published);
});

it('shows a formula that does not type-check inline with the server’s code, and publish stays impossible', async () => {
  await freshDraft();
  await page.goto(`${base}/designer/objects/shop/fields/new`);
  await page.fill(tid('field-name'), 'doubled');
  await page.selectOption(tid('field-type'), 'formula');
  await page.fill(tid('field-label-en'), 'Doubled');
  await page.selectOption(tid('setting-returns'), 'number');
  await page.click(tid('setting-expression-tab-raw'));
  await page.fill(tid('setting-expression-raw'), JSON.stringify({ '*': [{ var: 'province' }, 2] }));
  // The shared rule checker answers in the browser at once, at the node's path.
  await page.waitForSelector(`${tid('setting-expression-check')}[data-path="/*/0"]`);
  await page.click(tid('field-apply'));
  await page.waitForSelector(`${tid('draft-status')}.draft-invalid`, { timeout: 15_000 });
  await page.waitForSelector(`${tid('object-field-issues-doubled')}:has-text("RULE_INVALID")`);
  await page.click(tid('designer-nav-review'));
  await page.waitForSelector(`${tid('review-issue-0')}:has-text("/objects/shop/fields/3/options/expression")`);
  expect(await page.isDisabled(tid('review-publish'))).toBe(true);
  await screenshot(page, 'designer-invalid-formula');
  expect(await versions()).toBe(published);
});

it('shows the dependent picklist and the layout that still name a deleted field, and publish stays impossible', async () => {
  await freshDraft();
  await page.goto(`${base}/designer/objects/shop`);
  await page.click(tid('object-field-remove-province'));
  await page.click(tid('object-field-remove-confirm-province'));
  await page.waitForSelector(`${tid('draft-status')}.draft-invalid`, { timeout: 15_000 });
  await page.waitForSelector(`${tid('object-field-issues-city')}:has-text("INVALID_DEPENDENCY")`);
  await page.goto(`${base}/designer/objects/shop/layout`);
  await page.waitForSelector(`${tid('layout-field-province')}[data-missing]`);
  await page.click(tid('designer-nav-review'));
  await page.waitForSelector(tid('review-issue-0'));
  expect(await page.isDisabled(tid('review-publish'))).toBe(true);
  await screenshot(page, 'designer-deleted-controller');
  expect(await versions()).toBe(published);
  expect((await t.admin.get('/metadata/objects/shop')).body.object.fields.map((f: { name: string }) => f.name)).toContain('province');
});

it('tells the later of two admins about the conflict, shows the colleague’s change and never overwrites it', async () => {
  await freshDraft();
  await page.goto(`${base}/designer/objects/shop`);
  await page.fill(tid('object-label-en'), 'Shop (mine)');
  await page.waitForSelector(`${tid('draft-status')}.draft-valid`, { timeout: 15_000 });
  // A colleague publishes through the API meanwhile.
  const current = (await t.admin.get('/metadata/objects/shop')).body.object;
  const theirs = { ...current, fields: [...current.fields, { name: 'phone', type: 'phone', label: 'Phone' }] };
  expect((await t.admin.put('/metadata/objects/shop', theirs)).status).toBe(200);

  await page.click(tid('designer-nav-review'));
  await page.waitForSelector(tid('review-publish'));
  if (await page.isEnabled(tid('review-publish'))) await page.click(tid('review-publish'));
  await page.waitForSelector(tid('review-conflict'));
  await page.waitForSelector(`${tid('review-conflict-theirs')}:has-text("phone")`);
  expect(await page.locator(tid('review-publish')).count()).toBe(0);
  await screenshot(page, 'designer-conflict');
  const after = (await t.admin.get('/metadata/objects/shop')).body.object;
  expect(after.label).toEqual({ en: 'Shop', 'zh-CN': '店铺' });
  expect(after.fields.map((f: { name: string }) => f.name)).toContain('phone');
  expect(await versions()).toBe(published + 1);

  await page.click(tid('review-conflict-discard'));
  await page.click(tid('review-conflict-discard-yes'));
  await page.waitForSelector(`${tid('draft-status')}.draft-none`);
});
