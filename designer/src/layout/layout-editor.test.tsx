// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RawObjectDef, RawPageLayout, RawSnapshot } from '../../../engine/shared/metadata-types';
import { I18nProvider } from '../../../runtime-ui/src/i18n/i18n';
import type { DraftIssue } from '../draft/draft-types';
import { applyDrop } from './layout-dnd';
import { LayoutEditor } from './layout-editor';

afterEach(cleanup);

const DEAL: RawObjectDef = {
  name: 'deal',
  label: { en: 'Deal', 'zh-CN': '商机' },
  fields: [
    { name: 'amount', type: 'currency', label: { en: 'Amount', 'zh-CN': '金额' } },
    { name: 'stage', type: 'picklist', label: 'Stage', options: { values: [{ value: 'new', label: 'New' }] } },
    { name: 'notes', type: 'textarea', label: 'Notes' },
    { name: 'account', type: 'lookup', label: 'Account', options: { target: 'account' } },
  ],
};
const ACCOUNT: RawObjectDef = { name: 'account', label: 'Account', fields: [{ name: 'city', type: 'text', label: 'City' }] };
const CONTACT: RawObjectDef = { name: 'contact', label: 'Contact', pluralLabel: 'Contacts', fields: [{ name: 'deal', type: 'lookup', label: 'Deal', options: { target: 'deal' } }, { name: 'email', type: 'email', label: 'Email' }] };
const SNAPSHOT: RawSnapshot = { objects: { deal: DEAL, account: ACCOUNT, contact: CONTACT }, valueSets: {} };

/** The editor over a def kept in state, as the draft store keeps it; `seen` collects every layout written. */
function renderEditor(def: RawObjectDef, issues: DraftIssue[] = []) {
  const seen: (RawPageLayout | undefined)[] = [];
  function Harness() {
    const [current, setCurrent] = useState(def);
    return (
      <LayoutEditor
        def={current}
        snapshot={{ ...SNAPSHOT, objects: { ...SNAPSHOT.objects, [def.name]: current } }}
        issues={issues}
        onChange={(layout) => {
          seen.push(layout);
          const { layout: _, ...rest } = current;
          setCurrent(layout ? { ...rest, layout } : rest);
        }}
      />
    );
  }
  render(
    <I18nProvider initial="en">
      <Harness />
    </I18nProvider>,
  );
  return { last: () => seen[seen.length - 1], seen };
}

const select = (testid: string, value: string) => fireEvent.change(screen.getByTestId(testid), { target: { value } });
const click = (testid: string) => fireEvent.click(screen.getByTestId(testid));
const namesIn = (i: number) => within(screen.getByTestId(`layout-section-${i}`)).queryAllByTestId(/^layout-field-/).map((el) => el.getAttribute('data-testid')!.slice('layout-field-'.length));

