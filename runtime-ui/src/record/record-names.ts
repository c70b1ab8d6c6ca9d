import { useEffect, useMemo, useState } from 'react';
import type { FieldDef } from '../api/describe';
import { get } from '../api/client';
import { useSession } from '../shell/session';
import { refKey, type DisplayNames } from './field-value';
import type { RecordRef } from './record-types';

/** Ids asked per request (keeps the URL short). */
const CHUNK = 100;

/** The records that lookup fields of `rows` point at. */
export function lookupRefs(fields: FieldDef[], rows: Record<string, unknown>[]): RecordRef[] {
  const out: RecordRef[] = [];
  for (const f of fields) {
    if (f.type !== 'lookup' || typeof f.options.target !== 'string') continue;
    for (const r of rows) if (typeof r[f.name] === 'string' && r[f.name] !== '') out.push({ object: f.options.target, id: r[f.name] as string });
  }
  return out;
}

/** Fetches names for references: one list request per object (and 100 ids); unreadable ones stay unnamed. */
export async function fetchRecordNames(refs: RecordRef[]): Promise<Map<string, string>> {
  const byObject = new Map<string, Set<string>>();
  for (const r of refs) byObject.set(r.object, (byObject.get(r.object) ?? new Set()).add(r.id));
  const names = new Map<string, string>();
  const calls: Promise<void>[] = [];
  for (const [object, idSet] of byObject) {
    const ids = [...idSet];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const filter = encodeURIComponent(JSON.stringify({ in: [{ var: 'id' }, chunk] }));
      calls.push(
        get<{ records: { id: string; name?: unknown }[] }>(`/records/${encodeURIComponent(object)}?filter=${filter}&fields=name&limit=${chunk.length}`).then(
          (page) => page.records.forEach((r) => names.set(refKey(object, r.id), r.name == null ? r.id : String(r.name))),
          () => undefined,
        ),
      );
    }
  }
  await Promise.all(calls);
  return names;
}

/** Admins may list users; everyone else sees their own name. Cached per signed-in admin for the page's life. */
let adminUsers: { for: string; users: Promise<{ id: string; displayName: string }[]> } | undefined;

/** Names for references and users (owner, created by), fetched in a batch whenever the set of references changes. */
export function useDisplayNames(refs: RecordRef[]): DisplayNames {
  const { me } = useSession();
  const key = useMemo(() => [...new Set(refs.map((r) => refKey(r.object, r.id)))].sort().join(','), [refs]);
  const [records, setRecords] = useState<Map<string, string>>(new Map());
  const [users, setUsers] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    if (!key) return;
    let live = true;
    void fetchRecordNames(key.split(',').map((k) => ({ object: k.slice(0, k.indexOf(':')), id: k.slice(k.indexOf(':') + 1) }))).then((m) => live && setRecords(m));
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
  return useMemo(() => ({ records, users }), [records, users]);
}
