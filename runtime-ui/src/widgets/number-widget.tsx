import type { WidgetProps } from '@rjsf/utils';
import { useLayoutEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { displayValue } from './display-value';
import { editableNumber, parseNumberInput } from './number-input';
import { useWidget } from './widget-base';

/**
 * integer, number, currency, percent. While focused the input holds what the
 * person types (the model gets the parsed number on every keystroke, so
 * formulas preview at once); on blur it shows the value formatted for the
 * locale. The model always holds a plain number (percent in percent units).
 */
export function NumberWidget(props: WidgetProps) {
  const { f, locked, aria } = useWidget(props);
  const i18n = useI18n();
  const [draft, setDraft] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const selectAll = useRef(false);
  // Focusing swaps the formatted text for the plain number: select it, so typing replaces it (keyboard users, autofill).
  useLayoutEffect(() => {
    if (!selectAll.current) return;
    selectAll.current = false;
    input.current?.select();
  }, [draft]);
  const shown = draft ?? displayValue(f, props.value, i18n);
  return (
    <input
      ref={input}
      className="tf-input tf-number"
      type="text"
      inputMode={f.type === 'integer' ? 'numeric' : 'decimal'}
      id={props.id}
      name={f.name}
      value={shown}
      readOnly={locked}
      {...aria}
      onFocus={() => {
        if (!locked) {
          selectAll.current = true;
          setDraft(editableNumber(props.value));
        }
        props.onFocus(props.id, props.value);
      }}
      onChange={(e) => {
        setDraft(e.target.value);
        props.onChange(parseNumberInput(e.target.value));
      }}
      onBlur={() => {
        setDraft(null);
        props.onBlur(props.id, props.value);
      }}
    />
  );
}
