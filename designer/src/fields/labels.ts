import type { RawLabel } from '../../../engine/shared/metadata-types';

/** The two locales' texts of a label as the inputs show them (a plain string label fills English). */
export interface LabelParts {
  en: string;
  zh: string;
}

export const labelParts = (l: RawLabel | undefined): LabelParts => (typeof l === 'string' ? { en: l, zh: '' } : { en: l?.en ?? '', zh: l?.['zh-CN'] ?? '' });

/** The label an editor writes: `{en, 'zh-CN'}` without blank locales; undefined when both are blank. */
export function labelOf(p: LabelParts): RawLabel | undefined {
  // Not trimmed: the text is written as the admin types it (trimming would eat the space before the next word).
  const en = p.en.trim() ? p.en : '';
  const zh = p.zh.trim() ? p.zh : '';
  if (!en && !zh) return undefined;
  return { ...(en ? { en } : {}), ...(zh ? { 'zh-CN': zh } : {}) };
}
