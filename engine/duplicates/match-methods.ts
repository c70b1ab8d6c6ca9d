import type { MatchMethod } from '../shared/metadata-types';

/**
 * The match keys of the duplicate-rule methods, in two forms rendered from
 * the same pieces: a JavaScript function (previews, tests) and an SQL
 * expression over a text expression (the matching query and the expression
 * indexes the schema engine creates). Only IMMUTABLE built-ins are used
 * (translate, lower, regexp_replace, btrim, replace, nullif), so the SQL form
 * can be indexed. The SQL form is authoritative: the matching query computes
 * both the stored and the candidate side in SQL; a test runs both forms on
 * tricky inputs against PostgreSQL and requires the same answers.
 *
 * A key is null when the value cannot match (null, empty, nothing left).
 */

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)).join('');
/** Full-width ASCII (！ … ～), the ideographic space and the no-break space … */
const WIDE = `${range(0xff01, 0xff5e)}\u3000\u00a0`;
/** … and what each becomes. */
const NARROW = `${range(0x21, 0x7e)}  `;

/** Whitespace both sides agree on (no locale-dependent classes). */
const SPACE_CLASS = String.raw`[ \t\n\r\f\v]`;
/** ASCII punctuation and the common CJK marks (、。· 〈〉《》「」『』【】). */
const PUNCT_CLASS = String.raw`[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e` + '\u3001\u3002\u00b7\u3008-\u3011]';
/** "(中国)" / "(China)" anywhere, after full-width brackets became ASCII and letters lower case. */
const COUNTRY = String.raw`\(中国\)|\(china\)`;
const CN_SUFFIXES = ['集团股份有限公司', '集团有限公司', '股份有限公司', '有限责任公司', '有限公司', '分公司', '公司'];
const EN_SUFFIXES = ['co', 'ltd', 'limited', 'inc', 'incorporated', 'corp', 'corporation', 'company', 'llc', 'llp', 'plc', 'gmbh', 'ag', 'pte', 'pty'];
/** Legal-form suffixes at the end of a name (repeated: "co ltd"); English ones as separate words. */
const SUFFIXES = `((${CN_SUFFIXES.join('|')})| (${EN_SUFFIXES.join('|')}))+$`;
const PHONE_KEEP = '[^0-9+]';
const COUNTRY_CODE = String.raw`^(\+86|0086)`;
const NON_DIGIT = '[^0-9]';

/* ------------------------------------------------------------------ JS */

const toNarrow = (s: string) => s.replace(/[\uff01-\uff5e\u3000\u00a0]/g, (c) => NARROW[WIDE.indexOf(c)]!);
/** Lower case one character at a time, as PostgreSQL does: no context-dependent final sigma, and an expansion (İ → i̇) keeps its first character. */
const lowerChars = (s: string) => Array.from(s, (c) => Array.from(c.toLowerCase())[0]!).join('');
const re = (source: string, flags = '') => new RegExp(source, flags);
const nonEmpty = (s: string) => (s === '' ? null : s);

function normalizedJs(s: string): string | null {
  return nonEmpty(lowerChars(toNarrow(s)).replace(re(SPACE_CLASS, 'g'), ''));
}

function phoneJs(s: string): string | null {
  const kept = toNarrow(s).replace(re(PHONE_KEEP, 'g'), '');
  return nonEmpty(kept.replace(re(COUNTRY_CODE), '').replace(re(NON_DIGIT, 'g'), ''));
}

function companyJs(s: string): string | null {
  let t = lowerChars(toNarrow(s)).replace(re(COUNTRY, 'g'), ' ').replace(re(PUNCT_CLASS, 'g'), ' ');
  t = t.replace(re(`${SPACE_CLASS}+`, 'g'), ' ').replace(/^ +| +$/g, '');
  return nonEmpty(t.replace(re(SUFFIXES), '').replace(/ /g, ''));
}

const JS_KEYS: Record<MatchMethod, (s: string) => string | null> = {
  exact: nonEmpty,
  normalized: normalizedJs,
  fuzzy: normalizedJs,
  phone: phoneJs,
  company: companyJs,
};

/** The key of a text value under a method (JavaScript form); null never matches. */
export function matchKey(method: MatchMethod, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return JS_KEYS[method](String(value));
}

/* ----------------------------------------------------------------- SQL */

/** A string constant with no "?" (knex placeholders), quote or backslash left as is: U&'…' escapes. */
function sqlString(s: string): string {
  const body = Array.from(s, (c) => (/[?'\\]/.test(c) ? `\\${c.codePointAt(0)!.toString(16).padStart(4, '0')}` : c)).join('');
  return /\\/.test(body) ? `U&'${body}'` : `'${body}'`;
}

const narrowSql = (x: string) => `translate(${x}, ${sqlString(WIDE)}, ${sqlString(NARROW)})`;
const replaceSql = (x: string, pattern: string, by: string, global = true) => `regexp_replace(${x}, ${sqlString(pattern)}, ${sqlString(by)}${global ? ", 'g'" : ''})`;

function normalizedSql(x: string): string {
  return `NULLIF(${replaceSql(`lower(${narrowSql(x)})`, SPACE_CLASS, '')}, '')`;
}

function phoneSql(x: string): string {
  const kept = replaceSql(narrowSql(x), PHONE_KEEP, '');
  return `NULLIF(${replaceSql(replaceSql(kept, COUNTRY_CODE, '', false), NON_DIGIT, '')}, '')`;
}

function companySql(x: string): string {
  const cleaned = replaceSql(replaceSql(`lower(${narrowSql(x)})`, COUNTRY, ' '), PUNCT_CLASS, ' ');
  const trimmed = `btrim(${replaceSql(cleaned, `${SPACE_CLASS}+`, ' ')})`;
  return `NULLIF(replace(${replaceSql(trimmed, SUFFIXES, '', false)}, ' ', ''), '')`;
}

const SQL_KEYS: Record<MatchMethod, (x: string) => string> = {
  exact: (x) => `NULLIF(${x}, '')`,
  normalized: normalizedSql,
  fuzzy: normalizedSql,
  phone: phoneSql,
  company: companySql,
};

/** The key of a text SQL expression under a method (SQL form, immutable so it can be indexed). */
export function matchKeySql(method: MatchMethod, textExpr: string): string {
  return SQL_KEYS[method](textExpr);
}
