import { useMemo } from 'react';
import type { RuleType } from '../../../engine/shared/rules/catalogue';
import { checkRule } from '../../../engine/shared/rules/check/check-rule';
import { useDraft } from '../draft/draft-store';
import type { DraftIssue } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { ruleMessages } from './messages';
import { draftRuleScope } from './rule-fields';

interface CheckPanelProps {
  object: string;
  rule: unknown;
  allowContext: boolean;
  expect?: RuleType[];
  /** The server's issues for this rule (paths relative to the rule). */
  issues: DraftIssue[];
  tid: string;
}

/** The live verdict of the shared type checker on the rule as it stands, and what the server said about it. */
export function CheckPanel({ object, rule, allowContext, expect, issues, tid }: CheckPanelProps) {
  const t = useText(ruleMessages);
  const { snapshot } = useDraft();
  const verdict = useMemo(() => (rule === undefined ? undefined : checkRule(rule, draftRuleScope(snapshot, object, allowContext), expect)), [rule, snapshot, object, allowContext, expect]);
  const issue = verdict?.issues[0];
  return (
    <div className="rule-check">
      <p className={issue ? 'issue' : 'rule-ok'} data-testid={`${tid}-check`} data-path={issue?.path}>
        {!verdict ? t('checkEmpty') : issue ? t('checkIssue', { path: issue.path || '/', message: issue.message }) : t('checkOk', { type: verdict.expr?.type ?? '' })}
      </p>
      {issues.length > 0 && (
        <div className="rule-server-issues" data-testid={`${tid}-server-issues`}>
          <p>{t('serverIssues')}</p>
          <ul>
            {issues.map((i, k) => (
              <li key={k} className="issue">
                {i.code && <code>{i.code}</code>}
                {i.message} <code>{i.path || '/'}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
