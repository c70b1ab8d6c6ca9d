import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { Link, useRouter } from '../../../runtime-ui/src/router/router';
import { useDraft } from '../draft/draft-store';
import { useText } from '../i18n/text';
import { shellMessages } from './messages';

const TABS = [
  { suffix: '', key: 'tabFields' },
  { suffix: '/rules', key: 'tabRules' },
  { suffix: '/layout', key: 'tabLayout' },
  { suffix: '/views', key: 'tabViews' },
  { suffix: '/duplicates', key: 'tabDuplicates' },
  { suffix: '/assignment', key: 'tabAssignment' },
  { suffix: '/conversion', key: 'tabConversion' },
] as const;

/** The object's title and the tabs of its editor pages (/designer/objects/:object[/rules|/layout|/views]). */
export function ObjectTabs({ object }: { object: string }) {
  const t = useText(shellMessages);
  const { label } = useI18n();
  const { path } = useRouter();
  const def = useDraft().snapshot.objects[object];
  const base = `/designer/objects/${object}`;
  const active = (suffix: string) => (suffix === '' ? path === base || path.startsWith(`${base}/fields`) : path.startsWith(`${base}${suffix}`));
  return (
    <div className="object-tabs">
      <h1>
        {label(def?.label, object)} <code>{object}</code>
      </h1>
      <nav className="tabs" role="tablist">
        {TABS.map((tab) => (
          <Link key={tab.key} to={`${base}${tab.suffix}`} role="tab" aria-selected={active(tab.suffix)} className={active(tab.suffix) ? 'active' : ''} data-testid={`object-tab-${tab.key}`}>
            {t(tab.key)}
          </Link>
        ))}
      </nav>
    </div>
  );
}
