// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { ConversionPreview } from '../../../engine/shared/api/conversion';
import type { Describe, FieldDef } from '../api/describe';
import { MetadataScope } from '../api/metadata';
import { Providers, stubApi, urlOf, type StubRequest } from '../form/test-support';
import { RecordHeader } from '../record/record-header';
import type { ConversionDef } from './conversion-api';
import { ConvertPage } from './convert-page';

/** The convert page and the record header's Convert action over a mocked API. */
const f = (name: string, type: string, label: string, options: Record<string, unknown> = {}, system = false): FieldDef => ({ name, type, label, required: false, system, options });
const sys = [f('id', 'id', 'ID', {}, true), f('name', 'text', 'Name', {}, true), f('owner_id', 'user', 'Owner', {}, true)];
const access = { create: true, read: true, edit: true, delete: true, viewAll: false, modifyAll: false, fields: {} };
const conversion: ConversionDef = {
  targets: [
    { key: 'account', object: 'account', label: { en: 'Account', 'zh-CN': '客户' }, optional: false, allowExisting: true, links: {} },
    { key: 'contact', object: 'contact', label: { en: 'Contact', 'zh-CN': '联系人' }, optional: false, allowExisting: false, links: { account: 'account' } },
    { key: 'opportunity', object: 'opportunity', label: { en: 'Opportunity', 'zh-CN': '商机' }, optional: true, allowExisting: false, links: { account: 'account' } },
  ],
  source: { readOnly: true, links: {} },
};
const obj = (name: string, label: string, fields: FieldDef[], extra: object = {}): Describe => ({ version: 1, object: { name, label, pluralLabel: label, fields: [...sys, ...fields], validationRules: [], listViews: [], sharing: 'private', ...extra }, access });
const describes: Record<string, Describe> = {
  lead: obj('lead', 'Lead', [f('company', 'text', 'Company')], { conversion }),
  account: obj('account', 'Account', [f('industry', 'picklist', 'Industry', { values: [{ value: 'it', label: { en: 'IT' }, active: true }, { value: 'retail', label: { en: 'Retail' }, active: true }] })]),
  contact: obj('contact', 'Contact', [f('email', 'email', 'Email'), f('account', 'lookup', 'Account', { target: 'account' })]),
  opportunity: obj('opportunity', 'Opportunity', [f('amount', 'currency', 'Amount'), f('account', 'lookup', 'Account', { target: 'account' })]),
};
const preview = (over: Partial<ConversionPreview> = {}): ConversionPreview => ({
  object: 'lead',
  id: 'l1',
  version: 3,
  readOnly: true,
  converted: null,
  targets: [
    { ...conversion.targets[0]!, fields: ['name', 'industry'], values: { name: 'Acme', industry: 'it' }, suggestions: [{ rule: 'similar_company', label: 'Similar company name', action: 'warn', records: [{ id: 'a9', name: 'Acme Ltd' }] }] },
    { ...conversion.targets[1]!, fields: ['name', 'email'], values: { name: 'Zhang San', email: 'bad@x.test' }, suggestions: [] },
    { ...conversion.targets[2]!, fields: ['name', 'amount'], values: { name: 'Acme - Zhang San', amount: 100 }, suggestions: [] },
  ],
  ...over,
});

