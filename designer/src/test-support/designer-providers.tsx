/**
 * The providers a designer page runs in, for component tests (never imported
 * by the app): locale, router, session and a real draft store, the page
 * rendered once the published metadata is read.
 */
import { useState, type ReactNode } from 'react';
import { I18nProvider, type Locale } from '../../../runtime-ui/src/i18n/i18n';
import { RouterProvider, useRouter } from '../../../runtime-ui/src/router/router';
import { SessionProvider } from '../../../runtime-ui/src/shell/session';
import { DraftProvider, useDraft } from '../draft/draft-store';
import type { Draft } from '../draft/draft-types';

interface Props {
  children: ReactNode;
  locale?: Locale;
  /** A draft already saved where the store reads it at start. */
  saved?: Draft;
  /** Where the draft store keeps the draft; a fresh key per render unless given. */
  storageKey?: string;
  /** Also shows the draft (`probe-draft`) and the router's path (`probe-path`), so tests read what the editors did. */
  probe?: boolean;
}

let keys = 0;

/** Locale, router, session and a draft store around a page. */
export function DesignerProviders({ children, locale = 'en', saved, storageKey, probe = false }: Props) {
  const [key] = useState(() => {
    const k = storageKey ?? `designer-test-${++keys}`;
    if (saved) localStorage.setItem(k, JSON.stringify(saved));
    return k;
  });
  return (
    <I18nProvider initial={locale}>
      <RouterProvider>
        <SessionProvider>
          <DraftProvider storageKey={key}>
            <Loaded probe={probe}>{children}</Loaded>
          </DraftProvider>
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>
  );
}

function Loaded({ children, probe }: { children: ReactNode; probe: boolean }) {
  const { published, draft } = useDraft();
  const { path } = useRouter();
  if (!published) return <p>loading</p>;
  if (!probe) return <>{children}</>;
  return (
    <>
      {children}
      <pre data-testid="probe-draft">{JSON.stringify(draft)}</pre>
      <pre data-testid="probe-path">{path}</pre>
    </>
  );
}

/** The draft as the probe shows it. */
export const readDraft = (el: HTMLElement): Draft => JSON.parse(el.textContent ?? '{}') as Draft;
