import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type ApiClient, type TestTenant } from '../../helpers/test-server';
import { FORM_FIELDS, leadCount, leadDef, postForm, postJson } from './web-form-fixture';

let t: TestTenant;
let owner: { client: ApiClient; id: string; email: string };
let southRep: { id: string };

beforeAll(async () => {
  t = await startTestTenant('webform');
  owner = await t.newUser(false);
  southRep = await t.newUser(false);
  await t.admin.defineObject(leadDef(southRep.id));
});
afterAll(() => t?.close());

async function createForm(extra: Record<string, unknown> = {}) {
  const res = await t.admin.post('/admin/web-forms', { name: 'Website contact', fields: FORM_FIELDS, ownerId: owner.id, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; key: string; honeypot: string; [k: string]: unknown };
}

const lead = async (id: string) => (await t.sql(`SELECT * FROM "${t.tenant.schema}".lead WHERE id = ?`, [id]))[0];

describe('admin API', () => {
  it('creates a form, shows its key once, lists, reads and changes it', async () => {
    const form = await createForm();
    expect(form.key).toMatch(/^wfk_/);
    expect(form).toMatchObject({ name: 'Website contact', object: 'lead', ownerId: owner.id, successUrl: null, active: true, submissions: 0, spam: 0, honeypot: 'website_url' });
    // The object requires company without a default: required on the form even though the admin did not say so.
    expect((form.fields as { field: string; required: boolean }[]).find((f) => f.field === 'company')!.required).toBe(true);
    const [row] = await t.sql('SELECT key_hash FROM tessera_system.web_forms WHERE id = ?', [form.id]);
    expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.key_hash).not.toContain(form.key);
    const read = await t.admin.get(`/admin/web-forms/${form.id}`);
    expect(read.status).toBe(200);
    expect(read.body.key).toBeUndefined();
    const list = await t.admin.get('/admin/web-forms');
    expect(list.body.webForms.map((f: { id: string }) => f.id)).toContain(form.id);
    const changed = await t.admin.patch(`/admin/web-forms/${form.id}`, { name: '官网留言', successUrl: 'https://example.cn/谢谢' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ name: '官网留言', successUrl: 'https://example.cn/%E8%B0%A2%E8%B0%A2', fields: form.fields });
  });

  it('answers the embeddable HTML: fields in order with their input types, Chinese labels, the key, a hidden honeypot, no scripts', async () => {
    const form = await createForm();
    const res = await t.admin.get(`/admin/web-forms/${form.id}/html?key=${encodeURIComponent(form.key)}&locale=zh-CN`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const html: string = res.body.html;
    expect(res.body.action).toBe(`${t.anonymous.baseUrl}/api/v1/public/web-forms/${form.id}`);
    expect(html).toContain(`<form method="post" action="${res.body.action}" accept-charset="UTF-8"`);
    expect(html).toContain(`<input type="hidden" name="_form_key" value="${form.key}">`);
    expect(html).toMatch(/<div style="position:absolute;left:-10000px[^"]*" aria-hidden="true">[\s\S]*name="website_url"[\s\S]*tabindex="-1"/);
    expect(html).not.toMatch(/<script|on\w+=/i);
    const names = [...html.matchAll(/ name="([a-z_]+)"/g)].map((m) => m[1]);
    expect([...new Set(names)]).toEqual(['_form_key', 'name', 'company', 'email', 'mobile', 'province', 'interests', 'employees', 'budget', 'newsletter', 'visit_date', 'website', 'notes', 'website_url']);
    expect(html).toContain('>公司名称 <span aria-hidden="true">*</span></label>');
    expect(html).toContain('>工作邮箱</label>');
    expect(html).toMatch(/<input type="email" id="[^"]+" name="email">/);
    expect(html).toMatch(/<input type="tel" id="[^"]+" name="mobile">/);
    expect(html).toMatch(/<input type="number" id="[^"]+" name="employees" step="1">/);
    expect(html).toMatch(/<input type="number" id="[^"]+" name="budget" step="any">/);
    expect(html).toMatch(/<input type="date" id="[^"]+" name="visit_date">/);
    expect(html).toMatch(/<input type="url" id="[^"]+" name="website">/);
    expect(html).toMatch(/<input type="checkbox" id="[^"]+" name="newsletter" value="true">/);
    expect(html).toMatch(/<textarea id="[^"]+" name="notes" rows="4" maxlength="32000"><\/textarea>/);
    expect(html).toMatch(/<select id="[^"]+" name="province">\s*<option value="">— 请选择 —<\/option>\s*<option value="gd">广东<\/option>\s*<option value="bj">北京<\/option>\s*<\/select>/);
    expect(html).not.toContain('value="old"');
    expect(html).toContain('<button type="submit">提交</button>');
    const en = await t.admin.get(`/admin/web-forms/${form.id}/html?locale=en`);
    expect(en.body.html).toContain('<option value="gd">Guangdong</option>');
    expect(en.body.html).toContain('value="PASTE-THE-FORM-KEY-HERE"');
    expect(en.body.keyIncluded).toBe(false);
  });

  it('rotating the key answers a new one; the old key stops working, the new one works', async () => {
    const form = await createForm();
    const rotated = await t.admin.post(`/admin/web-forms/${form.id}/rotate-key`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.key).not.toBe(form.key);
    const before = await leadCount(t);
    expect((await postForm(t, form.id, { _form_key: form.key, name: 'Old key', company: 'X' })).status).toBe(403);
    expect(await leadCount(t)).toBe(before);
    expect((await postForm(t, form.id, { _form_key: rotated.body.key, name: 'New key', company: 'X' })).status).toBe(200);
    expect(await leadCount(t)).toBe(before + 1);
  });

  it('deletes a form; its address then answers 404', async () => {
    const form = await createForm();
    expect((await t.admin.delete(`/admin/web-forms/${form.id}`)).status).toBe(204);
    expect((await t.admin.get(`/admin/web-forms/${form.id}`)).status).toBe(404);
    expect((await postJson(t, form.id, { _form_key: form.key, name: 'x', company: 'x' })).body.error.code).toBe('WEB_FORM_NOT_FOUND');
  });
});

describe('public submissions', () => {
  it('a form post creates a lead as the owner with values coerced from text, and shows the bilingual thank-you page', async () => {
    const form = await createForm();
    const before = await leadCount(t);
    const res = await postForm(t, form.id, [
      ['_form_key', form.key],
      ['name', ' Ada Lovelace '],
      ['company', 'Analytical Engines Ltd'],
      ['email', 'ada@engines.test'],
      ['mobile', '+44 20 7946 0000'],
      ['province', 'Beijing'],
      ['interests', 'crm'],
      ['interests', 'ERP'],
      ['employees', '1,200'],
      ['budget', '９９５０.５'],
      ['newsletter', 'true'],
      ['visit_date', '2026/3/7'],
      ['website', 'https://engines.test'],
      ['notes', 'Line one\r\nLine two'],
      ['website_url', ''],
      ['owner_id', southRep.id],
      ['status', 'qualified'],
      ['submit', 'Submit'],
    ]);
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toContain('谢谢');
    expect(res.text).toContain('Thank you');
    expect(await leadCount(t)).toBe(before + 1);
    const [row] = await t.sql(`SELECT * FROM "${t.tenant.schema}".lead ORDER BY created_at DESC LIMIT 1`);
    expect(row).toMatchObject({
      name: 'Ada Lovelace', company: 'Analytical Engines Ltd', email: 'ada@engines.test', province: 'bj', interests: ['crm', 'erp'], employees: 1200, budget: 9950.5,
      newsletter: true, visit_date: '2026-03-07', website: 'https://engines.test', notes: 'Line one\nLine two',
      // Fields not on the form cannot be set by the submitter: owner is the form's owner (no rule matched), status its default.
      owner_id: owner.id, created_by: owner.id, status: 'new',
    });
    const [stored] = await t.sql('SELECT submissions, spam FROM tessera_system.web_forms WHERE id = ?', [form.id]);
    expect(stored).toEqual({ submissions: 1, spam: 0 });
  });

  it('assignment rules decide the owner (no explicit owner is passed), and Chinese values and labels are kept', async () => {
    const form = await createForm();
    const res = await postForm(t, form.id, { _form_key: form.key, name: '张伟', company: '深圳市腾飞科技有限公司', province: '广东', interests: '客户管理', notes: '请尽快联系我，谢谢！' });
    expect(res.status, res.text).toBe(200);
    const [row] = await t.sql(`SELECT * FROM "${t.tenant.schema}".lead WHERE name = '张伟'`);
    expect(row).toMatchObject({ company: '深圳市腾飞科技有限公司', province: 'gd', interests: ['crm'], notes: '请尽快联系我，谢谢！', owner_id: southRep.id, created_by: owner.id });
  });

  it('a warn duplicate rule does not stop a web lead', async () => {
    const form = await createForm();
    const before = await leadCount(t);
    for (const name of ['First', 'Second']) {
      const res = await postForm(t, form.id, { _form_key: form.key, name, company: 'Dup Co', email: 'same@dup.test' });
      expect(res.status, res.text).toBe(200);
    }
    expect(await leadCount(t)).toBe(before + 2);
  });

  it('JSON: 201 with the id; typed values and the key in a header are accepted', async () => {
    const form = await createForm();
    const res = await postJson(t, form.id, { name: 'Json Person', company: 'JSON Inc', employees: 12, newsletter: false, interests: ['erp'], province: 'gd' }, { 'x-web-form-key': form.key });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(Object.keys(res.body)).toEqual(['id']);
    expect(await lead(res.body.id)).toMatchObject({ name: 'Json Person', employees: 12, newsletter: false, interests: ['erp'], province: 'gd', owner_id: southRep.id });
  });

  it('with a success address: 303 to it', async () => {
    const form = await createForm({ successUrl: 'https://example.test/thanks?from=form' });
    const res = await postForm(t, form.id, { _form_key: form.key, name: 'Redirected', company: 'R Co' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('https://example.test/thanks?from=form');
  });

  it('accepts posts from another origin (CORS for this route only) while the rest of the API sends no CORS headers', async () => {
    const form = await createForm();
    const origin = { origin: 'https://www.customer-site.test' };
    const preflight = await fetch(`${t.anonymous.baseUrl}/api/v1/public/web-forms/${form.id}`, { method: 'OPTIONS', headers: { ...origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
    const res = await postJson(t, form.id, { _form_key: form.key, name: 'Cross', company: 'Origin Co' }, origin);
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    const page = await postForm(t, form.id, { _form_key: form.key, name: 'Cross form', company: 'Origin Co' }, { ...origin, referer: 'https://www.customer-site.test/contact' });
    expect(page.status).toBe(200);
    for (const path of ['/health', '/admin/web-forms', '/records/lead']) {
      const other = await t.anonymous.get(path, origin);
      expect(other.headers.get('access-control-allow-origin'), path).toBeNull();
    }
  });
});
