import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_PASSWORD, type TestTenant } from '../helpers/test-server';
import { newPage, screenshot } from './helpers/browser';
import { signInAsAdmin, startBrowserTenant } from './helpers/browser-tenant';

/**
 * Faults in Chromium: a 500, the server unreachable, a slow answer, an expired
 * session, and HTML in data — each a visible, non-destructive message with
 * typed data kept and a way to retry; never a white screen, never run as HTML.
 */
let t: TestTenant;
let browser: Browser;
let page: Page;
let base: string;
const dialogs: string[] = [];

beforeAll(async () => {
  ({ t, browser, base } = await startBrowserTenant('e2efault'));
  await t.admin.defineObject({ name: 'ticket', label: { en: 'Ticket', 'zh-CN': '工单' }, pluralLabel: { en: 'Tickets', 'zh-CN': '工单' }, fields: [{ name: 'subject', type: 'text', label: 'Subject' }] });
  await t.admin.post('/records/ticket', { name: '<img src=x onerror="alert(1)">Printer jam', subject: '<script>alert(2)</script>' });
  page = await newPage(browser);
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signInAsAdmin(page, base, t);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

it('a 500 on the list shows a message and a retry that works', async () => {
  await page.route('**/api/v1/records/ticket?**', (r) => r.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'INTERNAL', message: 'boom' } }) }));
  await page.goto(`${base}/app/o/ticket`);
  const alert = page.locator('[role=alert]:has-text("INTERNAL")');
  await alert.waitFor();
  await screenshot(page, 'fault-list-500');
  await page.unroute('**/api/v1/records/ticket?**');
  await alert.locator('button').click();
  await page.waitForSelector('text=Printer jam');
  expect(await page.locator('nav[aria-label=objects]').count()).toBe(1);
});

it('shows HTML in data as text and never runs it', async () => {
  await page.goto(`${base}/app/o/ticket`);
  await page.waitForSelector('text=Printer jam');
  expect(await page.content()).not.toContain('<img src="x"');
  await page.click('text=Printer jam');
  await page.waitForSelector('text=<script>alert(2)</script>');
  expect(dialogs).toEqual([]);
});

it('keeps what was typed when the server cannot be reached or is slow, and saves on retry', async () => {
  await page.goto(`${base}/app/o/ticket/new`);
  await page.waitForSelector('#root_name');
  await page.fill('#root_name', 'Network test');
  await page.fill('#root_subject', 'typed before the outage');
  await page.route('**/api/v1/records/ticket', (r) => (r.request().method() === 'POST' ? r.abort('connectionrefused') : r.continue()));
  await page.click('[data-testid=form-save]');
  await page.locator('[role=alert]').filter({ hasText: 'cannot be reached' }).first().waitFor();
  expect(await page.inputValue('#root_subject')).toBe('typed before the outage');
  await screenshot(page, 'fault-form-offline');
  // The server answers again, slowly: the save goes through once it does.
  await page.unroute('**/api/v1/records/ticket');
  await page.route('**/api/v1/records/ticket', async (r) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await r.continue();
  });
  await page.click('[data-testid=form-save]');
  await page.waitForURL(/\/app\/o\/ticket\/[0-9a-f-]{36}$/, { timeout: 10_000 });
  await page.unroute('**/api/v1/records/ticket');
  expect((await t.sql(`SELECT subject FROM "${t.tenant.schema}".ticket WHERE name = 'Network test'`))[0].subject).toBe('typed before the outage');
});

it('an expired session brings the sign-in page, not a white screen, and the work continues after signing in', async () => {
  await page.goto(`${base}/app/o/ticket/new`);
  await page.waitForSelector('#root_name');
  await page.fill('#root_name', 'After the session');
  await t.sql(`UPDATE tessera_system.sessions SET expires_at = now() - interval '1 minute' WHERE user_id = ?`, [t.adminId]);
  await t.server.services.principals.evict({ userId: t.adminId });
  await page.click('[data-testid=form-save]');
  await page.waitForSelector('input[name=email]');
  await page.fill('input[name=email]', `admin@${t.tenant.slug}.test`);
  await page.fill('input[name=password]', TEST_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('#root_name');
  expect(await page.inputValue('#root_name')).toBe('After the session');
});