describe('layout editor', () => {
  it('starts an object without a layout from the generated one: name and the admin fields, then who owns and changed the record', () => {
    renderEditor(DEAL);
    expect(screen.getByTestId('layout-generated')).toBeTruthy();
    expect(namesIn(0)).toEqual(['name', 'amount', 'stage', 'notes', 'account']);
    expect(namesIn(1)).toEqual(['owner_id', 'created_by', 'created_at', 'updated_by', 'updated_at']);
    expect((screen.getByTestId('layout-section-label-en-1') as HTMLInputElement).value).toBe('System information');
    expect((screen.getByTestId('layout-section-label-zh-1') as HTMLInputElement).value).toBe('系统信息');
    expect(screen.queryAllByTestId(/^layout-palette-/).filter((el) => el.getAttribute('data-testid') !== 'layout-palette')).toEqual([]);
  });

  it('moves fields with the keyboard controls and writes sections, fields and columns', () => {
    const { last } = renderEditor({ ...DEAL, layout: { sections: [{ label: { en: 'Main', 'zh-CN': '主要' }, columns: 2, fields: ['name', 'amount'] }] } });
    // From the palette into the section, then a new one-column section.
    expect(screen.getByTestId('layout-palette-stage')).toBeTruthy();
    select('layout-move-stage', '0');
    click('layout-add-section');
    select('layout-section-columns-1', '1');
    fireEvent.change(screen.getByTestId('layout-section-label-en-1'), { target: { value: 'More' } });
    fireEvent.change(screen.getByTestId('layout-section-label-zh-1'), { target: { value: '更多' } });
    select('layout-move-notes', '1');
    select('layout-move-account', '1');
    // Reorder: account before notes; amount down past stage; stage up to the top and name back to the palette.
    click('layout-up-account');
    click('layout-down-amount');
    click('layout-up-stage');
    click('layout-up-stage');
    select('layout-move-name', 'palette');
    expect(last()).toEqual({
      sections: [
        { label: { en: 'Main', 'zh-CN': '主要' }, columns: 2, fields: ['stage', 'amount'] },
        { label: { en: 'More', 'zh-CN': '更多' }, columns: 1, fields: ['account', 'notes'] },
      ],
    });
    expect(screen.getByTestId('layout-palette-name')).toBeTruthy();
    // Down past the end of a section goes to the start of the next; a whole section moves up.
    click('layout-down-amount');
    click('layout-section-up-1');
    expect(last()!.sections.map((s) => s.fields)).toEqual([['amount', 'account', 'notes'], ['stage']]);
    expect((screen.getByTestId('layout-up-amount') as HTMLButtonElement).disabled).toBe(true);
  });

  it('removing a section sends its fields back to the palette', () => {
    const { last } = renderEditor({ ...DEAL, layout: { sections: [{ label: 'A', fields: ['name'] }, { label: 'B', fields: ['amount', 'stage'] }] } });
    click('layout-section-remove-1');
    expect(last()!.sections).toEqual([{ label: 'A', fields: ['name'] }]);
    expect(screen.getByTestId('layout-palette-amount')).toBeTruthy();
    expect((screen.getByTestId('layout-section-remove-0') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a field the draft removed as an error on its chip, with the server issue and a one-click remove', () => {
    const issues: DraftIssue[] = [{ path: '/objects/deal/layout/sections/0/fields/1', code: 'UNKNOWN_FIELD', message: 'field "ghost" does not exist' }];
    const { last } = renderEditor({ ...DEAL, layout: { sections: [{ label: 'Main', fields: ['name', 'ghost', 'amount'] }], headerFields: ['ghost', 'amount'] } }, issues);
    const chip = screen.getByTestId('layout-field-ghost');
    expect(chip.getAttribute('data-missing')).toBe('true');
    expect(chip.textContent).toContain('This field no longer exists');
    expect(chip.textContent).toContain('UNKNOWN_FIELD');
    expect(chip.textContent).toContain('field "ghost" does not exist');
    expect(within(screen.getByTestId('layout-field-amount')).queryByText(/UNKNOWN_FIELD/)).toBeNull();
    click('layout-remove-ghost');
    expect(last()).toEqual({ sections: [{ label: 'Main', fields: ['name', 'amount'] }], headerFields: ['amount'] });
    expect(screen.queryByTestId('layout-field-ghost')).toBeNull();
  });

  it('edits header fields and related lists', () => {
    const { last } = renderEditor({ ...DEAL, layout: { sections: [{ label: 'Main', fields: ['name', 'amount'] }], headerFields: ['amount'] } });
    select('layout-header-add', 'stage');
    click('layout-header-up-stage');
    expect(last()!.headerFields).toEqual(['stage', 'amount']);
    expect(screen.getByTestId('layout-related').textContent).toContain('Every related list is shown (1)');
    click('layout-related-customize');
    expect(last()!.relatedLists).toEqual([{ object: 'contact', field: 'deal' }]);
    fireEvent.change(screen.getByTestId('layout-related-label-en-0'), { target: { value: 'People' } });
    fireEvent.change(screen.getByTestId('layout-related-label-zh-0'), { target: { value: '联系人' } });
    fireEvent.click(screen.getByTestId('layout-related-column-0-email'));
    fireEvent.click(screen.getByTestId('layout-related-column-0-name'));
    expect(last()!.relatedLists).toEqual([{ object: 'contact', field: 'deal', label: { en: 'People', 'zh-CN': '联系人' }, columns: ['email', 'name'] }]);
    click('layout-related-remove-0');
    expect(last()!.relatedLists).toEqual([]);
    click('layout-related-default');
    expect(last()).not.toHaveProperty('relatedLists');
  });

  it('shows the server issues of a section and the layout as a whole, with their codes', () => {
    const issues: DraftIssue[] = [
      { path: '/objects/deal/layout/sections/0/fields/0', code: 'DUPLICATE_FIELD', message: 'field "amount" is placed twice' },
      { path: '/objects/deal/layout/sections', code: 'METADATA_INVALID', message: 'must have at least 1 item' },
      { path: '/objects/account/layout/sections/0/fields/0', code: 'UNKNOWN_FIELD', message: 'not this object' },
    ];
    renderEditor({ ...DEAL, layout: { sections: [{ label: 'Main', fields: ['amount', 'amount'] }] } }, issues);
    expect(screen.getByTestId('layout-issues').textContent).toBe('METADATA_INVALIDmust have at least 1 item');
    expect(screen.getByTestId('layout-section-0').textContent).toContain('DUPLICATE_FIELD');
    expect(document.body.textContent).not.toContain('not this object');
  });
});

describe('drag and drop', () => {
  const layout: RawPageLayout = { sections: [{ label: 'A', fields: ['name', 'amount'] }, { label: 'B', fields: ['stage'] }] };
  it('drops a field at the end of a section, before another field, or back in the palette', () => {
    expect(applyDrop(layout, 'field:notes', 'section:1').sections.map((s) => s.fields)).toEqual([['name', 'amount'], ['stage', 'notes']]);
    expect(applyDrop(layout, 'field:stage', 'before:amount').sections.map((s) => s.fields)).toEqual([['name', 'stage', 'amount'], []]);
    expect(applyDrop(layout, 'field:amount', 'before:name').sections[0]!.fields).toEqual(['amount', 'name']);
    expect(applyDrop(layout, 'field:name', 'palette').sections[0]!.fields).toEqual(['amount']);
    expect(applyDrop(layout, 'field:name', undefined)).toBe(layout);
  });
  it('drops a section on another to reorder', () => {
    expect(applyDrop(layout, 'drag-section:1', 'before:name').sections.map((s) => s.label)).toEqual(['B', 'A']);
    expect(applyDrop(layout, 'drag-section:0', 'section:1').sections.map((s) => s.label)).toEqual(['B', 'A']);
  });
});
