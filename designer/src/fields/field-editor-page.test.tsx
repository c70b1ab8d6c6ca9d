// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RawField, RawObjectDef } from '../../../engine/shared/metadata-types';
import type { Draft, DraftIssue } from '../draft/draft-types';
import { DesignerProviders, readDraft } from '../test-support/designer-providers';
import { stubMetadataApi } from '../test-support/metadata-api';
import { FieldEditorPage } from './field-editor-page';

// The rule editor is another area's component: a JSON box stands in for it, showing the props it was given.
vi.mock('../rule-builder/rule-editor', () => ({
  RuleEditor: (p: { testId?: string; value: unknown; onChange(v: unknown): void; mode: string; expect?: string[]; allowContext?: boolean }) => (
    <textarea
      data-testid={p.testId ?? 'rule'}
      data-mode={p.mode}
      data-expect={(p.expect ?? []).join(',')}
      data-context={String(p.allowContext ?? false)}
      defaultValue={p.value === undefined ? '' : JSON.stringify(p.value)}
      onChange={(e) => p.onChange(e.target.value ? JSON.parse(e.target.value) : undefined)}
    />
  ),
}));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const ACCOUNT: RawObjectDef = {
  name: 'account',
  label: { en: 'Account', 'zh-CN': '客户' },
  fields: [
    { name: 'industry', type: 'text', label: { en: 'Industry' } },
    { name: 'revenue', type: 'currency', label: { en: 'Revenue' } },
  ],
};
const CONTACT: RawObjectDef = { name: 'contact', label: { en: 'Contact' }, fields: [] };

async function open(field: string, opts: { issues?: DraftIssue[]; saved?: Draft } = {}) {
  window.history.replaceState(null, '', `/designer/objects/account/fields/${field}`);
  const api = stubMetadataApi({ objects: [ACCOUNT, CONTACT], valueSets: [{ name: 'regions', label: 'Regions', values: [{ value: 'north', label: 'North' }] }], issues: opts.issues });
  render(
    <DesignerProviders saved={opts.saved} probe>
      <FieldEditorPage object="account" field={field} />
    </DesignerProviders>,
  );
  await waitFor(() => expect((screen.getByTestId('field-type') as HTMLSelectElement).disabled).toBe(false));
  return api;
}
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const draft = () => readDraft(screen.getByTestId('probe-draft'));
/** The last field of the account the draft holds. */
const applied = (): RawField | undefined => draft().objects.account?.fields.at(-1);

async function newField(name: string, fieldType: string, label = 'Label') {
  await open('new');
  type('field-name', name);
  type('field-type', fieldType);
  type('field-label-en', label);
}
const apply = () => fireEvent.click(screen.getByTestId('field-apply'));

