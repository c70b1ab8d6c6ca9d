import { Link } from '../../../runtime-ui/src/router/router';
import { useDraft } from '../draft/draft-store';
import { relativeIssues } from '../draft/draft-types';
import { IssueList } from '../draft/issue-list';
import { useText } from '../i18n/text';
import { ObjectTabs } from '../shell/object-tabs';
import { FieldList } from './field-list';
import { objectMessages } from './messages';
import { ObjectDetails } from './object-details';
import './objects.css';

/** Parts of an object edited elsewhere on this page or on the other tabs. */
const HERE = ['/label', '/pluralLabel', '/description', '/sharing', '/nameField', '/fields'];
const OTHER_TABS = ['/validationRules', '/layout', '/listViews'];
const under = (path: string, parts: string[]) => parts.some((p) => path === p || path.startsWith(`${p}/`));

/** /designer/objects/:object — the object's details and its fields. */
export function ObjectPage({ object }: { object: string }) {
  const t = useText(objectMessages);
  const { snapshot, published, draft, check, putObject, discard } = useDraft();
  const def = snapshot.objects[object];
  if (!def) {
    const deleted = draft.objects[object] === null;
    return (
      <div className="object-page">
        <p role="alert" data-testid="object-not-found">
          {t(deleted ? 'markedDeleted' : 'notFound', { object })}{' '}
          {deleted && (
            <button type="button" onClick={() => discard({ object })} data-testid="object-undo-delete">
              {t('undo')}
            </button>
          )}{' '}
          <Link to="/designer">{t('back')}</Link>
        </p>
      </div>
    );
  }
  const issues = relativeIssues(check.issues, `/objects/${object}`);
  const elsewhere = issues.filter((i) => under(i.path, OTHER_TABS));
  return (
    <div className="object-page">
      <ObjectTabs object={object} />
      <IssueList issues={issues.filter((i) => !under(i.path, HERE) && !under(i.path, OTHER_TABS))} testId="object-issues" />
      {elsewhere.length > 0 && (
        <p className="issue" data-testid="object-other-tab-issues">
          {t('otherTabs', { count: elsewhere.length })}
        </p>
      )}
      {object in draft.objects && (
        <button type="button" className="link" onClick={() => discard({ object })} data-testid="object-discard">
          {t('discard')}
        </button>
      )}
      <div className="object-columns">
        <ObjectDetails def={def} onChange={putObject} issues={issues} />
        <FieldList def={def} published={published?.snapshot.objects[object]} onChange={putObject} issues={issues} />
      </div>
    </div>
  );
}
