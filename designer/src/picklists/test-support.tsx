/**
 * Helpers for the picklist area's component tests (never imported by the
 * app): a fetch stub answering the metadata API the draft store reads and
 * dry-runs, and the providers around a page, with the real DraftProvider.
 */
import { useState, type ReactNode } from 'react';
import { vi } from 'vitest';
import type { RawObjectDef, RawSnapshot, RawValueSet } from '../../../engine/shared/metadata-types';
import { I18nProvider, type Locale } from '../../../runtime-ui/src/i18n/i18n';
import { RouterProvider } from '../../../runtime-ui/src/router/router';
import { DraftProvider, useDraft } from '../draft/draft-store';
import type { Draft, DraftIssue } from '../draft/draft-types';

/** What the stubbed metadata API serves and how it judges a dry run. */
export interface MetadataStub {
  objects?: RawObjectDef[];
  valueSets?: RawValueSet[];
  /** Issues the dry run answers (METADATA_INVALID) instead of a valid plan. */
  issues?: DraftIssue[];
}

/** Replaces fetch with the metadata API at version 1; returns the bodies POSTed to /metadata/changes. */
export function stubMetadataApi(stub: MetadataStub) {
  const changes: unknown[] = [];
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://localhost');
      const path = url.pathname.replace(/^\/api\/v1/, '');
      if (path === '/metadata/objects') return json(200, { version: 1, objects: stub.objects ?? [] });
      if (path === '/metadata/value-sets') return json(200, { version: 1, valueSets: stub.valueSets ?? [] });
      if (path === '/metadata/changes') {
        changes.push(init?.body ? JSON.parse(String(init.body)) : undefined);
        if (stub.issues?.length) return json(400, { error: { code: 'METADATA_INVALID', message: 'invalid', details: { issues: stub.issues } } });
        return json(200, { version: 1, plan: [], dryRun: true, changed: true, preview: {} });
      }
      return json(404, { error: { code: 'NOT_FOUND', message: 'not found' } });
    }),
  );
  return { changes };
}

/** Shows the draft store's snapshot and draft as JSON, so tests read what the editors wrote. */
function DraftProbe({ children }: { children: ReactNode }) {
  const { published, draft, snapshot } = useDraft();
  if (!published) return <p>loading</p>;
  return (
    <>
      {children}
      <pre data-testid="probe-draft">{JSON.stringify(draft)}</pre>
      <pre data-testid="probe-snapshot">{JSON.stringify(snapshot satisfies RawSnapshot)}</pre>
    </>
  );
}

let keys = 0;

/** The designer's providers around a page: locale, router, a fresh draft store (rendered once the published metadata is read). */
export function PicklistProviders({ children, locale = 'en' }: { children: ReactNode; locale?: Locale }) {
  const [storageKey] = useState(() => `picklists-test-${++keys}`);
  return (
    <I18nProvider initial={locale}>
      <RouterProvider>
        <DraftProvider storageKey={storageKey}>
          <DraftProbe>{children}</DraftProbe>
        </DraftProvider>
      </RouterProvider>
    </I18nProvider>
  );
}

/** The draft the probe shows. */
export const readDraft = (el: HTMLElement): Draft => JSON.parse(el.textContent ?? '{}') as Draft;
