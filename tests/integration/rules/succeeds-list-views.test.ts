import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawObjectDef } from '../../../engine/shared/metadata-types';
import { startTestTenant, type ApiClient, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;
let rep: { client: ApiClient; id: string };
const lead = (views: RawObjectDef['listViews']): RawObjectDef => ({
  name: 'prospect',
  label: 'Prospect',
  fields: [
    { name: 'status', type: 'picklist', label: 'Status', options: { values: [{ value: 'new', label: 'New' }, { value: 'won', label: 'Won' }] } },
    { name: 'score', type: 'integer', label: 'Score' },
  ],
  listViews: views,
});

beforeAll(async () => {
  t = await startTestTenant('listviews');
  rep = await t.newUser();
  await t.admin.defineObject(
    lead([
      { name: 'hot_new', label: { en: 'Hot new', 'zh-CN': '热门新线索' }, filter: { and: [{ '==': [{ var: 'status' }, 'new'] }, { '>=': [{ var: 'score' }, 50] }] }, columns: ['name', 'score'], sort: ['-score'] },
      { name: 'mine', label: 'Mine', filter: { '==': [{ var: 'status' }, 'won'] }, visibility: { type: 'personal', owner: rep.id } },
      { name: 'managers', label: 'Managers', visibility: { type: 'shared', roles: ['sales_manager'] } },
    ]),
  );
  await t.admin.post('/records/prospect/bulk', {
    records: [
      { name: 'a', status: 'new', score: 90 },
      { name: 'b', status: 'new', score: 60 },
      { name: 'c', status: 'new', score: 10 },
      { name: 'd', status: 'won', score: 99 },
    ],
  });
});
afterAll(() => t?.close());

describe('list views as metadata', () => {
  it('apply their filter, columns and sort with ?view=NAME', async () => {
    const res = await t.admin.get('/records/prospect?view=hot_new&count=true');
    expect(res.body.total).toBe(2);
    expect(res.body.records).toEqual([
      { id: expect.any(String), name: 'a', score: 90, version: 1 },
      { id: expect.any(String), name: 'b', score: 60, version: 1 },
    ]);
  });

  it('combine with the request: filters are ANDed, the request’s sort and fields win', async () => {
    const f = encodeURIComponent(JSON.stringify({ '<': [{ var: 'score' }, 80] }));
    const res = await t.admin.get(`/records/prospect?view=hot_new&filter=${f}&sort=name&fields=name,status`);
    expect(res.body.records.map((r: { name: string; status: string }) => [r.name, r.status])).toEqual([['b', 'new']]);
  });

  it('keep personal views to their owner and role-shared views to those roles (404 otherwise)', async () => {
    expect((await rep.client.get('/records/prospect?view=mine')).body.records.map((r: { name: string }) => r.name)).toEqual(['d']);
    const other = await t.admin.get('/records/prospect?view=mine');
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('LIST_VIEW_NOT_FOUND');
    expect((await rep.client.get('/records/prospect?view=managers')).status).toBe(404);
    expect((await t.admin.get('/records/prospect?view=managers')).status).toBe(200);
    expect((await t.admin.get('/records/prospect?view=nope')).body.error.code).toBe('LIST_VIEW_NOT_FOUND');
  });

  it('get the composite index that serves their filter and sort', async () => {
    const defs = (await t.server.services.db.raw('SELECT indexdef FROM pg_indexes WHERE schemaname = ? AND tablename = ?', [t.tenant.schema, 'prospect'])).rows.map((r: { indexdef: string }) => r.indexdef);
    expect(defs.join('\n')).toMatch(/\(status, score DESC, id DESC\)/);
  });

  it('are checked at publish', async () => {
    const res = await t.admin.put('/metadata/objects/prospect', lead([{ name: 'bad', label: 'Bad', filter: { '==': [{ var: 'ghost' }, 1] }, columns: ['nope'] }]));
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0]).toMatchObject({ path: '/listViews/0/columns/0', code: 'UNKNOWN_FIELD' });
    const filterOnly = await t.admin.put('/metadata/objects/prospect', lead([{ name: 'bad', label: 'Bad', filter: { '==': [{ var: 'ghost' }, 1] } }]));
    expect(filterOnly.body.error).toMatchObject({ code: 'METADATA_RULE_INVALID', details: { issues: [{ path: '/listViews/0/filter/==/0/var' }] } });
  });
});
