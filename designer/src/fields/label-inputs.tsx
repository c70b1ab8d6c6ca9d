import type { RawLabel } from '../../../engine/shared/metadata-types';
import { labelOf, labelParts } from './labels';

/** An English and a Chinese text box for one label; writes `{en, 'zh-CN'}`. */
export function LabelInputs({ value, onChange, testId, legend, enText, zhText }: { value: RawLabel | undefined; onChange(next: RawLabel | undefined): void; testId: string; legend: string; enText: string; zhText: string }) {
  const p = labelParts(value);
  return (
    <fieldset className="label-inputs">
      <legend>{legend}</legend>
      <label>
        <span>{enText}</span>
        <input value={p.en} lang="en" onChange={(e) => onChange(labelOf({ ...p, en: e.target.value }))} data-testid={`${testId}-en`} />
      </label>
      <label>
        <span>{zhText}</span>
        <input value={p.zh} lang="zh-CN" onChange={(e) => onChange(labelOf({ ...p, zh: e.target.value }))} data-testid={`${testId}-zh`} />
      </label>
    </fieldset>
  );
}