describe('FieldEditorPage', () => {
  it('adds a text field with labels, help text, flags and maxLength, and returns to the object', async () => {
    await newField('nickname', 'text', 'Nickname');
    type('field-label-zh', '昵称');
    type('field-help-en', 'What colleagues call them');
    fireEvent.click(screen.getByTestId('field-required'));
    fireEvent.click(screen.getByTestId('field-indexed'));
    fireEvent.click(screen.getByTestId('field-audit'));
    type('setting-maxLength', '80');
    apply();
    expect(applied()).toEqual({
      name: 'nickname',
      type: 'text',
      label: { en: 'Nickname', 'zh-CN': '昵称' },
      helpText: { en: 'What colleagues call them' },
      required: true,
      indexed: true,
      audit: false,
      options: { maxLength: 80 },
    });
    expect(draft().objects.account?.fields.map((f) => f.name)).toEqual(['industry', 'revenue', 'nickname']);
    expect(screen.getByTestId('probe-path').textContent).toBe('/designer/objects/account');
  });

  it('adds a number field with precision, scale and a fixed default', async () => {
    await newField('discount', 'number', 'Discount');
    type('setting-precision', '5');
    type('setting-scale', '2');
    fireEvent.click(screen.getByTestId('field-default-mode-literal'));
    type('field-default-value', '0.5');
    apply();
    expect(applied()).toEqual({ name: 'discount', type: 'number', label: { en: 'Discount' }, defaultValue: 0.5, options: { precision: 5, scale: 2 } });
  });

  it('adds a picklist with its own values, or one using a shared value set', async () => {
    await newField('rating', 'picklist', 'Rating');
    fireEvent.click(screen.getByTestId('picklist-add'));
    type('picklist-value-0', 'hot');
    type('picklist-label-en-0', 'Hot');
    apply();
    expect(applied()).toEqual({ name: 'rating', type: 'picklist', label: { en: 'Rating' }, options: { values: [{ value: 'hot', label: { en: 'Hot' } }] } });
    cleanup();
    await newField('region', 'multipicklist', 'Region');
    fireEvent.click(screen.getByTestId('setting-values-source-shared'));
    expect((screen.getByTestId('setting-valueSet') as HTMLSelectElement).value).toBe('regions');
    apply();
    expect(applied()).toEqual({ name: 'region', type: 'multipicklist', label: { en: 'Region' }, options: { valueSet: 'regions' } });
  });

  it('refuses a picklist without values, naming the missing setting', async () => {
    await newField('rating', 'picklist', 'Rating');
    apply();
    expect(screen.getByTestId('field-problems').textContent).toMatch(/1 problems/);
    expect(screen.getByTestId('setting-issues').textContent).toBe('SETTING_ONE_OFGive exactly one of: valueSet | values.');
    expect(draft().objects).toEqual({});
  });

  it('adds a lookup with its target object and on-delete choice', async () => {
    await newField('primary_contact', 'lookup', 'Primary contact');
    apply();
    expect(screen.getByTestId('setting-target-issues').textContent).toBe('SETTING_REQUIREDRequired: target.');
    expect(draft().objects).toEqual({});
    type('setting-target', 'contact');
    expect(screen.getByText(/the records that pointed at it are deleted as well/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('setting-onDelete-cascade'));
    apply();
    expect(applied()).toEqual({ name: 'primary_contact', type: 'lookup', label: { en: 'Primary contact' }, options: { target: 'contact', onDelete: 'cascade' } });
  });

  it('adds a formula whose expression is checked against the chosen result type, without $user/$now', async () => {
    await newField('double_revenue', 'formula', 'Double revenue');
    type('setting-returns', 'number');
    const rule = screen.getByTestId('setting-expression');
    expect(rule.dataset.mode).toBe('expression');
    expect(rule.dataset.expect).toBe('number');
    expect(rule.dataset.context).toBe('false');
    type('setting-expression', '{"*":[{"var":"revenue"},2]}');
    expect(screen.queryByTestId('field-default')).toBeNull();
    apply();
    expect(applied()).toEqual({ name: 'double_revenue', type: 'formula', label: { en: 'Double revenue' }, options: { expression: { '*': [{ var: 'revenue' }, 2] }, returns: 'number' } });
  });

  it('refuses invalid, duplicate and system field names before applying', async () => {
    await newField('Bad Name', 'text');
    expect(screen.getByTestId('field-name-issues').textContent).toMatch(/^INVALID_NAME/);
    type('field-name', 'industry');
    expect(screen.getByTestId('field-name-issues').textContent).toBe('DUPLICATE_FIELDThe object already has a field "industry".');
    apply();
    expect(draft().objects).toEqual({});
    type('field-name', 'owner_id');
    expect(screen.getByTestId('field-name-issues').textContent).toMatch(/^SYSTEM_FIELD/);
    type('field-name', 'select');
    expect(screen.getByTestId('field-name-issues').textContent).toMatch(/^RESERVED_WORD/);
    type('field-name', 'sector');
    expect(screen.queryByTestId('field-name-issues')).toBeNull();
    apply();
    expect(applied()?.name).toBe('sector');
  });

  it('edits an existing field in place (name locked) and its conditions', async () => {
    await open('industry');
    expect((screen.getByTestId('field-name') as HTMLInputElement).readOnly).toBe(true);
    fireEvent.click(screen.getByTestId('field-condition-requiredWhen-toggle'));
    const rule = screen.getByTestId('field-condition-requiredWhen');
    expect([rule.dataset.mode, rule.dataset.expect, rule.dataset.context]).toEqual(['condition', 'boolean', 'true']);
    type('field-condition-requiredWhen', '{">":[{"var":"revenue"},1000]}');
    apply();
    expect(draft().objects.account?.fields[0]).toEqual({ name: 'industry', type: 'text', label: { en: 'Industry' }, requiredWhen: { '>': [{ var: 'revenue' }, 1000] } });
  });

  it('cancel leaves the draft untouched', async () => {
    await open('industry');
    type('field-label-en', 'Sector');
    fireEvent.click(screen.getByTestId('field-cancel'));
    expect(draft().objects).toEqual({});
    expect(screen.getByTestId('probe-path').textContent).toBe('/designer/objects/account');
  });

  it('shows the server’s issues for this field next to the control they name, with their code', async () => {
    const changed: RawObjectDef = { ...ACCOUNT, fields: [{ name: 'industry', type: 'text', label: { en: 'Industry' }, options: { maxLength: 0 } }, ACCOUNT.fields[1]!] };
    await open('industry', {
      saved: { baseVersion: 1, objects: { account: changed }, valueSets: {} },
      issues: [
        { path: '/objects/account/fields/0/options/maxLength', code: 'SCHEMA_MINIMUM', message: 'must be >= 1' },
        { path: '/objects/account/fields/0/label', code: 'SCHEMA_TYPE', message: 'bad label' },
        { path: '/objects/account/fields/1/name', code: 'OTHER', message: 'not this field' },
      ],
    });
    expect((await screen.findByTestId('setting-maxLength-issues')).textContent).toBe('SCHEMA_MINIMUMmust be >= 1');
    expect(screen.getByTestId('field-label-issues').textContent).toBe('SCHEMA_TYPEbad label');
    expect(screen.queryByText('not this field')).toBeNull();
  });

  it('says so when the object or field does not exist', async () => {
    stubMetadataApi({ objects: [ACCOUNT] });
    render(
      <DesignerProviders>
        <FieldEditorPage object="account" field="nope" />
        <FieldEditorPage object="ghost" field="new" />
      </DesignerProviders>,
    );
    const [field, object] = await screen.findAllByTestId('field-not-found');
    expect(field!.textContent).toMatch(/The object has no field "nope"/);
    expect(object!.textContent).toMatch(/There is no object "ghost" in the draft/);
  });
});
