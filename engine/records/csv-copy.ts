/** Formats values for PostgreSQL COPY … (FORMAT csv): NULL is an empty unquoted field. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return quote(`{${value.map((v) => `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`);
  return quote(String(value));
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

export const csvLine = (values: unknown[]) => `${values.map(csvField).join(',')}\n`;
