import type { RawSnapshot } from '../../../engine/shared/metadata-types';

/** One JSON-pointer segment, unescaped. */
const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * The designer page that edits what an issue's path names (paths point into the whole
 * draft snapshot, fields by position): /objects/deal/fields/3/options → the field editor of
 * deal's fourth field; validationRules → /rules, layout → /layout, listViews → /views,
 * /valueSets/<name> → that value set. Undefined when the path names nothing editable.
 */
export function issueLink(path: string, snapshot: RawSnapshot): string | undefined {
  const [root, name, part, index] = path.split('/').slice(1).map(unescape);
  if (root === 'valueSets' && name) return `/designer/value-sets/${encodeURIComponent(name)}`;
  if (root !== 'objects' || !name) return undefined;
  const base = `/designer/objects/${encodeURIComponent(name)}`;
  switch (part) {
    case 'fields': {
      const field = index !== undefined && /^\d+$/.test(index) ? snapshot.objects[name]?.fields[Number(index)] : undefined;
      return field ? `${base}/fields/${encodeURIComponent(field.name)}` : base;
    }
    case 'validationRules':
      return `${base}/rules`;
    case 'layout':
      return `${base}/layout`;
    case 'listViews':
      return `${base}/views`;
    default:
      return base;
  }
}
