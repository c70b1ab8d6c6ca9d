import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';
import type { NavigationEntry } from '../shell/navigation';

/** One object's hits, as GET /search answers them. */
export interface SearchGroup {
  object: string;
  records: { id: string; name: unknown }[];
}

/** Hits grouped by object, each group titled with the object's label in the locale, each hit a link to its record. */
export function SearchResults({ groups, objects }: { groups: SearchGroup[]; objects: NavigationEntry[] }) {
  const { t, label } = useI18n();
  const byName = new Map(objects.map((o) => [o.name, o]));
  return (
    <div data-testid="search-results">
      {groups.map((g) => (
        <section key={g.object} className="sr-group rp-card" data-testid={`search-group-${g.object}`}>
          <h2>{label(byName.get(g.object)?.pluralLabel, g.object)}</h2>
          <ul>
            {g.records.map((r) => (
              <li key={r.id}>
                <Link to={`/app/o/${encodeURIComponent(g.object)}/${encodeURIComponent(r.id)}`}>{r.name == null || r.name === '' ? t('record.unnamed') : String(r.name)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
