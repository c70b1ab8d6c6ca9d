import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, startTestServer, startTestTenant, type ApiClient, type TestTenant } from '../../helpers/test-server';
import { FORM_FIELDS, leadCount, leadDef, postForm, postJson } from './web-form-fixture';

let t: TestTenant;
let owner: { client: ApiClient; id: string; email: string };

beforeAll(async () => {
  t = await startTestTenant('webformx');
  owner = await t.newUser(false);
  await t.admin.defineObject(leadDef());
});
afterAll(() => t?.close());

async function createForm(extra: Record<string, unknown> = {}) {
  const res = await t.admin.post('/admin/web-forms', { name: 'Contact', fields: FORM_FIELDS, ownerId: owner.id, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; key: string };
}

/** Runs `act` and asserts no lead was created (and the form's counters did not move unless `spam`). */
async function createsNothing(act: () => Promise<unknown>) {
  const before = await leadCount(t);
  await act();
  expect(await leadCount(t)).toBe(before);
}

const formsOfTenant = () => t.sql('SELECT id, name, fields, key_hash, owner_id, success_url, active FROM tessera_system.web_forms WHERE tenant_id = ? ORDER BY id', [t.tenant.id]);
const counters = async (id: string) => (await t.sql('SELECT submissions, spam FROM tessera_system.web_forms WHERE id = ?', [id]))[0];

describe('public submissions refused, nothing created', () => {
  it('a missing or wrong key: 403 WEB_FORM_KEY_INVALID (JSON) or the error page (form post)', async () => {
    const form = await createForm();
    await createsNothing(async () => {
      const json = await postJson(t, form.id, { name: 'No key', company: 'X' });
      expect([json.status, json.body.error.code]).toEqual([403, 'WEB_FORM_KEY_INVALID']);
      const wrong = await postJson(t, form.id, { name: 'Wrong', company: 'X' }, { 'x-web-form-key': `${form.key}x` });
      expect([wrong.status, wrong.body.error.code]).toEqual([403, 'WEB_FORM_KEY_INVALID']);
      const page = await postForm(t, form.id, { _form_key: 'wfk_guess', name: 'Wrong', company: 'X' });
      expect(page.status).toBe(403);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.text).toContain('WEB_FORM_KEY_INVALID');
      expect(page.text).toContain('密钥无效');
    });
    expect(await counters(form.id)).toEqual({ submissions: 0, spam: 0 });
  });

  it('an unknown form, a malformed id, an inactive form and a form whose owner was deactivated: 404 WEB_FORM_NOT_FOUND', async () => {
    const form = await createForm();
    const lonely = await t.newUser(false);
    const orphan = await createForm({ ownerId: lonely.id });
    expect((await t.admin.patch(`/admin/web-forms/${form.id}`, { active: false })).status).toBe(200);
    expect((await t.admin.patch(`/admin/users/${lonely.id}`, { active: false })).status).toBe(200);
    await createsNothing(async () => {
      for (const [id, key] of [[randomUUID(), form.key], ['not-a-uuid', form.key], [form.id, form.key], [orphan.id, orphan.key]] as const) {
        const json = await postJson(t, id, { _form_key: key, name: 'Nobody', company: 'X' });
        expect([id, json.status, json.body.error.code]).toEqual([id, 404, 'WEB_FORM_NOT_FOUND']);
        const page = await postForm(t, id, { _form_key: key, name: 'Nobody', company: 'X' });
        expect([id, page.status]).toEqual([id, 404]);
        expect(page.text).toContain('WEB_FORM_NOT_FOUND');
      }
    });
  });

  it('a filled honeypot answers like a success (thank-you page, 303, or 201 with an id) but creates nothing and counts spam', async () => {
    const form = await createForm();
    const redirecting = await createForm({ successUrl: 'https://example.test/thanks' });
    await createsNothing(async () => {
      const page = await postForm(t, form.id, { _form_key: form.key, name: 'Bot', company: 'Spam Inc', website_url: 'http://spam.test' });
      expect(page.status).toBe(200);
      expect(page.text).toContain('Thank you');
      const json = await postJson(t, form.id, { _form_key: form.key, name: 'Bot', company: 'Spam Inc', website_url: 'http://spam.test' });
      expect(json.status).toBe(201);
      expect(json.body.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await t.sql(`SELECT 1 FROM "${t.tenant.schema}".lead WHERE id = ?`, [json.body.id])).toEqual([]);
      const redirect = await postForm(t, redirecting.id, { _form_key: redirecting.key, name: 'Bot', company: 'Spam', website_url: 'x' });
      expect([redirect.status, redirect.headers.get('location')]).toEqual([303, 'https://example.test/thanks']);
    });
    expect(await counters(form.id)).toEqual({ submissions: 0, spam: 2 });
  });

  it('invalid values: 400 RECORD_VALIDATION_FAILED naming each field (JSON), or a page listing them by label (form post)', async () => {
    const form = await createForm();
    await createsNothing(async () => {
      const json = await postJson(t, form.id, { _form_key: form.key, name: 'Bad', employees: 'many', email: 'not-an-email', province: 'Atlantis' });
      expect(json.status).toBe(400);
      expect(json.body.error.code).toBe('RECORD_VALIDATION_FAILED');
      expect(json.body.error.details.issues).toEqual([{ path: '/company', code: 'FIELD_REQUIRED', message: 'is required' }]);
      const typed = await postJson(t, form.id, { _form_key: form.key, name: 'Bad', company: 'X', employees: 'many', email: 'not-an-email', province: 'Atlantis', visit_date: '31/02/2026' });
      expect(typed.status).toBe(400);
      expect(typed.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['/email', '/employees', '/province', '/visit_date']);
      const inactive = await postJson(t, form.id, { _form_key: form.key, name: 'Old', company: 'X', province: 'old' });
      expect([inactive.status, inactive.body.error.code]).toEqual([400, 'RECORD_VALIDATION_FAILED']);
      const page = await postForm(t, form.id, { _form_key: form.key, name: 'Bad', company: '', employees: '12 people' });
      expect(page.status).toBe(400);
      expect(page.text).toContain('公司名称 / Company');
      expect(page.text).toContain('RECORD_VALIDATION_FAILED');
    });
    expect(await counters(form.id)).toEqual({ submissions: 0, spam: 0 });
  });

  it('a block duplicate rule: 409 without telling which record matched; nothing created', async () => {
    const form = await createForm();
    expect((await postJson(t, form.id, { _form_key: form.key, name: 'Original', company: 'Block Co', mobile: '138 0013 8000' })).status).toBe(201);
    const [{ id: originalId }] = await t.sql(`SELECT id FROM "${t.tenant.schema}".lead WHERE name = 'Original'`);
    await createsNothing(async () => {
      const json = await postJson(t, form.id, { _form_key: form.key, name: 'Copy', company: 'Block Co', mobile: '13800138000' });
      expect(json.status, JSON.stringify(json.body)).toBe(409);
      expect(json.body.error.details).toBeUndefined();
      expect(JSON.stringify(json.body)).not.toContain(originalId);
      expect(JSON.stringify(json.body)).not.toContain('Original');
      const page = await postForm(t, form.id, { _form_key: form.key, name: 'Copy', company: 'Block Co', mobile: '+86 138-0013-8000' });
      expect(page.status).toBe(409);
      expect(page.text).toContain('We already have your details');
      expect(page.text).not.toContain(originalId);
    });
  });

  it('other bodies: 415 for multipart or text, 400 for broken JSON', async () => {
    const form = await createForm();
    await createsNothing(async () => {
      const url = `${t.anonymous.baseUrl}/api/v1/public/web-forms/${form.id}`;
      const fd = new FormData();
      fd.set('_form_key', form.key);
      fd.set('company', 'X');
      expect((await fetch(url, { method: 'POST', body: fd })).status).toBe(415);
      expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'company=X' })).status).toBe(415);
      const broken = await postJson(t, form.id, '{"company":');
      expect([broken.status, broken.body.error.code]).toEqual([400, 'REQUEST_MALFORMED_JSON']);
    });
  });

  it('over 20 submissions per 10 minutes from one address: 429 WEB_FORM_RATE_LIMITED, nothing created even with the right key', async () => {
    const form = await createForm();
    for (let i = 0; i < 20; i++) expect((await postJson(t, form.id, { _form_key: 'wrong', company: 'X' })).status).toBe(403);
    await createsNothing(async () => {
      const json = await postJson(t, form.id, { _form_key: form.key, name: 'Late', company: 'X' });
      expect([json.status, json.body.error.code]).toEqual([429, 'WEB_FORM_RATE_LIMITED']);
      expect(Number(json.headers.get('retry-after'))).toBeGreaterThan(0);
      const page = await postForm(t, form.id, { _form_key: form.key, name: 'Late', company: 'X' });
      expect(page.status).toBe(429);
      expect(page.text).toContain('WEB_FORM_RATE_LIMITED');
    });
    // Another form is not affected.
    const other = await createForm();
    expect((await postJson(t, other.id, { _form_key: other.key, name: 'Fine', company: 'X' })).status).toBe(201);
  });

  it('the per-form cap counts every address together (TESSERA_WEB_FORM_LIMIT)', async () => {
    const form = await createForm();
    process.env.TESSERA_WEB_FORM_LIMIT = '3';
    const capped = await startTestServer().finally(() => delete process.env.TESSERA_WEB_FORM_LIMIT);
    try {
      const client = anonymousClient(capped.port);
      for (let i = 0; i < 3; i++) expect((await client.post(`/public/web-forms/${form.id}`, { _form_key: form.key, name: `Cap ${i}`, company: 'X' })).status).toBe(201);
      await createsNothing(async () => {
        const res = await client.post(`/public/web-forms/${form.id}`, { _form_key: form.key, name: 'Cap 4', company: 'X' });
        expect([res.status, res.body.error.code]).toEqual([429, 'WEB_FORM_RATE_LIMITED']);
      });
    } finally {
      await capped.close();
    }
  });
});

