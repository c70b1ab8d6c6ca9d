import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type ApiClient, type TestTenant } from '../../helpers/test-server';

/** Export to CSV (UTF-8 with BOM) and XLSX: same rows, labels in the caller's language, field-level security. */
let t: TestTenant;
let rep: { client: ApiClient; id: string };
let reader: { client: ApiClient; id: string };

const get = async (c: ApiClient, path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${c.baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${c.token}`, ...headers } });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
};

/** The workbook's parts as text. */
const unzip = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
/** The sheet's rows: each cell as [ref, type or style, value]. */
const cells = (sheet: string) =>
  [...sheet.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)].map((m) =>
    [...m[2]!.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/g)].map((c) => [c[1], c[2]!.trim(), c[3] ?? c[4]]),
  );

beforeAll(async () => {
  t = await startTestTenant('exportx');
  await t.admin.defineObject({
    name: 'lead',
    label: { en: 'Lead', 'zh-CN': '线索' },
    fields: [
      { name: 'company', type: 'text', label: { en: 'Company', 'zh-CN': '公司' } },
      { name: 'score', type: 'integer', label: { en: 'Score', 'zh-CN': '评分' } },
      { name: 'revenue', type: 'currency', label: { en: 'Revenue', 'zh-CN': '收入' } },
      { name: 'ok', type: 'boolean', label: { en: 'OK', 'zh-CN': '有效' } },
      { name: 'since', type: 'date', label: { en: 'Since', 'zh-CN': '起始' } },
      { name: 'rating', type: 'picklist', label: { en: 'Rating', 'zh-CN': '评级' }, options: { values: [{ value: 'hot', label: { en: 'Hot', 'zh-CN': '热' } }] } },
      { name: 'secret', type: 'text', label: { en: 'Secret', 'zh-CN': '机密' } },
    ],
    listViews: [{ name: 'hot', label: 'Hot', filter: { '==': [{ var: 'rating' }, 'hot'] }, columns: ['name', 'score'], sort: ['-score'] }],
  });
  expect((await t.admin.post('/admin/permission-sets', { name: 'sales', label: 'Sales', objects: { lead: { create: true, read: true, edit: true, fields: { secret: 'none' } } } })).status).toBe(201);
  rep = await t.newUser();
  reader = await t.newUser();
  expect((await t.admin.patch(`/admin/users/${rep.id}`, { permissionSets: ['sales'] })).status).toBe(200);
  await t.admin.post('/records/lead', { name: '上海云杉', company: '云杉科技', score: 9, revenue: 1234.5, ok: true, since: '2024-03-05', rating: 'hot', secret: 'TOP-SECRET' });
  await t.admin.post('/records/lead', { name: 'Bob', company: 'Acme', score: -3, ok: false });
});
afterAll(() => t?.close());

describe('CSV', () => {
  it('starts with the UTF-8 BOM and keeps Chinese intact; headers in the caller’s language', async () => {
    const res = await get(t.admin, '/records/lead/export.csv?fields=name,company,rating&sort=name', { 'accept-language': 'zh-CN' });
    expect(res.status).toBe(200);
    expect([...res.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(res.bytes)).toBe('\uFEFF名称,公司,评级\r\nBob,Acme,\r\n上海云杉,云杉科技,热\r\n');
  });

  it('leaves out a field the user may not read, and honours ?view=', async () => {
    const text = new TextDecoder().decode((await get(rep.client, '/records/lead/export.csv')).bytes);
    expect(text).not.toContain('Secret');
    expect(text).not.toContain('TOP-SECRET');
    expect(new TextDecoder().decode((await get(t.admin, '/records/lead/export.csv?view=hot')).bytes)).toBe('Name,Score\r\n上海云杉,9\r\n');
  });
});

describe('XLSX', () => {
  it('is an Office Open XML workbook: content types, workbook, styles, one sheet with typed cells', async () => {
    const res = await get(t.admin, '/records/lead/export.xlsx?fields=name,score,revenue,ok,since,rating&sort=name');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain('filename="lead.xlsx"');
    expect([...res.bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    const parts = unzip(res.bytes);
    expect(Object.keys(parts).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    expect(parts['[Content_Types].xml']).toContain('PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"');
    expect(parts['xl/workbook.xml']).toContain('<sheet name="Lead" sheetId="1" r:id="rId1"/>');
    expect(parts['xl/styles.xml']).toContain('numFmtId="14"');
    expect(cells(parts['xl/worksheets/sheet1.xml']!)).toEqual([
      [['A1', 't="inlineStr" s="3"', 'Name'], ['B1', 't="inlineStr" s="3"', 'Score'], ['C1', 't="inlineStr" s="3"', 'Revenue'], ['D1', 't="inlineStr" s="3"', 'OK'], ['E1', 't="inlineStr" s="3"', 'Since'], ['F1', 't="inlineStr" s="3"', 'Rating']],
      [['A2', 't="inlineStr"', 'Bob'], ['B2', '', '-3'], ['D2', 't="b"', '0']],
      // 2024-03-05 is Excel day 45356.
      [['A3', 't="inlineStr"', '上海云杉'], ['B3', '', '9'], ['C3', '', '1234.5'], ['D3', 't="b"', '1'], ['E3', 's="1"', '45356'], ['F3', 't="inlineStr"', 'Hot']],
    ]);
  });

  it('labels in Chinese, the same list view, and no field the user may not read', async () => {
    const zh = unzip((await get(t.admin, '/records/lead/export.xlsx?view=hot', { 'accept-language': 'zh-CN' })).bytes);
    expect(zh['xl/workbook.xml']).toContain('<sheet name="线索"');
    expect(cells(zh['xl/worksheets/sheet1.xml']!).map((r) => r.map((c) => c[2]))).toEqual([['名称', '评分'], ['上海云杉', '9']]);
    const sheet = unzip((await get(rep.client, '/records/lead/export.xlsx')).bytes)['xl/worksheets/sheet1.xml']!;
    expect(sheet).not.toContain('Secret');
    expect(sheet).not.toContain('TOP-SECRET');
    expect(sheet).toContain('云杉科技');
  });

  it('refuses what the list refuses, before any byte: unknown object, unknown field, a hidden field', async () => {
    expect((await t.admin.get('/records/nothing/export.xlsx')).status).toBe(404);
    const bad = await t.admin.get('/records/lead/export.xlsx?fields=name,nope');

    expect([bad.status, bad.body.error.code]).toEqual([400, 'QUERY_UNKNOWN_FIELD']);
    // The export answers exactly what the list answers this user.
    const [list, xlsx] = [await reader.client.get('/records/lead'), await reader.client.get('/records/lead/export.xlsx')];
    expect(xlsx.status).toBe(list.status);
    const hidden = await rep.client.get('/records/lead/export.xlsx?fields=name,secret');
    expect(hidden.status).toBeGreaterThanOrEqual(400);
  });
});
