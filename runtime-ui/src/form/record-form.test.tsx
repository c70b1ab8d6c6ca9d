// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RecordData } from '../api/describe';
import type { Locale } from '../i18n/i18n';
import { useRouter } from '../router/router';
import { ACCOUNT, DEAL } from './deal-fixture';
import { RecordForm } from './record-form';
import { defineObject, Providers, stubApi, type StubAnswer, type StubRequest } from './test-support';

const deal = defineObject(DEAL, {}, [ACCOUNT]);
const ID = '33333333-3333-4333-8333-333333333333';
const STORED: RecordData = { id: ID, version: 1, name: 'Big deal', province: 'gd', city: 'gz', amount: 100, qty: 2, total: 200, stage: 'new', discount: null, email: null, notes: null, created_at: '2026-03-01T08:00:00.000Z' };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  sessionStorage.clear();
});

/** A link elsewhere in the app, to try leaving the form. */
function Elsewhere() {
  const { navigate, path } = useRouter();
  return (
    <button type="button" data-path={path} data-testid="elsewhere" onClick={() => navigate('/app/o/deal')}>
      elsewhere
    </button>
  );
}

function renderForm(opts: { record?: RecordData; initialValues?: Record<string, unknown>; locale?: Locale; api?: (req: StubRequest) => StubAnswer | undefined } = {}) {
  const api = stubApi(opts.api ?? (() => undefined));
  const onSaved = vi.fn();
  const mode = opts.record ? 'update' : 'create';
  render(
    <Providers locale={opts.locale ?? 'en'}>
      <RecordForm describe={deal.describe} schema={deal.schema(mode)} onSaved={onSaved} {...(opts.record ? { record: opts.record } : {})} {...(opts.initialValues ? { initialValues: opts.initialValues } : {})} />
      <Elsewhere />
    </Providers>,
  );
  return { ...api, onSaved };
}
const field = (name: string) => document.getElementById(`root_${name}`) as HTMLInputElement & HTMLSelectElement;
const type = (name: string, value: string) => {
  fireEvent.focus(field(name));
  fireEvent.change(field(name), { target: { value } });
};
const errorsOf = (name: string) => document.querySelector(`[data-field=${name}] .tf-error`)?.textContent ?? '';
const options = (name: string) => [...field(name).querySelectorAll('option')].map((o) => o.value).filter(Boolean);
const saveButton = () => screen.getByTestId('form-save');

describe('RecordForm layout', () => {
  it('lays the fields out in the layout sections, labelled in the locale, computed fields read-only', async () => {
    renderForm({ locale: 'zh-CN' });
    const sections = await screen.findAllByRole('group');
    const fieldsets = sections.filter((s) => s.tagName === 'FIELDSET');
    expect(fieldsets.map((s) => s.querySelector('legend')!.textContent)).toEqual(['商机信息', '联系信息', '其他']);
    expect(fieldsets.map((s) => s.className)).toEqual(['tf-section tf-cols-2', 'tf-section tf-cols-1', 'tf-section tf-cols-2']);
    expect([...fieldsets[0]!.querySelectorAll('[data-field]')].map((e) => e.getAttribute('data-field'))).toEqual(['name', 'province', 'city', 'amount', 'qty', 'total', 'stage', 'discount']);
    expect(within(fieldsets[0]!).getByText('金额')).toBeTruthy();
    expect(screen.getByTestId('formula-total').textContent).toBe('—');
    expect(screen.getByTestId('value-created_at').textContent).toBe('保存时生成');
  });
});

