import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** expect.poll, patiently: the whole suite runs in parallel and this machine may be busy. */
export const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });

/** The name cell of the list's first row. */
export const firstName = (page: Page) => page.locator('.lv-body [role=row][data-index="0"] [data-field=name]');

/** Scrolls the list to its end (at most ten times) until the row named `name` has loaded; answers the scroller. */
export async function scrollListUntil(page: Page, name: string): Promise<Locator> {
  const scroller = page.getByTestId('list-scroller');
  const row = page.locator('.lv-td[data-field=name]', { hasText: name });
  for (let i = 0; i < 10 && !(await row.count()); i++) {
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForTimeout(150);
  }
  await row.waitFor();
  return scroller;
}
