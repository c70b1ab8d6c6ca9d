// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RawField, RawObjectDef, RawPicklistValue, RawValueSet } from '../../../engine/shared/metadata-types';
import { useDraft } from '../draft/draft-store';
import type { DraftIssue } from '../draft/draft-types';
import { DesignerProviders } from '../test-support/designer-providers';
import { stubMetadataApi } from '../test-support/metadata-api';
import { DependencyEditor, type DependencyOptions } from './dependency-editor';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const v = (value: string, en: string): RawPicklistValue => ({ value, label: { en } });
const pick = (name: string, en: string, options: Record<string, unknown>): RawField => ({ name, type: 'picklist', label: { en }, options });

const ADDRESS: RawObjectDef = {
  name: 'address',
  label: { en: 'Address' },
  fields: [
    { name: 'street', type: 'text', label: { en: 'Street' } },
    pick('province', 'Province', { values: [v('gd', 'Guangdong'), v('zj', 'Zhejiang')] }),
    pick('city', 'City', { values: [v('gz', 'Guangzhou'), v('sz', 'Shenzhen'), v('hz', 'Hangzhou')], controllingField: 'province', dependencies: { gd: ['gz', 'sz'], zj: ['hz'] } }),
    pick('district', 'District', { values: [v('th', 'Tianhe'), v('xh', 'Xihu')], controllingField: 'city', dependencies: { gz: ['th'], hz: ['xh'] } }),
    { name: 'is_vip', type: 'boolean', label: { en: 'VIP' } },
    pick('region', 'Region', { valueSet: 'regions' }),
    { name: 'tags', type: 'multipicklist', label: { en: 'Tags' }, options: { values: [v('a', 'A')] } },
  ],
};
const REGIONS: RawValueSet = { name: 'regions', label: { en: 'Regions' }, values: [v('north', 'North'), v('south', 'South'), { value: 'east', label: { en: 'East' }, active: false }] };

/**
 * The editor as the field editor uses it: the field read from the draft
 * snapshot, each change spread into its options; `last()` is what it gave.
 */
function setup(field: string, issues?: DraftIssue[], object: RawObjectDef = ADDRESS) {
  const { changes } = stubMetadataApi({ objects: [object], valueSets: [REGIONS], issues });
  let last: DependencyOptions | undefined;
  function Harness() {
    const { snapshot, putObject } = useDraft();
    const [def, setDef] = useState(snapshot.objects.address!);
    const f = def.fields.find((x) => x.name === field)!;
    return (
      <>
        <DependencyEditor
          object="address"
          field={f}
          onChange={(next) => {
            last = next;
            setDef({ ...def, fields: def.fields.map((x) => (x === f ? { ...f, options: { ...f.options, ...next } } : x)) });
          }}
        />
        <pre data-testid="field-json">{JSON.stringify(f)}</pre>
        <button type="button" data-testid="delete-province" onClick={() => putObject({ ...def, fields: def.fields.filter((x) => x.name !== 'province') })}>
          delete province
        </button>
      </>
    );
  }
  render(
    <DesignerProviders probe>
      <Harness />
    </DesignerProviders>,
  );
  return { last: () => last, changes, fieldJson: () => JSON.parse(screen.getByTestId('field-json').textContent!) as RawField };
}

const cell = (key: string, value: string) => screen.getByTestId(`dependency-cell-${key}-${value}`) as HTMLInputElement;
const options = () => [...(screen.getByTestId('dependency-controller') as HTMLSelectElement).options].map((o) => o.value);

