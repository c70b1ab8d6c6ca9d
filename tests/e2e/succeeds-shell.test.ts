import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestTenant } from '../helpers/test-server';
import { newPage, screenshot } from './helpers/browser';
import { signInAsAdmin, startBrowserTenant } from './helpers/browser-tenant';

/** The app shell in Chromium: sign in, navigation from metadata, a list, a record, the language switch. */
let t: TestTenant;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ({ t, browser, base } = await startBrowserTenant('e2eshell'));
  await t.admin.defineObject({ name: 'company', label: { en: 'Company', 'zh-CN': '公司' }, pluralLabel: { en: 'Companies', 'zh-CN': '公司列表' }, fields: [{ name: 'city', type: 'text', label: { en: 'City', 'zh-CN': '城市' } }] });
  await t.admin.post('/records/company', { name: '上海云杉科技有限公司', city: '上海' });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

it('signs in, lists an object from the navigation, opens a record and switches to Chinese', async () => {
  const page = await newPage(browser);
  await signInAsAdmin(page, base, t);
  await page.click('[data-testid=nav-company]');
  await page.waitForSelector('text=上海云杉科技有限公司');
  expect(await page.textContent('h1')).toBe('Companies');
  await screenshot(page, 'shell-list');
  await page.click('text=上海云杉科技有限公司');
  await page.waitForSelector('dl.details');
  expect(await page.textContent('dl.details')).toContain('City');
  await page.click('[data-testid=switch-language]');
  await page.waitForSelector('text=城市');
  await page.click('[data-testid=nav-company]');
  await page.waitForSelector('h1:has-text("公司列表")');
  await screenshot(page, 'shell-list-zh');
});

it('answers a wrong password on the login page without leaving it', async () => {
  const page = await newPage(browser);
  await page.goto(`${base}/app`);
  await page.fill('input[name=email]', `admin@${t.tenant.slug}.test`);
  await page.fill('input[name=password]', 'not-the-password');
  await page.click('button[type=submit]');
  await page.waitForSelector('[role=alert]');
  expect(await page.textContent('[role=alert]')).toBe('Email or password is wrong.');
});
