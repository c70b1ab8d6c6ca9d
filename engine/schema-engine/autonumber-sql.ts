import { parseAutonumberFormat } from '../field-types/autonumber/format';

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** A SQL expression that formats the counter expression `n` like the autonumber format (UTC calendar). */
export function autonumberSqlExpression(format: string, n: string): string {
  const parts = parseAutonumberFormat(format);
  if (typeof parts === 'string') throw new Error(parts);
  const sql = parts.map((p) => {
    if ('literal' in p) return literal(p.literal);
    // lpad would truncate a counter wider than the pattern; pad only when shorter.
    if ('counter' in p) return `(CASE WHEN length((${n})::text) >= ${p.counter} THEN (${n})::text ELSE lpad((${n})::text, ${p.counter}, '0') END)`;
    return `to_char(now() AT TIME ZONE 'UTC', '${p.date}')`;
  });
  return sql.length === 1 ? sql[0]! : `(${sql.join(' || ')})`;
}
