import type { WidgetProps } from '@rjsf/utils';
import { useI18n } from '../i18n/i18n';
import { displayValue } from './display-value';
import { useWidget } from './widget-base';

/**
 * A formula's value, previewed with the shared interpreter as the record is
 * typed (the form evaluates it on every change); one the browser cannot
 * compute (it reads through a lookup) shows the stored value.
 */
export function FormulaWidget(props: WidgetProps) {
  const { f, rt } = useWidget(props);
  const i18n = useI18n();
  const previewed = f.name in rt.live.formulas;
  const value = previewed ? rt.live.formulas[f.name] : rt.values[f.name];
  const text = displayValue(f, value, i18n);
  return (
    <output className="tf-readonly tf-formula" id={props.id} aria-live="polite" data-testid={`formula-${f.name}`}>
      {text || (previewed || rt.mode === 'update' ? i18n.t('common.none') : i18n.t('form.computedOnSave'))}
    </output>
  );
}