describe('RecordForm live rules', () => {
  it('narrows the dependent picklist as the controlling value changes and clears a value no longer allowed', async () => {
    renderForm();
    await screen.findByLabelText(/Province/);
    expect(field('city').disabled).toBe(true);
    fireEvent.change(field('province'), { target: { value: 'gd' } });
    await waitFor(() => expect(options('city')).toEqual(['gz', 'sz']));
    fireEvent.change(field('city'), { target: { value: 'sz' } });
    await waitFor(() => expect(field('city').value).toBe('sz'));
    fireEvent.change(field('province'), { target: { value: 'zj' } });
    await waitFor(() => expect(options('city')).toEqual(['hz']));
    expect(field('city').value).toBe('');
  });

  it('previews the formula as the user types', async () => {
    renderForm();
    await screen.findByLabelText(/Amount/);
    type('amount', '1,250.5');
    type('qty', '3');
    await waitFor(() => expect(screen.getByTestId('formula-total').textContent).toBe('3,751.5'));
    type('qty', '4');
    await waitFor(() => expect(screen.getByTestId('formula-total').textContent).toBe('5,002'));
  });

  it('shows a broken validation rule on its errorField in the locale, live, and blocks the save', async () => {
    const { calls } = renderForm({ locale: 'zh-CN' });
    await screen.findByLabelText(/金额/);
    type('name', 'A');
    type('amount', '2000000');
    await waitFor(() => expect(errorsOf('amount')).toBe('金额不能超过一百万'));
    expect(field('amount').getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(saveButton());
    await waitFor(() => expect(screen.getByTestId('form-errors').textContent).toContain('请修正标出的字段。'));
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    type('amount', '999');
    await waitFor(() => expect(errorsOf('amount')).toBe(''));
  });

  it('shows a rule without errorField at the top once one of its fields was touched', async () => {
    renderForm();
    await screen.findByLabelText(/Quantity/);
    type('qty', '101');
    await waitFor(() => expect(screen.getByTestId('form-errors').textContent).toContain('Large orders need an amount'));
  });

  it('hides by visibleWhen, marks required by requiredWhen, makes read-only by readOnlyWhen', async () => {
    const { calls } = renderForm();
    await screen.findByLabelText(/Stage/);
    expect(field('loss_reason')).toBeNull();
    expect(options('stage')).toEqual(['new', 'won', 'lost']);
    fireEvent.change(field('stage'), { target: { value: 'lost' } });
    await waitFor(() => expect(field('loss_reason')).not.toBeNull());
    expect(document.querySelector('[data-field=loss_reason] .tf-required')).not.toBeNull();
    type('name', 'Lost one');
    fireEvent.click(saveButton());
    await waitFor(() => expect(errorsOf('loss_reason')).toBe('Required'));
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    expect(field('discount').readOnly).toBe(false);
    fireEvent.change(field('stage'), { target: { value: 'won' } });
    await waitFor(() => expect(field('discount').readOnly).toBe(true));
    expect(field('loss_reason')).toBeNull();
  });

  it('checks values against the JSON Schema with messages in the locale', async () => {
    renderForm({ locale: 'zh-CN' });
    await screen.findByLabelText(/邮箱/);
    type('email', 'not-an-email');
    type('qty', '2.5');
    await waitFor(() => expect(errorsOf('email')).toBe('请输入有效的邮箱地址'));
    expect(errorsOf('qty')).toBe('请输入整数');
  });
});

describe('RecordForm rules through a lookup', () => {
  it('fetches the related record a rule reads (account.industry) and applies the rule once it is there', async () => {
    const rule = { name: 'no_gov', condition: { '==': [{ var: 'account.industry' }, 'gov'] }, message: { en: 'No government accounts', 'zh-CN': '不接受政府客户' }, errorField: 'account' };
    const withRule = defineObject({ ...DEAL, validationRules: [rule], layout: { sections: [{ label: 'Deal', fields: ['name', 'account'] }] } }, {}, [ACCOUNT]);
    const GOV = '55555555-5555-4555-8555-555555555555';
    const api = stubApi((r) => (r.path === `/records/account/${GOV}` ? { status: 200, body: { id: GOV, name: 'Ministry', industry: 'gov', version: 1 } } : undefined));
    render(
      <Providers>
        <RecordForm describe={withRule.describe} schema={withRule.schema('create')} initialValues={{ account: GOV }} onSaved={() => undefined} />
      </Providers>,
    );
    await waitFor(() => expect(field('account').value).toBe('Ministry'));
    type('name', 'Tender');
    fireEvent.click(saveButton());
    await waitFor(() => expect(errorsOf('account')).toBe('No government accounts'));
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});

describe('RecordForm saving', () => {
  it('creates the record with what was typed and hands back the saved record', async () => {
    const saved = { ...STORED, id: ID };
    const { calls, onSaved } = renderForm({ api: (r) => (r.method === 'POST' ? { status: 201, body: saved } : undefined) });
    await screen.findByLabelText(/Name/);
    type('name', '上海云杉');
    fireEvent.change(field('province'), { target: { value: 'gd' } });
    await waitFor(() => expect(options('city')).toEqual(['gz', 'sz']));
    fireEvent.change(field('city'), { target: { value: 'gz' } });
    type('amount', '100');
    type('qty', '2');
    fireEvent.click(saveButton());
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe('/records/deal');
    expect(post.body).toEqual({ name: '上海云杉', province: 'gd', city: 'gz', amount: 100, qty: 2 });
  });

  it('sends every kind of widget value in the payload: multi-select, boolean, datetime, url, phone, text area', async () => {
    const { calls, onSaved } = renderForm({ api: (r) => (r.method === 'POST' ? { status: 201, body: STORED } : undefined) });
    await screen.findByLabelText(/Name/);
    type('name', 'All kinds');
    fireEvent.click(screen.getByLabelText('VIP'));
    fireEvent.click(screen.getByLabelText('New'));
    fireEvent.click(screen.getByRole('checkbox', { name: /No/ }));
    type('meet_at', '2026-03-02T09:30');
    type('site', 'https://example.cn');
    type('phone', '+86 21 1234 5678');
    type('notes', 'line 1\nline 2');
    await waitFor(() => expect((field('notes') as unknown as HTMLTextAreaElement).value).toBe('line 1\nline 2'));
    fireEvent.click(saveButton());
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      name: 'All kinds',
      tags: ['vip', 'new'],
      urgent: true,
      meet_at: new Date(2026, 2, 2, 9, 30).toISOString(),
      site: 'https://example.cn',
      phone: '+86 21 1234 5678',
      notes: 'line 1\nline 2',
    });
  });

  it('refuses a url and a phone number the schema refuses, in the locale', async () => {
    renderForm({ locale: 'zh-CN' });
    await screen.findByLabelText(/网站/);
    type('site', 'javascript:alert(1)');
    type('phone', 'call me');
    await waitFor(() => expect(errorsOf('site')).toBe('请输入以 http:// 或 https:// 开头的网址'));
    expect(errorsOf('phone')).toBe('请输入有效的电话号码');
  });

  it('saves a prefilled parent the layout does not show (inline add from a related list)', async () => {
    const ACC = '44444444-4444-4444-8444-444444444444';
    const { calls } = renderForm({
      initialValues: { account: ACC },
      api: (r) => (r.method === 'POST' ? { status: 201, body: STORED } : r.path === `/records/account/${ACC}` ? { status: 200, body: { id: ACC, name: 'Acme', version: 1 } } : undefined),
    });
    await waitFor(() => expect(field('account').value).toBe('Acme'));
    type('name', 'Child');
    fireEvent.click(saveButton());
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'Child', account: ACC }));
  });

  it('maps the server issues back onto their fields and FIELD_NOT_ACCESSIBLE onto its field', async () => {
    let answer: StubAnswer = { status: 400, body: { error: { code: 'RECORD_VALIDATION_FAILED', message: 'invalid', details: { issues: [{ path: '/name', code: 'UNIQUE', message: 'is already used' }, { path: '/owner_id', code: 'X', message: 'is not active' }] } } } };
    const { onSaved } = renderForm({ api: (r) => (r.method === 'POST' ? answer : undefined) });
    await screen.findByLabelText(/Name/);
    type('name', 'Dup');
    type('amount', '5');
    fireEvent.click(saveButton());
    await waitFor(() => expect(errorsOf('name')).toBe('is already used'));
    expect(screen.getByTestId('form-errors').textContent).toContain('Owner: is not active');
    expect(document.activeElement).toBe(field('name'));
    answer = { status: 403, body: { error: { code: 'FIELD_NOT_ACCESSIBLE', message: 'you may not set Amount', details: { field: 'amount' } } } };
    type('name', 'Dup 2');
    await waitFor(() => expect(errorsOf('name')).toBe(''));
    fireEvent.click(saveButton());
    await waitFor(() => expect(errorsOf('amount')).toBe('you may not set Amount'));
    expect(onSaved).not.toHaveBeenCalled();
    expect(field('name').value).toBe('Dup 2');
  });

  it('keeps the typed data when the server cannot be reached or fails, and retries', async () => {
    let answer: StubAnswer = 'offline';
    const { onSaved, calls } = renderForm({ api: (r) => (r.method === 'POST' ? answer : undefined) });
    await screen.findByLabelText(/Name/);
    type('name', 'Kept');
    fireEvent.click(saveButton());
    expect((await screen.findByTestId('form-fault')).textContent).toContain('The server cannot be reached');
    expect(field('name').value).toBe('Kept');
    answer = { status: 500, body: { error: { code: 'INTERNAL', message: 'internal error' } } };
    fireEvent.click(within(screen.getByTestId('form-fault')).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByTestId('form-fault').textContent).toContain('The server had a problem (INTERNAL)'));
    answer = { status: 201, body: STORED };
    fireEvent.click(within(screen.getByTestId('form-fault')).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(STORED));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ name: 'Kept' }, { name: 'Kept' }, { name: 'Kept' }]);
  });

  it('parks the typed data when the session expired and restores it after signing in again', async () => {
    renderForm({ api: (r) => (r.method === 'POST' ? { status: 401, body: { error: { code: 'AUTH_REQUIRED', message: 'sign in' } } } : undefined) });
    await screen.findByLabelText(/Name/);
    type('name', 'Typed before expiry');
    type('amount', '42');
    fireEvent.click(saveButton());
    await waitFor(() => expect(sessionStorage.getItem('tessera.form-draft:deal:new')).not.toBeNull());
    cleanup();
    renderForm();
    await screen.findByText('Your unsaved changes were restored.');
    expect(field('name').value).toBe('Typed before expiry');
    expect(field('amount').value).toBe('$42.00');
    await waitFor(() => expect(sessionStorage.getItem('tessera.form-draft:deal:new')).toBeNull());
  });
});

