import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestTenant } from '../helpers/test-server';
import { newPage, screenshot } from './helpers/browser';
import { signInAsAdmin, startBrowserTenant } from './helpers/browser-tenant';

/**
 * A CSV import in Chromium: a GBK file (as Excel on Chinese Windows saves it)
 * with Chinese headers is uploaded on the list's import page, its columns are
 * matched to fields by their Chinese labels, the job runs with a progress
 * bar, and the rejected row can be downloaded with its reason.
 */
let t: TestTenant;
let browser: Browser;
let base: string;
let page: Page;

const tid = (id: string) => `[data-testid="${id}"]`;

beforeAll(async () => {
  ({ t, browser, base } = await startBrowserTenant('e2eimport'));
  await t.admin.defineObject({
    name: 'supplier',
    label: { en: 'Supplier', 'zh-CN': '供应商' },
    fields: [
      { name: 'city', type: 'text', label: { en: 'City', 'zh-CN': '城市' } },
      { name: 'rating', type: 'integer', label: { en: 'Rating', 'zh-CN': '评级' }, options: { min: 1, max: 5 } },
    ],
  });
  page = await newPage(browser);
  page.setDefaultTimeout(15_000);
  await signInAsAdmin(page, base, t);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

it('imports a GBK file with Chinese headers: columns matched by label, progress to done, the bad row rejected with its reason', async () => {
  const csv = '名称,城市,评级\r\n杭州西湖供应链有限公司,杭州,5\r\n宁波港务贸易公司,宁波,4\r\n深圳南山电子,深圳,9\r\n';
  await page.goto(`${base}/app/o/supplier/import`);
  await page.setInputFiles(tid('import-file'), { name: '供应商.csv', mimeType: 'text/csv', buffer: iconv.encode(csv, 'gbk') });
  await page.waitForSelector(tid('mapping-table'));
  expect(await page.textContent(tid('import-detected'))).toMatch(/gbk|GBK|gb18030/i);
  expect(await page.inputValue(tid('mapping-field-城市'))).toBe('city');
  expect(await page.inputValue(tid('mapping-field-评级'))).toBe('rating');
  await page.click(tid('import-start'));
  await page.waitForSelector(tid('import-result'));
  await screenshot(page, 'import-done');
  const records = (await t.admin.get('/records/supplier?sort=name&fields=name,city,rating')).body.records;
  expect(records.map((r: { name: string; city: string; rating: number }) => [r.name, r.city, r.rating])).toEqual([
    ['宁波港务贸易公司', '宁波', 4],
    ['杭州西湖供应链有限公司', '杭州', 5],
  ]);
  expect(await page.getAttribute(`${tid('import-progress')} progress`, 'value')).toBe('3');
  const href = await page.getAttribute(tid('import-rejected'), 'href');
  const rejected = await page.evaluate(async (url) => (await fetch(url!)).text(), href);
  expect(rejected).toContain('深圳南山电子');
  expect(rejected.split('\n')[0]).toContain('error');
});