describe('DependencyEditor', () => {
  it('offers picklists and booleans of the object, not the field itself, not text or multi-select, not a field it controls (a cycle)', async () => {
    setup('city');
    await screen.findByTestId('dependency-editor');
    expect(options()).toEqual(['', 'province', 'is_vip', 'region']);
  });

  it('shows the cascade and the matrix as it is', async () => {
    setup('city');
    expect((await screen.findByTestId('dependency-chain')).textContent).toBe('Chain: Province → City → District');
    expect(cell('gd', 'gz').checked).toBe(true);
    expect(cell('gd', 'hz').checked).toBe(false);
    expect(cell('zj', 'hz').checked).toBe(true);
  });

  it('produces {controllingField, dependencies} exactly as the cells are ticked, in the values’ order', async () => {
    const { last } = setup('city');
    await screen.findByTestId('dependency-matrix');
    fireEvent.click(cell('zj', 'gz'));
    expect(last()).toEqual({ controllingField: 'province', dependencies: { gd: ['gz', 'sz'], zj: ['gz', 'hz'] } });
    fireEvent.click(cell('gd', 'gz'));
    fireEvent.click(cell('gd', 'sz'));
    expect(last()).toEqual({ controllingField: 'province', dependencies: { zj: ['gz', 'hz'] } });
  });

  it('has all/none helpers per row and per column', async () => {
    const { last } = setup('city');
    await screen.findByTestId('dependency-matrix');
    fireEvent.click(screen.getByTestId('dependency-row-all-zj'));
    expect(last()!.dependencies).toEqual({ gd: ['gz', 'sz'], zj: ['gz', 'sz', 'hz'] });
    fireEvent.click(screen.getByTestId('dependency-col-none-sz'));
    expect(last()!.dependencies).toEqual({ gd: ['gz'], zj: ['gz', 'hz'] });
    fireEvent.click(screen.getByTestId('dependency-row-none-gd'));
    expect(last()!.dependencies).toEqual({ zj: ['gz', 'hz'] });
    fireEvent.click(screen.getByTestId('dependency-col-all-hz'));
    expect(last()!.dependencies).toEqual({ gd: ['hz'], zj: ['gz', 'hz'] });
  });

  it('takes a boolean controller: rows "true" and "false"', async () => {
    const { last } = setup('region');
    await screen.findByTestId('dependency-editor');
    fireEvent.change(screen.getByTestId('dependency-controller'), { target: { value: 'is_vip' } });
    expect(last()).toEqual({ controllingField: 'is_vip', dependencies: {} });
    fireEvent.click(cell('true', 'north'));
    fireEvent.click(cell('false', 'south'));
    fireEvent.click(cell('true', 'south'));
    expect(last()).toEqual({ controllingField: 'is_vip', dependencies: { true: ['north', 'south'], false: ['south'] } });
  });

  it('takes a controller that uses a value set: its rows are the set’s values (inactive ones marked)', async () => {
    const { last } = setup('tags');
    await screen.findByTestId('dependency-editor');
    fireEvent.change(screen.getByTestId('dependency-controller'), { target: { value: 'region' } });
    expect(screen.getByTestId('dependency-matrix').querySelectorAll('tbody tr')).toHaveLength(3);
    expect(screen.getByTestId('dependency-matrix').textContent).toContain('East (inactive)');
    fireEvent.click(cell('south', 'a'));
    expect(last()).toEqual({ controllingField: 'region', dependencies: { south: ['a'] } });
  });

  it('clearing the controlling field removes both options from the JSON', async () => {
    const { last, fieldJson } = setup('city');
    fireEvent.click(await screen.findByTestId('dependency-clear'));
    expect(last()).toEqual({ controllingField: undefined, dependencies: undefined });
    expect(fieldJson().options).toEqual({ values: [v('gz', 'Guangzhou'), v('sz', 'Shenzhen'), v('hz', 'Hangzhou')] });
    expect(screen.queryByTestId('dependency-matrix')).toBeNull();
  });

  it('choosing another controller starts an empty matrix', async () => {
    const { last } = setup('city');
    await screen.findByTestId('dependency-matrix');
    fireEvent.change(screen.getByTestId('dependency-controller'), { target: { value: 'region' } });
    expect(last()).toEqual({ controllingField: 'region', dependencies: {} });
    expect(cell('north', 'gz').checked).toBe(false);
  });

  it("warns when the controlling field is deleted in the draft, and shows the server's refusal with its code", async () => {
    const issue = { path: '/objects/address/fields/1/options/controllingField', code: 'INVALID_DEPENDENCY', message: 'controlling field "province" must be another picklist or boolean field of this object' };
    const { changes } = setup('city', [issue]);
    fireEvent.click(await screen.findByTestId('delete-province'));
    expect(screen.getByTestId('dependency-missing').textContent).toContain('"province" no longer exists');
    expect(options()).toContain('province');
    await waitFor(() => expect(screen.getByTestId('dependency-controller-issues').textContent).toBe(`INVALID_DEPENDENCY${issue.message}`), { timeout: 3000 });
    expect(changes).toHaveLength(1);
  });

  it('points out controlling values that no longer exist and drops them on request', async () => {
    const stale = { ...ADDRESS, fields: ADDRESS.fields.map((f) => (f.name === 'district' ? { ...f, options: { ...f.options, dependencies: { gz: ['th'], old: ['th'], hz: ['xh'] } } } : f)) };
    const { last } = setup('district', undefined, stale);
    expect((await screen.findByTestId('dependency-stale')).textContent).toContain('Controlling values that no longer exist: old');
    fireEvent.click(cell('gz', 'xh'));
    expect(last()!.dependencies).toEqual({ gz: ['th', 'xh'], hz: ['xh'], old: ['th'] });
    fireEvent.click(screen.getByTestId('dependency-prune'));
    expect(last()).toEqual({ controllingField: 'city', dependencies: { gz: ['th', 'xh'], hz: ['xh'] } });
    expect(screen.queryByTestId('dependency-stale')).toBeNull();
  });
});