describe('RecordForm editing', () => {
  it('patches only the changed fields with the version read (a cleared field as null)', async () => {
    const { calls, onSaved } = renderForm({ record: STORED, api: (r) => (r.method === 'PATCH' ? { status: 200, body: { ...STORED, version: 2 } } : undefined) });
    await waitFor(() => expect(field('amount').value).toBe('$100.00'));
    type('amount', '150');
    fireEvent.change(field('city'), { target: { value: '' } });
    fireEvent.click(saveButton());
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const p = calls.find((c) => c.method === 'PATCH')!;
    expect(p.path).toBe(`/records/deal/${ID}`);
    expect(p.body).toEqual({ amount: 150, city: null, version: 1 });
  });

  it('on a version conflict, "keep mine" sends my change again over the current version', async () => {
    let patches = 0;
    const { calls, onSaved } = renderForm({
      record: STORED,
      api: (r) => {
        if (r.method !== 'PATCH') return undefined;
        return ++patches === 1 ? { status: 409, body: { error: { code: 'RECORD_VERSION_CONFLICT', message: 'changed', details: { currentVersion: 3, yourVersion: 1 } } } } : { status: 200, body: { ...STORED, amount: 175, version: 4 } };
      },
    });
    await waitFor(() => expect(field('amount').value).toBe('$100.00'));
    type('amount', '175');
    fireEvent.click(saveButton());
    const conflict = await screen.findByTestId('form-conflict');
    expect(conflict.textContent).toContain('Someone else changed this record');
    expect(field('amount').value).toBe('175');
    fireEvent.click(screen.getByTestId('conflict-keep-mine'));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith({ ...STORED, amount: 175, version: 4 }));
    expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([{ amount: 175, version: 1 }, { amount: 175, version: 3 }]);
  });

  it('on a version conflict, "reload" drops my changes and shows the record as it is now', async () => {
    const theirs = { ...STORED, amount: 900, name: 'Renamed by Bob', version: 3 };
    const { onSaved } = renderForm({
      record: STORED,
      api: (r) => {
        if (r.method === 'PATCH') return { status: 409, body: { error: { code: 'RECORD_VERSION_CONFLICT', message: 'changed', details: { currentVersion: 3 } } } };
        if (r.path === `/records/deal/${ID}`) return { status: 200, body: theirs };
        return undefined;
      },
    });
    await waitFor(() => expect(field('amount').value).toBe('$100.00'));
    type('amount', '175');
    fireEvent.blur(field('amount'));
    fireEvent.click(saveButton());
    fireEvent.click(await screen.findByTestId('conflict-reload'));
    await waitFor(() => expect(field('name').value).toBe('Renamed by Bob'));
    expect(field('amount').value).toBe('$900.00');
    expect(screen.queryByTestId('form-conflict')).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('shows an inactive value the record holds and keeps it unless changed', async () => {
    const { calls } = renderForm({ record: { ...STORED, stage: 'parked' }, api: (r) => (r.method === 'PATCH' ? { status: 200, body: STORED } : undefined) });
    await waitFor(() => expect(field('stage').value).toBe('parked'));
    expect(field('stage').selectedOptions[0]!.textContent).toBe('Parked (inactive)');
    type('name', 'Renamed');
    fireEvent.click(saveButton());
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ name: 'Renamed', version: 1 }));
  });
});

