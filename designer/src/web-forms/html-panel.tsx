import { useEffect, useState } from 'react';
import type { Locale } from '../../../engine/shared/metadata-types';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { useText } from '../i18n/text';
import { CopyButton } from './copy-button';
import { webFormMessages } from './messages';
import { loadFormHtml } from './web-forms-api';

/**
 * The embeddable HTML in the chosen language (with the key when this page
 * has it), read only with a copy button, and a live preview in a sandboxed
 * frame: no scripts, no submitting, nothing of the designer reachable.
 */
export function HtmlPanel({ formId, formKey, version }: { formId: string; formKey?: string; version: string }) {
  const t = useText(webFormMessages);
  const { locale: uiLocale } = useI18n();
  const [locale, setLocale] = useState<Locale>(uiLocale as Locale);
  const [html, setHtml] = useState<string>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    setError(undefined);
    loadFormHtml(formId, locale, formKey).then(
      (r) => live && setHtml(r.html),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => void (live = false);
  }, [formId, formKey, locale, version]);
  return (
    <section className="web-form-html" data-testid="web-form-html">
      <h2>{t('htmlTitle')}</h2>
      <label>
        {t('htmlLocale')}{' '}
        <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)} data-testid="web-form-html-locale">
          <option value="zh-CN">中文</option>
          <option value="en">English</option>
        </select>
      </label>
      {error && (
        <p role="alert" className="issue">
          {t('loadFailed', { message: error })}
        </p>
      )}
      {html !== undefined && (
        <>
          <textarea readOnly rows={14} value={html} data-testid="web-form-html-text" />
          <CopyButton text={html} testId="web-form-html-copy" />
          <h3>{t('preview')}</h3>
          <p className="hint">{t('previewHint')}</p>
          <iframe title={t('preview')} sandbox="" srcDoc={html} className="web-form-preview" data-testid="web-form-preview" />
        </>
      )}
    </section>
  );
}
