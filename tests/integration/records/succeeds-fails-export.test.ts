import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type ApiClient, type TestTenant } from '../../helpers/test-server';
import { OPERATORS, OPERATORS_BY_KIND, type FilterKind } from '../../../runtime-ui/src/filter-builder/operators';

/** GET /records/:object/export.csv: the list as CSV, every page, with the list's access rules. */
let t: TestTenant;
let rep: { client: ApiClient; id: string };

const BOM = '\uFEFF';
const q = (o: unknown) => encodeURIComponent(JSON.stringify(o));
/** The export's lines (without the BOM, checked byte by byte: fetch's text() would drop it). */
const csv = async (c: ApiClient, query: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${c.baseUrl}/api/v1/records/lead/export.csv?${query}`, { headers: { authorization: `Bearer ${c.token}`, ...headers } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  expect(res.status, text.slice(0, 300)).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(text.startsWith(BOM)).toBe(true);
  return text.slice(1).split('\r\n').slice(0, -1);
};

beforeAll(async () => {
  t = await startTestTenant('export');
  await t.admin.defineObject({
    name: 'lead',
    label: 'Lead',
    sharing: 'private',
    fields: [
      { name: 'company', type: 'text', label: { en: 'Company', 'zh-CN': '公司' } },
      { name: 'rating', type: 'picklist', label: { en: 'Rating', 'zh-CN': '评级' }, options: { values: [{ value: 'hot', label: { en: 'Hot', 'zh-CN': '热' } }, { value: 'cold', label: { en: 'Cold', 'zh-CN': '冷' } }] } },
      { name: 'tags', type: 'multipicklist', label: 'Tags', options: { values: [{ value: 'a', label: 'Alpha' }, { value: 'b', label: 'Beta' }] } },
      { name: 'score', type: 'integer', label: 'Score' },
      { name: 'ok', type: 'boolean', label: 'OK' },
      { name: 'secret', type: 'text', label: 'Secret' },
      { name: 'due', type: 'date', label: 'Due' },
      { name: 'referrer', type: 'lookup', label: 'Referrer', options: { target: 'lead' } },
    ],
    listViews: [{ name: 'hot', label: 'Hot', filter: { '==': [{ var: 'rating' }, 'hot'] }, columns: ['name', 'rating'], sort: ['-score'] }],
  });
  expect((await t.admin.post('/admin/permission-sets', { name: 'sales', label: 'Sales', objects: { lead: { create: true, read: true, edit: true, fields: { secret: 'none' } } } })).status).toBe(201);
  rep = await t.newUser();
  expect((await t.admin.patch(`/admin/users/${rep.id}`, { permissionSets: ['sales'] })).status).toBe(200);
  await t.admin.post('/records/lead', { name: 'Ann', company: 'Acme, "the best"\nInc', rating: 'hot', tags: ['a', 'b'], score: 7, ok: true, secret: 's1' });
  await t.admin.post('/records/lead', { name: 'Bob', company: '=HYPERLINK("http://evil")', rating: 'cold', score: -3, ok: false });
  await t.admin.post('/records/lead', { name: '上海云杉', rating: 'hot', score: 9 });
  await rep.client.post('/records/lead', { name: 'Rep lead', score: 1 });
});
afterAll(() => t?.close());

describe('CSV export', () => {
  it('writes UTF-8 with a BOM, labels in the caller’s language, readable values, safe quoting', async () => {
    const lines = await csv(t.admin, `fields=name,company,rating,tags,score,ok&sort=name&filter=${q({ '!=': [{ var: 'owner_id' }, rep.id] })}`);
    expect(lines).toEqual(['Name,Company,Rating,Tags,Score,OK', 'Ann,"Acme, ""the best""\nInc",Hot,Alpha; Beta,7,true', `Bob,"'=HYPERLINK(""http://evil"")",Cold,,-3,false`, '上海云杉,,Hot,,9,']);
    const zh = await csv(t.admin, 'fields=company,rating&sort=name&q=云杉', { 'accept-language': 'zh-CN' });
    expect(zh).toEqual(['公司,评级', ',热']);
  });

  it('names the file after the object and is not cached', async () => {
    const res = await t.admin.get('/records/lead/export.csv?fields=name');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="lead.csv"; filename*=UTF-8''lead.csv`);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('applies a list view: its filter, columns and sort', async () => {
    expect(await csv(t.admin, 'view=hot')).toEqual(['Name,Rating', '上海云杉,Hot', 'Ann,Hot']);
  });

  it('streams every page of a large result once, in order', async () => {
    const records = Array.from({ length: 2500 }, (_, i) => ({ name: `bulk-${String(i).padStart(4, '0')}`, score: i }));
    expect((await t.admin.post('/records/lead/bulk', { records })).status).toBe(201);
    const lines = await csv(t.admin, `fields=name&sort=-score&filter=${q({ starts_with: [{ var: 'name' }, 'bulk-'] })}`);
    expect(lines).toHaveLength(2501);
    expect(lines.slice(1)).toEqual(records.map((r) => r.name).reverse());
  });

  it('gives a user only the records and fields they may read', async () => {
    const lines = await csv(rep.client, '');
    expect(lines[0]).not.toContain('Secret');
    expect(lines[0]!.startsWith('ID,Name,Owner')).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Rep lead');
  });
});

