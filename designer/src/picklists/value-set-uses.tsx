import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { Link } from '../../../runtime-ui/src/router/router';
import { useText } from '../i18n/text';
import { picklistMessages } from './messages';
import type { ValueSetUse } from './value-set-usage';

/** The fields using a value set, each a link to its field editor. */
export function ValueSetUses({ uses, testId }: { uses: ValueSetUse[]; testId: string }) {
  const t = useText(picklistMessages);
  const { label } = useI18n();
  if (!uses.length) return <span className="picklist-hint" data-testid={testId}>{t('unused')}</span>;
  return (
    <ul className="value-set-uses" data-testid={testId}>
      {uses.map((u) => (
        <li key={`${u.object}.${u.field.name}`}>
          <Link to={`/designer/objects/${u.object}/fields/${u.field.name}`}>
            {u.object}.{label(u.field.label, u.field.name)}
          </Link>
        </li>
      ))}
    </ul>
  );
}
