// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RawObjectDef } from '../../../engine/shared/metadata-types';
import type { StubAnswer, StubRequest } from '../../../runtime-ui/src/form/test-support';
import { DesignerProviders } from '../test-support/designer-providers';
import { stubMetadataApi } from '../test-support/metadata-api';
import { WebFormPage } from './web-form-page';
import { freshKeys, type WebForm } from './web-forms-api';
import { WebFormsPage } from './web-forms-page';

const WAIT = { timeout: 3000 };
const LEAD: RawObjectDef = {
  name: 'lead',
  label: { en: 'Lead', 'zh-CN': '线索' },
  nameField: { label: { en: 'Contact Name', 'zh-CN': '联系人姓名' } },
  fields: [
    { name: 'company', type: 'text', label: { en: 'Company', 'zh-CN': '公司名称' }, required: true },
    { name: 'email', type: 'email', label: { en: 'Email', 'zh-CN': '邮箱' } },
    { name: 'score', type: 'formula', label: 'Score', options: { expression: 1, returns: 'number' } },
    { name: 'campaign', type: 'lookup', label: 'Campaign', options: { target: 'lead' } },
  ],
};
const USERS = [
  { id: 'u-1', email: 'ada@x.test', displayName: 'Ada', active: true, isAdmin: true, locale: 'en' },
  { id: 'u-2', email: 'li@x.test', displayName: 'Li Wei', active: true, isAdmin: false, locale: 'zh-CN' },
  { id: 'u-3', email: 'gone@x.test', displayName: 'Gone', active: false, isAdmin: false, locale: 'en' },
];
const FORM: WebForm = {
  id: 'f-1', name: 'Website', object: 'lead', fields: [{ field: 'name', required: true }, { field: 'company', required: true }], ownerId: 'u-2', successUrl: null,
  active: true, submissions: 7, spam: 2, honeypot: 'website_url', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
};
const HTML = (key: string | null) => `<form method="post" action="https://crm.test/api/v1/public/web-forms/f-1"><input type="hidden" name="_form_key" value="${key ?? 'PASTE-THE-FORM-KEY-HERE'}"></form>`;

/** The admin API for web forms beside the metadata stub; `answer` may override any request. */
function api(answer?: (req: StubRequest) => StubAnswer | undefined) {
  let form = { ...FORM };
  return stubMetadataApi({
    objects: [LEAD],
    more: (req) => {
      const own = answer?.(req);
      if (own) return own;
      if (req.path === '/admin/users') return { status: 200, body: { users: USERS } };
      if (req.path === '/admin/web-forms' && req.method === 'GET') return { status: 200, body: { webForms: [form, { ...FORM, id: 'f-2', name: 'Old fair', active: false, submissions: 0, spam: 0 }] } };
      if (req.path === '/admin/web-forms' && req.method === 'POST') return { status: 201, body: { ...FORM, ...(req.body as object), id: 'f-9', key: 'wfk_fresh' } };
      if (req.path === '/admin/web-forms/f-1' && req.method === 'GET') return { status: 200, body: form };
      if (req.path === '/admin/web-forms/f-1' && req.method === 'PATCH') return { status: 200, body: (form = { ...form, ...(req.body as object), updatedAt: new Date().toISOString() }) };
      if (req.path === '/admin/web-forms/f-1' && req.method === 'DELETE') return { status: 204 };
      if (req.path === '/admin/web-forms/f-1/rotate-key') return { status: 200, body: { ...(form = { ...form, updatedAt: new Date().toISOString() }), key: 'wfk_rotated' } };
      if (req.path === '/admin/web-forms/f-1/html') return { status: 200, body: { html: HTML(req.query.get('key')), action: 'https://crm.test/api/v1/public/web-forms/f-1', keyIncluded: req.query.has('key') } };
      return undefined;
    },
  });
}

function renderPage(page: ReactElement, path: string, locale: 'en' | 'zh-CN' = 'en') {
  window.history.replaceState(null, '', path);
  render(
    <DesignerProviders locale={locale} probe>
      {page}
    </DesignerProviders>,
  );
}
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

let clipboard: string[];
beforeEach(() => {
  clipboard = [];
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: vi.fn(async (s: string) => void clipboard.push(s)) } });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
  freshKeys.clear();
});

