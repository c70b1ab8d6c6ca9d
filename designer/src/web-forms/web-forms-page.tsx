import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { Link, useRouter } from '../../../runtime-ui/src/router/router';
import { useDraft } from '../draft/draft-store';
import { useText } from '../i18n/text';
import { webFormMessages } from './messages';
import { WebFormEditor } from './web-form-editor';
import { createWebForm, freshKeys, listWebForms, type WebForm } from './web-forms-api';
import './web-forms.css';

/** /designer/web-forms: every form with its counts and state; a new one opens its page with the key shown once. */
export function WebFormsPage() {
  const t = useText(webFormMessages);
  const { label } = useI18n();
  const { navigate } = useRouter();
  const { published } = useDraft();
  const [forms, setForms] = useState<WebForm[]>();
  const [error, setError] = useState<string>();
  const [creating, setCreating] = useState(false);
  const load = useCallback(() => {
    setError(undefined);
    listWebForms().then(setForms, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  useEffect(load, [load]);
  const objectLabel = (name: string) => label(published?.snapshot.objects[name]?.label, name);
  const defaultObject = published?.snapshot.objects.lead ? 'lead' : (Object.keys(published?.snapshot.objects ?? {}).sort()[0] ?? 'lead');

  return (
    <div className="web-forms-page">
      <div className="page-head">
        <h1>{t('title')}</h1>
        {!creating && (
          <button type="button" className="primary" onClick={() => setCreating(true)} data-testid="web-form-new">
            {t('newForm')}
          </button>
        )}
      </div>
      <p className="hint">{t('intro')}</p>
      {creating && (
        <WebFormEditor
          initial={{ name: '', object: defaultObject, fields: [], ownerId: '', successUrl: null }}
          submitLabel={t('create')}
          onCancel={() => setCreating(false)}
          onSubmit={async (settings) => {
            const form = await createWebForm(settings);
            if (form.key) freshKeys.set(form.id, form.key);
            navigate(`/designer/web-forms/${form.id}`);
          }}
        />
      )}
      {error && (
        <p role="alert" className="issue">
          {t('loadFailed', { message: error })}{' '}
          <button type="button" onClick={load}>
            {t('retry')}
          </button>
        </p>
      )}
      {!forms && !error && <p>{t('loading')}</p>}
      {forms && forms.length === 0 && <p data-testid="web-forms-empty">{t('none')}</p>}
      {forms && forms.length > 0 && (
        <table className="object-table" data-testid="web-forms-table">
          <thead>
            <tr>
              <th>{t('colName')}</th>
              <th>{t('colObject')}</th>
              <th>{t('colSubmissions')}</th>
              <th>{t('colSpam')}</th>
              <th>{t('colState')}</th>
            </tr>
          </thead>
          <tbody>
            {forms.map((f) => (
              <tr key={f.id} data-testid={`web-form-row-${f.id}`}>
                <td>
                  <Link to={`/designer/web-forms/${f.id}`}>{f.name}</Link>
                </td>
                <td>{objectLabel(f.object)}</td>
                <td>{f.submissions}</td>
                <td>{f.spam}</td>
                <td>
                  <span className={`badge ${f.active ? 'badge-new' : 'badge-deleted'}`}>{f.active ? t('active') : t('inactive')}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
