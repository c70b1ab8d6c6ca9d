import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { useRouter } from '../router/router';

/** The top bar's search box: Enter opens /app/search?q=… (it shows the current query while there). */
export function SearchBox() {
  const { t } = useI18n();
  const { path, query, navigate } = useRouter();
  const current = path === '/app/search' ? (query.get('q') ?? '') : '';
  const [q, setQ] = useState(current);
  useEffect(() => setQ(current), [current]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim()) navigate(`/app/search?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <form role="search" className="sr-box" onSubmit={submit}>
      <input type="search" name="q" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('search.placeholder')} aria-label={t('nav.search')} maxLength={200} data-testid="global-search" />
    </form>
  );
}
