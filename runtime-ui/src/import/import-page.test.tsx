// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { ImportJob, UploadResult } from '../../../engine/shared/api/imports';
import type { Describe, FieldDef } from '../api/describe';
import { stubApi, urlOf, type StubRequest } from '../form/test-support';
import { I18nProvider } from '../i18n/i18n';
import { RouterProvider } from '../router/router';
import { ImportPage } from './import-page';
import { MappingTable } from './mapping-table';

/** The import page's mapping step over a mocked API: suggested mapping shown, changed, sent; refusals listed. */
const f = (name: string, type: string, label: FieldDef['label'], options: Record<string, unknown> = {}, system = false): FieldDef => ({ name, type, label, required: false, system, options });
const describe: Describe = {
  version: 1,
  object: {
    name: 'lead',
    label: 'Lead',
    pluralLabel: { en: 'Leads', 'zh-CN': '线索' },
    fields: [f('id', 'id', 'ID', {}, true), f('name', 'text', { en: 'Name', 'zh-CN': '姓名' }, {}, true), f('owner_id', 'user', 'Owner', {}, true), f('company', 'text', { en: 'Company', 'zh-CN': '公司' }), f('account', 'lookup', 'Account', { target: 'account' }), f('score', 'formula', 'Score'), f('created_at', 'datetime', 'Created', {}, true)],
    validationRules: [],
    listViews: [],
    sharing: 'private',
  },
  access: { create: true, read: true, edit: true, delete: true, viewAll: false, modifyAll: false, fields: {} },
} as unknown as Describe;
const job = (over: Partial<ImportJob> = {}): ImportJob => ({ id: 'j1', object: 'lead', createdBy: 'u1', fileName: 'leads.csv', encoding: 'gbk', mode: 'insert', key: null, header: ['姓名', '公司', 'Account', 'Notes'], mapping: {}, allowDuplicates: false, status: 'uploaded', total: 2, processed: 0, inserted: 0, updated: 0, rejected: 0, errors: [], dryRun: null, message: null, hasRejectedFile: false, createdAt: '2025-03-01T10:00:00Z', startedAt: null, finishedAt: null, ...over });
const uploaded: UploadResult = { import: job(), encoding: 'gbk', header: ['姓名', '公司', 'Account', 'Notes'], preview: [['王芳', '云杉', 'Acme', 'x'], ['张伟', '海鸥', 'Beta', 'y']], rows: 2, suggestedMapping: { 姓名: { field: 'name' }, 公司: { field: 'company' }, Account: { field: 'account', lookupBy: 'name' } } };

