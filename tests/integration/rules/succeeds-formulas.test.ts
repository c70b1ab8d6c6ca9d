import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;
const q = (rule: unknown) => encodeURIComponent(JSON.stringify(rule));

beforeAll(async () => {
  t = await startTestTenant('formulas');
  await t.admin.defineObject({
    name: 'client',
    label: 'Client',
    fields: [{ name: 'tier', type: 'picklist', label: 'Tier', options: { values: [{ value: 'gold', label: { en: 'Gold', 'zh-CN': '金牌' } }, { value: 'std', label: 'Standard' }] } }],
  });
  await t.admin.defineObject({
    name: 'deal',
    label: 'Deal',
    fields: [
      { name: 'client', type: 'lookup', label: 'Client', options: { target: 'client', onDelete: 'setNull' } },
      { name: 'amount', type: 'currency', label: 'Amount' },
      { name: 'qty', type: 'integer', label: 'Qty' },
      { name: 'closes', type: 'date', label: 'Closes' },
      { name: 'unit_price', type: 'formula', label: 'Unit price', options: { expression: { round: [{ '/': [{ var: 'amount' }, { var: 'qty' }] }, 2] }, returns: 'number' } },
      { name: 'big', type: 'formula', label: 'Big', options: { expression: { '>=': [{ var: 'unit_price' }, 100] }, returns: 'boolean' } },
      { name: 'headline', type: 'formula', label: 'Headline', options: { expression: { cat: [{ upper: [{ var: 'name' }] }, ' / ', { var: 'client.tier' }, '?'] }, returns: 'string' } },
      { name: 'quarter_start', type: 'formula', label: 'Quarter', options: { expression: { start_of_quarter: [{ var: 'closes' }] }, returns: 'date' } },
    ],
  });
});
afterAll(() => t?.close());

describe('formula fields', () => {
  it('are computed in SQL on read, through other formulas and lookups', async () => {
    const client = (await t.admin.post('/records/client', { name: 'Acme', tier: 'gold' })).body;
    const created = await t.admin.post('/records/deal', { name: 'big one', client: client.id, amount: 1000, qty: 3, closes: '2026-05-17' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ unit_price: 333.33, big: true, headline: 'BIG ONE / gold?', quarter_start: '2026-04-01' });
    const read = (await t.admin.get(`/records/deal/${created.body.id}`)).body;
    expect(read).toMatchObject({ unit_price: 333.33, big: true });
    const updated = (await t.admin.patch(`/records/deal/${created.body.id}`, { version: 1, qty: 0 })).body;
    // Division by zero is null, never an error; null flows into the comparison as false.
    expect(updated).toMatchObject({ unit_price: null, big: false });
  });

  it('can be filtered and sorted, with keyset paging', async () => {
    const records = [
      { name: 'a', amount: 500, qty: 1 },
      { name: 'b', amount: 90, qty: 1 },
      { name: 'c', amount: 300, qty: 2 },
      { name: 'd', amount: 1, qty: 0 },
    ];
    await t.admin.post('/records/deal/bulk', { records });
    const big = await t.admin.get(`/records/deal?filter=${q({ and: [{ var: 'big' }, { starts_with: [{ var: 'name' }, 'a'] }] })}&fields=name,unit_price`);
    expect(big.body.records.map((r: { name: string }) => r.name)).toEqual(['a']);
    const sorted: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.admin.get(`/records/deal?sort=-unit_price&limit=2&fields=name&filter=${q({ in: [{ var: 'name' }, ['a', 'b', 'c', 'd']] })}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      sorted.push(...page.body.records.map((r: { name: string }) => r.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    // NULL first when descending (d divides by zero), then 500, 150, 90.
    expect(sorted).toEqual(['d', 'a', 'c', 'b']);
  });

  it('are read-only and part of the record schema', async () => {
    const res = await t.admin.post('/records/deal', { name: 'x', unit_price: 5 });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues).toEqual([{ path: '/unit_price', code: 'FIELD_UNKNOWN', message: 'is not a field of this object' }]);
    const openapi = (await t.admin.get('/openapi.json')).body;
    expect(openapi.components.schemas.deal.properties.unit_price).toMatchObject({ type: ['number', 'null'] });
  });

  it('have no column: changing a stored field into a formula moves its column to the trash', async () => {
    const cols = await t.server.services.db.raw('SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?', [t.tenant.schema, 'deal']);
    expect(cols.rows.map((r: { column_name: string }) => r.column_name)).not.toContain('unit_price');
  });
});
