import type { WidgetProps } from '@rjsf/utils';
import type { FieldDef } from '../api/describe';
import { useFormRuntime, type FormRuntime } from '../form/form-runtime';

/** The field definition the form put in the widget's ui:options (a bare text field when absent). */
export function fieldOf(props: WidgetProps): FieldDef {
  const f = props.options.field as FieldDef | undefined;
  return f ?? { name: props.name, type: 'text', label: props.label, required: false, system: false, options: {} };
}

/** The id of a field's error text, for aria-describedby. */
export const errorIdOf = (widgetId: string) => `${widgetId}__error`;

/** What every widget needs: its field, whether it may be changed now, and its accessibility state. */
export function useWidget(props: WidgetProps): { f: FieldDef; rt: FormRuntime; locked: boolean; aria: Record<string, string | boolean | undefined> } {
  const rt = useFormRuntime();
  const f = fieldOf(props);
  const locked = Boolean(props.readonly || props.disabled || rt.live.readOnly.has(f.name));
  const invalid = Boolean(rt.errors[f.name]?.length);
  return {
    f,
    rt,
    locked,
    aria: { 'aria-invalid': invalid || undefined, 'aria-describedby': invalid ? errorIdOf(props.id) : undefined, 'aria-required': rt.required.has(f.name) || undefined },
  };
}
