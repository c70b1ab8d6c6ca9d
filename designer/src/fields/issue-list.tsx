import type { DraftIssue } from '../draft/draft-types';

/** Issues whose path is under `prefix`, with the prefix cut off (so `/objects/deal/fields/2/name` becomes `/name`). */
export const relativeIssues = (issues: DraftIssue[], prefix: string): DraftIssue[] =>
  issues.filter((i) => i.path === prefix || i.path.startsWith(`${prefix}/`)).map((i) => ({ ...i, path: i.path.slice(prefix.length) }));

/** Issues under a relative pointer ("/options/target"). */
export const issuesAt = (issues: DraftIssue[], pointer: string): DraftIssue[] => issues.filter((i) => i.path === pointer || i.path.startsWith(`${pointer}/`));

/** Problems shown next to the control they name, each with its code. */
export function IssueList({ issues, testId }: { issues: DraftIssue[]; testId?: string }) {
  if (!issues.length) return null;
  return (
    <ul className="issue-list" data-testid={testId}>
      {issues.map((i, n) => (
        <li key={`${i.path}:${i.code ?? ''}:${n}`} className="issue" role="alert">
          {i.code && <code>{i.code}</code>}
          {i.message}
        </li>
      ))}
    </ul>
  );
}
