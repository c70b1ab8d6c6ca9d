import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawObjectDef } from '../../../engine/shared/metadata-types';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;
const parent = (rollups: RawObjectDef['fields']): RawObjectDef => ({ name: 'shop', label: 'Shop', fields: rollups });
const indexes = async () =>
  (await t.server.services.db.raw('SELECT indexdef FROM pg_indexes WHERE schemaname = ? AND tablename = ?', [t.tenant.schema, 'sale'])).rows.map((r: { indexdef: string }) => r.indexdef).join('\n');

beforeAll(async () => {
  t = await startTestTenant('rollupix');
  await t.admin.defineObject(parent([]));
  await t.admin.defineObject({ name: 'sale', label: 'Sale', fields: [{ name: 'shop', type: 'lookup', label: 'Shop', options: { target: 'shop', onDelete: 'cascade' } }, { name: 'amount', type: 'currency', label: 'Amount' }] });
});
afterAll(() => t?.close());

describe('roll-up child index', () => {
  it('indexes (lookup, field) on the child for max, and drops it with the roll-up', async () => {
    await t.admin.defineObject(parent([{ name: 'top_sale', type: 'rollup', label: 'Top sale', options: { relation: 'sale.shop', function: 'max', field: 'amount' } }]));
    expect(await indexes()).toMatch(/ON \S+\.sale USING btree \(shop, amount\)/);
    const shop = (await t.admin.post('/records/shop', { name: 'S' })).body;
    await t.admin.post('/records/sale/bulk', { records: [5, 42, 7].map((amount) => ({ name: `s${amount}`, shop: shop.id, amount })) });
    expect((await t.admin.get(`/records/shop/${shop.id}`)).body.top_sale).toBe(42);
    await t.admin.defineObject(parent([]), '?confirm=true');
    expect(await indexes()).not.toMatch(/\(shop, amount\)/);
  });
});