describe('WebFormsPage', () => {
  it('lists the forms with object, counts and state', async () => {
    api();
    renderPage(<WebFormsPage />, '/designer/web-forms', 'zh-CN');
    const row = await screen.findByTestId('web-form-row-f-1', {}, WAIT);
    expect(row.textContent).toContain('Website');
    expect(row.textContent).toContain('线索');
    expect(row.textContent).toContain('7');
    expect(row.textContent).toContain('启用');
    expect(screen.getByTestId('web-form-row-f-2').textContent).toContain('停用');
  });

  it('creates a form: fields chosen and ordered, required and relabelled, owner and success address; then opens it with the key', async () => {
    const { calls } = api();
    renderPage(<WebFormsPage />, '/designer/web-forms');
    fireEvent.click(await screen.findByTestId('web-form-new', {}, WAIT));
    type('web-form-name', 'Contact us');
    const add = await screen.findByTestId('web-form-add-field');
    // Formulas and lookups are not offered.
    expect([...add.querySelectorAll('option')].map((o) => o.getAttribute('value'))).toEqual(['', 'name', 'company', 'email']);
    type('web-form-add-field', 'email');
    type('web-form-add-field', 'company');
    type('web-form-add-field', 'name');
    const company = screen.getByTestId('web-form-required-company') as HTMLInputElement;
    expect([company.checked, company.disabled]).toEqual([true, true]);
    fireEvent.click(screen.getByTestId('web-form-required-email'));
    type('web-form-label-email', 'Work email');
    fireEvent.click(screen.getByTestId('web-form-down-email'));
    fireEvent.click(screen.getByTestId('web-form-up-name'));
    await waitFor(() => expect((screen.getByTestId('web-form-owner') as HTMLSelectElement).options.length).toBe(3));
    type('web-form-owner', 'u-2');
    type('web-form-success-url', ' https://example.test/thanks ');
    fireEvent.click(screen.getByTestId('web-form-submit'));
    await waitFor(() => expect(screen.getByTestId('probe-path').textContent).toBe('/designer/web-forms/f-9'), WAIT);
    const sent = calls.find((c) => c.method === 'POST' && c.path === '/admin/web-forms')!.body;
    expect(sent).toEqual({
      name: 'Contact us', object: 'lead', ownerId: 'u-2', successUrl: 'https://example.test/thanks',
      fields: [{ field: 'company', required: true }, { field: 'name', required: true }, { field: 'email', required: true, label: { en: 'Work email' } }],
    });
    expect(freshKeys.get('f-9')).toBe('wfk_fresh');
  });

  it("shows the server's issues beside the controls they name", async () => {
    api((req) =>
      req.method === 'POST' && req.path === '/admin/web-forms'
        ? { status: 400, body: { error: { code: 'WEB_FORM_INVALID', message: 'the web form is invalid', details: { issues: [{ path: '/ownerId', code: 'OWNER_CANNOT_CREATE', message: 'the owner may not create lead records' }, { path: '/fields/0/field', code: 'FIELD_NOT_WRITABLE', message: 'cannot be filled in' }, { path: '/successUrl', code: 'FIELD_FORMAT', message: 'is an http or https address' }] } } } }
        : undefined,
    );
    renderPage(<WebFormsPage />, '/designer/web-forms');
    fireEvent.click(await screen.findByTestId('web-form-new', {}, WAIT));
    type('web-form-name', 'x');
    type('web-form-add-field', 'email');
    fireEvent.click(screen.getByTestId('web-form-submit'));
    expect((await screen.findByTestId('web-form-owner-issues', {}, WAIT)).textContent).toContain('OWNER_CANNOT_CREATE');
    expect(screen.getByTestId('web-form-success-url-issues').textContent).toContain('FIELD_FORMAT');
    expect(within(screen.getByTestId('web-form-field-email')).getByRole('alert').textContent).toContain('FIELD_NOT_WRITABLE');
    expect(screen.getByTestId('web-form-refused').textContent).toContain('the web form is invalid');
    expect(screen.getByTestId('probe-path').textContent).toBe('/designer/web-forms');
  });
});

