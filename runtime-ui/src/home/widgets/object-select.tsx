import { useI18n } from '../../i18n/i18n';
import { useNavigation } from '../../shell/navigation';

/** Picks one of the objects the user may read (labels in the locale). */
export function ObjectSelect({ value, onChange }: { value: string | undefined; onChange(object: string): void }) {
  const { t, label } = useI18n();
  const nav = useNavigation();
  return (
    <label>
      {t('home.widget.object')}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)} data-testid="widget-object">
        <option value="" disabled>
          {nav.loading ? t('common.loading') : '—'}
        </option>
        {nav.data?.objects.map((o) => (
          <option key={o.name} value={o.name}>
            {label(o.pluralLabel, o.name)}
          </option>
        ))}
      </select>
    </label>
  );
}

export const configString = (config: Record<string, unknown>, key: string): string | undefined => (typeof config[key] === 'string' && config[key] !== '' ? (config[key] as string) : undefined);
