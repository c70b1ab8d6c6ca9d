import type { DraftIssue } from '../draft/draft-types';

/** The server's problems with something, shown beside it with their codes. */
export function IssueList({ issues, testid }: { issues: DraftIssue[]; testid?: string }) {
  if (!issues.length) return null;
  return (
    <ul className="issue-list" role="alert" {...(testid ? { 'data-testid': testid } : {})}>
      {issues.map((i) => (
        <li key={`${i.path}:${i.code ?? ''}:${i.message}`} className="issue">
          {i.code && <code>{i.code}</code>}
          {i.message}
        </li>
      ))}
    </ul>
  );
}
