import type { DraftIssue } from '../draft/draft-types';

/** The server's issues beside the thing they name, each with its code. */
export function IssueList({ issues, testId }: { issues: DraftIssue[]; testId?: string }) {
  if (!issues.length) return null;
  return (
    <div className="picklist-issues" role="alert" data-testid={testId}>
      {issues.map((i, n) => (
        <p key={`${i.path}-${n}`} className="issue">
          {i.code && <code>{i.code}</code>}
          {i.message}
        </p>
      ))}
    </div>
  );
}
