// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RawObjectDef, RawValueSet } from '../../../engine/shared/metadata-types';
import type { DraftIssue } from '../draft/draft-types';
import { DesignerProviders, readDraft } from '../test-support/designer-providers';
import { stubMetadataApi } from '../test-support/metadata-api';
import { ValueSetPage } from './value-set-page';
import { ValueSetsPage } from './value-sets-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const REGIONS: RawValueSet = {
  name: 'regions',
  label: { en: 'Regions' },
  values: [
    { value: 'north', label: { en: 'North', 'zh-CN': '北方' } },
    { value: 'south', label: { en: 'South' } },
  ],
};
const SIZES: RawValueSet = { name: 'sizes', label: 'Sizes', values: [{ value: 's', label: 'S', active: false }, { value: 'm', label: 'M' }] };
const ACCOUNT: RawObjectDef = {
  name: 'account',
  label: { en: 'Account' },
  fields: [
    { name: 'region', type: 'picklist', label: { en: 'Sales region' }, options: { valueSet: 'regions' } },
    { name: 'rating', type: 'picklist', label: { en: 'Rating' }, options: { values: [{ value: 'hot', label: 'Hot' }] } },
  ],
};
const LEAD: RawObjectDef = { name: 'lead', label: { en: 'Lead' }, fields: [{ name: 'region', type: 'multipicklist', label: { en: 'Regions' }, options: { valueSet: 'regions' } }] };

function renderPage(page: ReactNode, issues?: DraftIssue[]) {
  const api = stubMetadataApi({ objects: [ACCOUNT, LEAD], valueSets: [REGIONS, SIZES], issues });
  render(<DesignerProviders probe>{page}</DesignerProviders>);
  return { ...api, draft: () => readDraft(screen.getByTestId('probe-draft')) };
}
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('ValueSetPage', () => {
  it('writes the edited value set to the draft, and the dry run sends it', async () => {
    const { draft, changes } = renderPage(<ValueSetPage name="regions" />);
    await screen.findByTestId('value-set-label-zh');
    type('value-set-label-zh', '大区');
    fireEvent.click(screen.getByTestId('picklist-add'));
    type('picklist-value-2', 'west');
    type('picklist-label-en-2', 'West');
    fireEvent.click(screen.getByTestId('picklist-active-1'));
    const expected: RawValueSet = {
      name: 'regions',
      label: { en: 'Regions', 'zh-CN': '大区' },
      values: [
        { value: 'north', label: { en: 'North', 'zh-CN': '北方' } },
        { value: 'south', label: { en: 'South' }, active: false },
        { value: 'west', label: { en: 'West' } },
      ],
    };
    expect(draft().valueSets).toEqual({ regions: expected });
    expect(draft().objects).toEqual({});
    await waitFor(() => expect(changes).toHaveLength(1), { timeout: 3000 });
    expect(changes[0]!.body).toEqual({ objects: {}, deleteObjects: [], valueSets: { regions: expected } });
  });

  it('keeps published values (deactivate only) but removes a value added in the draft', async () => {
    const { draft } = renderPage(<ValueSetPage name="regions" />);
    expect(((await screen.findByTestId('picklist-remove-0')) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('picklist-add'));
    expect(draft().valueSets.regions!.values).toHaveLength(3);
    fireEvent.click(screen.getByTestId('picklist-remove-2'));
    expect(draft().valueSets.regions!.values).toEqual(REGIONS.values);
  });

  it('lists the fields that use it and says value sets cannot be deleted', async () => {
    renderPage(<ValueSetPage name="regions" />);
    expect((await screen.findByTestId('value-set-uses')).textContent).toBe('account.Sales regionlead.Regions');
    expect(screen.getByText(/cannot be deleted/)).toBeTruthy();
  });

  it("shows the server's issues under /valueSets/<name> inline, with their code", async () => {
    renderPage(<ValueSetPage name="regions" />, [
      { path: '/valueSets/regions/values/1/value', code: 'DUPLICATE_VALUE', message: 'value "north" appears twice' },
      { path: '/valueSets/regions/label', code: 'METADATA_INVALID', message: 'must NOT have fewer than 1 properties' },
      { path: '/valueSets/sizes/values/0', code: 'OTHER', message: 'not this set' },
    ]);
    await screen.findByTestId('picklist-value-1');
    type('picklist-value-1', 'north');
    await waitFor(() => expect(screen.getByTestId('picklist-issues-1').textContent).toBe('DUPLICATE_VALUEvalue "north" appears twice'), { timeout: 3000 });
    expect(screen.getByTestId('value-set-label-issues').textContent).toBe('METADATA_INVALIDmust NOT have fewer than 1 properties');
    expect(screen.queryByText('not this set')).toBeNull();
  });

  it('discards the draft of this value set', async () => {
    const { draft } = renderPage(<ValueSetPage name="sizes" />);
    await screen.findByTestId('value-set-label-en');
    type('value-set-label-en', 'Sizes!');
    expect(draft().valueSets.sizes!.label).toEqual({ en: 'Sizes!' });
    fireEvent.click(screen.getByTestId('value-set-discard'));
    expect(draft().valueSets).toEqual({});
    expect((screen.getByTestId('value-set-label-en') as HTMLInputElement).value).toBe('Sizes');
  });

  it('says so when there is no such value set', async () => {
    renderPage(<ValueSetPage name="nope" />);
    expect((await screen.findByTestId('value-set-not-found')).textContent).toBe('There is no value set named nope.');
  });
});

describe('ValueSetsPage', () => {
  it('lists the value sets with their values and the fields using each', async () => {
    renderPage(<ValueSetsPage />);
    expect((await screen.findByTestId('value-set-row-regions')).textContent).toContain('2 active of 2');
    expect(screen.getByTestId('value-set-uses-regions').textContent).toBe('account.Sales regionlead.Regions');
    expect(screen.getByTestId('value-set-row-sizes').textContent).toContain('1 active of 2');
    expect(screen.getByTestId('value-set-uses-sizes').textContent).toBe('not used');
    expect(screen.getByTestId('value-sets-no-delete').textContent).toContain('cannot be deleted');
  });

  it('creates a value set in the draft and opens it; refuses a bad or taken name', async () => {
    const { draft } = renderPage(<ValueSetsPage />);
    await screen.findByTestId('value-set-new-name');
    type('value-set-new-name', 'Bad-Name');
    expect(screen.getByTestId('value-set-new-problem').textContent).toContain('Lower-case letters');
    expect((screen.getByTestId('value-set-create') as HTMLButtonElement).disabled).toBe(true);
    type('value-set-new-name', 'sizes');
    expect(screen.getByTestId('value-set-new-problem').textContent).toBe('A value set with this name exists');
    type('value-set-new-name', 'industries');
    type('value-set-new-label-en', 'Industries');
    type('value-set-new-label-zh', '行业');
    fireEvent.click(screen.getByTestId('value-set-create'));
    expect(draft().valueSets).toEqual({ industries: { name: 'industries', label: { en: 'Industries', 'zh-CN': '行业' }, values: [] } });
    expect(window.location.pathname).toBe('/designer/value-sets/industries');
  });
});
