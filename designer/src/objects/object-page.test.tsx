// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RawObjectDef } from '../../../engine/shared/metadata-types';
import type { Draft, DraftIssue } from '../draft/draft-types';
import { DesignerProviders, readDraft } from '../test-support/designer-providers';
import { stubMetadataApi } from '../test-support/metadata-api';
import { ObjectPage } from './object-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const DEAL: RawObjectDef = {
  name: 'deal',
  label: { en: 'Deal', 'zh-CN': '商机' },
  fields: [
    { name: 'amount', type: 'currency', label: { en: 'Amount', 'zh-CN': '金额' }, required: true },
    { name: 'stage', type: 'picklist', label: { en: 'Stage' }, options: { values: [{ value: 'new', label: 'New' }] } },
    { name: 'close_date', type: 'date', label: { en: 'Close date' } },
  ],
};

function renderPage(object: string, opts: { saved?: Draft; issues?: DraftIssue[] } = {}) {
  window.history.replaceState(null, '', `/designer/objects/${object}`);
  stubMetadataApi({ objects: [DEAL], issues: opts.issues });
  render(
    <DesignerProviders saved={opts.saved} probe>
      <ObjectPage object={object} />
    </DesignerProviders>,
  );
}
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const draft = () => readDraft(screen.getByTestId('probe-draft'));
const fieldNames = () => [...screen.getByTestId('object-fields').querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-testid'));

describe('ObjectPage', () => {
  it('writes the object’s labels, sharing and name field to the draft as they are edited', async () => {
    renderPage('deal');
    await screen.findByTestId('object-label-zh');
    type('object-label-zh', '交易');
    type('object-plural-en', 'Deals');
    type('object-description-en', 'Sales opportunities');
    type('object-sharing', 'private');
    type('object-namefield-maxlength', '120');
    expect(draft().objects.deal).toEqual({ ...DEAL, label: { en: 'Deal', 'zh-CN': '交易' }, pluralLabel: { en: 'Deals' }, description: { en: 'Sales opportunities' }, sharing: 'private', nameField: { maxLength: 120 } });
    fireEvent.click(screen.getByTestId('object-discard'));
    expect(draft().objects).toEqual({});
  });

  it('lists the fields with links, reorders them and removes one after saying publishing drops its data', async () => {
    renderPage('deal');
    await screen.findByTestId('object-fields');
    expect(screen.getByTestId('object-field-link-amount').getAttribute('href')).toBe('/designer/objects/deal/fields/amount');
    expect(screen.getByTestId('object-field-add').getAttribute('href')).toBe('/designer/objects/deal/fields/new');
    expect(screen.getByTestId('object-field-row-amount').textContent).toMatch(/Amount.*Currency.*required/);
    fireEvent.click(screen.getByTestId('object-field-down-amount'));
    expect(fieldNames()).toEqual(['object-field-row-stage', 'object-field-row-amount', 'object-field-row-close_date']);
    fireEvent.click(screen.getByTestId('object-field-up-close_date'));
    expect(draft().objects.deal?.fields.map((f) => f.name)).toEqual(['stage', 'close_date', 'amount']);
    fireEvent.click(screen.getByTestId('object-field-remove-stage'));
    expect(screen.getByTestId('object-field-remove-warning').textContent).toBe('Remove the field "stage"? Publishing drops its column and all the data in it.');
    fireEvent.click(screen.getByTestId('object-field-remove-confirm-stage'));
    expect(draft().objects.deal?.fields.map((f) => f.name)).toEqual(['close_date', 'amount']);
  });

  it('shows the server’s issues on the field row and the detail they name', async () => {
    const saved: Draft = { baseVersion: 1, objects: { deal: { ...DEAL, label: { en: 'Deal' } } }, valueSets: {} };
    renderPage('deal', {
      saved,
      issues: [
        { path: '/objects/deal/fields/1/options/values/0/value', code: 'DUPLICATE_VALUE', message: 'value "new" is listed twice' },
        { path: '/objects/deal/nameField/format', code: 'INVALID_SETTING', message: 'format must contain exactly one counter' },
        { path: '/objects/deal/layout/sections/0/fields/2', code: 'UNKNOWN_FIELD', message: 'field "gone" does not exist' },
      ],
    });
    expect((await screen.findByTestId('object-field-issues-stage')).textContent).toBe('DUPLICATE_VALUEvalue "new" is listed twice');
    expect(screen.queryByTestId('object-field-issues-amount')).toBeNull();
    expect(screen.getByTestId('object-namefield-issues').textContent).toBe('INVALID_SETTINGformat must contain exactly one counter');
    expect(screen.getByTestId('object-other-tab-issues').textContent).toBe('Problems on other tabs: 1');
  });

  it('says so when the object does not exist, and offers to undo a deletion in the draft', async () => {
    renderPage('ghost');
    expect((await screen.findByTestId('object-not-found')).textContent).toMatch(/There is no object "ghost"/);
    cleanup();
    renderPage('deal', { saved: { baseVersion: 1, objects: { deal: null }, valueSets: {} } });
    expect((await screen.findByTestId('object-not-found')).textContent).toMatch(/The draft deletes the object "deal"/);
    fireEvent.click(screen.getByTestId('object-undo-delete'));
    expect(await screen.findByTestId('object-details')).toBeTruthy();
  });
});
