import { Link } from '../../../runtime-ui/src/router/router';
import { useDraft } from '../draft/draft-store';
import { useText } from '../i18n/text';
import { shellMessages } from './messages';

/** The draft's state in the top bar, linking to the review page. */
export function DraftStatus() {
  const t = useText(shellMessages);
  const { draft, check } = useDraft();
  const count = Object.keys(draft.objects).length + Object.keys(draft.valueSets).length;
  const text =
    count === 0
      ? t('draftNone')
      : check.status === 'checking'
        ? t('draftChecking')
        : check.status === 'valid'
          ? t('draftValid', { count })
          : check.status === 'conflict'
            ? t('draftConflict')
            : check.status === 'error'
              ? t('draftError', { message: check.message ?? '' })
              : t('draftInvalid', { count, problems: Math.max(1, check.issues.length) });
  return (
    <Link to="/designer/review" className={`draft-status draft-${count === 0 ? 'none' : check.status}`} data-testid="draft-status">
      {text}
    </Link>
  );
}
