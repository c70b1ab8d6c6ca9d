// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RawObjectDef } from '../../../engine/shared/metadata-types';
import type { Draft, DraftIssue } from '../draft/draft-types';
import { DesignerProviders, readDraft } from '../test-support/designer-providers';
import { stubMetadataApi } from '../test-support/metadata-api';
import { NewObjectForm } from './new-object-form';
import { ObjectListPage } from './object-list-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const ACCOUNT: RawObjectDef = { name: 'account', label: { en: 'Account', 'zh-CN': '客户' }, sharing: 'private', fields: [{ name: 'industry', type: 'text', label: 'Industry' }] };
const DEAL: RawObjectDef = { name: 'deal', label: { en: 'Deal', 'zh-CN': '商机' }, fields: [] };
const LEAD: RawObjectDef = { name: 'lead', label: { en: 'Lead' }, fields: [] };
const QUOTE: RawObjectDef = { name: 'quote', label: { en: 'Quote' }, fields: [] };

function renderList(opts: { saved?: Draft; issues?: DraftIssue[]; locale?: 'en' | 'zh-CN' } = {}) {
  window.history.replaceState(null, '', '/designer');
  const api = stubMetadataApi({ objects: [ACCOUNT, DEAL, LEAD], issues: opts.issues, plan: [{ kind: 'trashTable', object: 'deal', description: 'drop table deal (3 records)', destructive: true, sql: [] }] });
  render(
    <DesignerProviders saved={opts.saved} locale={opts.locale} probe>
      <ObjectListPage />
    </DesignerProviders>,
  );
  return api;
}
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const draft = () => readDraft(screen.getByTestId('probe-draft'));
const row = (name: string) => screen.getByTestId(`object-row-${name}`);

