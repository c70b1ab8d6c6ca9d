import type { RawValueSet } from '../../../engine/shared/metadata-types';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { Link } from '../../../runtime-ui/src/router/router';
import { useDraft } from '../draft/draft-store';
import { issuesUnder } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { IssueList } from '../draft/issue-list';
import { LabelInputs } from './label-inputs';
import { picklistMessages } from './messages';
import { PicklistValuesEditor } from './picklist-values-editor';
import { valueSetUsage } from './value-set-usage';
import { ValueSetUses } from './value-set-uses';
import './picklists.css';

/** /designer/value-sets/:name: a shared value set's labels and values, written to the draft on every edit. */
export function ValueSetPage({ name }: { name: string }) {
  const t = useText(picklistMessages);
  const { label } = useI18n();
  const { snapshot, published, draft, check, putValueSet, discard } = useDraft();
  const vs = snapshot.valueSets[name];
  if (!vs)
    return (
      <div className="value-set-page">
        <p data-testid="value-set-not-found">{t('setNotFound', { name })}</p>
        <Link to="/designer/value-sets">{t('backToSets')}</Link>
      </div>
    );
  const put = (next: Partial<RawValueSet>) => putValueSet({ ...vs, ...next });
  const prefix = `/valueSets/${name}`;
  const mine = issuesUnder(check.issues, prefix);
  const labelIssues = issuesUnder(mine, `${prefix}/label`);
  const otherIssues = mine.filter((i) => !i.path.startsWith(`${prefix}/label`) && !i.path.startsWith(`${prefix}/values`));
  const publishedValues = (published?.snapshot.valueSets[name]?.values ?? []).map((v) => v.value);
  return (
    <div className="value-set-page" data-testid="value-set-page">
      <Link to="/designer/value-sets" className="picklist-back">
        ← {t('backToSets')}
      </Link>
      <h1>
        {label(vs.label, name)} <code>{name}</code>
      </h1>
      <IssueList issues={otherIssues} testId="value-set-issues" />
      <LabelInputs label={vs.label} onChange={(l) => put({ label: l })} testIdPrefix="value-set-label" />
      <IssueList issues={labelIssues} testId="value-set-label-issues" />
      <p className="picklist-hint">{t('setsIntro')}</p>
      <ValueSetUses uses={valueSetUsage(snapshot).get(name) ?? []} testId="value-set-uses" />
      <h2>{t('setValues')}</h2>
      <PicklistValuesEditor values={vs.values} onChange={(values) => put({ values })} issues={check.issues} issuePrefix={`${prefix}/values`} publishedValues={publishedValues} />
      <p className="picklist-note">{t('setsNoDelete')}</p>
      {draft.valueSets[name] && (
        <button type="button" className="link" onClick={() => discard({ valueSet: name })} data-testid="value-set-discard">
          {t('discard')}
        </button>
      )}
    </div>
  );
}
