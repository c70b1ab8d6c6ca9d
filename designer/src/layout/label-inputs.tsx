import type { Locale, RawLabel } from '../../../engine/shared/metadata-types';
import { isBlankLabel, labelText, withLabelText } from '../i18n/label-text';

interface Props {
  value: RawLabel | undefined;
  onChange(next: RawLabel): void;
  /** data-testid prefix: `<prefix>-en-<suffix>` and `<prefix>-zh-<suffix>`. */
  testid: string;
  suffix: string | number;
  names: { en: string; zh: string };
}

/** The English and Chinese text of a metadata label, side by side. */
export function LabelInputs({ value, onChange, testid, suffix, names }: Props) {
  // A plain-string label shows in both inputs, as the app shows it. An emptied label stays `{en: ''}`
  // so the server names the problem instead of the editor hiding it.
  const write = (locale: Locale, text: string) => {
    const next = withLabelText(value, locale, text, 'every-locale');
    onChange(isBlankLabel(next) ? { en: '' } : next);
  };
  return (
    <span className="label-inputs">
      <input aria-label={names.en} placeholder={names.en} value={labelText(value, 'en', 'every-locale')} onChange={(e) => write('en', e.target.value)} data-testid={`${testid}-en-${suffix}`} />
      <input aria-label={names.zh} placeholder={names.zh} lang="zh-CN" value={labelText(value, 'zh-CN', 'every-locale')} onChange={(e) => write('zh-CN', e.target.value)} data-testid={`${testid}-zh-${suffix}`} />
    </span>
  );
}
