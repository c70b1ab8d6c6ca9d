// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RawConversion, RawObjectDef } from '../../../engine/shared/metadata-types';
import { useDraft } from '../draft/draft-store';
import { DesignerProviders } from '../test-support/designer-providers';
import { stubMetadataApi } from '../test-support/metadata-api';
import { ConversionPage } from './conversion-page';

const ACCOUNT: RawObjectDef = {
  name: 'account',
  label: { en: 'Account', 'zh-CN': '客户' },
  fields: [
    { name: 'industry', type: 'picklist', label: 'Industry', options: { values: [{ value: 'it', label: 'IT' }] } },
    { name: 'employees', type: 'integer', label: 'Employees' },
    { name: 'rating', type: 'text', label: 'Rating', required: true },
    { name: 'score', type: 'formula', label: 'Score', options: { expression: 1, returns: 'number' } },
  ],
};
const CONTACT: RawObjectDef = {
  name: 'contact',
  label: { en: 'Contact', 'zh-CN': '联系人' },
  fields: [
    { name: 'account', type: 'lookup', label: 'Account', required: true, options: { target: 'account', onDelete: 'restrict' } },
    { name: 'email', type: 'email', label: 'Email' },
  ],
};
const conversion: RawConversion = {
  targets: [
    { key: 'account', object: 'account', label: { en: 'Account', 'zh-CN': '客户' }, allowExisting: true, fields: { name: { var: 'company' }, employees: { var: 'company' } } },
    { key: 'contact', object: 'contact', fields: { name: { var: 'name' } } },
  ],
  source: { set: { status: 'converted' }, links: {}, readOnly: true },
};
const LEAD: RawObjectDef = {
  name: 'lead',
  label: { en: 'Lead', 'zh-CN': '线索' },
  fields: [
    { name: 'company', type: 'text', label: 'Company' },
    { name: 'industry', type: 'picklist', label: 'Industry', options: { values: [{ value: 'it', label: 'IT' }] } },
    { name: 'size', type: 'integer', label: 'Size' },
    { name: 'email', type: 'email', label: 'Email' },
    { name: 'status', type: 'picklist', label: 'Status', options: { values: [{ value: 'new', label: 'New' }, { value: 'converted', label: 'Converted' }] } },
    { name: 'converted_account', type: 'lookup', label: 'Converted account', options: { target: 'account', onDelete: 'setNull' } },
  ],
  conversion,
};

/** The lead's conversion as the draft holds it. */
function DraftConversion() {
  const d = useDraft().draft.objects.lead;
  return <output data-testid="draft-conversion">{d ? JSON.stringify(d.conversion ?? null) : ''}</output>;
}
const el = (id: string) => screen.getByTestId(id);
const change = (id: string, value: string) => fireEvent.change(el(id), { target: { value } });
const written = () => JSON.parse(el('draft-conversion').textContent || 'null') as RawConversion | null;

async function renderPage(objects: RawObjectDef[] = [LEAD, ACCOUNT, CONTACT], answerChanges?: () => { status: number; body: unknown }) {
  stubMetadataApi({ objects, ...(answerChanges ? { answerChanges } : {}) });
  window.history.replaceState(null, '', '/designer/objects/lead/conversion');
  render(
    <DesignerProviders>
      <ConversionPage object="lead" />
      <DraftConversion />
    </DesignerProviders>,
  );
  await screen.findByTestId('conversion-page');
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('conversion mapping editor', () => {
  it('shows each target field beside its source, with type and required warnings from the browser', async () => {
    await renderPage();
    expect(el('object-tab-tabConversion').getAttribute('aria-selected')).toBe('true');
    expect((el('conv-0-name-source') as HTMLSelectElement).value).toBe('field:company');
    // Computed fields are never offered; picklists only take picklists.
    expect(screen.queryByTestId('conv-0-score')).toBeNull();
    const industry = [...(el('conv-0-industry-source') as HTMLSelectElement).options].map((o) => o.value);
    expect(industry).toEqual(['', 'field:industry', 'field:status', 'expression']);
    // employees ← company: a string into a number.
    expect(el('conv-0-employees-warning').textContent).toBe('The value is a string; the field holds a number.');
    expect(el('conv-0-rating-warning').textContent).toContain('Required');
    expect(el('conv-1-account-warning').textContent).toContain('Required');
  });

  it('maps a field, links a lookup to another target, switches to an expression, all written to the draft', async () => {
    await renderPage();
    change('conv-0-employees-source', 'field:size');
    await waitFor(() => expect(written()!.targets[0]!.fields.employees).toEqual({ var: 'size' }));
    expect(screen.queryByTestId('conv-0-employees-warning')).toBeNull();
    const options = [...(el('conv-1-account-source') as HTMLSelectElement).options].map((o) => o.value);
    expect(options.slice(0, 2)).toEqual(['', 'link:account']);
    change('conv-1-account-source', 'link:account');
    await waitFor(() => expect(written()!.targets[1]!.links).toEqual({ account: 'account' }));
    expect(screen.queryByTestId('conv-1-account-warning')).toBeNull();
    change('conv-0-rating-source', 'expression');
    await screen.findByTestId('conv-0-rating-rule-check');
    await waitFor(() => expect(written()!.targets[0]!.fields).toHaveProperty('rating'));
    change('conv-1-email-source', 'field:email');
    change('conv-0-name-source', '');
    await waitFor(() => expect(written()!.targets[0]!.fields).not.toHaveProperty('name'));
    fireEvent.click(el('conv-optional-1'));
    await waitFor(() => expect(written()!.targets[1]!.optional).toBe(true));
  });

  it("shows the server's METADATA_MAPPING_INVALID issues beside the field and the target", async () => {
    await renderPage(undefined, () => ({
      status: 400,
      body: {
        error: {
          code: 'METADATA_MAPPING_INVALID',
          message: 'a conversion mapping is invalid',
          details: {
            issues: [
              { path: '/objects/lead/conversion/targets/0/fields/employees', code: 'MAPPING_TYPE', message: 'account.employees holds a number; the mapping gives a string' },
              { path: '/objects/lead/conversion/targets/1/fields', code: 'MAPPING_REQUIRED', message: 'contact.account is required: map it, link it or give it a default' },
            ],
          },
        },
      },
    }));
    fireEvent.click(el('conv-existing-0'));
    expect((await screen.findByTestId('conv-0-employees-issues', {}, { timeout: 3000 })).textContent).toContain('MAPPING_TYPE');
    expect(el('conv-target-issues-1').textContent).toContain('contact.account is required');
  });

  it('adds a conversion to an object without one: a target, its object, the source settings', async () => {
    const { conversion: _c, ...plain } = LEAD;
    await renderPage([plain, ACCOUNT, CONTACT]);
    fireEvent.click(el('conv-add'));
    await waitFor(() => expect(written()).toEqual({ targets: [], source: { set: {}, links: {}, readOnly: true } }));
    fireEvent.click(el('conv-add-target'));
    change('conv-object-0', 'account');
    change('conv-key-0', 'account');
    await waitFor(() => expect(written()!.targets).toEqual([{ key: 'account', object: 'account', fields: {}, links: {} }]));
    change('conv-source-link-converted_account', 'account');
    change('conv-set-add', 'status');
    fireEvent.click(el('conv-read-only'));
    await waitFor(() => expect(written()!.source).toEqual({ set: { status: null }, links: { converted_account: 'account' }, readOnly: false }));
    fireEvent.click(el('conv-remove-all'));
    await waitFor(() => expect(written()).toBeNull());
  });
});
