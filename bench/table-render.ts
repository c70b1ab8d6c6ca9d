/** A table as a header row and rows of already formatted cells, keyed alike. */
export type Cells<K extends string> = Record<K, string>;

export function renderText<K extends string>(headers: Cells<K>, rows: Cells<K>[]): string {
  const keys = Object.keys(headers) as K[];
  const all = [headers, ...rows];
  const width = (k: K) => Math.max(...all.map((r) => r[k].length));
  const line = (r: Cells<K>) => keys.map((k) => r[k].padEnd(width(k))).join('  ').trimEnd();
  return [line(headers), keys.map((k) => '-'.repeat(width(k))).join('  '), ...rows.map(line)].join('\n');
}

export function renderMarkdown<K extends string>(headers: Cells<K>, rows: Cells<K>[]): string {
  const keys = Object.keys(headers) as K[];
  const line = (r: Cells<K>) => `| ${keys.map((k) => r[k]).join(' | ')} |`;
  return [line(headers), `|${keys.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}
