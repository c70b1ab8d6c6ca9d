import { I18nProvider, useI18n } from '../../runtime-ui/src/i18n/i18n';
import { LoginPage } from '../../runtime-ui/src/pages/login-page';
import { RouterProvider, useRouter } from '../../runtime-ui/src/router/router';
import { ErrorBoundary } from '../../runtime-ui/src/shell/error-boundary';
import { SessionProvider, useSession } from '../../runtime-ui/src/shell/session';
import { DraftProvider, useDraft } from './draft/draft-store';
import { useText } from './i18n/text';
import { designerPageFor } from './routes';
import { DesignerLayout } from './shell/layout';
import { shellMessages } from './shell/messages';

function Pages() {
  const t = useText(shellMessages);
  const { path } = useRouter();
  const { published, loadError, reload } = useDraft();
  if (loadError)
    return (
      <div role="alert">
        <p>{t('loadFailed', { message: loadError })}</p>
        <button type="button" onClick={() => void reload()}>
          {t('retry')}
        </button>
      </div>
    );
  if (!published) return <p className="boot">{t('loading')}</p>;
  return (
    <ErrorBoundary title={t('loadFailed', { message: '' })} retry={t('retry')} resetKey={path}>
      {designerPageFor(path) ?? <p>{t('notFound')}</p>}
    </ErrorBoundary>
  );
}

function Signed() {
  const t = useText(shellMessages);
  const { t: appText } = useI18n();
  const { me } = useSession();
  if (me === undefined) return <p className="boot">{appText('common.loading')}</p>;
  if (me === null) return <LoginPage />;
  if (!me.isAdmin) return <p role="alert">{t('adminsOnly')}</p>;
  return (
    <DraftProvider storageKey={`tessera.designer.draft:${me.tenant}:${me.id}`}>
      <DesignerLayout>
        <Pages />
      </DesignerLayout>
    </DraftProvider>
  );
}

/** The admin's app at /designer: every change goes through the public metadata API. */
export function App() {
  return (
    <I18nProvider>
      <RouterProvider>
        <SessionProvider>
          <Signed />
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>
  );
}