let calls: StubRequest[];
let current: ConversionPreview;
let answers: { status: number; body: unknown }[];
beforeEach(() => {
  current = preview();
  answers = [];
  window.history.replaceState(null, '', '/app/o/lead/l1/convert');
  ({ calls } = stubApi((req) => {
    const m = /^\/metadata\/objects\/(\w+)\/describe$/.exec(req.path);
    if (m) return { status: 200, body: describes[m[1]!] };
    if (req.path === '/records/lead/l1/convert' && req.method === 'GET') return { status: 200, body: current };
    if (req.path === '/records/lead/l1/convert' && req.method === 'POST') return answers.shift()!;
    if (req.path === '/records/account' && req.query.get('q')) return { status: 200, body: { records: [{ id: 'a7', name: 'Acme Search Hit' }] } };
    return undefined;
  }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const wrap = (node: React.ReactNode) =>
  render(
    <Providers>
      <MetadataScope>{node}</MetadataScope>
    </Providers>,
  );
const posted = () => calls.filter((c) => c.method === 'POST');
const postedTargets = (i: number) => (posted()[i]!.body as { targets: Record<string, unknown> }).targets;

it('shows each target with its mapped values; a refusal appears beside the target and field it names; fixed, it converts and opens the account', async () => {
  wrap(<ConvertPage object="lead" id="l1" />);
  const email = (await screen.findByTestId('convert-value-contact-email')) as HTMLInputElement;
  expect(email.value).toBe('bad@x.test');
  await waitFor(() => expect((screen.getByTestId('convert-value-account-industry') as HTMLSelectElement).value).toBe('it'));
  expect(screen.getByTestId('convert-target-contact').textContent).toContain('Linked to the new Account');
  // Required targets cannot be skipped; only the opportunity offers it.
  expect(screen.queryByTestId('convert-action-account-skip')).toBeNull();
  expect(screen.getByTestId('convert-action-opportunity-skip')).toBeTruthy();

  answers.push({ status: 400, body: { error: { code: 'RECORD_RULE_VIOLATION', message: 'Contact: This e-mail is blocked', details: { target: 'contact', issues: [{ path: '/targets/contact/values/email', code: 'RULE_VIOLATION', message: 'This e-mail is blocked', target: 'contact' }] } } } });
  fireEvent.click(screen.getByTestId('convert-submit'));
  expect((await screen.findByTestId('convert-error-contact-email')).textContent).toBe('This e-mail is blocked');
  expect(posted()[0]!.body).toEqual({ targets: { account: { action: 'create', values: {} }, contact: { action: 'create', values: {} }, opportunity: { action: 'create', values: {} } }, version: 3 });

  fireEvent.change(email, { target: { value: 'good@x.test' } });
  answers.push({ status: 200, body: { record: { id: 'l1' }, targets: { account: { object: 'account', id: 'a1', created: true }, contact: { object: 'contact', id: 'c1', created: true } } } });
  fireEvent.click(screen.getByTestId('convert-submit'));
  await waitFor(() => expect(window.location.pathname).toBe('/app/o/account/a1'));
  expect(postedTargets(1).contact).toEqual({ action: 'create', values: { email: 'good@x.test' } });
});

it('attaches a suggested (or searched) existing account, skips the opportunity, and can override a duplicate warning', async () => {
  wrap(<ConvertPage object="lead" id="l1" />);
  fireEvent.click(await screen.findByTestId('convert-action-account-existing'));
  expect(screen.getByTestId('convert-existing-account').textContent).toContain('Similar company name');
  // Nothing chosen yet: the convert button waits for a record.
  expect((screen.getByTestId('convert-submit') as HTMLButtonElement).disabled).toBe(true);
  fireEvent.change(screen.getByTestId('convert-search-account'), { target: { value: 'acme' } });
  fireEvent.click(await screen.findByTestId('convert-existing-account-a7', {}, { timeout: 2000 }));
  fireEvent.click(screen.getByTestId('convert-existing-account-a9'));
  fireEvent.click(screen.getByTestId('convert-action-opportunity-skip'));
  expect(screen.queryByTestId('convert-value-opportunity-amount')).toBeNull();

  answers.push({ status: 409, body: { error: { code: 'RECORD_DUPLICATE_WARNING', message: 'Contact: possible duplicate (Same e-mail)', details: { target: 'contact', matches: [] } } } });
  answers.push({ status: 200, body: { record: { id: 'l1' }, targets: { account: { object: 'account', id: 'a9', created: false }, contact: { object: 'contact', id: 'c2', created: true } } } });
  fireEvent.click(screen.getByTestId('convert-submit'));
  fireEvent.click(await screen.findByTestId('convert-anyway'));
  await waitFor(() => expect(window.location.pathname).toBe('/app/o/account/a9'));
  expect(postedTargets(0)).toEqual({ account: { action: 'existing', id: 'a9' }, contact: { action: 'create', values: {} }, opportunity: { action: 'skip' } });
  expect(urlOf(posted()[1]!)).toBe('/records/lead/l1/convert?allowDuplicates=true');
});

it('a converted record: the page says so with links; the record header shows "Converted" with links and no Edit', async () => {
  current = preview({ converted: { targets: { account: { object: 'account', id: 'a1', created: true } }, convertedBy: 'u1', convertedAt: '2025-01-01T00:00:00Z' }, targets: [] });
  wrap(<ConvertPage object="lead" id="l1" />);
  await screen.findByTestId('convert-already');
  expect(screen.getByTestId('convert-targets').querySelector('a')!.getAttribute('href')).toBe('/app/o/account/a1');
  cleanup();

  wrap(<RecordHeader describe={describes.lead!} record={{ id: 'l1', name: 'Zhang San', version: 2 }} headerFields={[]} names={{ records: new Map(), users: new Map() }} onChanged={() => undefined} />);
  expect((await screen.findByTestId('record-converted-account')).getAttribute('href')).toBe('/app/o/account/a1');
  expect(screen.queryByTestId('record-edit')).toBeNull();
  expect(screen.queryByTestId('record-convert')).toBeNull();
  expect(calls.some((c) => urlOf(c) === '/records/lead/l1/convert?summary=true&v=2')).toBe(true);
});

it('a record not yet converted: the header offers Convert beside Edit', async () => {
  wrap(<RecordHeader describe={describes.lead!} record={{ id: 'l1', name: 'Zhang San', version: 1 }} headerFields={[]} names={{ records: new Map(), users: new Map() }} onChanged={() => undefined} />);
  expect((await screen.findByTestId('record-convert')).getAttribute('href')).toBe('/app/o/lead/l1/convert');
  expect(screen.getByTestId('record-edit')).toBeTruthy();
});
