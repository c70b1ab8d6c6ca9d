import { useEffect, useState } from 'react';
import { ApiError } from '../../../runtime-ui/src/api/api-error';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { useDraft } from '../draft/draft-store';
import type { DraftIssue } from '../draft/draft-types';
import { relativeIssues } from '../draft/draft-types';
import { IssueList } from '../draft/issue-list';
import { useText } from '../i18n/text';
import { FormFieldsChooser } from './form-fields-chooser';
import { webFormMessages } from './messages';
import { formableFields, loadUsers, type UserChoice, type WebFormSettings } from './web-forms-api';

interface Props {
  initial: WebFormSettings;
  submitLabel: string;
  /** Sends the settings; a refusal (ApiError with issues) is shown beside the controls it names. */
  onSubmit(settings: WebFormSettings): Promise<void>;
  onCancel?: () => void;
}

/** Name, object, fields, owner and success address of a form; the server's issues inline. */
export function WebFormEditor({ initial, submitLabel, onSubmit, onCancel }: Props) {
  const t = useText(webFormMessages);
  const { label } = useI18n();
  const { published } = useDraft();
  const objects = Object.values(published?.snapshot.objects ?? {}).sort((a, b) => a.name.localeCompare(b.name));
  const [s, setS] = useState<WebFormSettings>(initial);
  const [users, setUsers] = useState<UserChoice[]>([]);
  const [issues, setIssues] = useState<DraftIssue[]>([]);
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    loadUsers().then(setUsers, (e: unknown) => setMessage(e instanceof Error ? e.message : String(e)));
  }, []);
  const available = formableFields(published?.snapshot.objects[s.object]);
  const at = (path: string) => relativeIssues(issues, path).filter((i) => i.path === '');

  const submit = async () => {
    setBusy(true);
    setIssues([]);
    setMessage(undefined);
    try {
      await onSubmit({ ...s, successUrl: s.successUrl?.trim() ? s.successUrl.trim() : null });
    } catch (e) {
      const found = e instanceof ApiError ? ((e.details.issues as DraftIssue[] | undefined) ?? []) : [];
      setIssues(found);
      setMessage(t('refused', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="web-form-editor" data-testid="web-form-editor" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <label className="stacked">
        {t('name')}
        <input value={s.name} onChange={(e) => setS({ ...s, name: e.target.value })} data-testid="web-form-name" />
      </label>
      <IssueList issues={at('/name')} testId="web-form-name-issues" />
      <label className="stacked">
        {t('object')}
        <select value={s.object} onChange={(e) => setS({ ...s, object: e.target.value, fields: [] })} data-testid="web-form-object">
          {!objects.some((o) => o.name === s.object) && <option value={s.object}>{s.object}</option>}
          {objects.map((o) => (
            <option key={o.name} value={o.name}>
              {label(o.label, o.name)} ({o.name})
            </option>
          ))}
        </select>
      </label>
      <IssueList issues={at('/object')} testId="web-form-object-issues" />
      <FormFieldsChooser available={available} value={s.fields} onChange={(fields) => setS({ ...s, fields })} issues={issues} />
      <label className="stacked">
        {t('owner')}
        <select value={s.ownerId} onChange={(e) => setS({ ...s, ownerId: e.target.value })} data-testid="web-form-owner">
          <option value="">{t('chooseOwner')}</option>
          {users
            .filter((u) => u.active || u.id === s.ownerId)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName} ({u.email})
              </option>
            ))}
        </select>
        <span className="hint">{t('ownerHint')}</span>
      </label>
      <IssueList issues={at('/ownerId')} testId="web-form-owner-issues" />
      <label className="stacked">
        {t('successUrl')}
        <input type="url" value={s.successUrl ?? ''} onChange={(e) => setS({ ...s, successUrl: e.target.value })} placeholder="https://" data-testid="web-form-success-url" />
        <span className="hint">{t('successHint')}</span>
      </label>
      <IssueList issues={at('/successUrl')} testId="web-form-success-url-issues" />
      {message && (
        <p role="alert" className="issue" data-testid="web-form-refused">
          {message}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="web-form-submit">
          {busy ? t('saving') : submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
