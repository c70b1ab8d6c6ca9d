import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../shell/session';

export function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(email, password);
    } catch (err) {
      const code = err instanceof ApiError ? err.code : '';
      setError(code === 'AUTH_ACCOUNT_LOCKED' || code === 'AUTH_RATE_LIMITED' ? t('login.locked') : code === 'AUTH_INVALID_CREDENTIALS' ? t('login.failed') : err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="login">
      <form onSubmit={submit} className="card">
        <h1>{t('login.title')}</h1>
        <label>
          {t('login.email')}
          <input name="email" type="text" inputMode="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </label>
        <label>
          {t('login.password')}
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('login.submit')}
        </button>
        <button type="button" className="link" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
          {t('nav.language')}
        </button>
      </form>
    </div>
  );
}
