import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';
import type { RecordDescribe } from './record-types';

/**
 * "New" on a related list: the child's form with the lookup to this record
 * filled in (the form page reads ?<field>=<value> as initial values).
 */
export function InlineAdd({ object, field, parentId }: { object: string; field: string; parentId: string; describe: RecordDescribe; onSaved(): void }) {
  const { t } = useI18n();
  return (
    <Link to={`/app/o/${encodeURIComponent(object)}/new?${encodeURIComponent(field)}=${encodeURIComponent(parentId)}`} className="rp-button" data-testid={`related-new-${object}-${field}`}>
      {t('common.new')}
    </Link>
  );
}
