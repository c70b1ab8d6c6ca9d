import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestTenant } from '../helpers/test-server';
import { newPage, screenshot } from './helpers/browser';
import { signInAsAdmin, startBrowserTenant } from './helpers/browser-tenant';

/**
 * The record page (customer 360), global search and the personal home page
 * in Chromium, over two objects an admin defines: a company and its visits.
 */
let t: TestTenant;
let browser: Browser;
let base: string;
let page: Page;
let companyId: string;
const COMPANY = 'Acme <i>Robotics</i>';

beforeAll(async () => {
  ({ t, browser, base } = await startBrowserTenant('e2erp'));
  await t.admin.defineObject({
    name: 'company',
    label: { en: 'Company', 'zh-CN': '公司' },
    pluralLabel: { en: 'Companies', 'zh-CN': '公司' },
    fields: [
      { name: 'city', type: 'text', label: { en: 'City', 'zh-CN': '城市' } },
      { name: 'tier', type: 'picklist', label: { en: 'Tier', 'zh-CN': '等级' }, options: { values: [{ value: 'gold', label: { en: 'Gold', 'zh-CN': '金牌' } }, { value: 'silver', label: { en: 'Silver', 'zh-CN': '银牌' } }] } },
      { name: 'revenue', type: 'currency', label: { en: 'Revenue', 'zh-CN': '收入' } },
      { name: 'founded', type: 'date', label: { en: 'Founded', 'zh-CN': '成立日期' } },
    ],
    layout: {
      sections: [
        { label: { en: 'Profile', 'zh-CN': '概况' }, fields: ['name', 'city', 'tier'] },
        { label: { en: 'Money', 'zh-CN': '财务' }, columns: 1, fields: ['revenue', 'founded'] },
      ],
      headerFields: ['tier', 'revenue'],
    },
  } as never);
  await t.admin.defineObject({
    name: 'visit',
    label: { en: 'Visit', 'zh-CN': '拜访' },
    pluralLabel: { en: 'Visits', 'zh-CN': '拜访' },
    fields: [
      { name: 'company', type: 'lookup', label: { en: 'Company', 'zh-CN': '公司' }, options: { target: 'company' } },
      { name: 'visited_on', type: 'date', label: { en: 'Visited on', 'zh-CN': '拜访日期' } },
      { name: 'note', type: 'textarea', label: { en: 'Note', 'zh-CN': '备注' } },
    ],
  });
  const company = await t.admin.post('/records/company', { name: COMPANY, city: 'Shanghai', tier: 'gold', revenue: 1234.5, founded: '2001-02-03' });
  expect(company.status).toBe(201);
  companyId = company.body.id;
  for (const [name, visited_on] of [
    ['Kick-off visit', '2025-01-10'],
    ['Follow-up visit', '2025-02-20'],
  ]) {
    expect((await t.admin.post('/records/visit', { name, visited_on, company: companyId, note: 'talked <b>shop</b>' })).status).toBe(201);
  }
  page = await newPage(browser);
  await signInAsAdmin(page, base, t);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const texts = (selector: string) => page.locator(selector).allTextContents();

it('shows the company: header, layout sections, related visits, the timeline; HTML in data stays text', async () => {
  await page.goto(`${base}/app/o/company/${companyId}`);
  await page.waitForSelector('[data-testid=related-visit-company] tbody tr');
  expect(await page.textContent('[data-testid=record-header] h1')).toBe(COMPANY);
  expect(await page.locator('[data-testid=record-header] i').count()).toBe(0);
  expect(await texts('[data-testid=record-header] .rp-key-fields > div')).toEqual(['TierGold', 'Revenue$1,234.50']);
  expect(await texts('[data-testid=record-section] h2')).toEqual(['Profile', 'Money']);
  expect(await page.textContent('[data-testid=record-section] [data-field=founded] dd')).toBe('02/03/2001');
  const related = page.locator('[data-testid=related-visit-company]');
  expect(await related.locator('[data-testid=related-count]').textContent()).toBe('2');
  expect((await related.locator('tbody td:first-child').allTextContents()).sort()).toEqual(['Follow-up visit', 'Kick-off visit']);
  await page.waitForSelector('[data-testid=timeline-entry]');
  expect(await texts('[data-testid=timeline-entry] a')).toEqual(['Follow-up visit', 'Kick-off visit']);
  expect(await page.locator('[data-testid=timeline] b').count()).toBe(0);
  await screenshot(page, 'record-page');
});

it('adds a visit inline from the related list; it shows in the list and on the timeline', async () => {
  await page.click('[data-testid=related-new-visit-company]');
  const form = page.locator('[data-testid=inline-add-visit]');
  await form.locator('input[name=name]').fill('Contract signing');
  await form.locator('input[name=visited_on]').fill('2025-03-15');
  await form.locator('button[type=submit]').click();
  await page.waitForSelector('[data-testid=related-visit-company] tbody tr:nth-child(3)');
  expect(await page.textContent('[data-testid=related-visit-company] [data-testid=related-count]')).toBe('3');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=timeline-entry]').length === 3);
  expect(await texts('[data-testid=timeline-entry] a')).toEqual(['Contract signing', 'Follow-up visit', 'Kick-off visit']);
  const saved = (await t.admin.get(`/records/visit?filter=${encodeURIComponent(JSON.stringify({ '==': [{ var: 'name' }, 'Contract signing'] }))}`)).body.records;
  expect(saved).toHaveLength(1);
  expect(saved[0].company).toBe(companyId);
});

it('shows a change made elsewhere in the field history, old → new with the field label', async () => {
  const current = (await t.admin.get(`/records/company/${companyId}`)).body;
  expect((await t.admin.patch(`/records/company/${companyId}`, { city: 'Berlin', tier: 'silver', version: current.version })).status).toBe(200);
  await page.reload();
  await page.waitForSelector('[data-testid=field-history] .rp-history-update');
  const update = page.locator('[data-testid=field-history] .rp-history-update').first();
  expect(await update.locator('[data-field=city]').textContent()).toBe('City: Shanghai → Berlin');
  expect(await update.locator('[data-field=tier]').textContent()).toBe('Tier: Gold → Silver');
  expect(await update.locator('.rp-history-meta').textContent()).toContain('changed');
  expect(await page.locator('[data-testid=field-history] .rp-history-create').count()).toBe(1);
  await screenshot(page, 'record-page-history');
});

it('changes the owner and deletes a record after asking', async () => {
  const rep = await t.newUser();
  const doomed = (await t.admin.post('/records/company', { name: 'Short-lived Ltd' })).body.id;
  await page.goto(`${base}/app/o/company/${doomed}`);
  await page.click('[data-testid=record-change-owner]');
  await page.selectOption('[data-testid=change-owner] select', rep.id);
  await page.click('[data-testid=change-owner] button[type=submit]');
  await expect.poll(async () => (await t.admin.get(`/records/company/${doomed}`)).body.owner_id).toBe(rep.id);
  await page.waitForSelector('[data-testid=field-history] .rp-history-update [data-field=owner_id]');
  expect(await page.textContent('[data-testid=field-history] .rp-history-update [data-field=owner_id]')).toBe(`Owner: admin → ${rep.email.split('@')[0]}`);
  await page.click('[data-testid=record-delete]');
  expect(await page.textContent('[role=alertdialog]')).toContain('Delete this record?');
  await page.click('[data-testid=record-delete-confirm]');
  await page.waitForURL(`${base}/app/o/company`);
  expect((await t.admin.get(`/records/company/${doomed}`)).status).toBe(404);
});

it('speaks Chinese on a phone-sized screen: labels, picklist values and one column', async () => {
  const phone = await newPage(browser, { locale: 'zh-CN', width: 390, height: 844 });
  await signInAsAdmin(phone, base, t);
  await phone.goto(`${base}/app/o/company/${companyId}`);
  await phone.waitForSelector('[data-testid=related-visit-company] tbody tr');
  expect(await phone.locator('[data-testid=record-section] h2').allTextContents()).toEqual(['概况', '财务']);
  expect(await phone.textContent('[data-testid=record-header] [data-field=tier]')).toBe('等级银牌');
  expect(await phone.textContent('[data-testid=related-visit-company] h3')).toContain('拜访');
  const [main, side] = await Promise.all(['.rp-main', '.rp-side'].map((s) => phone.locator(s).boundingBox()));
  expect(side!.y).toBeGreaterThan(main!.y + main!.height - 1);
  await screenshot(phone, 'record-page-phone-zh');
  await phone.context().close();
});

it('finds the company with the global search and opens it', async () => {
  await page.fill('[data-testid=global-search]', 'Acme');
  await page.press('[data-testid=global-search]', 'Enter');
  await page.waitForSelector('[data-testid=search-group-company]');
  expect(await page.textContent('[data-testid=search-group-company] h2')).toBe('Companies');
  await screenshot(page, 'search');
  await page.click(`[data-testid=search-group-company] a:has-text("Acme")`);
  await page.waitForSelector('[data-testid=record-header]');
  expect(new URL(page.url()).pathname).toBe(`/app/o/company/${companyId}`);
});

it('answers a record that does not exist with a clear message and a way back', async () => {
  await page.goto(`${base}/app/o/company/00000000-0000-4000-8000-000000000000`);
  await page.waitForSelector('[data-testid=record-unavailable]');
  expect(await page.textContent('[data-testid=record-unavailable] h1')).toBe('This record does not exist');
  await page.click('[data-testid=record-unavailable] a');
  await page.waitForURL(`${base}/app/o/company`);
});

it('keeps the home page widgets the user adds across a reload', async () => {
  await page.goto(`${base}/app`);
  await page.waitForSelector('[data-testid=home-page] [data-testid=widget-add]');
  await page.selectOption('[data-testid=widget-kind]', 'recent-records');
  await page.click('[data-testid=widget-add]');
  await page.waitForSelector('[data-testid=recent-records] a');
  expect(await page.textContent('[data-testid=recent-records]')).toContain(COMPANY);
  await page.selectOption('[data-testid=widget-kind]', 'list-view');
  await page.click('[data-testid=widget-add]');
  await page.selectOption('[data-testid=widget-list-view] [data-testid=widget-object]', 'company');
  await page.waitForSelector('[data-testid=widget-list-view] [data-testid=widget-rows-company] a');
  await page.click('[data-testid=widget-list-view] [data-testid=widget-settings]');
  await page.click('[data-testid=widget-list-view] [data-testid=widget-up]');
  await page.waitForFunction(() => document.querySelector('[data-widget-id]')?.getAttribute('data-testid') === 'widget-list-view');
  // The layout is saved after each change; wait for the last save before reloading.
  await expect.poll(async () => (await t.sql(`SELECT value FROM ${t.tenant.schema}._user_prefs WHERE key = 'home.widgets'`))[0]?.value?.widgets?.map((w: { kind: string }) => w.kind)).toEqual(['list-view', 'recent-records']);
  await page.reload();
  await page.waitForSelector('[data-testid=widget-rows-company] a');
  expect(await page.locator('[data-widget-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual(['widget-list-view', 'widget-recent-records']);
  expect(await page.textContent('[data-testid=widget-rows-company]')).toContain(COMPANY);
  await page.waitForSelector('[data-testid=recent-records] a');
  await screenshot(page, 'home');
});
