import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestTenant } from '../helpers/test-server';
import { newLead, publishCrmCore } from '../integration/conversion/crm-core-tenant';
import { newPage, screenshot } from './helpers/browser';
import { signInAsAdmin, startBrowserTenant } from './helpers/browser-tenant';

/**
 * Lead conversion in Chromium over crm-core: from the lead's page, Convert,
 * a value changed and the opportunity skipped, then the new account opens;
 * the lead reads "Converted" with links and offers no edit.
 */
let t: TestTenant;
let browser: Browser;
let base: string;
let page: Page;
let leadId: string;

beforeAll(async () => {
  ({ t, browser, base } = await startBrowserTenant('e2econv'));
  await publishCrmCore(t);
  leadId = await newLead(t, { name: 'Chen Jing', company: 'Lotus Garden Foods', title: 'Buyer', email: 'chen@lotus.test', source: 'web' });
  page = await newPage(browser);
  await signInAsAdmin(page, base, t);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

it('converts a lead from its page and lands on the new account', async () => {
  await page.goto(`${base}/app/o/lead/${leadId}`);
  await page.click('[data-testid=record-convert]');
  await page.waitForSelector('[data-testid=convert-page]');
  expect(await page.inputValue('[data-testid=convert-value-account-name]')).toBe('Lotus Garden Foods');
  await page.fill('[data-testid=convert-value-contact-title]', 'Head of Purchasing');
  await page.click('[data-testid=convert-action-opportunity-skip]');
  await screenshot(page, 'convert-lead');
  await page.click('[data-testid=convert-submit]');
  await page.waitForURL(/\/app\/o\/account\/[0-9a-f-]{36}$/);
  await page.waitForSelector('[data-testid=record-page]');
  expect(await page.textContent('h1')).toBe('Lotus Garden Foods');

  const [lead] = await t.sql(`SELECT status, converted_account, converted_contact, converted_opportunity FROM "${t.tenant.schema}".lead WHERE id = ?`, [leadId]);
  expect(lead.status).toBe('converted');
  expect(page.url()).toBe(`${base}/app/o/account/${lead.converted_account}`);
  expect(lead.converted_opportunity).toBeNull();
  const [contact] = await t.sql(`SELECT title, account FROM "${t.tenant.schema}".contact WHERE id = ?`, [lead.converted_contact]);
  expect(contact).toEqual({ title: 'Head of Purchasing', account: lead.converted_account });

  await page.goto(`${base}/app/o/lead/${leadId}`);
  await page.waitForSelector('[data-testid=record-converted]');
  expect(await page.getAttribute('[data-testid=record-converted-account]', 'href')).toBe(`/app/o/account/${lead.converted_account}`);
  expect(await page.$('[data-testid=record-edit]')).toBeNull();
  expect(await page.$('[data-testid=record-convert]')).toBeNull();
});
