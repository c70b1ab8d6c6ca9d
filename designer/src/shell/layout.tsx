import type { ReactNode } from 'react';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { Link, useRouter } from '../../../runtime-ui/src/router/router';
import { useSession } from '../../../runtime-ui/src/shell/session';
import { useText } from '../i18n/text';
import { DraftStatus } from './draft-status';
import { shellMessages } from './messages';

const SECTIONS = [
  { to: '/designer', key: 'objects', match: (p: string) => p === '/designer' || p.startsWith('/designer/objects') },
  { to: '/designer/value-sets', key: 'valueSets', match: (p: string) => p.startsWith('/designer/value-sets') },
  { to: '/designer/web-forms', key: 'webForms', match: (p: string) => p.startsWith('/designer/web-forms') },
  { to: '/designer/review', key: 'review', match: (p: string) => p.startsWith('/designer/review') },
  { to: '/designer/history', key: 'history', match: (p: string) => p.startsWith('/designer/history') },
] as const;

/** The designer's frame: sections, the draft's state, language switch, sign-out. */
export function DesignerLayout({ children }: { children: ReactNode }) {
  const t = useText(shellMessages);
  const { locale, setLocale } = useI18n();
  const { me, signOut } = useSession();
  const { path } = useRouter();
  return (
    <div className="layout designer">
      <header className="topbar">
        <Link to="/designer" className="brand">
          {t('brand')}
        </Link>
        <DraftStatus />
        <span className="spacer" />
        <a href="/app" className="link">
          {t('openApp')}
        </a>
        <button type="button" className="link" data-testid="switch-language" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
          {t('language')}
        </button>
        <span className="me">{me?.displayName}</span>
        <button type="button" className="link" onClick={() => void signOut()}>
          {t('signOut')}
        </button>
      </header>
      <nav className="sidebar" aria-label="designer">
        {SECTIONS.map((s) => (
          <Link key={s.key} to={s.to} className={s.match(path) ? 'active' : ''} data-testid={`designer-nav-${s.key}`}>
            {t(s.key)}
          </Link>
        ))}
      </nav>
      <main className="content">{children}</main>
    </div>
  );
}