describe('WebFormPage', () => {
  it('shows the key once with copy, the HTML with the key, copy and a sandboxed preview', async () => {
    freshKeys.set('f-1', 'wfk_fresh');
    const { calls } = api();
    renderPage(<WebFormPage id="f-1" />, '/designer/web-forms/f-1');
    expect(((await screen.findByTestId('web-form-key-value', {}, WAIT)) as HTMLInputElement).value).toBe('wfk_fresh');
    fireEvent.click(screen.getByTestId('web-form-key-copy'));
    await waitFor(() => expect(clipboard).toEqual(['wfk_fresh']));
    const text = (await screen.findByTestId('web-form-html-text', {}, WAIT)) as HTMLTextAreaElement;
    expect(text.readOnly).toBe(true);
    expect(text.value).toContain('value="wfk_fresh"');
    const htmlCall = calls.find((c) => c.path === '/admin/web-forms/f-1/html')!;
    expect([htmlCall.query.get('key'), htmlCall.query.get('locale')]).toEqual(['wfk_fresh', 'en']);
    const frame = screen.getByTestId('web-form-preview') as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe(text.value);
    fireEvent.click(screen.getByTestId('web-form-html-copy'));
    await waitFor(() => expect(clipboard[1]).toBe(text.value));
    type('web-form-html-locale', 'zh-CN');
    await waitFor(() => expect(calls.some((c) => c.path === '/admin/web-forms/f-1/html' && c.query.get('locale') === 'zh-CN')).toBe(true));
    expect(screen.getByTestId('web-form-stats').textContent).toContain('7 submissions, 2 caught as spam');
  });

  it('without a fresh key: explains, shows the placeholder HTML; rotating (after confirming) shows the new key and HTML with it', async () => {
    const { calls } = api();
    renderPage(<WebFormPage id="f-1" />, '/designer/web-forms/f-1');
    expect((await screen.findByTestId('web-form-key', {}, WAIT)).textContent).toContain('shown only when the form is created');
    expect(screen.queryByTestId('web-form-key-value')).toBeNull();
    expect(((await screen.findByTestId('web-form-html-text', {}, WAIT)) as HTMLTextAreaElement).value).toContain('PASTE-THE-FORM-KEY-HERE');
    fireEvent.click(screen.getByTestId('web-form-rotate'));
    expect(calls.some((c) => c.path.endsWith('/rotate-key'))).toBe(false);
    fireEvent.click(screen.getByTestId('web-form-rotate-run'));
    expect(((await screen.findByTestId('web-form-key-value', {}, WAIT)) as HTMLInputElement).value).toBe('wfk_rotated');
    await waitFor(() => expect((screen.getByTestId('web-form-html-text') as HTMLTextAreaElement).value).toContain('value="wfk_rotated"'), WAIT);
  });

  it('saves changes, deactivates, and deletes after confirming', async () => {
    const { calls } = api();
    renderPage(<WebFormPage id="f-1" />, '/designer/web-forms/f-1');
    await screen.findByTestId('web-form-editor', {}, WAIT);
    await waitFor(() => expect((screen.getByTestId('web-form-owner') as HTMLSelectElement).value).toBe('u-2'));
    type('web-form-name', 'Website (new)');
    fireEvent.click(screen.getByTestId('web-form-submit'));
    await screen.findByTestId('web-form-saved', {}, WAIT);
    expect(calls.find((c) => c.method === 'PATCH')!.body).toEqual({ name: 'Website (new)', object: 'lead', fields: FORM.fields, ownerId: 'u-2', successUrl: null });
    fireEvent.click(screen.getByTestId('web-form-toggle-active'));
    await waitFor(() => expect(screen.getByTestId('web-form-toggle-active').textContent).toBe('Activate'), WAIT);
    expect(calls.filter((c) => c.method === 'PATCH')[1]!.body).toEqual({ active: false });
    fireEvent.click(screen.getByTestId('web-form-delete'));
    fireEvent.click(screen.getByTestId('web-form-delete-run'));
    await waitFor(() => expect(screen.getByTestId('probe-path').textContent).toBe('/designer/web-forms'), WAIT);
    expect(calls.some((c) => c.method === 'DELETE' && c.path === '/admin/web-forms/f-1')).toBe(true);
  });

  it('an unknown form says so', async () => {
    api((req) => (req.path === '/admin/web-forms/f-1' ? { status: 404, body: { error: { code: 'WEB_FORM_NOT_FOUND', message: 'no such web form' } } } : undefined));
    renderPage(<WebFormPage id="f-1" />, '/designer/web-forms/f-1');
    expect((await screen.findByRole('alert', {}, WAIT)).textContent).toBe('There is no such web form.');
  });
});
