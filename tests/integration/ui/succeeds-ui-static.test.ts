import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { UI_DIR } from '../../../engine/http/ui-static';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

/** The built web app as the server hands it out (the test setup builds it). */
let t: TestTenant;
let base: string;
beforeAll(async () => {
  t = await startTestTenant('uistatic');
  base = `http://127.0.0.1:${t.server.port}`;
});
afterAll(() => t?.close());

const script = () => /src="(\/assets\/[^"]+\.js)"/.exec(readFileSync(path.join(UI_DIR, 'runtime-ui/index.html'), 'utf8'))![1]!;

it('serves the app shell for /app and the designer for /designer, and any path under them, never cached', async () => {
  for (const p of ['/app', '/app/o/account/123', '/app/search']) {
    const res = await fetch(`${base}${p}`);
    expect(res.status, p).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<div id="root">');
  }
  for (const p of ['/designer', '/designer/objects/account/layout']) {
    const res = await fetch(`${base}${p}`);
    expect(res.status, p).toBe(200);
    const html = await res.text();
    expect(html).toContain('<title>Tessera Designer</title>');
    expect(html).toMatch(/src="\/assets\/designer-[^"]+\.js"/);
  }
  const root = await fetch(`${base}/`, { redirect: 'manual' });
  expect(root.status).toBe(302);
  expect(root.headers.get('location')).toBe('/app');
});

it('sends assets compressed (brotli, else gzip) and cached for a year', async () => {
  const br = await fetch(`${base}${script()}`, { headers: { 'accept-encoding': 'br' } });
  expect(br.headers.get('content-encoding')).toBe('br');
  expect(br.headers.get('cache-control')).toContain('immutable');
  const gz = await fetch(`${base}${script()}`, { headers: { 'accept-encoding': 'gzip' } });
  expect(gz.headers.get('content-encoding')).toBe('gzip');
  expect(gz.headers.get('content-type')).toContain('javascript');
  const plain = await fetch(`${base}${script()}`, { headers: { 'accept-encoding': 'identity' } });
  expect(plain.headers.get('content-encoding')).toBeNull();
  expect((await plain.text()).length).toBeGreaterThan(1000);
});

it('refuses paths outside the build', async () => {
  for (const p of ['/assets/..%2f..%2fpackage.json', '/assets/../../package.json', '/assets/nope.js']) {
    const res = await fetch(`${base}${p}`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.status, p).toBe(404);
  }
});
