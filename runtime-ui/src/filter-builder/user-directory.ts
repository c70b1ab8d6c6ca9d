import { useEffect, useState } from 'react';
import { get } from '../api/client';
import { useSession } from '../shell/session';

/** A user as pickers and owner cells show them. */
export interface UserEntry {
  id: string;
  displayName: string;
  email?: string;
  active?: boolean;
}

let cache: Promise<UserEntry[]> | undefined;

/**
 * The organisation's users for pickers and owner names: the full list for
 * admins (GET /admin/users, fetched once per page load), only the signed-in
 * user for everyone else (the user list is for admins only).
 */
export function useUserDirectory(): UserEntry[] {
  const { me } = useSession();
  const self = me ? [{ id: me.id, displayName: me.displayName, email: me.email }] : [];
  const [users, setUsers] = useState<UserEntry[]>(self);
  useEffect(() => {
    if (!me?.isAdmin) return;
    let live = true;
    cache ??= get<{ users: UserEntry[] }>('/admin/users').then((r) => r.users, () => {
      cache = undefined;
      return [];
    });
    void cache.then((list) => live && list.length && setUsers(list));
    return () => {
      live = false;
    };
  }, [me]);
  return users;
}
