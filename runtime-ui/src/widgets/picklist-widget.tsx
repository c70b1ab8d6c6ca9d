import type { WidgetProps } from '@rjsf/utils';
import { useI18n } from '../i18n/i18n';
import { controllingFieldOf, picklistChoices } from './picklist-options';
import { useWidget } from './widget-base';

/**
 * A picklist: the active values in the chosen locale; a dependent picklist
 * offers only what its controlling value allows (and asks for the controller
 * first); a deactivated value the record holds stays shown, marked.
 */
export function PicklistWidget(props: WidgetProps) {
  const { f, rt, locked, aria } = useWidget(props);
  const { t, label } = useI18n();
  const choices = picklistChoices(f, rt.values, props.value);
  const controller = controllingFieldOf(f);
  const controllerValue = controller ? rt.values[controller] : undefined;
  const waiting = controller !== undefined && (controllerValue === undefined || controllerValue === null || controllerValue === '');
  const controllerLabel = controller ? label(rt.defs.get(controller)?.label, controller) : '';
  return (
    <select
      className="tf-input tf-select"
      id={props.id}
      name={f.name}
      value={typeof props.value === 'string' ? props.value : ''}
      disabled={locked || waiting}
      {...aria}
      onChange={(e) => props.onChange(e.target.value === '' ? undefined : e.target.value)}
      onBlur={() => props.onBlur(props.id, props.value)}
      onFocus={() => props.onFocus(props.id, props.value)}
    >
      <option value="">{waiting ? t('form.chooseFirst', { field: controllerLabel }) : t('common.none')}</option>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.inactive ? t('form.inactiveValue', { label: label(c.label, c.value) }) : label(c.label, c.value)}
        </option>
      ))}
    </select>
  );
}
