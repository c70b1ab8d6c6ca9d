import { LOCALES, type Label, type Locale, type RawLabel } from './metadata-types';

/** Turns a plain-string or partial label into one string per locale. */
export function normalizeLabel(raw: RawLabel | undefined, fallback: string): Label {
  if (raw === undefined) return { en: fallback, 'zh-CN': fallback };
  if (typeof raw === 'string') return { en: raw, 'zh-CN': raw };
  const first = LOCALES.map((l) => raw[l]).find((v) => v !== undefined) ?? fallback;
  return { en: raw.en ?? first, 'zh-CN': raw['zh-CN'] ?? first };
}

/** Picks the best locale for an Accept-Language header. */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'en';
  return /^\s*zh/i.test(acceptLanguage) ? 'zh-CN' : 'en';
}
