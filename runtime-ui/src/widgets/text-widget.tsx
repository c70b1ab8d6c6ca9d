import type { WidgetProps } from '@rjsf/utils';
import { useWidget } from './widget-base';

const INPUT_TYPE: Record<string, string> = { email: 'email', phone: 'tel', url: 'url' };

/** text, email, phone, url: one line; textarea: several. Empty text is no value. */
export function TextWidget(props: WidgetProps) {
  const { f, locked, aria } = useWidget(props);
  const value = typeof props.value === 'string' ? props.value : props.value == null ? '' : String(props.value);
  const maxLength = typeof f.options.maxLength === 'number' ? f.options.maxLength : undefined;
  const common = {
    id: props.id,
    name: f.name,
    value,
    readOnly: locked,
    autoFocus: props.autofocus,
    ...aria,
    onChange: (e: { target: { value: string } }) => props.onChange(e.target.value === '' ? undefined : e.target.value),
    onBlur: () => props.onBlur(props.id, props.value),
    onFocus: () => props.onFocus(props.id, props.value),
  };
  if (f.type === 'textarea') return <textarea className="tf-input tf-textarea" rows={4} {...common} {...(maxLength ? { maxLength } : {})} />;
  return <input className="tf-input" type={INPUT_TYPE[f.type] ?? 'text'} inputMode={f.type === 'phone' ? 'tel' : undefined} {...common} />;
}
