/**
 * Renders the rule editor for component tests (never imported by the app):
 * the designer's providers over a stubbed API that answers the fixture
 * objects, and a parent that keeps the rule and records every onChange.
 */
import { render, screen } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import type { RawObjectDef } from '../../../engine/shared/metadata-types';
import { I18nProvider, type Locale } from '../../../runtime-ui/src/i18n/i18n';
import { stubApi, type StubAnswer, type StubRequest } from '../../../runtime-ui/src/form/test-support';
import { RouterProvider } from '../../../runtime-ui/src/router/router';
import { SessionProvider } from '../../../runtime-ui/src/shell/session';
import { DraftProvider, useDraft } from '../draft/draft-store';
import { RuleEditor, type RuleEditorProps } from './rule-editor';
import { ACCOUNT, DEAL } from './test-samples';

/** The designer's providers, with the stubbed published metadata loaded before the children render. */
export function DesignerProviders({ children, locale = 'en' }: { children: ReactNode; locale?: Locale }) {
  return (
    <I18nProvider initial={locale}>
      <RouterProvider>
        <SessionProvider>
          <DraftProvider storageKey="test.draft">
            <Loaded>{children}</Loaded>
          </DraftProvider>
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>
  );
}

function Loaded({ children }: { children: ReactNode }) {
  return useDraft().published ? <>{children}</> : <p>loading</p>;
}

/** Stubs the API: metadata answers the objects, /auth/me an admin, anything else `more`. */
export function stubDesignerApi(objects: RawObjectDef[] = [DEAL, ACCOUNT], more: (req: StubRequest) => StubAnswer | undefined = () => undefined) {
  return stubApi((req) => {
    if (req.path === '/metadata/objects') return { status: 200, body: { version: 1, objects } };
    if (req.path === '/metadata/value-sets') return { status: 200, body: { version: 1, valueSets: [] } };
    if (req.path === '/auth/me') return { status: 200, body: { id: 'u-1', email: 'ada@x.test', displayName: 'Ada', isAdmin: true, locale: 'en', tenant: 't', department: 'sales', roles: ['admin'] } };
    return more(req);
  });
}

function Harness(p: Omit<RuleEditorProps, 'value' | 'onChange'> & { initial?: unknown; changes: unknown[] }) {
  const { initial, changes, ...props } = p;
  const [value, setValue] = useState<unknown>(initial);
  return (
    <>
      <RuleEditor
        {...props}
        value={value}
        onChange={(r) => {
          changes.push(r);
          setValue(r);
        }}
      />
      <output data-testid="harness-value">{value === undefined ? '' : JSON.stringify(value)}</output>
    </>
  );
}

/** Renders a rule editor on the deal object; `changes` lists every rule it reported, `current()` the rule the parent holds. */
export async function renderEditor(p: Partial<Omit<RuleEditorProps, 'value' | 'onChange'>> & { initial?: unknown; locale?: Locale } = {}) {
  const changes: unknown[] = [];
  const { locale, ...rest } = p;
  render(
    <DesignerProviders {...(locale ? { locale } : {})}>
      <Harness object="deal" mode="condition" expect={['boolean']} allowContext {...rest} changes={changes} />
    </DesignerProviders>,
  );
  await screen.findByTestId(`${p.testId ?? 'rule'}-tab-visual`);
  const current = (): unknown => {
    const text = screen.getByTestId('harness-value').textContent ?? '';
    return text === '' ? undefined : JSON.parse(text);
  };
  return { changes, current };
}
