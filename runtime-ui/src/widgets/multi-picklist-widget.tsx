import type { WidgetProps } from '@rjsf/utils';
import { useI18n } from '../i18n/i18n';
import { controllingFieldOf, picklistChoices } from './picklist-options';
import { useWidget } from './widget-base';

/** A multi-select as a row of checkable chips; the model is the list of chosen values (none → no value). */
export function MultiPicklistWidget(props: WidgetProps) {
  const { f, rt, locked, aria } = useWidget(props);
  const { t, label } = useI18n();
  const chosen: string[] = Array.isArray(props.value) ? (props.value as string[]) : [];
  const choices = picklistChoices(f, rt.values, chosen);
  const controller = controllingFieldOf(f);
  const toggle = (value: string, on: boolean) => {
    const next = on ? [...chosen, value] : chosen.filter((v) => v !== value);
    props.onChange(next.length ? next : undefined);
  };
  if (!choices.length) {
    const controllerLabel = controller ? label(rt.defs.get(controller)?.label, controller) : '';
    return (
      <div className="tf-chips tf-empty" id={props.id}>
        {controller ? t('form.chooseFirst', { field: controllerLabel }) : t('common.none')}
      </div>
    );
  }
  return (
    <div className="tf-chips" role="group" id={props.id} {...aria}>
      {choices.map((c) => {
        const on = chosen.includes(c.value);
        return (
          <label key={c.value} className={`tf-chip${on ? ' tf-chip-on' : ''}${c.inactive ? ' tf-chip-inactive' : ''}`}>
            <input
              type="checkbox"
              name={f.name}
              value={c.value}
              checked={on}
              disabled={locked || (c.inactive && !on)}
              onChange={(e) => toggle(c.value, e.target.checked)}
              onBlur={() => props.onBlur(props.id, props.value)}
              onFocus={() => props.onFocus(props.id, props.value)}
            />
            {c.inactive ? t('form.inactiveValue', { label: label(c.label, c.value) }) : label(c.label, c.value)}
          </label>
        );
      })}
    </div>
  );
}
