import { useEffect, useMemo, useState } from 'react';
import type { FieldDef } from '../api/describe';
import { get } from '../api/client';
import { fetchRecordNames, refKey, type RecordRef } from '../api/record-names';
import { useSession } from '../shell/session';
import type { DisplayNames } from './field-value';

/** The records that lookup fields of `rows` point at. */
export function lookupRefs(fields: FieldDef[], rows: Record<string, unknown>[]): RecordRef[] {
  const out: RecordRef[] = [];
  for (const f of fields) {
    if (f.type !== 'lookup' || typeof f.options.target !== 'string') continue;
    for (const r of rows) if (typeof r[f.name] === 'string' && r[f.name] !== '') out.push({ object: f.options.target, id: r[f.name] as string });
  }
  return out;
}

/** Admins may list users; everyone else sees their own name. Cached per signed-in admin for the page's life. */
let adminUsers: { for: string; users: Promise<{ id: string; displayName: string }[]> } | undefined;

/** Names for references and users (owner, created by), fetched in a batch whenever the set of references changes. */
export function useDisplayNames(refs: RecordRef[]): DisplayNames {
  const { me } = useSession();
  const key = useMemo(() => [...new Set(refs.map((r) => refKey(r.object, r.id)))].sort().join(','), [refs]);
  const [records, setRecords] = useState<Map<string, string>>(new Map());
  /** The reference set whose names have arrived. */
  const [loaded, setLoaded] = useState('');
  const [users, setUsers] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    if (!key) return;
    let live = true;
    const wanted = key.split(',').map((k) => ({ object: k.slice(0, k.indexOf(':')), id: k.slice(k.indexOf(':') + 1) }));
    // A record without a name reads as its id.
    void fetchRecordNames(wanted).then((found) => {
      if (!live) return;
      setRecords(new Map([...found].map(([k, name]) => [k, name ?? k.slice(k.indexOf(':') + 1)])));
      setLoaded(key);
    });
    return () => {
      live = false;
    };
  }, [key]);
  useEffect(() => {
    if (!me) return;
    const own = new Map([[me.id, me.displayName]]);
    setUsers(own);
    if (!me.isAdmin) return;
    let live = true;
    if (adminUsers?.for !== me.id) {
      const users = get<{ users: { id: string; displayName: string }[] }>('/admin/users').then(
        (r) => r.users,
        () => [],
      );
      adminUsers = { for: me.id, users };
    }
    void adminUsers.users.then((list) => live && setUsers(new Map([...list.map((u) => [u.id, u.displayName] as const), ...own])));
    return () => {
      live = false;
    };
  }, [me]);
  const loading = key !== '' && loaded !== key;
  return useMemo(() => ({ records, users, loading }), [records, users, loading]);
}
