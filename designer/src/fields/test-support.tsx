/**
 * Helpers for the object and field editors' component tests (never imported
 * by the app): a fetch stub serving the metadata API (field types as the
 * engine's own registry describes them), the providers with the real draft
 * store, and a probe showing what the editors wrote into the draft.
 */
import { useState, type ReactNode } from 'react';
import { vi } from 'vitest';
import { fieldTypeCatalogue } from '../../../engine/field-types/catalogue';
import { FieldTypeRegistry } from '../../../engine/field-types/registry';
import type { RawObjectDef, RawValueSet } from '../../../engine/shared/metadata-types';
import { I18nProvider, type Locale } from '../../../runtime-ui/src/i18n/i18n';
import { RouterProvider, useRouter } from '../../../runtime-ui/src/router/router';
import { DraftProvider, useDraft } from '../draft/draft-store';
import type { Draft, DraftIssue, PlanStep } from '../draft/draft-types';

/** Every field type with its settings schema, as GET /metadata/field-types answers. */
export const FIELD_TYPES = fieldTypeCatalogue(new FieldTypeRegistry());

export interface MetadataStub {
  objects?: RawObjectDef[];
  valueSets?: RawValueSet[];
  /** The dry run refuses with these issues (METADATA_INVALID). */
  issues?: DraftIssue[];
  /** The dry run's plan when it accepts. */
  plan?: PlanStep[];
}

/** Replaces fetch with the metadata API at version 1; returns the bodies POSTed to /metadata/changes. */
export function stubMetadataApi(stub: MetadataStub) {
  const changes: { query: URLSearchParams; body: unknown }[] = [];
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://localhost');
      const path = url.pathname.replace(/^\/api\/v1/, '');
      if (path === '/metadata/objects') return json(200, { version: 1, objects: stub.objects ?? [] });
      if (path === '/metadata/value-sets') return json(200, { version: 1, valueSets: stub.valueSets ?? [] });
      if (path === '/metadata/field-types') return json(200, { fieldTypes: FIELD_TYPES });
      if (path === '/metadata/changes') {
        changes.push({ query: url.searchParams, body: init?.body ? JSON.parse(String(init.body)) : undefined });
        if (stub.issues?.length) return json(400, { error: { code: 'METADATA_INVALID', message: 'invalid', details: { issues: stub.issues } } });
        return json(200, { version: 1, plan: stub.plan ?? [], dryRun: true, changed: true, preview: {} });
      }
      return json(404, { error: { code: 'NOT_FOUND', message: 'not found' } });
    }),
  );
  return { changes };
}

function Probe({ children }: { children: ReactNode }) {
  const { published, draft } = useDraft();
  const { path } = useRouter();
  if (!published) return <p>loading</p>;
  return (
    <>
      {children}
      <pre data-testid="probe-draft">{JSON.stringify(draft)}</pre>
      <pre data-testid="probe-path">{path}</pre>
    </>
  );
}

let keys = 0;

/** Locale, router and a fresh draft store around a page; an optional draft already saved for it. */
export function DesignerProviders({ children, locale = 'en', saved }: { children: ReactNode; locale?: Locale; saved?: Draft }) {
  const [storageKey] = useState(() => {
    const key = `fields-test-${++keys}`;
    if (saved) localStorage.setItem(key, JSON.stringify(saved));
    return key;
  });
  return (
    <I18nProvider initial={locale}>
      <RouterProvider>
        <DraftProvider storageKey={storageKey}>
          <Probe>{children}</Probe>
        </DraftProvider>
      </RouterProvider>
    </I18nProvider>
  );
}

/** The draft as the probe shows it. */
export const readDraft = (el: HTMLElement): Draft => JSON.parse(el.textContent ?? '{}') as Draft;
