import { useApi } from '../api/use-api';
import { useI18n } from '../i18n/i18n';
import { useRouter } from '../router/router';
import { ApiErrorView } from '../shell/api-error-view';
import { useNavigation } from '../shell/navigation';
import { SearchResults, type SearchGroup } from './search-results';

/** Hits per object on the search page. */
const PER_OBJECT = 20;

/** /app/search?q=…: quick search across every object the user may read. */
export function SearchPage() {
  const { t } = useI18n();
  const { query } = useRouter();
  const q = (query.get('q') ?? '').trim().slice(0, 200);
  const hits = useApi<{ results: SearchGroup[] }>(q ? `/search?q=${encodeURIComponent(q)}&limit=${PER_OBJECT}` : null);
  const nav = useNavigation();
  if (!q) {
    return (
      <section>
        <h1>{t('nav.search')}</h1>
        <p className="rp-muted">{t('search.prompt')}</p>
      </section>
    );
  }
  return (
    <section>
      <h1>{t('search.title', { q })}</h1>
      {hits.error && <ApiErrorView error={hits.error} retry={hits.reload} />}
      {!hits.error && (!hits.data || hits.loading) && <p>{t('common.loading')}</p>}
      {hits.data && !hits.loading && hits.data.results.length === 0 && <p data-testid="search-none">{t('search.none', { q })}</p>}
      {hits.data && !hits.loading && <SearchResults groups={hits.data.results} objects={nav.data?.objects ?? []} />}
    </section>
  );
}