describe('ObjectListPage', () => {
  it('lists the objects with label, field count, sharing and what the draft does to each', async () => {
    const saved: Draft = { baseVersion: 1, objects: { account: { ...ACCOUNT, label: { en: 'Customer' } }, lead: null, quote: QUOTE, deal: DEAL }, valueSets: {} };
    renderList({ saved, locale: 'zh-CN' });
    await screen.findByTestId('object-table');
    expect([...row('account').querySelectorAll('td')].slice(0, 5).map((c) => c.textContent)).toEqual(['account', 'Customer', '1', '私有', '已修改']);
    expect([...row('deal').querySelectorAll('td')].slice(0, 5).map((c) => c.textContent)).toEqual(['deal', '商机', '0', '公开读写', '']);
    expect(screen.getByTestId('object-badge-quote').textContent).toBe('新建');
    expect(screen.getByTestId('object-badge-lead').textContent).toBe('已删除');
    fireEvent.click(screen.getByTestId('object-undo-lead'));
    expect(draft().objects).not.toHaveProperty('lead');
    expect(screen.queryByTestId('object-badge-lead')).toBeNull();
  });

  it('creates an object in the draft (no fields) and opens it', async () => {
    renderList();
    fireEvent.click(await screen.findByTestId('object-new'));
    type('object-new-name', 'quote');
    type('object-new-label-en', 'Quote');
    type('object-new-label-zh', '报价单');
    type('object-new-plural-en', 'Quotes');
    type('object-new-sharing', 'publicRead');
    fireEvent.click(screen.getByTestId('object-namefield-autonumber'));
    type('object-namefield-format', 'QT-{YYYY}-{00000}');
    fireEvent.click(screen.getByTestId('object-new-create'));
    expect(draft().objects.quote).toEqual({
      name: 'quote',
      label: { en: 'Quote', 'zh-CN': '报价单' },
      pluralLabel: { en: 'Quotes' },
      sharing: 'publicRead',
      nameField: { type: 'autonumber', format: 'QT-{YYYY}-{00000}' },
      fields: [],
    });
    expect(screen.getByTestId('probe-path').textContent).toBe('/designer/objects/quote');
  });

  it('refuses an invalid or taken API name and a missing label before creating', async () => {
    renderList({ saved: { baseVersion: 1, objects: { lead: null }, valueSets: {} } });
    fireEvent.click(await screen.findByTestId('object-new'));
    type('object-new-name', '1quote');
    expect(screen.getByTestId('object-new-name-issues').textContent).toMatch(/^INVALID_NAME/);
    type('object-new-name', 'account');
    expect(screen.getByTestId('object-new-name-issues').textContent).toBe('DUPLICATE_OBJECTThere is already an object "account".');
    type('object-new-name', 'lead');
    expect(screen.getByTestId('object-new-name-issues').textContent).toMatch(/^DUPLICATE_OBJECT/);
    type('object-new-name', 'order');
    expect(screen.getByTestId('object-new-name-issues').textContent).toMatch(/^RESERVED_WORD/);
    type('object-new-name', 'quote');
    fireEvent.click(screen.getByTestId('object-new-create'));
    expect(screen.getByTestId('object-new-label-issues').textContent).toMatch(/^LABEL_MISSING/);
    expect(draft().objects).toEqual({ lead: null });
  });

  it('asks before deleting a published object, showing the server’s dry run, then marks it deleted', async () => {
    const { changes } = renderList();
    fireEvent.click(await screen.findByTestId('object-delete-deal'));
    const dialog = screen.getByTestId('object-delete-dialog');
    expect(within(dialog).getByText('Delete Deal?')).toBeTruthy();
    expect((await within(dialog).findByTestId('object-delete-plan')).textContent).toMatch(/destructive: drop table deal \(3 records\)/);
    expect(changes[0]!.body).toEqual({ objects: {}, valueSets: {}, deleteObjects: ['deal'] });
    expect(changes[0]!.query.get('dryRun')).toBe('true');
    expect(draft().objects).toEqual({});
    fireEvent.click(screen.getByTestId('object-delete-confirm'));
    expect(draft().objects).toEqual({ deal: null });
    expect(screen.getByTestId('object-badge-deal').textContent).toBe('Deleted');
  });

  it('shows the dry run’s refusal in the dialog, and cancel keeps the object', async () => {
    renderList({ issues: [{ path: '/objects/account/fields/0/options/target', code: 'UNKNOWN_OBJECT', message: 'lookup target "deal" does not exist' }] });
    fireEvent.click(await screen.findByTestId('object-delete-deal'));
    expect((await screen.findByTestId('object-delete-refused')).textContent).toMatch(/UNKNOWN_OBJECTlookup target "deal" does not exist/);
    fireEvent.click(screen.getByTestId('object-delete-cancel'));
    expect(screen.queryByTestId('object-delete-dialog')).toBeNull();
    expect(draft().objects).toEqual({});
  });

  it('drops a draft-only object without asking', async () => {
    renderList({ saved: { baseVersion: 1, objects: { quote: QUOTE }, valueSets: {} } });
    fireEvent.click(await screen.findByTestId('object-delete-quote'));
    expect(screen.queryByTestId('object-delete-dialog')).toBeNull();
    expect(draft().objects).toEqual({});
    expect(screen.queryByTestId('object-row-quote')).toBeNull();
  });

  it('counts the server’s issues on each object’s row', async () => {
    renderList({ saved: { baseVersion: 1, objects: { quote: { ...QUOTE, label: '' } }, valueSets: {} }, issues: [{ path: '/objects/quote/label', code: 'SCHEMA_MINLENGTH', message: 'too short' }] });
    expect((await screen.findByTestId('object-issues-quote')).textContent).toBe('1 problems');
  });
});

describe('NewObjectForm', () => {
  it('shows the autonumber name’s first number today, and refuses a format without a counter', async () => {
    stubMetadataApi({});
    render(
      <DesignerProviders>
        <NewObjectForm onCancel={() => undefined} now={new Date('2026-03-09T08:00:00Z')} />
      </DesignerProviders>,
    );
    await screen.findByTestId('object-new-name');
    type('object-new-name', 'quote');
    fireEvent.click(screen.getByTestId('object-namefield-autonumber'));
    expect((screen.getByTestId('object-namefield-format') as HTMLInputElement).value).toBe('QUOT-{00000}');
    type('object-namefield-format', 'QT-{YYYY}-{00000}');
    expect(screen.getByTestId('object-namefield-format-sample').textContent).toBe('First number today: QT-2026-00001');
    type('object-namefield-format', 'QT-{YYYY}');
    expect(screen.getByTestId('object-namefield-format-problem').textContent).toBe('The format needs exactly one counter, such as {00000}.');
    await waitFor(() => expect(screen.getByTestId('object-namefield-issues').textContent).toMatch(/^FORMAT_INVALID/));
  });
});
