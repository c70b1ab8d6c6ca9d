import { MetadataScope } from './api/metadata';
import { I18nProvider, useI18n } from './i18n/i18n';
import { LoginPage } from './pages/login-page';
import { RouterProvider, useRouter } from './router/router';
import { pageFor } from './router/routes';
import { ErrorBoundary } from './shell/error-boundary';
import { Layout } from './shell/layout';
import { SessionProvider, useSession } from './shell/session';

function Pages() {
  const { t } = useI18n();
  const { me } = useSession();
  const { path } = useRouter();
  if (me === undefined) return <p className="boot">{t('common.loading')}</p>;
  if (me === null) return <LoginPage />;
  return (
    <Layout>
      <ErrorBoundary title={t('error.title')} retry={t('error.retry')} resetKey={path}>
        {/* Each page reads its metadata once, and fresh: a new scope per page. */}
        <MetadataScope key={path}>{pageFor(path) ?? <p>404</p>}</MetadataScope>
      </ErrorBoundary>
    </Layout>
  );
}

export function App() {
  return (
    <I18nProvider>
      <RouterProvider>
        <SessionProvider>
          <Pages />
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>
  );
}
