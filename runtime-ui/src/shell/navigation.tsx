import { createContext, useContext } from 'react';
import { useApi, type ApiState } from '../api/use-api';
import type { Label } from '../i18n/i18n';

/** An object the user may read, for the navigation (GET /metadata/navigation). */
export interface NavigationEntry {
  name: string;
  label: Label;
  pluralLabel: Label;
  create: boolean;
}

type Navigation = ApiState<{ objects: NavigationEntry[] }>;

const Ctx = createContext<Navigation | null>(null);

/** Shares the layout's navigation with the pages, so the objects a user may read are asked once per sign-in, not once more per page. */
export const NavigationProvider = Ctx.Provider;

/** The objects the user may read: the layout's list (outside the layout, e.g. a page rendered alone, asked here). */
export function useNavigation(): Navigation {
  const shared = useContext(Ctx);
  const own = useApi<{ objects: NavigationEntry[] }>(shared ? null : '/metadata/navigation');
  return shared ?? own;
}
