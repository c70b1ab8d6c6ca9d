/**
 * Fixtures for the review and history component tests (never imported by the
 * app): a small published object, a draft saved where the draft store reads
 * it, and a page rendered in the designer's providers.
 */
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { RawObjectDef } from '../../../engine/shared/metadata-types';
import type { Locale } from '../../../runtime-ui/src/i18n/i18n';
import type { Draft } from '../draft/draft-types';
import { DesignerProviders } from '../test-support/designer-providers';

const DRAFT_KEY = 'tessera.designer.draft:test';

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

/** Saves a draft where the store finds it at start. */
export const saveDraft = (d: Draft) => localStorage.setItem(DRAFT_KEY, JSON.stringify(d));

/** Renders a designer page with the draft store (reading the saved draft), router and locale. */
export function renderPage(ui: ReactNode, locale: Locale = 'en') {
  return render(
    <DesignerProviders storageKey={DRAFT_KEY} locale={locale}>
      {ui}
    </DesignerProviders>,
  );
}
