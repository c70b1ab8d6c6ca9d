// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider, type Locale } from '../../../runtime-ui/src/i18n/i18n';
import type { DraftIssue } from '../draft/draft-types';
import { FIELD_TYPES } from '../test-support/metadata-api';
import { settingsProblems, type JsonSchema } from './json-schema';
import { SettingsForm } from './settings-form';

afterEach(cleanup);

const schemaOf = (type: string): JsonSchema => FIELD_TYPES.find((t) => t.type === type)!.settingsSchema;

/** The form with its value kept in state; the JSON shown in a <pre> is what a field's options would be. */
function Harness({ schema, initial = {}, issues, locale = 'en' }: { schema: JsonSchema; initial?: Record<string, unknown>; issues?: DraftIssue[]; locale?: Locale }) {
  const [value, setValue] = useState(initial);
  return (
    <I18nProvider initial={locale}>
      <SettingsForm schema={schema} value={value} onChange={setValue} issues={issues} object="deal" field={{ name: 'f', type: 'x', label: 'F' }} />
      <pre data-testid="json">{JSON.stringify(value)}</pre>
    </I18nProvider>
  );
}
const json = () => JSON.parse(screen.getByTestId('json').textContent!) as unknown;
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('SettingsForm', () => {
  it('edits a text field’s maxLength, showing the default and dropping the setting when cleared', () => {
    render(<Harness schema={schemaOf('text')} />);
    expect(screen.getByText('Maximum length')).toBeTruthy();
    expect(screen.getByTestId('setting-maxLength').getAttribute('placeholder')).toBe('default: 255');
    type('setting-maxLength', '80');
    expect(json()).toEqual({ maxLength: 80 });
    type('setting-maxLength', '');
    expect(json()).toEqual({});
  });

  it('edits a number field’s precision and scale (integers), in Chinese too', () => {
    render(<Harness schema={schemaOf('number')} locale="zh-CN" />);
    expect(screen.getByText('精度（总位数）')).toBeTruthy();
    type('setting-precision', '12');
    type('setting-scale', '4');
    type('setting-min', '-1.5');
    expect(json()).toEqual({ precision: 12, scale: 4, min: -1.5 });
  });

  it('renders a lookup’s settings from the schema alone: target as text, onDelete as a select of its enum', () => {
    render(<Harness schema={schemaOf('lookup')} />);
    const select = screen.getByTestId('setting-onDelete') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['default: "restrict"', 'Restrict', 'Clear the link', 'Delete these records too']);
    type('setting-target', 'account');
    fireEvent.change(select, { target: { value: 'cascade' } });
    expect(json()).toEqual({ target: 'account', onDelete: 'cascade' });
    expect(screen.getByText('Target object').textContent).toBe('Target object *');
  });

  it('gives a plugin’s type a form for booleans, labelled choices, const, arrays, nested objects and raw JSON', () => {
    const plugin: JsonSchema = {
      type: 'object',
      required: ['mode'],
      properties: {
        masked: { type: 'boolean', title: 'Masked' },
        mode: { title: 'Mode', oneOf: [{ const: 'e164', title: 'International' }, { const: 'local', title: 'Local' }] },
        version: { const: 2 },
        countries: { type: 'array', items: { type: 'string' } },
        limits: { type: 'object', properties: { daily: { type: 'integer' } } },
        extra: { description: 'anything' },
      },
    };
    render(<Harness schema={plugin} />);
    expect(json()).toEqual({ version: 2 });
    fireEvent.click(screen.getByTestId('setting-masked'));
    const mode = screen.getByTestId('setting-mode') as HTMLSelectElement;
    expect([...mode.options].map((o) => o.textContent)).toEqual(['— not set —', 'International', 'Local']);
    fireEvent.change(mode, { target: { value: 'local' } });
    fireEvent.click(screen.getByTestId('setting-countries-add'));
    fireEvent.click(screen.getByTestId('setting-countries-add'));
    type('setting-countries-0', 'CN');
    type('setting-countries-1', 'US');
    fireEvent.click(screen.getByTestId('setting-countries-1-up'));
    type('setting-limits-daily', '50');
    type('setting-extra', '{"a": [1]}');
    expect(json()).toEqual({ version: 2, masked: true, mode: 'local', countries: ['US', 'CN'], limits: { daily: 50 }, extra: { a: [1] } });
    fireEvent.click(screen.getByTestId('setting-countries-0-remove'));
    expect((json() as { countries: string[] }).countries).toEqual(['CN']);
  });

  it('edits picklist values generically (labels as two locales) when no specialised widget is given', () => {
    render(<Harness schema={schemaOf('picklist')} />);
    fireEvent.click(screen.getByTestId('setting-values-add'));
    type('setting-values-0-value', 'hot');
    type('setting-values-0-label-en', 'Hot');
    type('setting-values-0-label-zh', '热');
    expect(json()).toEqual({ values: [{ value: 'hot', label: { en: 'Hot', 'zh-CN': '热' } }] });
  });

  it('shows the server’s issues next to the setting they name, with their code', () => {
    render(<Harness schema={schemaOf('number')} initial={{ precision: 3, scale: 5 }} issues={[{ path: '/scale', code: 'INVALID_SETTING', message: 'scale must not exceed precision' }]} />);
    const issues = screen.getByTestId('setting-scale-issues');
    expect(issues.textContent).toBe('INVALID_SETTINGscale must not exceed precision');
    expect(screen.queryByTestId('setting-precision-issues')).toBeNull();
  });
});

describe('settingsProblems', () => {
  it('finds missing required settings, ranges, patterns, exactly-one-of and dependent settings', () => {
    expect(settingsProblems(schemaOf('lookup'), {})).toEqual([{ path: '/target', code: 'SETTING_REQUIRED', vars: { name: 'target' } }]);
    expect(settingsProblems(schemaOf('lookup'), { target: 'Bad' }).map((p) => p.code)).toEqual(['SETTING_PATTERN']);
    expect(settingsProblems(schemaOf('number'), { precision: 50 }).map((p) => [p.path, p.code])).toEqual([['/precision', 'SETTING_RANGE']]);
    expect(settingsProblems(schemaOf('picklist'), {}).map((p) => p.code)).toEqual(['SETTING_ONE_OF']);
    expect(settingsProblems(schemaOf('picklist'), { valueSet: 'x', values: [{ value: 'a', label: 'A' }] }).map((p) => p.code)).toEqual(['SETTING_ONE_OF']);
    expect(settingsProblems(schemaOf('picklist'), { values: [] }).map((p) => p.code)).toEqual(['SETTING_LENGTH']);
    expect(settingsProblems(schemaOf('picklist'), { valueSet: 'x', controllingField: 'region' }).map((p) => [p.path, p.code])).toEqual([['/dependencies', 'SETTING_DEPENDENT']]);
    expect(settingsProblems(schemaOf('formula'), { returns: 'number' }).map((p) => p.path)).toEqual(['/expression']);
    expect(settingsProblems(schemaOf('text'), { maxLength: 10 })).toEqual([]);
  });
});
