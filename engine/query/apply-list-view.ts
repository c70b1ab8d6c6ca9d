import { AppError } from '../core/errors';
import type { UserAccess } from '../security/model/user-access';
import type { ObjectDef } from '../shared/metadata-types';
import type { ListParams } from './list-params';

/**
 * Folds a named list view into the request: its filter ANDed with the
 * request's, its columns and sort unless the request names its own. A view
 * the caller may not use answers 404, like one that does not exist. A view
 * shared with roles is open to users in one of those roles (by role name)
 * and to admins.
 */
export function applyListView(obj: ObjectDef, params: ListParams, user: Pick<UserAccess, 'userId' | 'isAdmin' | 'roleNames'>): ListParams {
  if (!params.view) return params;
  const view = obj.listViews.find((v) => v.name === params.view);
  const visibility = view?.visibility ?? { type: 'shared' as const };
  const allowed =
    view !== undefined &&
    (visibility.type === 'personal' ? visibility.owner === user.userId : !visibility.roles?.length || user.isAdmin || visibility.roles.some((r) => user.roleNames.includes(r)));
  if (!allowed) throw new AppError('LIST_VIEW_NOT_FOUND', `list view "${params.view.slice(0, 63)}" does not exist`, { view: params.view.slice(0, 63) });
  const filter = view.filter === undefined ? params.filter : params.filter === undefined ? view.filter : { and: [view.filter, params.filter] };
  return {
    ...params,
    filter,
    sort: params.sort.length ? params.sort : (view.sort ?? []).map((s) => ({ field: s.replace(/^-/, ''), desc: s.startsWith('-') })),
    fields: params.fields ?? (view.columns?.length ? view.columns : undefined),
  };
}
