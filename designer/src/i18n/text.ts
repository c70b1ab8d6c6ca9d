import { useCallback } from 'react';
import { useI18n, type Locale } from '../../../runtime-ui/src/i18n/i18n';

/** One area's messages in both locales; Chinese must have every English key. */
export interface Messages<K extends string> {
  en: Record<K, string>;
  'zh-CN': Record<K, string>;
}

/** Declares an area's messages (each designer area keeps its own file, e.g. fields/messages.ts). */
export const defineMessages = <K extends string>(en: Record<K, string>, zhCN: Record<K, string>): Messages<K> => ({ en, 'zh-CN': zhCN });

/** Formats one message: `{name}` placeholders filled from vars. */
export const format = (text: string, vars?: Record<string, string | number>): string => text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars?.[k] ?? ''));

/** The text function for an area's messages in the chosen locale (the locale switch is shared with the runtime UI). */
export function useText<K extends string>(messages: Messages<K>): (key: K, vars?: Record<string, string | number>) => string {
  const { locale } = useI18n();
  return useCallback((key: K, vars?: Record<string, string | number>) => format(messages[locale as Locale][key], vars), [messages, locale]);
}
