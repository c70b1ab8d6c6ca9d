// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RawPicklistValue } from '../../../engine/shared/metadata-types';
import { I18nProvider, type Locale } from '../../../runtime-ui/src/i18n/i18n';
import type { DraftIssue } from '../draft/draft-types';
import { PicklistValuesEditor } from './picklist-values-editor';

afterEach(cleanup);

const STAGES: RawPicklistValue[] = [
  { value: 'new', label: { en: 'New', 'zh-CN': '新建' } },
  { value: 'won', label: 'Won', probability: 100, color: '#00aa00' },
  { value: 'lost', label: { en: 'Lost' } },
];

/** Renders the editor over its own state; `json()` is what it last produced. */
function setup(opts: { values?: RawPicklistValue[]; publishedValues?: string[]; issues?: DraftIssue[]; locale?: Locale } = {}) {
  let last: RawPicklistValue[] = opts.values ?? STAGES;
  function Harness() {
    const [values, setValues] = useState(last);
    return (
      <PicklistValuesEditor
        values={values}
        onChange={(v) => {
          last = v;
          setValues(v);
        }}
        issues={opts.issues}
        issuePrefix="/objects/deal/fields/1/options/values"
        publishedValues={opts.publishedValues}
      />
    );
  }
  render(
    <I18nProvider initial={opts.locale ?? 'en'}>
      <Harness />
    </I18nProvider>,
  );
  return { json: () => last };
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('PicklistValuesEditor', () => {
  it('adds a value, names it and labels it in both locales', () => {
    const { json } = setup();
    fireEvent.click(screen.getByTestId('picklist-add'));
    expect(json()[3]).toEqual({ value: 'value_4', label: {} });
    expect(screen.getByTestId('picklist-problem-3-labelNeeded').textContent).toBe('Give a label in at least one language');
    type('picklist-value-3', 'negotiation');
    type('picklist-label-en-3', 'Negotiation');
    type('picklist-label-zh-3', '谈判');
    expect(json()).toEqual([...STAGES, { value: 'negotiation', label: { en: 'Negotiation', 'zh-CN': '谈判' } }]);
    expect(screen.queryByTestId('picklist-problem-3-labelNeeded')).toBeNull();
  });

  it('edits labels: a plain string label becomes an {en, zh-CN} object; an emptied locale is dropped', () => {
    const { json } = setup();
    type('picklist-label-zh-1', '赢单');
    expect(json()[1]).toEqual({ value: 'won', label: { en: 'Won', 'zh-CN': '赢单' }, probability: 100, color: '#00aa00' });
    type('picklist-label-zh-0', '');
    expect(json()[0]!.label).toEqual({ en: 'New' });
  });

  it('reorders with the up and down buttons (the first cannot go up, the last cannot go down)', () => {
    const { json } = setup();
    expect((screen.getByTestId('picklist-up-0') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('picklist-down-2') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('picklist-up-2'));
    expect(json().map((v) => v.value)).toEqual(['new', 'lost', 'won']);
    fireEvent.click(screen.getByTestId('picklist-down-0'));
    expect(json().map((v) => v.value)).toEqual(['lost', 'new', 'won']);
    expect((screen.getByTestId('picklist-value-0') as HTMLInputElement).value).toBe('lost');
  });

  it('deactivates a published value (active: false) instead of removing it, and reactivates it', () => {
    const { json } = setup({ publishedValues: ['new', 'won', 'lost'] });
    expect((screen.getByTestId('picklist-remove-2') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('picklist-value-2') as HTMLInputElement).readOnly).toBe(true);
    fireEvent.click(screen.getByTestId('picklist-active-2'));
    expect(json()[2]).toEqual({ value: 'lost', label: { en: 'Lost' }, active: false });
    fireEvent.click(screen.getByTestId('picklist-active-2'));
    expect(json()[2]).toEqual({ value: 'lost', label: { en: 'Lost' } });
  });

  it('removes a value that exists only in the draft', () => {
    const { json } = setup({ publishedValues: ['new', 'won'] });
    expect((screen.getByTestId('picklist-remove-0') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('picklist-remove-2'));
    expect(json().map((v) => v.value)).toEqual(['new', 'won']);
  });

  it('without publishedValues, the values present when it opened are kept; values added since can be removed', () => {
    const { json } = setup();
    expect((screen.getByTestId('picklist-remove-0') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('picklist-add'));
    fireEvent.click(screen.getByTestId('picklist-remove-3'));
    expect(json()).toEqual(STAGES);
  });

  it('sets and clears colour and probability', () => {
    const { json } = setup();
    type('picklist-color-0', '#123abc');
    type('picklist-probability-0', '10');
    expect(json()[0]).toEqual({ value: 'new', label: { en: 'New', 'zh-CN': '新建' }, color: '#123abc', probability: 10 });
    type('picklist-color-1', '');
    type('picklist-probability-1', '');
    expect(json()[1]).toEqual({ value: 'won', label: 'Won' });
  });

  it('says at once when a value breaks the pattern or is used twice', () => {
    setup();
    type('picklist-value-2', 'has space');
    expect(screen.getByTestId('picklist-problem-2-valueBad').textContent).toContain('Letters, digits');
    fireEvent.click(screen.getByTestId('picklist-add'));
    type('picklist-value-3', 'won');
    expect(screen.getByTestId('picklist-problem-3-valueDuplicate').textContent).toBe('This value is used twice');
    expect(screen.getByTestId('picklist-problem-1-valueDuplicate')).toBeTruthy();
  });

  it("shows the server's issues on the row they name, with their code", () => {
    setup({
      issues: [
        { path: '/objects/deal/fields/1/options/values/1/color', code: 'METADATA_INVALID', message: 'must match pattern' },
        { path: '/objects/deal/fields/1/options/values', code: 'DUPLICATE_VALUE', message: 'values repeat' },
        { path: '/objects/deal/fields/2/options/values/1', code: 'OTHER', message: 'not mine' },
      ],
    });
    expect(screen.getByTestId('picklist-issues-1').textContent).toBe('METADATA_INVALIDmust match pattern');
    expect(screen.getByTestId('picklist-issues').textContent).toBe('DUPLICATE_VALUEvalues repeat');
    expect(screen.queryByText('not mine')).toBeNull();
  });

  it('pastes many values, one per line, skipping invalid and existing ones', () => {
    const { json } = setup({ values: [{ value: 'gd', label: { en: 'Guangdong' } }] });
    fireEvent.click(screen.getByTestId('picklist-paste-open'));
    type('picklist-paste-text', 'gd,Guangdong,广东\nzj,Zhejiang,浙江\n\nbad value,Bad\nsh\tShanghai\t上海\nbj');
    fireEvent.click(screen.getByTestId('picklist-paste-apply'));
    expect(json()).toEqual([
      { value: 'gd', label: { en: 'Guangdong' } },
      { value: 'zj', label: { en: 'Zhejiang', 'zh-CN': '浙江' } },
      { value: 'sh', label: { en: 'Shanghai', 'zh-CN': '上海' } },
      { value: 'bj', label: { en: 'bj' } },
    ]);
    expect(screen.getByTestId('picklist-paste-result').textContent).toBe('3 added, 2 skipped (already present or not a valid value)');
  });

  it('speaks Chinese', () => {
    setup({ locale: 'zh-CN' });
    expect(screen.getByTestId('picklist-add').textContent).toBe('添加值');
    expect(screen.getByText('标签（中文）')).toBeTruthy();
  });
});
