import type { PlanStep } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { reviewMessages } from './messages';

/**
 * A publish plan as the metadata API answers it: each step's sentence and kind,
 * its SQL folded away, destructive steps (fields or objects to the trash) marked.
 */
export function PlanSteps({ steps, testid }: { steps: PlanStep[]; testid: string }) {
  const t = useText(reviewMessages);
  if (steps.length === 0) return <p className="plan-empty">{t('planEmpty')}</p>;
  return (
    <ol className="plan-steps">
      {steps.map((s, i) => (
        <li key={i} className={`plan-step${s.destructive ? ' destructive' : ''}`} data-testid={`${testid}-${i}`} data-destructive={s.destructive}>
          <span className="step-kind">{s.kind}</span> {s.description}
          {s.destructive && <strong className="step-warning"> — {t('planDestructive')}</strong>}
          {(s.sql.length > 0 || (s.checks?.length ?? 0) > 0) && (
            <details>
              <summary>{t('planSql')}</summary>
              <pre>{s.sql.join(';\n')}</pre>
              {s.checks && s.checks.length > 0 && (
                <>
                  <h4>{t('planChecks')}</h4>
                  <ul>
                    {s.checks.map((c, j) => (
                      <li key={j}>
                        {c.message}
                        <pre>{c.sql}</pre>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
