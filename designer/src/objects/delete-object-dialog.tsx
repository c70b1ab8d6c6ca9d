import { useEffect, useState } from 'react';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { checkOfError, sendChanges } from '../draft/draft-api';
import { useDraft } from '../draft/draft-store';
import type { DraftCheck, PlanStep } from '../draft/draft-types';
import { IssueList } from '../draft/issue-list';
import { useText } from '../i18n/text';
import { objectMessages } from './messages';

type Verdict = { status: 'checking' } | { status: 'valid'; plan: PlanStep[] } | { status: 'refused'; check: DraftCheck };

/** Asks before marking a published object deleted, showing what the server's dry run of the draft without it says. */
export function DeleteObjectDialog({ name, onClose }: { name: string; onClose(): void }) {
  const t = useText(objectMessages);
  const { label } = useI18n();
  const { draft, published, deleteObject } = useDraft();
  const [verdict, setVerdict] = useState<Verdict>({ status: 'checking' });
  useEffect(() => {
    let live = true;
    sendChanges({ ...draft, objects: { ...draft.objects, [name]: null } }, { dryRun: true }).then(
      (a) => live && setVerdict({ status: 'valid', plan: a.plan }),
      (e: unknown) => live && setVerdict({ status: 'refused', check: checkOfError(e) }),
    );
    return () => {
      live = false;
    };
    // The dry run is asked once, for the draft as it was when the dialog opened.
  }, [name]);
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="alertdialog" aria-labelledby="object-delete-title" data-testid="object-delete-dialog">
        <h2 id="object-delete-title">{t('deleteTitle', { label: label(published?.snapshot.objects[name]?.label, name) })}</h2>
        <p>{t('deleteExplain')}</p>
        {verdict.status === 'checking' && <p data-testid="object-delete-checking">{t('deleteChecking')}</p>}
        {verdict.status === 'valid' && (
          <div data-testid="object-delete-plan">
            <p>{t('deletePlan')}</p>
            {verdict.plan.length === 0 ? (
              <p>{t('deleteNoPlan')}</p>
            ) : (
              <ul className="plan">
                {verdict.plan.map((s, i) => (
                  <li key={i} className={s.destructive ? 'destructive' : ''}>
                    {s.destructive && <strong>{t('destructive')}: </strong>}
                    {s.description}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {verdict.status === 'refused' && (
          <div data-testid="object-delete-refused">
            <p>{t('deleteRefused')}</p>
            <IssueList issues={verdict.check.issues.length ? verdict.check.issues : [{ path: '', code: verdict.check.code, message: verdict.check.message ?? '' }]} />
          </div>
        )}
        <div className="actions">
          <button
            type="button"
            className="danger"
            onClick={() => {
              deleteObject(name);
              onClose();
            }}
            data-testid="object-delete-confirm"
          >
            {t('deleteConfirm')}
          </button>
          <button type="button" onClick={onClose} data-testid="object-delete-cancel">
            {t('cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
