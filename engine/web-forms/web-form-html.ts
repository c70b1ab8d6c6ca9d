import type { CompiledObject } from '../metadata/compiled-object';
import type { FieldTypeRegistry } from '../field-types/registry';
import type { WebForm, WebFormField } from '../shared/api/web-forms';
import type { Field, Locale, PicklistValue } from '../shared/metadata-types';
import { escapeHtml as e } from './html-escape';
import { KEY_INPUT } from './web-form-key';
import { fillableOnForm } from './validate-web-form';
import { formLabel } from './web-form-types';

/** Written into the hidden key input when the admin did not hand the key back (it is stored only as a hash). */
export const KEY_PLACEHOLDER = 'PASTE-THE-FORM-KEY-HERE';

const TEXTS = {
  en: { submit: 'Submit', choose: '— Choose —', trap: 'Leave this field empty', yes: 'Yes' },
  'zh-CN': { submit: '提交', choose: '— 请选择 —', trap: '请勿填写此项', yes: '是' },
} as const;

/** The <input type> per field type; other types fall back on their value kind. */
const INPUT_TYPES: Record<string, string> = {
  text: 'text', email: 'email', phone: 'tel', url: 'url', integer: 'number', number: 'number', currency: 'number', percent: 'number', date: 'date', datetime: 'datetime-local',
};
const KIND_INPUT: Record<string, string> = { number: 'number', date: 'date', datetime: 'datetime-local', string: 'text' };

const attrs = (a: Record<string, string | number | boolean | undefined>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${e(String(v))}"`))
    .join('');

const activeValues = (field: Field) => ((field.options.values as PicklistValue[] | undefined) ?? []).filter((v) => v.active);

/** The control for one field: input, textarea, select or check boxes, with the HTML constraints the server also enforces. */
function control(field: Field, kind: string, id: string, required: boolean, locale: Locale): string {
  const t = TEXTS[locale];
  const base = { id, name: field.name, required };
  if (field.type === 'textarea') return `<textarea${attrs({ ...base, rows: 4, maxlength: field.options.maxLength as number | undefined })}></textarea>`;
  if (kind === 'boolean') return `<input${attrs({ type: 'checkbox', ...base, value: 'true' })}> <span>${e(t.yes)}</span>`;
  if (kind === 'array') {
    return activeValues(field)
      .map((v, i) => `<label><input${attrs({ type: 'checkbox', id: i ? undefined : id, name: field.name, value: v.value })}> ${e(v.label[locale])}</label>`)
      .join('<br>\n    ');
  }
  if (Array.isArray(field.options.values)) {
    const options = activeValues(field).map((v) => `<option value="${e(v.value)}">${e(v.label[locale])}</option>`);
    return `<select${attrs(base)}>\n      <option value="">${e(t.choose)}</option>\n      ${options.join('\n      ')}\n    </select>`;
  }
  const type = INPUT_TYPES[field.type] ?? KIND_INPUT[kind] ?? 'text';
  const step = type === 'number' ? (field.type === 'integer' ? 1 : 'any') : undefined;
  return `<input${attrs({ type, ...base, step, maxlength: type === 'text' || type === 'email' || type === 'url' || type === 'tel' ? (field.options.maxLength as number | undefined) : undefined })}>`;
}

function row(obj: CompiledObject, registry: FieldTypeRegistry, form: WebForm, f: WebFormField, locale: Locale): string {
  const field = obj.fields.get(f.field);
  if (!field || !fillableOnForm(obj, field)) return '';
  const id = `wf-${form.id.slice(0, 8)}-${field.name}`;
  const kind = registry.describe(field.type).kindOf?.(field) ?? registry.describe(field.type).kind;
  const label = `${e(formLabel(f, field.label, locale))}${f.required ? ' <span aria-hidden="true">*</span>' : ''}`;
  const head = kind === 'array' ? `<span>${label}</span>` : `<label for="${id}">${label}</label>`;
  return `  <p>\n    ${head}<br>\n    ${control(field, kind, id, f.required, locale)}\n  </p>\n`;
}

/**
 * The embeddable form: plain HTML (no scripts) posting UTF-8 form data to
 * the public endpoint, one labelled control per chosen field, the key in a
 * hidden input and a honeypot input people never see (moved off screen by
 * inline CSS) that bots fill in.
 */
export function webFormHtml(obj: CompiledObject, registry: FieldTypeRegistry, form: WebForm, opts: { action: string; key?: string; locale: Locale }): string {
  const t = TEXTS[opts.locale];
  const trapId = `wf-${form.id.slice(0, 8)}-${form.honeypot}`;
  return (
    `<form method="post" action="${e(opts.action)}" accept-charset="UTF-8" enctype="application/x-www-form-urlencoded" class="tessera-web-form">\n` +
    `  <input type="hidden" name="${KEY_INPUT}" value="${e(opts.key ?? KEY_PLACEHOLDER)}">\n` +
    form.fields.map((f) => row(obj, registry, form, f, opts.locale)).join('') +
    `  <div style="position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden" aria-hidden="true">\n` +
    `    <label for="${trapId}">${e(t.trap)}</label>\n` +
    `    <input type="text" id="${trapId}" name="${e(form.honeypot)}" value="" tabindex="-1" autocomplete="off">\n` +
    `  </div>\n` +
    `  <p><button type="submit">${e(t.submit)}</button></p>\n` +
    `</form>\n`
  );
}
