import type { Locale, RawLabel } from '../../../engine/shared/metadata-types';
import { isBlankLabel, labelText, withLabelText } from '../i18n/label-text';

/** An English and a Chinese text box for one label; writes `{en, 'zh-CN'}`. */
export function LabelInputs({ value, onChange, testId, legend, enText, zhText }: { value: RawLabel | undefined; onChange(next: RawLabel | undefined): void; testId: string; legend: string; enText: string; zhText: string }) {
  // A label left without text is removed (an optional one disappears; a required one is named by the editor's checks).
  const write = (locale: Locale, text: string) => {
    const next = withLabelText(value, locale, text);
    onChange(isBlankLabel(next) ? undefined : next);
  };
  return (
    <fieldset className="label-inputs">
      <legend>{legend}</legend>
      <label>
        <span>{enText}</span>
        <input value={labelText(value, 'en')} lang="en" onChange={(e) => write('en', e.target.value)} data-testid={`${testId}-en`} />
      </label>
      <label>
        <span>{zhText}</span>
        <input value={labelText(value, 'zh-CN')} lang="zh-CN" onChange={(e) => write('zh-CN', e.target.value)} data-testid={`${testId}-zh`} />
      </label>
    </fieldset>
  );
}
