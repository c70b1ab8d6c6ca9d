import type { ReactNode } from 'react';
import { useApi } from '../api/use-api';
import { useI18n } from '../i18n/i18n';
import { Link, useRouter } from '../router/router';
import { NotificationBell } from '../notifications/notification-bell';
import { SearchBox } from '../search/search-box';
import { NavigationProvider, type NavigationEntry } from './navigation';
import { useSession } from './session';

/** The app frame: the objects the user may read, language switch, sign-out; one column on a phone. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, label, locale, setLocale } = useI18n();
  const { me, signOut } = useSession();
  const { path } = useRouter();
  const nav = useApi<{ objects: NavigationEntry[] }>('/metadata/navigation');
  return (
    <div className="layout">
      <header className="topbar">
        <Link to="/app" className="brand">
          {t('app.name')}
        </Link>
        <SearchBox />
        <span className="spacer" />
        <NotificationBell />
        <button type="button" className="link" data-testid="switch-language" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
          {t('nav.language')}
        </button>
        <span className="me">{me?.displayName}</span>
        <button type="button" className="link" onClick={() => void signOut()}>
          {t('nav.signOut')}
        </button>
      </header>
      <nav className="sidebar" aria-label="objects">
        <Link to="/app" className={path === '/app' ? 'active' : ''}>
          {t('nav.home')}
        </Link>
        {nav.data?.objects.map((o) => (
          <Link key={o.name} to={`/app/o/${o.name}`} className={path.startsWith(`/app/o/${o.name}`) ? 'active' : ''} data-testid={`nav-${o.name}`}>
            {label(o.pluralLabel, o.name)}
          </Link>
        ))}
      </nav>
      <main className="content">
        <NavigationProvider value={nav}>{children}</NavigationProvider>
      </main>
    </div>
  );
}
