/** Parsed autonumber format: literal text, date tokens and one zero-padded counter. */
export type FormatPart = { literal: string } | { date: 'YYYY' | 'YY' | 'MM' | 'DD' } | { counter: number };

const TOKEN = /\{(YYYY|YY|MM|DD|0+)\}/g;

export function parseAutonumberFormat(format: string): FormatPart[] | string {
  // '?' would read as a bind placeholder and '\\' as an escape once the format is part of SQL.
  if (/[?\\]/.test(format)) return 'format may not contain ? or \\';
  const parts: FormatPart[] = [];
  let last = 0;
  let counters = 0;
  for (const m of format.matchAll(TOKEN)) {
    if (m.index! > last) parts.push({ literal: format.slice(last, m.index) });
    const token = m[1]!;
    if (token.startsWith('0')) {
      counters++;
      parts.push({ counter: token.length });
    } else parts.push({ date: token as 'YYYY' | 'YY' | 'MM' | 'DD' });
    last = m.index! + m[0].length;
  }
  if (last < format.length) parts.push({ literal: format.slice(last) });
  if (counters !== 1) return 'format must contain exactly one counter such as {0000}';
  if (/[{}]/.test(parts.filter((p): p is { literal: string } => 'literal' in p).map((p) => p.literal).join(''))) {
    return 'format has an unknown {token}; use {YYYY}, {YY}, {MM}, {DD} or {0000}';
  }
  return parts;
}

/** Formats a counter value at a given instant (UTC calendar). */
export function formatAutonumber(parts: FormatPart[], counter: number, at: Date): string {
  return parts
    .map((p) => {
      if ('literal' in p) return p.literal;
      if ('counter' in p) return String(counter).padStart(p.counter, '0');
      const yyyy = String(at.getUTCFullYear());
      if (p.date === 'YYYY') return yyyy;
      if (p.date === 'YY') return yyyy.slice(2);
      if (p.date === 'MM') return String(at.getUTCMonth() + 1).padStart(2, '0');
      return String(at.getUTCDate()).padStart(2, '0');
    })
    .join('');
}
