import { useMemo, useState } from 'react';
import { diffSnapshots } from '../../../engine/shared/metadata-diff';
import { Link } from '../../../runtime-ui/src/router/router';
import { useDraft } from '../draft/draft-store';
import type { PublishAnswer } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { ChangeList, type ChangeGroup } from './change-list';
import { ConfirmButton } from './confirm-button';
import { ConflictPanel } from './conflict-panel';
import { IssueList } from './issue-list';
import { reviewMessages } from './messages';
import { PlanSteps } from './plan-steps';
import { PublishPanel } from './publish-panel';
import './review.css';

/** What the last publish from this page answered. */
function PublishedNote({ answer }: { answer: PublishAnswer }) {
  const t = useText(reviewMessages);
  return (
    <p className="published-note" data-testid="review-published-version" role="status">
      {answer.changed ? t('published', { version: answer.version }) : t('publishedUnchanged', { version: answer.version })}{' '}
      <Link to={`/designer/history/${answer.version}`} data-testid="review-history-link">
        {t('seeHistory')}
      </Link>
    </p>
  );
}

/** The server's verdict on the draft: checking, refused with problems, or not checkable. */
function CheckState() {
  const t = useText(reviewMessages);
  const { check, snapshot } = useDraft();
  if (check.status === 'checking') return <p className="checking">{t('checking')}</p>;
  if (check.status === 'error') return <p className="issue" role="alert">{t('checkError', { message: check.message ?? '' })}</p>;
  if (check.status !== 'invalid') return null;
  return (
    <section className="review-problems" data-testid="review-problems">
      <h2>{t('problemsTitle')}</h2>
      <p className="issue">
        {check.code && <code>{check.code}</code>} {t('problemsRefused', { message: check.message ?? '' })}
      </p>
      {check.issues.length > 0 && <IssueList issues={check.issues} snapshot={snapshot} />}
    </section>
  );
}

/**
 * /designer/review: what the draft changes (a readable diff against the published version),
 * what publishing does to the database (the dry run's plan), the problems the server found,
 * and Publish — or, when someone published meanwhile, the conflict and the admin's choice.
 */
export function ReviewPage() {
  const t = useText(reviewMessages);
  const { published, snapshot, draft, check, dirty, discard } = useDraft();
  const [answer, setAnswer] = useState<PublishAnswer>();
  const changes = useMemo(() => (published ? diffSnapshots(published.snapshot, snapshot) : []), [published, snapshot]);

  const discardGroup = (g: ChangeGroup) => {
    const inDraft = g.kind === 'object' ? g.name in draft.objects : g.name in draft.valueSets;
    if (!inDraft) return null;
    return (
      <ConfirmButton
        testid={`review-discard-${g.kind}-${g.name}`}
        label={t(g.kind === 'object' ? 'discardObject' : 'discardValueSet', { name: g.name })}
        question={t('discardQuestion')}
        yes={t('discardYes')}
        no={t('discardNo')}
        onConfirm={() => discard(g.kind === 'object' ? { object: g.name } : { valueSet: g.name })}
      />
    );
  };

  return (
    <div className="review-page">
      <h1>{t('title')}</h1>
      {answer && <PublishedNote answer={answer} />}
      {!dirty ? (
        !answer && <p data-testid="review-nothing">{t('nothing')}</p>
      ) : (
        <>
          <p className="based-on">{t('basedOn', { version: draft.baseVersion })}</p>
          {check.status === 'conflict' && <ConflictPanel />}
          <section className="review-changes">
            <h2>{t('changesTitle')}</h2>
            {changes.length === 0 ? <p>{t('noChanges')}</p> : <ChangeList changes={changes} testid="review-change" snapshots={[snapshot, published?.snapshot ?? snapshot]} actions={discardGroup} />}
          </section>
          <CheckState />
          {check.status !== 'conflict' && (
            <>
              {(check.status === 'valid' || check.plan.length > 0) && (
                <section className="review-plan">
                  <h2>{t('planTitle')}</h2>
                  <PlanSteps steps={check.plan} testid="review-plan-step" />
                </section>
              )}
              <PublishPanel onPublished={setAnswer} />
            </>
          )}
          <p className="discard-all">
            <ConfirmButton testid="review-discard" label={t('discardDraft')} question={t('discardQuestion')} yes={t('discardYes')} no={t('discardNo')} onConfirm={() => discard()} />
          </p>
        </>
      )}
    </div>
  );
}