describe('admin API refusals, nothing stored', () => {
  it('invalid forms: 400 WEB_FORM_INVALID with the path of every issue', async () => {
    const before = await formsOfTenant();
    const other = await startTestTenant('webformo');
    try {
      const cases: [Record<string, unknown>, string[]][] = [
        [{}, ['/name', '/fields', '/ownerId']],
        [{ name: 'x', object: 'nosuch', fields: ['name', 'company'], ownerId: owner.id }, ['/object']],
        [{ name: 'x', object: 'Bad Name', fields: ['name', 'company'], ownerId: owner.id }, ['/object']],
        [{ name: 'x', fields: [{ field: 'company' }, { field: 'nosuch' }, { field: 'score' }, { field: 'number' }, { field: 'owner_id' }, { field: 'created_at' }, { field: 'company' }], ownerId: owner.id }, ['/fields', '/fields/1/field', '/fields/2/field', '/fields/3/field', '/fields/4/field', '/fields/5/field', '/fields/6/field']],
        [{ name: 'x', fields: [{ field: 'email' }], ownerId: owner.id }, ['/fields']],
        [{ name: 'x', fields: [{ field: 'company', required: 'yes', label: 7, extra: 1 }, 'name'], ownerId: owner.id }, ['/fields/0/required', '/fields/0/label', '/fields/0/extra']],
        [{ name: 'x', fields: [{ field: 'company', label: { fr: 'Société' } }, 'name'], ownerId: owner.id }, ['/fields/0/label/fr']],
        [{ name: 'x', fields: ['name', 'company'], ownerId: other.adminId }, ['/ownerId']],
        [{ name: 'x', fields: ['name', 'company'], ownerId: randomUUID() }, ['/ownerId']],
        [{ name: 'x', fields: ['name', 'company'], ownerId: 'me' }, ['/ownerId']],
        [{ name: 'x', fields: ['name', 'company'], ownerId: owner.id, successUrl: 'javascript:alert(1)' }, ['/successUrl']],
        [{ name: 'x', fields: ['name', 'company'], ownerId: owner.id, successUrl: 'ftp://files.test/x' }, ['/successUrl']],
        [{ name: 'x', fields: ['name', 'company'], ownerId: owner.id, successUrl: 'not a url' }, ['/successUrl']],
        [{ name: 'x', fields: ['name', 'company'], ownerId: owner.id, active: 'yes', tenantId: other.tenant.id }, ['/active', '/tenantId']],
        [{ name: 'x', fields: [], ownerId: owner.id }, ['/fields']],
      ];
      for (const [body, paths] of cases) {
        const res = await t.admin.post('/admin/web-forms', body);
        expect([JSON.stringify(body), res.status, res.body.error?.code]).toEqual([JSON.stringify(body), 400, 'WEB_FORM_INVALID']);
        expect([...new Set(res.body.error.details.issues.map((i: { path: string }) => i.path))].sort(), JSON.stringify(body)).toEqual(paths.sort());
      }
      expect((await t.admin.post('/admin/web-forms', [1])).body.error.code).toBe('REQUEST_INVALID');
      const form = await createForm();
      const afterCreate = await formsOfTenant();
      const bad = await t.admin.patch(`/admin/web-forms/${form.id}`, { fields: [{ field: 'score' }], successUrl: 'mailto:x@y.test' });
      expect([bad.status, bad.body.error.code]).toEqual([400, 'WEB_FORM_INVALID']);
      expect([...new Set(bad.body.error.details.issues.map((i: { path: string }) => i.path))].sort()).toEqual(['/fields', '/fields/0/field', '/successUrl']);
      expect(await formsOfTenant()).toEqual(afterCreate);
      expect(afterCreate.length).toBe(before.length + 1);
    } finally {
      await other.close();
    }
  });

  it('an unknown form, a wrong key for the HTML, an unknown locale', async () => {
    const form = await createForm();
    for (const [method, path] of [['GET', ''], ['PATCH', ''], ['DELETE', ''], ['POST', '/rotate-key'], ['GET', '/html']] as const) {
      for (const id of [randomUUID(), 'nope']) {
        const res = await t.admin.request(method, `/admin/web-forms/${id}${path}`, method === 'PATCH' ? { name: 'x' } : undefined);
        expect([method, path, id, res.status, res.body.error.code]).toEqual([method, path, id, 404, 'WEB_FORM_NOT_FOUND']);
      }
    }
    const wrongKey = await t.admin.get(`/admin/web-forms/${form.id}/html?key=wfk_nope`);
    expect([wrongKey.status, wrongKey.body.error.code]).toEqual([403, 'WEB_FORM_KEY_INVALID']);
    const locale = await t.admin.get(`/admin/web-forms/${form.id}/html?locale=fr`);
    expect([locale.status, locale.body.error.code]).toEqual([400, 'QUERY_INVALID_PARAMETER']);
  });

  it('non-admins get 403 AUTH_FORBIDDEN and anonymous callers 401 on every admin route; nothing changes', async () => {
    const form = await createForm();
    const before = await formsOfTenant();
    const routes: [string, string, unknown?][] = [
      ['GET', '/admin/web-forms'],
      ['POST', '/admin/web-forms', { name: 'mine', fields: ['name', 'company'], ownerId: owner.id }],
      ['GET', `/admin/web-forms/${form.id}`],
      ['PATCH', `/admin/web-forms/${form.id}`, { active: false }],
      ['DELETE', `/admin/web-forms/${form.id}`],
      ['POST', `/admin/web-forms/${form.id}/rotate-key`],
      ['GET', `/admin/web-forms/${form.id}/html?key=${form.key}`],
    ];
    for (const [method, path, body] of routes) {
      const res = await owner.client.request(method, path, body);
      expect([method, path, res.status, res.body.error?.code]).toEqual([method, path, 403, 'AUTH_FORBIDDEN']);
      const anon = await t.anonymous.request(method, path, body);
      expect([method, path, anon.status, anon.body.error?.code]).toEqual([method, path, 401, 'AUTH_REQUIRED']);
    }
    expect(await formsOfTenant()).toEqual(before);
  });
});
