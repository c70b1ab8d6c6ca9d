import { useEffect, useState } from 'react';
import { ApiError } from '../../../runtime-ui/src/api/api-error';
import { Link, useRouter } from '../../../runtime-ui/src/router/router';
import { useText } from '../i18n/text';
import { HtmlPanel } from './html-panel';
import { KeyPanel } from './key-panel';
import { webFormMessages } from './messages';
import { WebFormEditor } from './web-form-editor';
import { changeWebForm, deleteWebForm, freshKeys, loadWebForm, rotateKey, type WebForm } from './web-forms-api';
import './web-forms.css';

/** /designer/web-forms/:id: change the form, its key (shown once), its HTML and preview; deactivate or delete it. */
export function WebFormPage({ id }: { id: string }) {
  const t = useText(webFormMessages);
  const { navigate } = useRouter();
  const [form, setForm] = useState<WebForm>();
  const [error, setError] = useState<{ notFound: boolean; message: string }>();
  // A key this page view received (at create on the list page, or by rotating here); never fetched again.
  const [formKey, setFormKey] = useState<string | undefined>(() => freshKeys.get(id));
  const [saved, setSaved] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [actionError, setActionError] = useState<string>();
  useEffect(() => () => void freshKeys.delete(id), [id]);
  useEffect(() => {
    loadWebForm(id).then(setForm, (e: unknown) => setError({ notFound: e instanceof ApiError && e.status === 404, message: e instanceof Error ? e.message : String(e) }));
  }, [id]);
  const act = async (run: () => Promise<void>) => {
    setActionError(undefined);
    try {
      await run();
    } catch (e) {
      setActionError(e instanceof Error ? e.message : String(e));
    }
  };

  if (error) return <p role="alert" className="issue">{error.notFound ? t('notFound') : t('loadFailed', { message: error.message })}</p>;
  if (!form) return <p>{t('loading')}</p>;
  return (
    <div className="web-form-page">
      <p>
        <Link to="/designer/web-forms">{t('back')}</Link>
      </p>
      <h1>
        {form.name} <span className={`badge ${form.active ? 'badge-new' : 'badge-deleted'}`}>{form.active ? t('active') : t('inactive')}</span>
      </h1>
      <p className="hint" data-testid="web-form-stats">
        {t('stats', { submissions: form.submissions, spam: form.spam })}
      </p>
      <KeyPanel
        formKey={formKey}
        onRotate={() =>
          act(async () => {
            const rotated = await rotateKey(form.id);
            setFormKey(rotated.key);
            setForm(rotated);
          })
        }
      />
      <HtmlPanel formId={form.id} formKey={formKey} version={form.updatedAt} />
      <WebFormEditor
        key={form.updatedAt}
        initial={{ name: form.name, object: form.object, fields: form.fields, ownerId: form.ownerId, successUrl: form.successUrl }}
        submitLabel={t('save')}
        onSubmit={async (settings) => {
          setSaved(false);
          setForm(await changeWebForm(form.id, settings));
          setSaved(true);
        }}
      />
      {saved && <p data-testid="web-form-saved">{t('saved')}</p>}
      <div className="web-form-actions">
        <button type="button" onClick={() => void act(async () => setForm(await changeWebForm(form.id, { active: !form.active })))} data-testid="web-form-toggle-active">
          {form.active ? t('deactivate') : t('activate')}
        </button>
        <span className="hint">{t('deactivateHint')}</span>
        {confirmDelete ? (
          <span className="confirm">
            {t('deleteConfirm')}{' '}
            <button type="button" className="danger" onClick={() => void act(async () => (await deleteWebForm(form.id), navigate('/designer/web-forms')))} data-testid="web-form-delete-run">
              {t('deleteRun')}
            </button>{' '}
            <button type="button" onClick={() => setConfirmDelete(false)}>
              {t('cancel')}
            </button>
          </span>
        ) : (
          <button type="button" className="danger-link" onClick={() => setConfirmDelete(true)} data-testid="web-form-delete">
            {t('delete')}
          </button>
        )}
      </div>
      {actionError && (
        <p role="alert" className="issue" data-testid="web-form-action-error">
          {actionError}
        </p>
      )}
    </div>
  );
}
