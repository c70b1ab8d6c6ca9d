import type { RegistryWidgetsType } from '@rjsf/utils';
import type { FieldDef } from '../api/describe';
import type { CoreFieldType } from '../../../engine/shared/metadata-types';
import { BooleanWidget } from './boolean-widget';
import { DateWidget } from './date-widget';
import { FormulaWidget } from './formula-widget';
import { LookupWidget } from './lookup-widget';
import { MultiPicklistWidget } from './multi-picklist-widget';
import { NumberWidget } from './number-widget';
import { PicklistWidget } from './picklist-widget';
import { ReadOnlyWidget } from './read-only-widget';
import { TextWidget } from './text-widget';

/** The form's widgets by the name a uiSchema gives them. */
export const widgets = {
  'tf-text': TextWidget,
  'tf-number': NumberWidget,
  'tf-boolean': BooleanWidget,
  'tf-date': DateWidget,
  'tf-picklist': PicklistWidget,
  'tf-multipicklist': MultiPicklistWidget,
  'tf-lookup': LookupWidget,
  'tf-formula': FormulaWidget,
  'tf-readonly': ReadOnlyWidget,
} satisfies RegistryWidgetsType;

export type WidgetName = keyof typeof widgets;

/** The widget of each core field type: a type missing here is a compile error. */
export const WIDGET_FOR_TYPE: Record<CoreFieldType, WidgetName> = {
  text: 'tf-text',
  textarea: 'tf-text',
  email: 'tf-text',
  phone: 'tf-text',
  url: 'tf-text',
  integer: 'tf-number',
  number: 'tf-number',
  currency: 'tf-number',
  percent: 'tf-number',
  boolean: 'tf-boolean',
  date: 'tf-date',
  datetime: 'tf-date',
  picklist: 'tf-picklist',
  multipicklist: 'tf-multipicklist',
  lookup: 'tf-lookup',
  autonumber: 'tf-readonly',
  formula: 'tf-formula',
  rollup: 'tf-readonly',
};

/** The widget for a field: its type's, a read-only display when the payload cannot carry it (plugin types fall back to text). */
export function widgetNameFor(f: FieldDef, writable: boolean): WidgetName {
  if (f.type === 'formula') return 'tf-formula';
  if (!writable) return 'tf-readonly';
  return (WIDGET_FOR_TYPE as Record<string, WidgetName | undefined>)[f.type] ?? 'tf-text';
}
