/**
 * Helpers for the review and history component tests (never imported by the app):
 * a published snapshot, a draft saved where the draft store reads it, and the
 * providers the designer's pages run in.
 */
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { RawObjectDef, RawSnapshot } from '../../../engine/shared/metadata-types';
import { I18nProvider, type Locale } from '../../../runtime-ui/src/i18n/i18n';
import { RouterProvider } from '../../../runtime-ui/src/router/router';
import { DraftProvider } from '../draft/draft-store';
import type { Draft } from '../draft/draft-types';

export const DRAFT_KEY = 'tessera.designer.draft:test';

/** A small object like the CRM pack's, as written. */
export const deal: RawObjectDef = {
  name: 'deal',
  label: { en: 'Deal', 'zh-CN': '交易' },
  fields: [
    { name: 'amount', type: 'currency', label: { en: 'Amount', 'zh-CN': '金额' }, options: { precision: 18, scale: 2 } },
    { name: 'account', type: 'lookup', label: { en: 'Account', 'zh-CN': '客户' }, options: { target: 'account' } },
    { name: 'notes', type: 'textarea', label: { en: 'Notes', 'zh-CN': '备注' } },
  ],
};

/** The answers of GET /metadata/objects and /metadata/value-sets for a snapshot at a version. */
export function publishedAnswers(version: number, s: RawSnapshot): { objects: unknown; valueSets: unknown } {
  return { objects: { version, objects: Object.values(s.objects) }, valueSets: { version, valueSets: Object.values(s.valueSets) } };
}

/** Saves a draft where the store finds it at start. */
export const saveDraft = (d: Draft) => localStorage.setItem(DRAFT_KEY, JSON.stringify(d));

/** Renders a designer page with the draft store, router and locale. */
export function renderPage(ui: ReactNode, locale: Locale = 'en') {
  return render(
    <I18nProvider initial={locale}>
      <RouterProvider>
        <DraftProvider storageKey={DRAFT_KEY}>{ui}</DraftProvider>
      </RouterProvider>
    </I18nProvider>,
  );
}
