import type { FormProps } from '@rjsf/core';
import type { FieldTemplateProps, ObjectFieldTemplateProps } from '@rjsf/utils';
import { Fragment } from 'react';
import type { FieldDef } from '../api/describe';
import { useI18n } from '../i18n/i18n';
import { errorIdOf } from '../widgets/widget-base';
import { useFormRuntime } from './form-runtime';

/** One field: its label in the locale (a * when required now), the widget, help text and errors. */
function FieldTemplate(props: FieldTemplateProps) {
  const rt = useFormRuntime();
  const { label } = useI18n();
  const options = (props.uiSchema?.['ui:options'] ?? {}) as { field?: FieldDef; wide?: boolean };
  const f = options.field;
  if (!f) return props.children;
  const errors = rt.errors[f.name];
  const classes = ['tf-field', options.wide ? 'tf-wide' : '', errors?.length ? 'tf-invalid' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} data-field={f.name}>
      <label className="tf-label" htmlFor={props.id}>
        {label(f.label, f.name)}
        {rt.required.has(f.name) && (
          <span className="tf-required" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {props.children}
      {f.helpText && <small className="tf-help">{label(f.helpText)}</small>}
      {errors?.length ? (
        <div className="tf-error" id={errorIdOf(props.id)}>
          {errors.map((m, i) => (
            <div key={i}>{m}</div>
          ))}
        </div>
      ) : null}
    </div>
  );
}

/** The record: the layout's sections as fieldsets of one or two columns; fields hidden by visibleWhen left out. */
function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const rt = useFormRuntime();
  const { label } = useI18n();
  const content = new Map(props.properties.map((p) => [p.name, p.content]));
  return (
    <>
      {rt.sections.map((s) => {
        const shown = s.fields.filter((n) => content.has(n) && !rt.live.hidden.has(n));
        if (!shown.length) return null;
        return (
          <fieldset key={s.key} className={`tf-section tf-cols-${s.columns}`}>
            <legend>{label(s.label)}</legend>
            <div className="tf-grid">
              {shown.map((n) => (
                <Fragment key={n}>{content.get(n)}</Fragment>
              ))}
            </div>
          </fieldset>
        );
      })}
    </>
  );
}

/** The form draws its own buttons and error summary. */
const Nothing = () => null;

export const templates: FormProps['templates'] = {
  FieldTemplate,
  ObjectFieldTemplate,
  ErrorListTemplate: Nothing,
  ButtonTemplates: { SubmitButton: Nothing },
};
