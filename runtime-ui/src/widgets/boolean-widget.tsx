import type { WidgetProps } from '@rjsf/utils';
import { useI18n } from '../i18n/i18n';
import { useWidget } from './widget-base';

/** A checkbox: checked is true, unchecked false. */
export function BooleanWidget(props: WidgetProps) {
  const { f, locked, aria } = useWidget(props);
  const { t } = useI18n();
  return (
    <label className="tf-check">
      <input
        type="checkbox"
        id={props.id}
        name={f.name}
        checked={props.value === true}
        disabled={locked}
        {...aria}
        onChange={(e) => props.onChange(e.target.checked)}
        onBlur={() => props.onBlur(props.id, props.value)}
        onFocus={() => props.onFocus(props.id, props.value)}
      />
      <span>{props.value === true ? t('form.yes') : t('form.no')}</span>
    </label>
  );
}
