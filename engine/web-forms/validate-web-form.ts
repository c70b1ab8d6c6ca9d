import { AppError, issuesError, type Issue } from '../core/errors';
import { runSql, type Executor } from '../db/knex';
import { SYSTEM_SCHEMA } from '../db/system-migrations';
import type { CompiledObject } from '../metadata/compiled-object';
import type { TenantMetadata } from '../metadata/tenant-metadata';
import { isUuid } from '../records/record-id';
import type { SecurityModel } from '../security/model/security-model';
import type { WebFormField, WebFormInput } from '../shared/api/web-forms';
import { LOCALES, type Field } from '../shared/metadata-types';

/** What checking a form needs: the organisation's metadata and security model, and the database for the owner. */
export interface WebFormCheckContext {
  db: Executor;
  tenantId: string;
  meta: TenantMetadata;
  security: SecurityModel;
}

const KEYS = new Set(['name', 'object', 'fields', 'ownerId', 'successUrl', 'active']);
const FIELD_KEYS = new Set(['field', 'required', 'label']);
export const MAX_FORM_FIELDS = 100;
const MAX_URL = 2000;

const issue = (path: string, code: string, message: string): Issue => ({ path, code, message });

/**
 * Whether the public may fill a field in: writable and creatable (not a
 * formula, roll-up, autonumber or system field other than the name), and
 * not a lookup — a stranger cannot know record ids, and must not link a lead
 * to records of the organisation.
 */
export function fillableOnForm(obj: CompiledObject, f: Field): boolean {
  return obj.writable.has(f.name) && f.name !== 'owner_id' && f.type !== 'lookup';
}

/** Required on the object with nothing to fill it: a form without it could never be submitted. */
const mustBeOnForm = (f: Field) => f.required && f.defaultValue === undefined;

function parseLabel(raw: unknown, path: string, issues: Issue[]): WebFormField['label'] {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'string') return raw.trim() ? { en: raw.trim().slice(0, 200), 'zh-CN': raw.trim().slice(0, 200) } : undefined;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    issues.push(issue(path, 'FIELD_TYPE', 'is a text or one text per locale (en, zh-CN)'));
    return undefined;
  }
  const out: Partial<Record<(typeof LOCALES)[number], string>> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (!(LOCALES as readonly string[]).includes(k)) issues.push(issue(`${path}/${k}`, 'FIELD_UNKNOWN', 'is not a locale (en, zh-CN)'));
    else if (typeof v !== 'string' || v.length > 200) issues.push(issue(`${path}/${k}`, 'FIELD_TYPE', 'is a text of at most 200 characters'));
    else if (v.trim()) out[k as (typeof LOCALES)[number]] = v.trim();
  }
  return Object.keys(out).length ? out : undefined;
}

function parseFields(raw: unknown, issues: Issue[]): WebFormField[] {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_FORM_FIELDS) {
    issues.push(issue('/fields', 'FIELD_TYPE', `is a list of 1 to ${MAX_FORM_FIELDS} fields`));
    return [];
  }
  return raw.flatMap((item, i): WebFormField[] => {
    const path = `/fields/${i}`;
    if (typeof item === 'string') return [{ field: item, required: false }];
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      issues.push(issue(path, 'FIELD_TYPE', 'is {field, required, label}'));
      return [];
    }
    const o = item as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!FIELD_KEYS.has(k)) issues.push(issue(`${path}/${k}`, 'FIELD_UNKNOWN', 'is not a property of a form field'));
    if (typeof o.field !== 'string' || !o.field) {
      issues.push(issue(`${path}/field`, 'FIELD_REQUIRED', 'names a field of the object'));
      return [];
    }
    if (o.required !== undefined && typeof o.required !== 'boolean') issues.push(issue(`${path}/required`, 'FIELD_TYPE', 'is true or false'));
    const label = parseLabel(o.label, `${path}/label`, issues);
    return [{ field: o.field, required: o.required === true, ...(label ? { label } : {}) }];
  });
}

function parseSuccessUrl(raw: unknown, issues: Issue[]): string | null {
  if (raw === undefined || raw === null || raw === '') return null;
  const bad = () => issues.push(issue('/successUrl', 'FIELD_FORMAT', `is an http or https address of at most ${MAX_URL} characters`));
  if (typeof raw !== 'string' || raw.length > MAX_URL) return bad(), null;
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return bad(), null;
    return url.toString();
  } catch {
    return bad(), null;
  }
}

