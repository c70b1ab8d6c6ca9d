import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../engine/server';
import type { RawObjectDef } from '../../../engine/shared/metadata-types';
import { anonymousClient, startTestServer, startTestTenant, TEST_PASSWORD, type ApiClient, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;
let serverB: RunningServer;
/** The admin, signed in on server A (t.admin) and on server B. */
let a: ApiClient;
let b: ApiClient;

async function signIn(server: RunningServer, email: string): Promise<ApiClient> {
  const anonymous = anonymousClient(server.port);
  const res = await anonymous.post('/auth/login', { email, password: TEST_PASSWORD, tenant: t.tenant.slug });
  expect(res.status).toBe(200);
  return anonymous.as(res.body.token);
}

beforeAll(async () => {
  t = await startTestTenant('twoproc');
  serverB = await startTestServer();
  a = t.admin;
  b = await signIn(serverB, `admin@${t.tenant.slug}.test`);
  expect(a.baseUrl).not.toBe(b.baseUrl);
});
afterAll(async () => {
  await serverB?.close();
  await t?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns true or `limitMs` passes; answers the time it took, or undefined. */
async function within(limitMs: number, probe: () => Promise<boolean>): Promise<number | undefined> {
  const start = performance.now();
  for (;;) {
    if (await probe()) return performance.now() - start;
    if (performance.now() - start > limitMs) return undefined;
    await sleep(20);
  }
}

const base: RawObjectDef = { name: 'tp_ticket', label: 'Ticket', fields: [{ name: 'subject', type: 'text', label: 'Subject' }] };

describe('two processes on one database', () => {
  it('a field published through A is served by B within a second', async () => {
    const created = await a.defineObject(base);
    // B loads and caches the current version
    const seen = await b.get('/metadata/objects/tp_ticket');
    expect(seen.status).toBe(200);
    expect(seen.body.version).toBe(created.version);
    expect((await b.post('/records/tp_ticket', { name: 'before', subject: 's', priority: 1 })).status).toBe(400);

    const published = await a.defineObject({ ...base, fields: [...base.fields, { name: 'priority', type: 'integer', label: 'Priority' }] });
    expect(published.version).toBe(created.version + 1);
    const started = performance.now();
    const took = await within(1000, async () => {
      const res = await b.get('/metadata/objects/tp_ticket');
      return res.body.version === published.version && res.body.object.fields.some((f: any) => f.name === 'priority');
    });
    expect(took, 'server B did not serve the new version within 1 s').toBeDefined();
    // records on B use the new field right away
    const rec = await b.post('/records/tp_ticket', { name: 'after', subject: 's', priority: 3 });
    expect(rec.status).toBe(201);
    expect(rec.body.priority).toBe(3);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('record writes on B pick up a new field without a metadata read first', async () => {
    const current = (await a.get('/metadata/objects/tp_ticket')).body.object as RawObjectDef;
    // warm B's cache through the records API only
    expect((await b.get('/records/tp_ticket?limit=1')).status).toBe(200);
    await a.defineObject({ ...current, fields: [...current.fields, { name: 'due', type: 'date', label: 'Due' }] });
    const took = await within(1000, async () => (await b.post('/records/tp_ticket', { name: 'with due', due: '2024-01-02' })).status === 201);
    expect(took, 'server B refused the new field for more than 1 s').toBeDefined();
    const list = await b.get(`/records/tp_ticket?filter=${encodeURIComponent(JSON.stringify({ '==': [{ var: 'due' }, '2024-01-02'] }))}`);
    expect(list.status).toBe(200);
    expect(list.body.records.map((r: any) => r.name)).toEqual(['with due']);
  });

  it('a change published through B reaches A, and a dropped field disappears from A', async () => {
    const current = (await b.get('/metadata/objects/tp_ticket')).body.object as RawObjectDef;
    expect((await a.get('/records/tp_ticket?limit=1')).status).toBe(200);
    const res = await b.put('/metadata/objects/tp_ticket?confirm=true', { ...current, fields: current.fields.filter((f) => f.name !== 'subject') });
    expect(res.status).toBe(200);
    const took = await within(1000, async () => {
      const r = await a.get('/records/tp_ticket?fields=subject');
      return r.status === 400 && r.body.error.code === 'QUERY_UNKNOWN_FIELD';
    });
    expect(took, 'server A still served the dropped field after 1 s').toBeDefined();
    expect((await a.get('/metadata/objects/tp_ticket')).body.version).toBe(res.body.version);
  });

  it('a new object published through A is usable on B within a second', async () => {
    expect((await b.get('/records/tp_other')).status).toBe(404);
    await a.defineObject({ name: 'tp_other', label: 'Other', fields: [] });
    const took = await within(1000, async () => (await b.get('/records/tp_other')).status === 200);
    expect(took, 'server B did not know the new object within 1 s').toBeDefined();
  });
});
