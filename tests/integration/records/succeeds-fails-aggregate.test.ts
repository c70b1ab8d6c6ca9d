import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type ApiClient, type TestTenant } from '../../helpers/test-server';

/** GET /records/:object/aggregate: counts and sums per value, over what the caller may see. */
let t: TestTenant;
let rep: { client: ApiClient; id: string };
let reader: { client: ApiClient; id: string };
let firm: string;

const v = (...values: string[]) => values.map((value) => ({ value, label: value }));
const q = (o: unknown) => encodeURIComponent(JSON.stringify(o));
const agg = (c: ApiClient, query: string) => c.get(`/records/opportunity/aggregate?${query}`);

beforeAll(async () => {
  t = await startTestTenant('aggr');
  await t.admin.defineObject({ name: 'firm', label: 'Firm', fields: [] });
  await t.admin.defineObject({
    name: 'opportunity',
    label: 'Opportunity',
    sharing: 'private',
    fields: [
      { name: 'stage', type: 'picklist', label: 'Stage', options: { values: v('prospect', 'won', 'lost') } },
      { name: 'amount', type: 'currency', label: 'Amount' },
      { name: 'cost', type: 'number', label: 'Cost' },
      { name: 'doubled', type: 'formula', label: 'Doubled', options: { expression: { '*': [{ var: 'amount' }, 2] }, returns: 'number' } },
      { name: 'hot', type: 'boolean', label: 'Hot' },
      { name: 'region', type: 'text', label: 'Region' },
      { name: 'firm', type: 'lookup', label: 'Firm', options: { target: 'firm', onDelete: 'setNull' } },
    ],
    listViews: [{ name: 'hot_ones', label: 'Hot', filter: { '==': [{ var: 'hot' }, true] } }],
  });
  expect((await t.admin.post('/admin/permission-sets', { name: 'sales', label: 'Sales', objects: { opportunity: { create: true, read: true, edit: true, fields: { cost: 'none' } } } })).status).toBe(201);
  [rep, reader] = [await t.newUser(), await t.newUser()];
  expect((await t.admin.patch(`/admin/users/${rep.id}`, { permissionSets: ['sales'] })).status).toBe(200);
  expect((await t.admin.patch(`/admin/users/${reader.id}`, { permissionSets: [] })).status).toBe(200);
  firm = (await t.admin.post('/records/firm', { name: 'F' })).body.id;
  const rows = [
    { name: 'p1', stage: 'prospect', amount: 100, cost: 1, hot: true, region: 'east', firm },
    { name: 'p2', stage: 'prospect', amount: 50.5, cost: 1, region: 'west' },
    { name: 'w1', stage: 'won', amount: 1000, hot: true, region: 'east', firm },
    { name: 'l1', stage: 'lost', region: 'east' },
    { name: 'n1', amount: 7 },
  ];
  expect((await t.admin.post('/records/opportunity/bulk', { records: rows })).status).toBe(201);
  expect((await rep.client.post('/records/opportunity', { name: 'mine', stage: 'won', amount: 1 })).status).toBe(201);
});
afterAll(() => t?.close());

