import { useEffect, useMemo, useState } from 'react';
import type { ConversionPreview, ConversionResult, ConvertedTarget, TargetChoice } from '../../../engine/shared/api/conversion';
import { ApiError } from '../api/api-error';
import { get, post } from '../api/client';
import { useDescribe } from '../api/metadata';
import { useApi } from '../api/use-api';
import { useI18n } from '../i18n/i18n';
import { RecordUnavailable } from '../record/record-unavailable';
import { Link, useRouter } from '../router/router';
import { ApiErrorView } from '../shell/api-error-view';
import { useSession } from '../shell/session';
import { conversionOf, convertPath } from './conversion-api';
import { TargetCard } from './target-card';
import './convert.css';

/** The request body: each target's choice (only the values the user changed) and the owner when one was chosen (else assignment rules decide). */
function requestBody(preview: ConversionPreview, choices: Record<string, TargetChoice>, overrides: Record<string, Record<string, unknown>>, owner: string) {
  const targets = Object.fromEntries(
    preview.targets.map((t) => {
      const c = choices[t.key]!;
      return [t.key, c.action === 'create' ? { action: 'create', values: overrides[t.key] ?? {} } : c];
    }),
  );
  return { targets, version: preview.version, ...(owner ? { owner } : {}) };
}

/** Who may own the new records: admins choose among the organisation's users, others keep them. */
function useOwnerChoices(): { id: string; displayName: string }[] {
  const { me } = useSession();
  const [users, setUsers] = useState<{ id: string; displayName: string; active?: boolean }[]>([]);
  useEffect(() => {
    if (!me?.isAdmin) return;
    let live = true;
    get<{ users: { id: string; displayName: string; active?: boolean }[] }>('/admin/users').then((r) => live && setUsers(r.users.filter((u) => u.active !== false)), () => undefined);
    return () => {
      live = false;
    };
  }, [me]);
  return me ? [{ id: me.id, displayName: me.displayName }, ...users.filter((u) => u.id !== me.id)] : users;
}

/**
 * Converting a record (a lead) into the records its conversion names: per
 * target create (mapped values shown and editable), attach an existing
 * record (suggested by duplicate rules, or searched) or skip; the owner of
 * the new records; the server's refusals beside the target and field they
 * name; a possible-duplicate warning can be overridden. Success opens the
 * first target (the account).
 */
export function ConvertPage({ object, id }: { object: string; id: string }) {
  const { t, label } = useI18n();
  const { navigate } = useRouter();
  const describe = useDescribe(object);
  const preview = useApi<ConversionPreview>(convertPath(object, id));
  const owners = useOwnerChoices();
  const [choices, setChoices] = useState<Record<string, TargetChoice>>({});
  const [overrides, setOverrides] = useState<Record<string, Record<string, unknown>>>({});
  const [owner, setOwner] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const p = preview.data;
  useEffect(() => {
    if (p) setChoices(Object.fromEntries(p.targets.map((x) => [x.key, { action: 'create', values: {} } as TargetChoice])));
  }, [p]);
  const labels = useMemo(() => new Map((p?.targets ?? []).map((x) => [x.key, label(x.label, x.key)])), [p, label]);
  const recordPath = `/app/o/${encodeURIComponent(object)}/${encodeURIComponent(id)}`;

  if (preview.error) return <RecordUnavailable error={preview.error} back={{ to: recordPath, label: t('convert.back') }} retry={preview.reload} />;
  if (!p || (p.targets.length && Object.keys(choices).length !== p.targets.length)) return <p>{t('common.loading')}</p>;
  const heading = describe.data ? t('convert.title', { object: label(describe.data.object.label, object) }) : t('convert.action');
  if (p.converted) {
    return (
      <article className="cv-page" data-testid="convert-page">
        <h1>{heading}</h1>
        <p data-testid="convert-already">{t('convert.already')}</p>
        <ConvertedLinks targets={p.converted.targets} labelOf={(k) => label((describe.data ? conversionOf(describe.data) : undefined)?.targets.find((x) => x.key === k)?.label, k)} />
        <Link to={recordPath}>{t('convert.back')}</Link>
      </article>
    );
  }
  const incomplete = p.targets.some((x) => choices[x.key]?.action === 'existing' && !(choices[x.key] as { id: string }).id);
  const submit = async (allowDuplicates = false) => {
    setBusy(true);
    setError(undefined);
    try {
      const res = await post<ConversionResult>(`${convertPath(object, id)}${allowDuplicates ? '?allowDuplicates=true' : ''}`, requestBody(p, choices, overrides, owner));
      const first = p.targets.map((x) => res.targets[x.key]).find((x): x is ConvertedTarget => !!x);
      navigate(first ? `/app/o/${encodeURIComponent(first.object)}/${encodeURIComponent(first.id)}` : recordPath);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT_ERROR', String(e)));
      setBusy(false);
    }
  };
  const targetError = error && typeof error.details.target === 'string' ? error : undefined;
  return (
    <article className="cv-page" data-testid="convert-page">
      <h1>{heading}</h1>
      {p.targets.map((x) => (
        <TargetCard
          key={x.key}
          target={x}
          choice={choices[x.key]!}
          overrides={overrides[x.key] ?? {}}
          error={error}
          labelOf={(k) => labels.get(k) ?? k}
          onChoice={(c) => setChoices((cs) => ({ ...cs, [x.key]: c }))}
          onOverride={(field, value) => setOverrides((o) => ({ ...o, [x.key]: { ...o[x.key], [field]: value } }))}
        />
      ))}
      <label className="cv-owner">
        {t('convert.owner')}
        <select value={owner} onChange={(e) => setOwner(e.target.value)} data-testid="convert-owner">
          <option value="">{t('convert.ownerByRules')}</option>
          {owners.map((u) => (
            <option key={u.id} value={u.id}>
              {u.displayName}
            </option>
          ))}
        </select>
      </label>
      {error && error.code === 'RECORD_DUPLICATE_WARNING' && (
        <div role="alert" className="api-error" data-testid="convert-duplicate-warning">
          <span>{error.message}</span>
          <button type="button" disabled={busy} onClick={() => void submit(true)} data-testid="convert-anyway">
            {t('convert.anyway')}
          </button>
        </div>
      )}
      {error && !targetError && error.code !== 'RECORD_DUPLICATE_WARNING' && <ApiErrorView error={error} />}
      <div className="cv-buttons">
        <button type="button" className="rp-button cv-primary" disabled={busy || incomplete} onClick={() => void submit()} data-testid="convert-submit">
          {t('convert.submit')}
        </button>
        <Link to={recordPath}>{t('common.cancel')}</Link>
      </div>
    </article>
  );
}

/** Links to what a converted record became. */
function ConvertedLinks({ targets, labelOf }: { targets: Record<string, ConvertedTarget>; labelOf(key: string): string }) {
  return (
    <ul data-testid="convert-targets">
      {Object.entries(targets).map(([key, x]) => (
        <li key={key}>
          <Link to={`/app/o/${encodeURIComponent(x.object)}/${encodeURIComponent(x.id)}`}>{labelOf(key)}</Link>
        </li>
      ))}
    </ul>
  );
}
