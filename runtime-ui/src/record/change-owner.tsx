import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { get, post } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { ApiErrorView } from '../shell/api-error-view';
import { useSession } from '../shell/session';

interface UserChoice {
  id: string;
  displayName: string;
  email?: string;
  active?: boolean;
}

/**
 * Gives the record to another user (POST /records/:object/transfer). Admins
 * pick from the organisation's users; others may take it themselves or give
 * a user id (the user list is for admins only). Refusals are shown here.
 */
export function ChangeOwner({ object, id, current, onDone, onCancel }: { object: string; id: string; current?: string; onDone(): void; onCancel(): void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const [users, setUsers] = useState<UserChoice[]>(me ? [{ id: me.id, displayName: me.displayName }] : []);
  const [ownerId, setOwnerId] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!me?.isAdmin) return;
    let live = true;
    get<{ users: UserChoice[] }>('/admin/users').then(
      (r) => live && setUsers(r.users.filter((u) => u.active !== false)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [me]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ownerId.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      await post(`/records/${encodeURIComponent(object)}/transfer`, { ids: [id], ownerId: ownerId.trim() });
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'CLIENT_ERROR', String(err)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="rp-owner" onSubmit={(e) => void submit(e)} data-testid="change-owner">
      <label>
        {t('record.newOwner')}
        <select value={users.some((u) => u.id === ownerId) ? ownerId : ''} onChange={(e) => setOwnerId(e.target.value)}>
          <option value="">{t('record.pickUser')}</option>
          {users.map((u) => (
            <option key={u.id} value={u.id} disabled={u.id === current}>
              {u.displayName}
              {u.email ? ` <${u.email}>` : ''}
            </option>
          ))}
        </select>
      </label>
      {!me?.isAdmin && (
        <label>
          {t('record.userId')}
          <input value={ownerId} onChange={(e) => setOwnerId(e.target.value)} placeholder="00000000-0000-0000-0000-000000000000" />
        </label>
      )}
      <div className="rp-row">
        <button type="submit" disabled={busy || !ownerId.trim()}>
          {t('record.transfer')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      {error && <ApiErrorView error={error} />}
    </form>
  );
}
