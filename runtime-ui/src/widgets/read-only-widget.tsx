import type { WidgetProps } from '@rjsf/utils';
import { useI18n } from '../i18n/i18n';
import { displayValue } from './display-value';
import { useWidget } from './widget-base';

/** Values the server keeps (autonumber, roll-up, system fields): shown, never edited. */
export function ReadOnlyWidget(props: WidgetProps) {
  const { f, rt } = useWidget(props);
  const i18n = useI18n();
  const text = displayValue(f, rt.values[f.name], i18n);
  const pending = rt.mode === 'create' && (f.type === 'autonumber' || f.type === 'rollup' || f.system);
  return (
    <output className="tf-readonly" id={props.id} data-testid={`value-${f.name}`}>
      {text || (pending ? i18n.t('form.assignedOnSave') : i18n.t('common.none'))}
    </output>
  );
}
