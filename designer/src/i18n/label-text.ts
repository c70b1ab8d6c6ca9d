import type { Locale, RawLabel } from '../../../engine/shared/metadata-types';

/** A label as the designer's inputs write it: one text per locale, blank locales left out. */
export type LocaleTexts = Partial<Record<Locale, string>>;

/**
 * How a plain-string label (one text for every locale, as label.schema.json
 * allows) shows in the per-locale inputs:
 * - 'english': in the English input only, so Chinese starts empty (objects, fields, picklists);
 * - 'every-locale': in every input, as the app shows it (layout sections, related lists, list views, rule messages).
 */
export type PlainLabelReading = 'english' | 'every-locale';

const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** One locale's text of a label as written ('' when it has none). */
export function labelText(label: RawLabel | undefined, locale: Locale, plain: PlainLabelReading = 'english'): string {
  if (typeof label === 'string') return plain === 'every-locale' || locale === 'en' ? label : '';
  return label?.[locale] ?? '';
}

/** True when no locale of the label has any text but spaces. */
export const isBlankLabel = (label: RawLabel | undefined): boolean => LOCALES.every((l) => !labelText(label, l, 'every-locale').trim());

/**
 * The label with one locale's text replaced, written as `{en, 'zh-CN'}`.
 * A plain string is first read as `plain` says. Blank locales (spaces only)
 * are left out; the text itself is kept as typed, not trimmed, so the space
 * before the next word survives. A label with no text left is `{}`; what
 * that should become (removed, or `{en: ''}` for the server to name) is the
 * caller's choice.
 */
export function withLabelText(label: RawLabel | undefined, locale: Locale, text: string, plain: PlainLabelReading = 'english'): LocaleTexts {
  const out: LocaleTexts = {};
  for (const l of LOCALES) {
    const t = l === locale ? text : labelText(label, l, plain);
    if (t.trim()) out[l] = t;
  }
  return out;
}
