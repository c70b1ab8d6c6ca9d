import { useCallback, useEffect, useState } from 'react';
import { api, get } from '../api/client';
import type { ListQuery } from './list-query';

/** A list view a user saved for themselves: the filter, sort, quick search and columns of the moment. */
export interface PersonalView {
  name: string;
  label: string;
  filter?: unknown;
  sort: { field: string; desc: boolean }[];
  q?: string;
  columns?: string[];
  /** The metadata view it was based on, if any. */
  view?: string;
}

/** The per-user preference holding an object's personal views (GET/PUT /me/prefs/views.<object>). */
export const viewsKey = (object: string) => `views.${object}`;

/**
 * The user's personal views of an object, stored per user on the server
 * (/me/prefs), so they follow the user across browsers and devices. A failed
 * load leaves the list usable with none; a failed save is reported to the caller.
 */
export function usePersonalViews(object: string): { views: PersonalView[]; save(view: PersonalView): Promise<void>; remove(name: string): Promise<void> } {
  const [views, setViews] = useState<PersonalView[]>([]);
  useEffect(() => {
    let live = true;
    get<{ value: unknown }>(`/me/prefs/${encodeURIComponent(viewsKey(object))}`).then(
      (r) => live && setViews(Array.isArray(r.value) ? (r.value as PersonalView[]) : []),
      () => live && setViews([]),
    );
    return () => {
      live = false;
    };
  }, [object]);
  const store = useCallback(
    async (next: PersonalView[]) => {
      await api('PUT', `/me/prefs/${encodeURIComponent(viewsKey(object))}`, { value: next });
      setViews(next);
    },
    [object],
  );
  const save = useCallback((view: PersonalView) => store([...views.filter((v) => v.name !== view.name), view]), [views, store]);
  const remove = useCallback((name: string) => store(views.filter((v) => v.name !== name)), [views, store]);
  return { views, save, remove };
}

/** A personal view from the list's current state; its name is derived from the label. */
export function viewFromQuery(label: string, q: ListQuery, columns: string[]): PersonalView {
  const name = `${label.trim().toLowerCase().replace(/[^a-z0-9\u4e00-\u9fff]+/g, '_').replace(/^_|_$/g, '') || 'view'}_${Date.now().toString(36)}`;
  return { name, label: label.trim(), sort: q.sort, columns, ...(q.filter !== undefined ? { filter: q.filter } : {}), ...(q.q ? { q: q.q } : {}), ...(q.view ? { view: q.view } : {}) };
}

/** The list state a personal view opens with. */
export const queryFromView = (v: PersonalView): ListQuery => ({ mine: v.name, sort: v.sort, q: v.q ?? '', ...(v.filter !== undefined ? { filter: v.filter } : {}), ...(v.columns ? { columns: v.columns } : {}), ...(v.view ? { view: v.view } : {}) });