/** The body's shape (types, lengths, unknown keys) over `base` (the stored form, for PATCH). */
function parseInput(body: unknown, base: WebFormInput | undefined, issues: Issue[]): WebFormInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AppError('REQUEST_INVALID', 'the body must be a JSON object');
  const b = body as Record<string, unknown>;
  for (const k of Object.keys(b)) if (!KEYS.has(k)) issues.push(issue(`/${k}`, 'FIELD_UNKNOWN', 'is not a property of a web form'));
  const has = (k: string) => b[k] !== undefined;
  let name = base?.name ?? '';
  if (has('name') || !base) {
    if (typeof b.name !== 'string' || !b.name.trim() || b.name.length > 200) issues.push(issue('/name', 'FIELD_REQUIRED', 'is a name of 1 to 200 characters'));
    else name = b.name.trim();
  }
  let object = base?.object ?? 'lead';
  if (has('object')) {
    // A malformed name leaves no object to check the fields against.
    object = typeof b.object === 'string' && /^[a-z][a-z0-9_]{0,62}$/.test(b.object) ? b.object : '';
    if (!object) issues.push(issue('/object', 'FIELD_FORMAT', 'is an object name'));
  }
  const fields = has('fields') || !base ? parseFields(b.fields, issues) : base.fields;
  let ownerId = base?.ownerId ?? '';
  if (has('ownerId') || !base) {
    if (typeof b.ownerId !== 'string' || !isUuid(b.ownerId)) issues.push(issue('/ownerId', 'FIELD_REQUIRED', 'is the id of an active user of this organisation'));
    else ownerId = b.ownerId.toLowerCase();
  }
  const successUrl = has('successUrl') || b.successUrl === null ? parseSuccessUrl(b.successUrl, issues) : (base?.successUrl ?? null);
  let active = base?.active ?? true;
  if (has('active')) {
    if (typeof b.active !== 'boolean') issues.push(issue('/active', 'FIELD_TYPE', 'is true or false'));
    else active = b.active;
  }
  return { name, object, fields, ownerId, successUrl, active };
}

/** The object exists and every chosen field can be filled in by the public; required fields are on the form and required there. */
function checkFields(meta: TenantMetadata, input: WebFormInput, issues: Issue[]): CompiledObject | undefined {
  if (!input.object) return undefined;
  if (!meta.snapshot.objects.has(input.object)) {
    issues.push(issue('/object', 'OBJECT_NOT_FOUND', `object "${input.object}" does not exist`));
    return undefined;
  }
  const obj = meta.object(input.object);
  const seen = new Set<string>();
  input.fields.forEach((f, i) => {
    const field = obj.fields.get(f.field);
    if (!field) issues.push(issue(`/fields/${i}/field`, 'FIELD_UNKNOWN', `"${f.field}" is not a field of ${input.object}`));
    else if (!fillableOnForm(obj, field)) issues.push(issue(`/fields/${i}/field`, 'FIELD_NOT_WRITABLE', `"${f.field}" (${field.type}) cannot be filled in on a web form`));
    else if (seen.has(f.field)) issues.push(issue(`/fields/${i}/field`, 'FIELD_DUPLICATE', `"${f.field}" is on the form twice`));
    else if (mustBeOnForm(field)) f.required = true;
    seen.add(f.field);
  });
  // With no usable list of fields, "fields" is already the issue.
  if (!input.fields.length) return obj;
  for (const field of obj.def.fields) {
    if (mustBeOnForm(field) && fillableOnForm(obj, field) && !seen.has(field.name)) issues.push(issue('/fields', 'FIELD_REQUIRED_MISSING', `"${field.name}" is required on ${input.object} and must be on the form`));
  }
  return obj;
}

/** The owner is an active user of the organisation who may create the object's records and write every chosen field. */
async function checkOwner(ctx: WebFormCheckContext, input: WebFormInput, obj: CompiledObject | undefined, issues: Issue[]): Promise<void> {
  if (!input.ownerId) return;
  const [user] = await runSql<{ is_admin: boolean; active: boolean }>(ctx.db, `SELECT is_admin, active FROM ${SYSTEM_SCHEMA}.users WHERE id = ? AND tenant_id = ?`, [input.ownerId, ctx.tenantId]);
  if (!user || !user.active) {
    issues.push(issue('/ownerId', 'OWNER_INVALID', 'is not an active user of this organisation'));
    return;
  }
  if (!obj) return;
  const access = ctx.security.accessOf(input.ownerId, user.is_admin);
  const o = access.object(obj.def.name);
  if (!o.create) issues.push(issue('/ownerId', 'OWNER_CANNOT_CREATE', `the owner may not create ${obj.def.name} records`));
  else if (!access.isAdmin) {
    const locked = input.fields.map((f) => obj.fields.get(f.field)).filter((f): f is Field => !!f && !f.system && o.field(f) !== 'edit');
    if (locked.length) issues.push(issue('/ownerId', 'OWNER_CANNOT_WRITE', `the owner may not write ${locked.map((f) => f.name).join(', ')}`));
  }
}

/** A create or PATCH body → the form's settings, or 400 WEB_FORM_INVALID with every issue and its path. */
export async function validateWebForm(ctx: WebFormCheckContext, body: unknown, base?: WebFormInput): Promise<WebFormInput> {
  const issues: Issue[] = [];
  const input = parseInput(body, base, issues);
  const obj = checkFields(ctx.meta, input, issues);
  await checkOwner(ctx, input, obj, issues);
  if (issues.length) throw issuesError('WEB_FORM_INVALID', `the web form is invalid: ${issues[0]!.path} ${issues[0]!.message}`, issues);
  return input;
}
