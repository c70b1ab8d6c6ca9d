import type { RawField } from '../../../engine/shared/metadata-types';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { useDraft } from '../draft/draft-store';
import { issuesUnder } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { DependencyChain } from './dependency-chain';
import { DependencyMatrix } from './dependency-matrix';
import { controllerCandidates, matrixValuesOf, staleKeys, withoutKeys, type DependencyOptions } from './dependency-model';
import { IssueList } from '../draft/issue-list';
import { picklistMessages } from './messages';
import './picklists.css';

export type { DependencyOptions } from './dependency-model';

/**
 * Makes a picklist depend on another field of its object: the controlling
 * field (a picklist or boolean that does not lead back here) and the matrix
 * of values allowed under each controlling value. `onChange` gets both
 * options; clearing gives both as undefined, so spreading it into the
 * field's options removes them from the JSON.
 */
export function DependencyEditor({ object, field, onChange }: { object: string; field: RawField; onChange(next: DependencyOptions): void }) {
  const t = useText(picklistMessages);
  const { label } = useI18n();
  const { snapshot, check } = useDraft();
  const def = snapshot.objects[object];
  const controlling = typeof field.options?.controllingField === 'string' ? field.options.controllingField : undefined;
  const dependencies = (field.options?.dependencies ?? {}) as Record<string, string[]>;
  const candidates = controllerCandidates(def, field.name);
  const controller = controlling ? def?.fields.find((f) => f.name === controlling) : undefined;
  const index = def?.fields.findIndex((f) => f.name === field.name) ?? -1;
  const at = `/objects/${object}/fields/${index}/options`;
  const controllerIssues = index >= 0 ? issuesUnder(check.issues, `${at}/controllingField`) : [];
  const matrixIssues = index >= 0 ? issuesUnder(check.issues, `${at}/dependencies`) : [];

  const choose = (name: string) => {
    if (!name) onChange({ controllingField: undefined, dependencies: undefined });
    else onChange({ controllingField: name, dependencies: name === controlling ? dependencies : {} });
  };
  const booleans = { yes: t('yes'), no: t('no') };
  const rows = controller ? matrixValuesOf(controller, snapshot, booleans) : [];
  const cols = matrixValuesOf(field, snapshot, booleans);
  const stale = controller ? staleKeys(dependencies, rows.map((r) => r.value)) : [];

  return (
    <div className="dependency-editor" data-testid="dependency-editor">
      <DependencyChain def={def} field={field.name} controlling={controlling} />
      <label className="dependency-controller">
        {t('depController')}
        <select value={controlling ?? ''} onChange={(e) => choose(e.target.value)} data-testid="dependency-controller">
          <option value="">{t('depNone')}</option>
          {controlling && !candidates.some((c) => c.name === controlling) && <option value={controlling}>{controller ? label(controller.label, controlling) : t('depMissingOption', { name: controlling })}</option>}
          {candidates.map((c) => (
            <option key={c.name} value={c.name}>
              {label(c.label, c.name)} ({c.name})
            </option>
          ))}
        </select>
        {controlling && (
          <button type="button" className="link" onClick={() => choose('')} data-testid="dependency-clear">
            {t('depClear')}
          </button>
        )}
      </label>
      <p className="picklist-hint">{t('depControllerHint')}</p>
      {controlling && !controller && (
        <p className="issue" role="alert" data-testid="dependency-missing">
          {t('depMissing', { name: controlling })}
        </p>
      )}
      <IssueList issues={controllerIssues} testId="dependency-controller-issues" />
      {controller && (
        <>
          <p className="picklist-hint">{t('depHint')}</p>
          {rows.length === 0 && <p className="issue">{t('depNoValues')}</p>}
          {cols.length === 0 && <p className="issue">{t('depNoOwnValues')}</p>}
          {rows.length > 0 && cols.length > 0 && <DependencyMatrix rows={rows} cols={cols} dependencies={dependencies} onChange={(next) => onChange({ controllingField: controlling, dependencies: next })} />}
          {stale.length > 0 && (
            <p className="issue" data-testid="dependency-stale">
              {t('depStale', { keys: stale.join(', ') })}{' '}
              <button type="button" className="link" onClick={() => onChange({ controllingField: controlling, dependencies: withoutKeys(dependencies, stale) })} data-testid="dependency-prune">
                {t('depPrune')}
              </button>
            </p>
          )}
          <IssueList issues={matrixIssues} testId="dependency-issues" />
        </>
      )}
    </div>
  );
}