describe('RecordForm access', () => {
  it('says so, and offers no save, when the user may not create or edit', async () => {
    stubApi(() => undefined);
    const noCreate = { ...deal.describe, access: { ...deal.describe.access, create: false } };
    render(
      <Providers locale="zh-CN">
        <RecordForm describe={noCreate} schema={deal.schema('create')} onSaved={() => undefined} />
      </Providers>,
    );
    await screen.findByText('您无权新建此类记录。');
    expect((saveButton() as HTMLButtonElement).disabled).toBe(true);
    cleanup();
    const noEdit = { ...deal.describe, access: { ...deal.describe.access, edit: false } };
    render(
      <Providers>
        <RecordForm describe={noEdit} schema={deal.schema('update')} record={STORED} onSaved={() => undefined} />
      </Providers>,
    );
    await screen.findByText('You cannot change this record.');
    expect(field('amount').readOnly).toBe(true);
  });
});

describe('RecordForm unsaved changes', () => {
  it('asks before leaving with unsaved changes (router and beforeunload), not before', async () => {
    renderForm();
    await screen.findByLabelText(/Name/);
    const before = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(before);
    expect(before.defaultPrevented).toBe(false);
    type('name', 'Unsaved');
    await waitFor(() => expect(field('name').value).toBe('Unsaved'));
    const after = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(true);
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    const start = window.location.pathname;
    fireEvent.click(screen.getByTestId('elsewhere'));
    expect(confirm).toHaveBeenCalledWith('You have unsaved changes. Leave and discard them?');
    expect(window.location.pathname).toBe(start);
    confirm.mockReturnValue(true);
    fireEvent.click(screen.getByTestId('elsewhere'));
    await waitFor(() => expect(screen.getByTestId('elsewhere').getAttribute('data-path')).toBe('/app/o/deal'));
  });

  it('lets the saved form go without asking', async () => {
    const { onSaved } = renderForm({ api: (r) => (r.method === 'POST' ? { status: 201, body: STORED } : undefined) });
    await screen.findByLabelText(/Name/);
    type('name', 'Saved');
    fireEvent.click(saveButton());
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    fireEvent.click(screen.getByTestId('elsewhere'));
    expect(confirm).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.getByTestId('elsewhere').getAttribute('data-path')).toBe('/app/o/deal'));
  });
});
