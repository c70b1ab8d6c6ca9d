import type { ListView, ListViewVisibility } from '../../../engine/shared/metadata-types';

/** A list view with an optional property set, or dropped when `value` is undefined (so empty settings are not written). */
export function withProp<K extends 'filter' | 'columns' | 'sort' | 'visibility'>(view: ListView, key: K, value: ListView[K] | undefined): ListView {
  const out = { ...view };
  if (value === undefined) delete out[key];
  else out[key] = value;
  return out;
}

/** A new view with a name no other view of the object has. */
export function newView(existing: ListView[]): ListView {
  const names = new Set(existing.map((v) => v.name));
  let n = existing.length + 1;
  while (names.has(`view_${n}`)) n++;
  return { name: `view_${n}`, label: { en: 'New view', 'zh-CN': '新视图' }, columns: ['name'], visibility: { type: 'shared' } };
}

/** Shows or hides a column (a shown one goes last); no columns at all means the list's default ones. */
export function toggleColumn(view: ListView, field: string, on: boolean): ListView {
  const cols = (view.columns ?? []).filter((c) => c !== field);
  const next = on ? [...cols, field] : cols;
  return withProp(view, 'columns', next.length ? next : undefined);
}

/** Moves a shown column one place left (-1) or right (1). */
export function stepColumn(view: ListView, field: string, delta: -1 | 1): ListView {
  const cols = [...(view.columns ?? [])];
  const i = cols.indexOf(field);
  const k = i + delta;
  if (i < 0 || k < 0 || k >= cols.length) return view;
  [cols[i], cols[k]] = [cols[k]!, cols[i]!];
  return { ...view, columns: cols };
}

/** One sort key: a field, ascending or descending (written "-field"). */
export interface SortKey {
  field: string;
  desc: boolean;
}

export const sortKeys = (view: ListView): SortKey[] => (view.sort ?? []).map((s) => (s.startsWith('-') ? { field: s.slice(1), desc: true } : { field: s, desc: false }));

export const withSort = (view: ListView, keys: SortKey[]): ListView => withProp(view, 'sort', keys.length ? keys.map((k) => (k.desc ? `-${k.field}` : k.field)) : undefined);

/** Who may use a view, as the editor offers it. */
export type VisibilityMode = 'everyone' | 'roles' | 'personal';

/** A shared view with a roles list (even an empty one, while the admin picks) is "chosen roles". */
export const visibilityMode = (v: ListViewVisibility | undefined): VisibilityMode => (v?.type === 'personal' ? 'personal' : v?.roles ? 'roles' : 'everyone');

/** The visibility for a mode: the owner of a personal view defaults to `me`; roles are kept when switching back to roles. */
export function visibilityFor(mode: VisibilityMode, current: ListViewVisibility | undefined, me: string): ListViewVisibility {
  if (mode === 'personal') return { type: 'personal', owner: current?.type === 'personal' ? current.owner : me };
  if (mode === 'roles') return { type: 'shared', roles: current?.type === 'shared' ? (current.roles ?? []) : [] };
  return { type: 'shared' };
}

/** Adds or removes one role of a role-shared view. */
export function toggleRole(v: ListViewVisibility | undefined, role: string, on: boolean): ListViewVisibility {
  const roles = (v?.type === 'shared' ? (v.roles ?? []) : []).filter((r) => r !== role);
  return { type: 'shared', roles: on ? [...roles, role] : roles };
}