describe('aggregate', () => {
  it('counts and sums per picklist value, nulls included, ordered by value', async () => {
    const res = await agg(t.admin, 'groupBy=stage&sum=amount');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      groups: [
        { value: 'lost', count: 1, sum: null },
        { value: 'prospect', count: 2, sum: 150.5 },
        { value: 'won', count: 2, sum: 1001 },
        { value: null, count: 1, sum: 7 },
      ],
    });
    expect((await agg(t.admin, 'groupBy=stage')).body.groups[0]).toEqual({ value: 'lost', count: 1 });
  });

  it('applies the filter, the quick search and a list view, and sums formulas', async () => {
    expect((await agg(t.admin, `groupBy=stage&sum=doubled&filter=${q({ '==': [{ var: 'region' }, 'east'] })}`)).body.groups).toEqual([
      { value: 'lost', count: 1, sum: null },
      { value: 'prospect', count: 1, sum: 200 },
      { value: 'won', count: 1, sum: 2000 },
    ]);
    expect((await agg(t.admin, 'groupBy=stage&q=P')).body.groups).toEqual([{ value: 'prospect', count: 2 }]);
    expect((await agg(t.admin, 'groupBy=stage&sum=amount&view=hot_ones')).body.groups).toEqual([
      { value: 'prospect', count: 1, sum: 100 },
      { value: 'won', count: 1, sum: 1000 },
    ]);
  });

  it('groups by boolean, user and lookup fields', async () => {
    expect((await agg(t.admin, 'groupBy=hot')).body.groups).toEqual([{ value: true, count: 2 }, { value: null, count: 4 }]);
    expect((await agg(t.admin, 'groupBy=firm&sum=amount')).body.groups).toEqual([{ value: firm, count: 2, sum: 1100 }, { value: null, count: 4, sum: 58.5 }]);
    const owners = (await agg(t.admin, 'groupBy=owner_id')).body.groups;
    expect(owners).toHaveLength(2);
    expect(owners).toContainEqual({ value: rep.id, count: 1 });
  });

  it('counts only the records the caller may see', async () => {
    expect((await agg(rep.client, 'groupBy=stage&sum=amount')).body).toEqual({ groups: [{ value: 'won', count: 1, sum: 1 }] });
  });
});

describe('aggregate refuses', () => {
  const refused = async (c: ApiClient, query: string, status: number, code: string, path = 'opportunity') => {
    const res = await c.get(`/records/${path}/aggregate?${query}`);
    expect(res.status, `${query}: ${JSON.stringify(res.body)}`).toBe(status);
    expect(res.body.error.code).toBe(code);
    return res.body.error;
  };

  it('a missing, repeated, unknown or unfit field → 400', async () => {
    expect(await refused(t.admin, '', 400, 'QUERY_INVALID_PARAMETER')).toEqual({ code: 'QUERY_INVALID_PARAMETER', message: '"groupBy" is required: the field to group by', details: { parameter: 'groupBy' } });
    await refused(t.admin, 'groupBy=stage&groupBy=hot', 400, 'QUERY_INVALID_PARAMETER');
    await refused(t.admin, 'groupBy=ghost', 400, 'QUERY_UNKNOWN_FIELD');
    await refused(t.admin, 'groupBy=stage&sum=ghost', 400, 'QUERY_UNKNOWN_FIELD');
    expect((await refused(t.admin, 'groupBy=region', 400, 'QUERY_INVALID_PARAMETER')).message).toBe('"groupBy" must name a picklist, boolean, user or lookup field; "region" is a text field');
    await refused(t.admin, 'groupBy=stage&sum=region', 400, 'QUERY_INVALID_PARAMETER');
    await refused(t.admin, 'groupBy=stage&sum=stage', 400, 'QUERY_INVALID_PARAMETER');
  });

  it('a bad filter → 400, an unknown view → 404', async () => {
    await refused(t.admin, `groupBy=stage&filter=${q({ '==': [{ var: 'amount' }, 'lots'] })}`, 400, 'QUERY_INVALID_FILTER');
    await refused(t.admin, 'groupBy=stage&filter=%7B', 400, 'QUERY_INVALID_FILTER');
    await refused(t.admin, 'groupBy=stage&view=ghost', 404, 'LIST_VIEW_NOT_FOUND');
  });

  it('a hidden field to group, sum or filter by → 403 FIELD_NOT_ACCESSIBLE', async () => {
    await refused(rep.client, 'groupBy=stage&sum=cost', 403, 'FIELD_NOT_ACCESSIBLE');
    await refused(rep.client, `groupBy=stage&filter=${q({ '>': [{ var: 'cost' }, 0] })}`, 403, 'FIELD_NOT_ACCESSIBLE');
  });

  it('an unknown object → 404; no read permission → 403', async () => {
    await refused(t.admin, 'groupBy=stage', 404, 'OBJECT_NOT_FOUND', 'ghost');
    await refused(reader.client, 'groupBy=stage', 403, 'OBJECT_ACCESS_DENIED');
  });
});
