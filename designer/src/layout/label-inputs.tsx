import type { Locale, RawLabel } from '../../../engine/shared/metadata-types';

/** The text a label has in one locale (a plain-string label reads the same in every locale). */
export const labelIn = (raw: RawLabel | undefined, locale: Locale): string => (typeof raw === 'string' ? raw : (raw?.[locale] ?? ''));

/** A label with one locale's text changed, written as `{en, 'zh-CN'}` (empty locales left out). */
export function labelWith(raw: RawLabel | undefined, locale: Locale, text: string): RawLabel {
  const base: Partial<Record<Locale, string>> = typeof raw === 'string' ? { en: raw, 'zh-CN': raw } : { ...raw };
  base[locale] = text;
  const out: Partial<Record<Locale, string>> = {};
  if (base.en) out.en = base.en;
  if (base['zh-CN']) out['zh-CN'] = base['zh-CN'];
  // An empty label stays empty so the server names the problem instead of the editor hiding it.
  return out.en || out['zh-CN'] ? out : { en: '' };
}

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
  return (
    <span className="label-inputs">
      <input aria-label={names.en} placeholder={names.en} value={labelIn(value, 'en')} onChange={(e) => onChange(labelWith(value, 'en', e.target.value))} data-testid={`${testid}-en-${suffix}`} />
      <input aria-label={names.zh} placeholder={names.zh} lang="zh-CN" value={labelIn(value, 'zh-CN')} onChange={(e) => onChange(labelWith(value, 'zh-CN', e.target.value))} data-testid={`${testid}-zh-${suffix}`} />
    </span>
  );
}
