import { Link } from '../../../runtime-ui/src/router/router';
import type { RawSnapshot } from '../../../engine/shared/metadata-types';
import type { DraftIssue } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { issueLink } from './issue-link';
import { reviewMessages } from './messages';

/** The server's problems with the draft, each with its code and path, linking to the page that edits it. */
export function IssueList({ issues, snapshot }: { issues: DraftIssue[]; snapshot: RawSnapshot }) {
  const t = useText(reviewMessages);
  return (
    <ul className="review-issues">
      {issues.map((i, n) => {
        const to = issueLink(i.path, snapshot);
        return (
          <li key={n} className="issue" data-testid={`review-issue-${n}`}>
            {i.code && <code>{i.code}</code>} {i.message} <span className="issue-path">{i.path}</span>{' '}
            {to && (
              <Link to={to} data-testid={`review-issue-link-${n}`}>
                {t('problemOpen')}
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}
