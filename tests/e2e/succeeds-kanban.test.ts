import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestTenant } from '../helpers/test-server';
import { newPage, screenshot } from './helpers/browser';
import { signInAsAdmin, startBrowserTenant } from './helpers/browser-tenant';
import { poll } from './helpers/list-page';

/**
 * The kanban in Chromium: columns per stage with counts and amount totals;
 * dragging a card changes the stage through the API; a drag a validation
 * rule refuses snaps back with the rule's message; on a phone the columns
 * scroll sideways and a card can be dragged by touch.
 */
let t: TestTenant;
let browser: Browser;
let base: string;
const ids: Record<string, string> = {};
const v = (value: string, en: string, zh: string, color?: string) => ({ value, label: { en, 'zh-CN': zh }, ...(color ? { color } : {}) });

beforeAll(async () => {
  ({ t, browser, base } = await startBrowserTenant('e2ekanban'));
  await t.admin.defineObject({
    name: 'opportunity',
    label: { en: 'Opportunity', 'zh-CN': '商机' },
    pluralLabel: { en: 'Opportunities', 'zh-CN': '商机' },
    fields: [
      { name: 'stage', type: 'picklist', label: { en: 'Stage', 'zh-CN': '阶段' }, options: { values: [v('prospecting', 'Prospecting', '初步接洽', '#9fb3c8'), v('negotiation', 'Negotiation', '谈判', '#f0b429'), v('won', 'Won', '赢单', '#0e7c3a'), v('lost', 'Lost', '输单', '#ab091e')] } },
      { name: 'amount', type: 'currency', label: { en: 'Amount', 'zh-CN': '金额' } },
      { name: 'region', type: 'text', label: { en: 'Region', 'zh-CN': '区域' } },
    ],
    validationRules: [{ name: 'won_needs_amount', condition: { and: [{ '==': [{ var: 'stage' }, 'won'] }, { '!': { var: 'amount' } }] }, message: { en: 'A won opportunity needs an amount', 'zh-CN': '赢单的商机必须填写金额' }, errorField: 'amount' }],
  });
  for (const [name, stage, amount] of [['Alpha deal', 'prospecting', 1000], ['Beta deal', 'prospecting', null], ['Gamma deal', 'negotiation', 500], ['Delta deal', 'won', 250.5]] as const) {
    const res = await t.admin.post('/records/opportunity', { name, stage, amount, region: 'east' });
    expect(res.status).toBe(201);
    ids[name] = res.body.id;
  }
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const column = (page: Page, value: string) => page.locator(`[data-testid=kanban-column][data-value="${value}"]`);
const card = (page: Page, name: string) => page.locator('[data-testid=kanban-card]', { hasText: name });
const stageOf = async (name: string) => (await t.admin.get(`/records/opportunity/${ids[name]}`)).body.stage;
const center = async (l: Locator) => {
  const b = (await l.boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + Math.min(b.height / 2, 20) };
};

/** A mouse drag in small steps, as a person would (dnd-kit starts after 6 px). */
async function drag(page: Page, from: Locator, to: Locator) {
  const a = await center(from);
  const b = await center(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + 10, a.y + 5, { steps: 3 });
  await page.mouse.move(b.x, b.y + 40, { steps: 12 });
  await page.mouse.up();
}

it('drags a card to another stage through the API; a refused drag snaps back with the message', async () => {
  // Wide enough for all four columns: no column sits at the strip's edge, where dnd-kit would scroll the strip mid-drag.
  const page = await newPage(browser, { width: 1600, height: 900 });
  await signInAsAdmin(page, base, t);
  await page.click('[data-testid=nav-opportunity]');
  await page.click('[data-testid=open-kanban]');
  await card(page, 'Alpha deal').waitFor();
  await card(page, 'Delta deal').waitFor();
  expect(await page.locator('[data-testid=kanban-column]').evaluateAll((cs) => cs.map((c) => c.getAttribute('aria-label')))).toEqual(['Prospecting', 'Negotiation', 'Won', 'Lost']);
  expect(await column(page, 'prospecting').getByTestId('kanban-count').textContent()).toBe('2');
  expect(await column(page, 'prospecting').getByTestId('kanban-sum').textContent()).toBe('$1,000.00');
  await screenshot(page, 'kanban');

  await drag(page, card(page, 'Alpha deal'), column(page, 'negotiation'));
  await poll(() => stageOf('Alpha deal')).toBe('negotiation');
  await column(page, 'negotiation').locator('[data-testid=kanban-card]', { hasText: 'Alpha deal' }).waitFor();
  expect(await column(page, 'negotiation').getByTestId('kanban-count').textContent()).toBe('2');
  expect(await column(page, 'negotiation').getByTestId('kanban-sum').textContent()).toBe('$1,500.00');
  expect(await column(page, 'prospecting').getByTestId('kanban-sum').textContent()).toBe('$0.00');
  expect((await t.admin.get(`/records/opportunity/${ids['Alpha deal']}`)).body.version).toBe(2);

  // Won without an amount: the validation rule refuses, the card goes back, the message stays visible.
  await drag(page, card(page, 'Beta deal'), column(page, 'won'));
  await poll(() => page.getByTestId('kanban-refused').textContent()).toContain('A won opportunity needs an amount');
  await column(page, 'prospecting').locator('[data-testid=kanban-card]', { hasText: 'Beta deal' }).waitFor();
  expect(await column(page, 'won').locator('[data-testid=kanban-card]', { hasText: 'Beta deal' }).count()).toBe(0);
  expect(await column(page, 'won').getByTestId('kanban-count').textContent()).toBe('1');
  expect(await stageOf('Beta deal')).toBe('prospecting');
  await screenshot(page, 'kanban-refused');
});

it('on a phone the columns scroll sideways and a card moves by touch', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'en-US' });
  const page = await context.newPage();
  await signInAsAdmin(page, base, t);
  await page.goto(`${base}/app/o/opportunity/kanban?field=stage`);
  await card(page, 'Gamma deal').waitFor();
  const strip = page.getByTestId('kanban-columns');
  const [scrollWidth, clientWidth] = await strip.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(scrollWidth).toBeGreaterThan(clientWidth);

  // Press and hold, then move: a touch drag from Negotiation towards Won.
  await strip.evaluate((el) => el.scrollTo({ left: 250 }));
  const cdp = await context.newCDPSession(page);
  const from = await center(card(page, 'Gamma deal'));
  const to = await center(column(page, 'won'));
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  await touch('touchStart', from.x, from.y);
  await page.waitForTimeout(500);
  for (let i = 1; i <= 10; i++) await touch('touchMove', from.x + ((to.x - from.x) * i) / 10, from.y + ((to.y + 40 - from.y) * i) / 10);
  await touch('touchEnd', to.x, to.y + 40);
  // dnd-kit scrolls the strip while a card is held near its edge, so the card may land a column further: wherever it lands, the API agrees.
  await poll(() => stageOf('Gamma deal')).not.toBe('negotiation');
  const landed = await stageOf('Gamma deal');
  expect(['won', 'lost']).toContain(landed);
  await column(page, landed).locator('[data-testid=kanban-card]', { hasText: 'Gamma deal' }).waitFor();
  await screenshot(page, 'kanban-phone');
  await context.close();
});
