import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { Link } from '../../../runtime-ui/src/router/router';
import { useDraft } from '../draft/draft-store';
import { issuesUnder } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { IssueList } from '../draft/issue-list';
import { picklistMessages } from './messages';
import { NewValueSetForm } from './new-value-set-form';
import { valueSetUsage } from './value-set-usage';
import { ValueSetUses } from './value-set-uses';
import './picklists.css';

/** /designer/value-sets: the shared value sets, the fields using each, and a form to create one. */
export function ValueSetsPage() {
  const t = useText(picklistMessages);
  const { label } = useI18n();
  const { snapshot, draft, check } = useDraft();
  const usage = valueSetUsage(snapshot);
  const sets = Object.values(snapshot.valueSets).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div className="value-sets-page">
      <h1>{t('setsTitle')}</h1>
      <p className="picklist-hint">{t('setsIntro')}</p>
      <p className="picklist-note" data-testid="value-sets-no-delete">
        {t('setsNoDelete')}
      </p>
      {sets.length === 0 ? (
        <p data-testid="value-sets-empty">{t('setsEmpty')}</p>
      ) : (
        <table className="value-sets-table" data-testid="value-sets">
          <thead>
            <tr>
              <th>{t('colName')}</th>
              <th>{t('colLabel')}</th>
              <th>{t('colValues')}</th>
              <th>{t('colUsedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {sets.map((vs) => (
              <tr key={vs.name} data-testid={`value-set-row-${vs.name}`}>
                <td>
                  <Link to={`/designer/value-sets/${vs.name}`} data-testid={`value-set-link-${vs.name}`}>
                    <code>{vs.name}</code>
                  </Link>
                  {draft.valueSets[vs.name] && <span className="picklist-badge">{t('inDraft')}</span>}
                  <IssueList issues={issuesUnder(check.issues, `/valueSets/${vs.name}`)} />
                </td>
                <td>{label(vs.label, vs.name)}</td>
                <td>{t('valuesCount', { active: vs.values.filter((v) => v.active !== false).length, total: vs.values.length })}</td>
                <td>
                  <ValueSetUses uses={usage.get(vs.name) ?? []} testId={`value-set-uses-${vs.name}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewValueSetForm />
    </div>
  );
}
