import type { WidgetProps } from '@rjsf/utils';
import { useI18n } from '../i18n/i18n';
import { isoToLocalInput, localInputToIso } from './datetime-input';
import { displayValue } from './display-value';
import { useWidget } from './widget-base';

/**
 * date: the browser's date picker, the model a YYYY-MM-DD string. datetime:
 * the picker in the browser's time zone, the model an ISO UTC instant.
 * Read-only values are shown formatted for the locale.
 */
export function DateWidget(props: WidgetProps) {
  const { f, locked, aria } = useWidget(props);
  const i18n = useI18n();
  const datetime = f.type === 'datetime';
  if (locked) {
    return (
      <input className="tf-input" type="text" id={props.id} name={f.name} readOnly value={displayValue(f, props.value, i18n)} {...aria} />
    );
  }
  return (
    <input
      className="tf-input"
      type={datetime ? 'datetime-local' : 'date'}
      id={props.id}
      name={f.name}
      value={datetime ? isoToLocalInput(props.value) : typeof props.value === 'string' ? props.value : ''}
      {...aria}
      onChange={(e) => props.onChange(datetime ? localInputToIso(e.target.value) : e.target.value || undefined)}
      onBlur={() => props.onBlur(props.id, props.value)}
      onFocus={() => props.onFocus(props.id, props.value)}
    />
  );
}
