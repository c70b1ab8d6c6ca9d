import { useI18n } from '../i18n/i18n';

/** The personal home page (widgets come with the runtime UI work). */
export function HomePage() {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('home.title')}</h1>
      <p>{t('home.empty')}</p>
    </section>
  );
}
