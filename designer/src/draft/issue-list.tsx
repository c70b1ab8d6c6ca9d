import type { DraftIssue } from './draft-types';

/** The server's problems with something, shown beside the control they name, each with its code. */
export function IssueList({ issues, testId }: { issues: DraftIssue[]; testId?: string }) {
  if (!issues.length) return null;
  return (
    <ul className="issue-list" role="alert" data-testid={testId}>
      {issues.map((i, n) => (
        <li key={`${i.path}:${i.code ?? ''}:${n}`} className="issue">
          {i.code && <code>{i.code}</code>}
          {i.message}
        </li>
      ))}
    </ul>
  );
}
