import { useState } from 'react';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { Link } from '../../../runtime-ui/src/router/router';
import { useDraft } from '../draft/draft-store';
import { issuesUnder } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { DeleteObjectDialog } from './delete-object-dialog';
import { objectChange } from './draft-changes';
import { objectMessages } from './messages';
import { NewObjectForm } from './new-object-form';
import './objects.css';

const BADGE = { new: 'badgeNew', changed: 'badgeChanged', deleted: 'badgeDeleted' } as const;

/** /designer — every object as the draft would make it, what the draft does to each, create and delete. */
export function ObjectListPage() {
  const t = useText(objectMessages);
  const { label } = useI18n();
  const { snapshot, published, draft, check, deleteObject, discard } = useDraft();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<string>();
  const before = published?.snapshot ?? { objects: {}, valueSets: {} };
  const deleted = Object.keys(draft.objects).filter((n) => draft.objects[n] === null && before.objects[n]);
  const names = [...new Set([...Object.keys(snapshot.objects), ...deleted])].sort();

  const remove = (name: string) => {
    // A draft-only object has nothing published to drop: it just leaves the draft.
    if (before.objects[name]) setDeleting(name);
    else deleteObject(name);
  };
  return (
    <div className="object-list-page">
      <div className="page-head">
        <h1>{t('title')}</h1>
        {!creating && (
          <button type="button" className="primary" onClick={() => setCreating(true)} data-testid="object-new">
            {t('newObject')}
          </button>
        )}
      </div>
      {creating && <NewObjectForm onCancel={() => setCreating(false)} />}
      {names.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <table className="object-table" data-testid="object-table">
          <thead>
            <tr>
              <th>{t('colName')}</th>
              <th>{t('colLabel')}</th>
              <th>{t('colFields')}</th>
              <th>{t('colSharing')}</th>
              <th>{t('colState')}</th>
              <th>{t('colProblems')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {names.map((name) => {
              const def = snapshot.objects[name] ?? before.objects[name]!;
              const change = objectChange(name, before, draft);
              const issues = issuesUnder(check.issues, `/objects/${name}`);
              return (
                <tr key={name} className={change ? `change-${change}` : ''} data-testid={`object-row-${name}`}>
                  <td>{change === 'deleted' ? <code>{name}</code> : <Link to={`/designer/objects/${name}`} data-testid={`object-link-${name}`}><code>{name}</code></Link>}</td>
                  <td>{label(def.label, name)}</td>
                  <td>{def.fields.length}</td>
                  <td>{t(def.sharing ?? 'publicReadWrite')}</td>
                  <td>
                    {change && (
                      <span className={`badge badge-${change}`} data-testid={`object-badge-${name}`}>
                        {t(BADGE[change])}
                      </span>
                    )}
                  </td>
                  <td>
                    {issues.length > 0 && (
                      <Link to={`/designer/objects/${name}`} className="issue" data-testid={`object-issues-${name}`} title={issues.map((i) => `${i.code ?? ''} ${i.message}`).join('\n')}>
                        {t('problemsCount', { count: issues.length })}
                      </Link>
                    )}
                  </td>
                  <td>
                    {change === 'deleted' ? (
                      <button type="button" onClick={() => discard({ object: name })} data-testid={`object-undo-${name}`}>
                        {t('undo')}
                      </button>
                    ) : (
                      <button type="button" className="danger-link" onClick={() => remove(name)} data-testid={`object-delete-${name}`}>
                        {t('delete')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {deleting && <DeleteObjectDialog name={deleting} onClose={() => setDeleting(undefined)} />}
    </div>
  );
}
