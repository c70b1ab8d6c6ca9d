import type { ReactNode } from 'react';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { issuesUnder, type DraftIssue } from '../draft/draft-types';
import { IssueList } from '../draft/issue-list';
import { settingName } from './settings-text';

/** One setting in a specialised widget: its name, the control, a hint, and the issues under `/<name>` of the settings. */
export function SettingRow({ name, required, issues, testId, hint, children }: { name: string; required?: boolean; issues: DraftIssue[]; testId: string; hint?: ReactNode; children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <div className="setting-row">
      <span className="setting-name">
        {settingName(locale, name)}
        {required && <span className="required-mark"> *</span>}
      </span>
      <div className="setting-control">
        {children}
        {hint && <small className="setting-help">{hint}</small>}
        <IssueList issues={issuesUnder(issues, `/${name}`)} testId={`${testId}-issues`} />
      </div>
    </div>
  );
}

/** Settings without some keys (a widget switching between alternatives, e.g. values / valueSet). */
export function withSettings(options: Record<string, unknown>, set: Record<string, unknown>): Record<string, unknown> {
  const next = { ...options, ...set };
  for (const [k, v] of Object.entries(set)) if (v === undefined) delete next[k];
  return next;
}
