import type { Browser, Page } from 'playwright-core';
import { startTestTenant, TEST_PASSWORD, type TestTenant } from '../../helpers/test-server';
import { launchBrowser, signIn } from './browser';

/** A test tenant and Chromium, and the address the tenant's server answers on. */
export interface BrowserTenant {
  t: TestTenant;
  browser: Browser;
  base: string;
}

/** Starts a test tenant and Chromium side by side. */
export async function startBrowserTenant(prefix: string): Promise<BrowserTenant> {
  const [t, browser] = await Promise.all([startTestTenant(prefix), launchBrowser()]);
  return { t, browser, base: `http://127.0.0.1:${t.server.port}` };
}

/** Signs the tenant's admin in through the login form. */
export function signInAsAdmin(page: Page, base: string, t: TestTenant): Promise<void> {
  return signIn(page, base, `admin@${t.tenant.slug}.test`, TEST_PASSWORD);
}
