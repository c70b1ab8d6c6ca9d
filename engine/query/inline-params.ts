import type { SqlFragment } from './sql-fragment';

/**
 * A string constant. Plain '…' with quotes doubled (standard_conforming_strings
 * is on); text holding a backslash or a `?` is written as E'…' with
 * backslashes doubled and `?` as \x3f, so no `?` ever reaches knex, which
 * reads one as a placeholder (and backslashes before it as its escape) in
 * plan SQL and in queries alike.
 */
function stringLiteral(s: string): string {
  if (s.includes('\0')) throw new Error('text with a NUL character cannot be written as SQL');
  const quoted = s.replace(/'/g, "''");
  return /[\\?]/.test(s) ? `E'${quoted.replace(/\\/g, '\\\\').replace(/\?/g, '\\x3f')}'` : `'${quoted}'`;
}

function numberLiteral(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`${n} cannot be written as SQL`);
  // Parenthesised so a following cast applies to the whole value: (-5)::numeric, not -(5::numeric).
  return n < 0 ? `(${String(n)})` : String(Object.is(n, -0) ? 0 : n);
}

/** One element of an array constant in PostgreSQL's array text format. */
function arrayElement(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'string') return `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  if (typeof v === 'number') return numberLiteral(v).replace(/[()]/g, '');
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  throw new Error(`cannot write ${Array.isArray(v) ? 'a nested array' : typeof v} in an SQL array`);
}

/**
 * A value as an SQL constant. Arrays become an untyped array literal
 * ('{"a","b"}'), which takes its element type from where it is used — exactly
 * as the bound parameter it replaces did — so `uuid_col = ANY('{…}')` and
 * `date_col = ANY('{…}')` work where ARRAY['…']::text[] would not.
 */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return numberLiteral(value);
  if (typeof value === 'string') return stringLiteral(value);
  if (value instanceof Date) return stringLiteral(value.toISOString());
  if (Array.isArray(value)) return stringLiteral(`{${value.map(arrayElement).join(',')}}`);
  throw new Error(`cannot write ${typeof value} as SQL`);
}

/**
 * Replaces each `?` placeholder of a compiled fragment with its value as a
 * constant, for SQL that cannot take bind parameters (trigger bodies).
 * Fragments come from the filter compiler, whose only `?` are placeholders.
 */
export function inlineParams(fragment: SqlFragment): string {
  let i = 0;
  const sql = fragment.sql.replace(/\?/g, () => {
    if (i >= fragment.params.length) throw new Error('more placeholders than parameters');
    return sqlLiteral(fragment.params[i++]);
  });
  if (i !== fragment.params.length) throw new Error('more parameters than placeholders');
  return sql;
}
