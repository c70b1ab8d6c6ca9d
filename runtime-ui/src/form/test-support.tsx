/**
 * Helpers for the form's and widgets' component tests (never imported by the
 * app): objects defined and normalized by the engine's own code, so the
 * describe and the JSON Schema are what the server answers; a fetch stub.
 */
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import type { WidgetProps } from '@rjsf/utils';
import { FieldTypeRegistry } from '../../../engine/field-types/registry';
import { normalizeSnapshot } from '../../../engine/metadata/normalize-snapshot';
import { recordPayloadSchema } from '../../../engine/records/json-schema';
import type { RawObjectDef } from '../../../engine/shared/metadata-types';
import type { Describe, FieldDef } from '../api/describe';
import { I18nProvider, type Locale } from '../i18n/i18n';
import { RouterProvider } from '../router/router';
import { SessionProvider } from '../shell/session';
import { DEFAULT_RUNTIME, FormRuntimeProvider, type FormRuntime } from './form-runtime';
import type { FormMode } from './form-types';

const registry = new FieldTypeRegistry();

/** An object as the server describes it to a user with full access, and its payload schemas. */
export function defineObject(raw: RawObjectDef, access: Partial<Describe['access']> = {}, others: RawObjectDef[] = []): { describe: Describe; schema(mode: FormMode): Record<string, unknown> } {
  const objects = Object.fromEntries([raw, ...others].map((o) => [o.name, o]));
  const { snapshot, issues } = normalizeSnapshot({ objects, valueSets: {} }, registry, 1);
  if (issues.length) throw new Error(`bad test object: ${JSON.stringify(issues)}`);
  const obj = snapshot.objects.get(raw.name)!;
  const fields = Object.fromEntries(obj.fields.map((f) => [f.name, f.system && f.name !== 'name' ? 'read' : 'edit'])) as Record<string, 'read' | 'edit'>;
  const describe = {
    version: 1,
    object: obj,
    access: { create: true, read: true, edit: true, delete: true, viewAll: true, modifyAll: true, fields, ...access },
  } as unknown as Describe;
  return { describe, schema: (mode) => recordPayloadSchema(obj, registry, mode) as Record<string, unknown> };
}

/** A field of a given type, for widget tests. */
export const fieldDef = (name: string, type: string, options: Record<string, unknown> = {}, label: FieldDef['label'] = { en: name, 'zh-CN': `${name}（中）` }): FieldDef => ({ name, type, label, required: false, system: false, options });

export interface StubRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}
export type StubAnswer = { status: number; body?: unknown } | 'offline';

/** A request's path with its query string, as a test compares it ("/records/lead/imports?encoding=auto"). */
export const urlOf = (req: StubRequest): string => (req.query.toString() ? `${req.path}?${req.query}` : req.path);

/**
 * Replaces fetch: each call goes to `answer` (after /api/v1); /auth/me answers
 * a signed-in user unless `answer` does. JSON bodies arrive parsed; any other
 * body (an uploaded file) as sent.
 */
export function stubApi(answer: (req: StubRequest) => StubAnswer | undefined) {
  const calls: StubRequest[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const req: StubRequest = { method: init?.method ?? 'GET', path: url.pathname.replace(/^\/api\/v1/, ''), query: url.searchParams, body: typeof init?.body === 'string' ? JSON.parse(init.body) : (init?.body ?? undefined) };
    calls.push(req);
    const a = answer(req) ?? (req.path === '/auth/me' ? { status: 200, body: { id: 'u-1', email: 'ada@x.test', displayName: 'Ada', isAdmin: false, locale: 'en', tenant: 't' } } : { status: 404, body: { error: { code: 'NOT_FOUND', message: 'not found' } } });
    if (a === 'offline') throw new TypeError('Failed to fetch');
    return new Response(a.body === undefined ? null : JSON.stringify(a.body), { status: a.status, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchStub);
  return { calls, fetchStub };
}

/** The app's providers around a form. */
export function Providers({ children, locale = 'en' }: { children: ReactNode; locale?: Locale }) {
  return (
    <I18nProvider initial={locale}>
      <RouterProvider>
        <SessionProvider>{children}</SessionProvider>
      </RouterProvider>
    </I18nProvider>
  );
}

/** A widget rendered alone: its props as react-jsonschema-form passes them, a form runtime, a locale. */
export function widgetElement(
  Widget: (p: WidgetProps) => ReactNode,
  opts: { field: FieldDef; value?: unknown; onChange?: (v: unknown) => void; readonly?: boolean; runtime?: Partial<FormRuntime>; locale?: Locale },
) {
  const props = {
    id: `root_${opts.field.name}`,
    name: opts.field.name,
    value: opts.value,
    label: opts.field.name,
    schema: {},
    options: { field: opts.field },
    readonly: opts.readonly ?? false,
    disabled: false,
    required: false,
    onChange: opts.onChange ?? (() => undefined),
    onBlur: () => undefined,
    onFocus: () => undefined,
    registry: {},
  } as unknown as WidgetProps;
  return (
    <I18nProvider initial={opts.locale ?? 'en'}>
      <FormRuntimeProvider value={{ ...DEFAULT_RUNTIME, ...opts.runtime }}>
        <Widget {...props} />
      </FormRuntimeProvider>
    </I18nProvider>
  );
}
