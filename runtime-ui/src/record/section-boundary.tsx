import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { ErrorBoundary } from '../shell/error-boundary';

/** An error boundary around one section or widget: a fault there leaves the rest of the page working. */
export function SectionBoundary({ children, resetKey }: { children: ReactNode; resetKey?: string }) {
  const { t } = useI18n();
  return (
    <ErrorBoundary title={t('error.title')} retry={t('error.retry')} resetKey={resetKey}>
      {children}
    </ErrorBoundary>
  );
}
