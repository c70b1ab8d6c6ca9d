import { useState } from 'react';
import { useText } from '../i18n/text';
import { CopyButton } from './copy-button';
import { webFormMessages } from './messages';

/** The key, shown once after create or rotate (with copy), else why it is not shown; rotating asks first. */
export function KeyPanel({ formKey, onRotate }: { formKey?: string; onRotate(): Promise<void> }) {
  const t = useText(webFormMessages);
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="web-form-key" data-testid="web-form-key">
      <h2>{t('keyTitle')}</h2>
      {formKey ? (
        <>
          <p className="warning">{t('keyOnce')}</p>
          <input readOnly value={formKey} data-testid="web-form-key-value" onFocus={(e) => e.target.select()} />
          <CopyButton text={formKey} testId="web-form-key-copy" />
        </>
      ) : (
        <p>{t('keyHidden')}</p>
      )}
      {confirming ? (
        <p className="confirm">
          {t('rotateConfirm')}{' '}
          <button type="button" className="danger" onClick={() => void onRotate().finally(() => setConfirming(false))} data-testid="web-form-rotate-run">
            {t('rotateRun')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </p>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} data-testid="web-form-rotate">
          {t('rotate')}
        </button>
      )}
    </section>
  );
}