let calls: StubRequest[];
let mappingAnswer: { status: number; body: unknown };
beforeEach(() => {
  mappingAnswer = { status: 200, body: job() };
  window.history.replaceState(null, '', '/app/o/lead/import');
  ({ calls } = stubApi(({ method, path }) => {
    if (path.endsWith('/describe')) return { status: 200, body: describe };
    if (method === 'POST' && path === '/records/lead/imports') return { status: 201, body: uploaded };
    if (method === 'PUT') return mappingAnswer;
    if (path.endsWith('/start')) return { status: 202, body: job({ status: 'running' }) };
    if (path.endsWith('/dry-run')) return { status: 202, body: job({ status: 'validating' }) };
    return { status: 200, body: job({ status: 'done', processed: 2, inserted: 1, rejected: 1 }) };
  }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const page = () =>
  render(
    <I18nProvider initial="en">
      <RouterProvider>
        <ImportPage object="lead" />
      </RouterProvider>
    </I18nProvider>,
  );

async function uploadFile() {
  const input = await screen.findByTestId('import-file');
  fireEvent.change(input, { target: { files: [new File(['姓名,公司\n王芳,云杉\n'], 'leads.csv', { type: 'text/csv' })] } });
  await screen.findByTestId('mapping-table');
}

it('shows the detected encoding, the first values and the suggested mapping; only importable fields are offered', async () => {
  page();
  await uploadFile();
  expect(screen.getByTestId('import-detected').textContent).toBe('Read as GBK: 2 rows');
  expect((screen.getByTestId('mapping-field-姓名') as HTMLSelectElement).value).toBe('name');
  expect((screen.getByTestId('mapping-field-Account') as HTMLSelectElement).value).toBe('account');
  expect((screen.getByTestId('mapping-lookup-Account') as HTMLSelectElement).value).toBe('name');
  expect((screen.getByTestId('mapping-field-Notes') as HTMLSelectElement).value).toBe('');
  expect(screen.getByTestId('mapping-row-姓名').textContent).toContain('王芳 · 张伟');
  const offered = [...(screen.getByTestId('mapping-field-Notes') as HTMLSelectElement).options].map((o) => o.value);
  expect(offered).toEqual(['', 'id', 'name', 'owner_id', 'company', 'account']);
  expect(urlOf(calls.find((c) => c.method === 'POST')!)).toBe('/records/lead/imports?encoding=auto');
});

it('sends the mapping as changed (a skipped column as null, lookups by id), mode and key, then starts', async () => {
  page();
  await uploadFile();
  fireEvent.change(screen.getByTestId('mapping-field-公司'), { target: { value: '' } });
  fireEvent.change(screen.getByTestId('mapping-lookup-Account'), { target: { value: 'id' } });
  fireEvent.change(screen.getByTestId('mapping-field-Notes'), { target: { value: 'company' } });
  fireEvent.change(screen.getByTestId('import-mode'), { target: { value: 'upsert' } });
  fireEvent.change(screen.getByTestId('import-key'), { target: { value: 'company' } });
  fireEvent.click(screen.getByTestId('import-allow-duplicates'));
  fireEvent.click(screen.getByTestId('import-start'));
  await screen.findByTestId('import-progress');
  const put = calls.find((c) => c.method === 'PUT')!;
  expect(put.path).toBe('/records/lead/imports/j1/mapping');
  expect(put.body).toEqual({ mapping: { 姓名: { field: 'name' }, 公司: null, Account: { field: 'account', lookupBy: 'id' }, Notes: { field: 'company' } }, mode: 'upsert', key: 'company' });
  expect(calls.some((c) => urlOf(c) === '/records/lead/imports/j1/start?allowDuplicates=true')).toBe(true);
  await waitFor(() => expect(screen.getByTestId('import-result').textContent).toBe('1 inserted, 0 updated, 1 rejected'), { timeout: 3000 });
  expect(screen.getByTestId('import-rejected').getAttribute('href')).toBe('/api/v1/records/lead/imports/j1/rejected.csv');
});

it('lists the server’s mapping issues and stays on the mapping step', async () => {
  mappingAnswer = { status: 400, body: { error: { code: 'IMPORT_MAPPING_INVALID', message: '1 problem(s) in the mapping', details: { issues: [{ path: '/key', code: 'IMPORT_KEY_INVALID', message: 'the key "company" must be unique' }] } } } };
  page();
  await uploadFile();
  fireEvent.click(screen.getByTestId('import-dry-run'));
  const alert = await screen.findByTestId('import-error');
  expect(alert.textContent).toContain('/key: the key "company" must be unique');
  expect(screen.getByTestId('mapping-table')).toBeTruthy();
  expect(calls.some((c) => c.path.endsWith('/dry-run'))).toBe(false);
});

it('a column cannot take a field another column already has', () => {
  const onChange = vi.fn();
  render(
    <I18nProvider initial="zh-CN">
      <MappingTable header={['A', 'B']} preview={[]} fields={describe.object.fields} mapping={{ A: { field: 'company' } }} onChange={onChange} />
    </I18nProvider>,
  );
  const b = screen.getByTestId('mapping-field-B') as HTMLSelectElement;
  expect([...b.options].find((o) => o.value === 'company')!.disabled).toBe(true);
  expect([...b.options].find((o) => o.value === 'company')!.textContent).toBe('公司');
  fireEvent.change(b, { target: { value: 'owner_id' } });
  expect(onChange).toHaveBeenCalledWith({ A: { field: 'company' }, B: { field: 'owner_id', lookupBy: 'email' } });
});
