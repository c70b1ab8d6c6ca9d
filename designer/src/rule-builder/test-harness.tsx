/**
 * Renders the rule editor for component tests (never imported by the app):
 * the designer's providers (over a metadata API stubbed by the test), and a
 * parent that keeps the rule and records every onChange.
 */
import { render, screen } from '@testing-library/react';
import { useState } from 'react';
import type { Locale } from '../../../runtime-ui/src/i18n/i18n';
import { DesignerProviders } from '../test-support/designer-providers';
import { RuleEditor, type RuleEditorProps } from './rule-editor';

function Harness(p: Omit<RuleEditorProps, 'value' | 'onChange'> & { initial?: unknown; changes: unknown[] }) {
  const { initial, changes, ...props } = p;
  const [value, setValue] = useState<unknown>(initial);
  return (
    <>
      <RuleEditor
        {...props}
        value={value}
        onChange={(r) => {
          changes.push(r);
          setValue(r);
        }}
      />
      <output data-testid="harness-value">{value === undefined ? '' : JSON.stringify(value)}</output>
    </>
  );
}

/** Renders a rule editor on the deal object; `changes` lists every rule it reported, `current()` the rule the parent holds. */
export async function renderEditor(p: Partial<Omit<RuleEditorProps, 'value' | 'onChange'>> & { initial?: unknown; locale?: Locale } = {}) {
  const changes: unknown[] = [];
  const { locale, ...rest } = p;
  render(
    <DesignerProviders {...(locale ? { locale } : {})}>
      <Harness object="deal" mode="condition" expect={['boolean']} allowContext {...rest} changes={changes} />
    </DesignerProviders>,
  );
  await screen.findByTestId(`${p.testId ?? 'rule'}-tab-visual`);
  const current = (): unknown => {
    const text = screen.getByTestId('harness-value').textContent ?? '';
    return text === '' ? undefined : JSON.parse(text);
  };
  return { changes, current };
}