describe('filters from the list’s filter builder', () => {
  it('every operator of every field kind compiles on the server and exports', async () => {
    const fieldOf: Record<FilterKind, string> = { text: 'company', number: 'score', date: 'due', datetime: 'created_at', boolean: 'ok', picklist: 'rating', multipicklist: 'tags', lookup: 'referrer', user: 'owner_id' };
    const sample: Record<string, unknown> = { text: 'Acme', number: 3, date: '2026-03-15', datetime: '2026-03-01T08:00:00.000Z', picklist: 'hot', multipicklist: 'a', lookup: rep.id, user: rep.id };
    const valueFor = (kind: FilterKind, arity: string) =>
      arity === 'range' ? [sample[kind], sample[kind]] : arity === 'list' ? [kind === 'multipicklist' ? 'a' : 'hot'] : arity === 'days' ? 30 : kind === 'lookup' ? '2b0c4d6e-8f10-4a2b-9c3d-4e5f60718293' : sample[kind];
    const failures: string[] = [];
    for (const [kind, ops] of Object.entries(OPERATORS_BY_KIND) as [FilterKind, (keyof typeof OPERATORS)[]][]) {
      for (const op of ops) {
        const rule = OPERATORS[op].toLogic(fieldOf[kind], valueFor(kind, OPERATORS[op].arity), kind);
        const res = await t.admin.get(`/records/lead/export.csv?fields=name&filter=${q(rule)}`);
        if (res.status !== 200) failures.push(`${kind} ${op} ${JSON.stringify(rule)}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('CSV export refuses before sending anything', () => {
  const refused = async (c: ApiClient, path: string, status: number, code: string) => {
    const res = await c.get(path);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.body.error.code).toBe(code);
  };

  it('an unknown object, field, view or a bad filter; a hidden field', async () => {
    await refused(t.admin, '/records/ghost/export.csv', 404, 'OBJECT_NOT_FOUND');
    await refused(t.admin, '/records/lead/export.csv?fields=ghost', 400, 'QUERY_UNKNOWN_FIELD');
    await refused(t.admin, '/records/lead/export.csv?sort=tags', 400, 'QUERY_INVALID_SORT');
    await refused(t.admin, '/records/lead/export.csv?view=ghost', 404, 'LIST_VIEW_NOT_FOUND');
    await refused(t.admin, `/records/lead/export.csv?filter=${q({ '==': [{ var: 'score' }, 'x'] })}`, 400, 'QUERY_INVALID_FILTER');
    await refused(rep.client, '/records/lead/export.csv?fields=name,secret', 403, 'FIELD_NOT_ACCESSIBLE');
    await refused(rep.client, `/records/lead/export.csv?filter=${q({ '==': [{ var: 'secret' }, 's1'] })}`, 403, 'FIELD_NOT_ACCESSIBLE');
  });
});
