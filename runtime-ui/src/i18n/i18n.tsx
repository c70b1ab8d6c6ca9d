import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { en, zhCN, type MessageKey } from './messages';

export type Locale = 'en' | 'zh-CN';
/** A metadata label: one string per locale. */
export type Label = Partial<Record<Locale, string>> | string;

const STORAGE_KEY = 'tessera.locale';

/** The saved choice, else the browser's language (Chinese → zh-CN, anything else → en). */
export function initialLocale(): Locale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (saved === 'en' || saved === 'zh-CN') return saved;
  const lang = typeof navigator !== 'undefined' ? navigator.language : 'en';
  return lang.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** Formats per locale: dates, numbers, money, percentages. */
export function formatters(locale: Locale) {
  const date = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
  const datetime = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  const currency = new Intl.NumberFormat(locale, { style: 'currency', currency: locale === 'zh-CN' ? 'CNY' : 'USD' });
  const percent = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return {
    /** A YYYY-MM-DD date, shown without any time-zone shift. */
    date: (v: string) => date.format(new Date(`${v}T00:00:00Z`)),
    datetime: (v: string) => datetime.format(new Date(v)),
    number: (v: number) => number.format(v),
    currency: (v: number, code?: string) => (code ? new Intl.NumberFormat(locale, { style: 'currency', currency: code }).format(v) : currency.format(v)),
    percent: (v: number) => `${percent.format(v)}%`,
  };
}

export interface I18n {
  locale: Locale;
  setLocale(l: Locale): void;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** A metadata label in the chosen locale (falling back to English, then to the raw text). */
  label(l: Label | undefined, fallback?: string): string;
  fmt: ReturnType<typeof formatters>;
}

const Ctx = createContext<I18n | null>(null);

export function makeI18n(locale: Locale, setLocale: (l: Locale) => void): I18n {
  const messages = locale === 'zh-CN' ? zhCN : en;
  return {
    locale,
    setLocale,
    t: (key, vars) => messages[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars?.[k] ?? '')),
    label: (l, fallback = '') => (typeof l === 'string' ? l : (l?.[locale] ?? l?.en ?? fallback)),
    fmt: formatters(locale),
  };
}

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(initial ?? initialLocale);
  const value = useMemo(() => {
    document.documentElement.lang = locale;
    return makeI18n(locale, (l) => {
      localStorage.setItem(STORAGE_KEY, l);
      setLocaleState(l);
    });
  }, [locale]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
