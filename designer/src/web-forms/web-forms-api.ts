import type { WebForm as WebFormAnswer, WebFormHtml, WebFormInput, WebFormWithKey } from '../../../engine/shared/api/web-forms';
import type { Locale, RawObjectDef } from '../../../engine/shared/metadata-types';
import { del, get, patch, post } from '../../../runtime-ui/src/api/client';

export type { WebFormField as FormField } from '../../../engine/shared/api/web-forms';

/** A web form as /admin/web-forms answers it; the designer never reads `createdBy`. */
export type WebForm = Omit<WebFormAnswer, 'createdBy'>;

/** What the editor writes (PATCH may also send `active`). */
export type WebFormSettings = Omit<WebFormInput, 'active'>;

/** A user who may own submissions. */
export interface UserChoice {
  id: string;
  email: string;
  displayName: string;
  active: boolean;
}

export const listWebForms = () => get<{ webForms: WebForm[] }>('/admin/web-forms').then((r) => r.webForms);
export const loadWebForm = (id: string) => get<WebForm>(`/admin/web-forms/${encodeURIComponent(id)}`);
export const createWebForm = (s: WebFormSettings) => post<WebFormWithKey>('/admin/web-forms', s);
export const changeWebForm = (id: string, change: Partial<WebFormSettings> & { active?: boolean }) => patch<WebForm>(`/admin/web-forms/${encodeURIComponent(id)}`, change);
export const deleteWebForm = (id: string) => del(`/admin/web-forms/${encodeURIComponent(id)}`);
export const rotateKey = (id: string) => post<WebFormWithKey>(`/admin/web-forms/${encodeURIComponent(id)}/rotate-key`);
export const loadUsers = () => get<{ users: UserChoice[] }>('/admin/users').then((r) => r.users);

/** The embeddable HTML in a locale, with the key written in when the admin has it. */
export function loadFormHtml(id: string, locale: Locale, key?: string) {
  const q = new URLSearchParams({ locale, ...(key ? { key } : {}) });
  return get<WebFormHtml>(`/admin/web-forms/${encodeURIComponent(id)}/html?${q}`);
}

/**
 * Keys just answered by create or rotate-key, by form id, for this page view
 * only: the server keeps only a hash, so the admin sees a key once (the form
 * page picks up the key the list page received at create).
 */
export const freshKeys = new Map<string, string>();

/** Field types a stranger cannot fill in (the server refuses them too). */
const NOT_ON_FORMS = new Set(['formula', 'rollup', 'autonumber', 'lookup']);

/** A field the form may offer, with whether the object requires it (then the form must too). */
export interface FormableField {
  name: string;
  label: RawObjectDef['label'];
  type: string;
  mustRequire: boolean;
}

/** The object's fields a web form may offer: the record name (unless numbered) and every writable, non-lookup field. */
export function formableFields(def: RawObjectDef | undefined): FormableField[] {
  if (!def) return [];
  const name: FormableField[] = def.nameField?.type === 'autonumber' ? [] : [{ name: 'name', label: def.nameField?.label ?? { en: 'Name', 'zh-CN': '名称' }, type: 'text', mustRequire: true }];
  return name.concat(def.fields.filter((f) => !NOT_ON_FORMS.has(f.type)).map((f) => ({ name: f.name, label: f.label, type: f.type, mustRequire: !!f.required && f.defaultValue === undefined })));
}
