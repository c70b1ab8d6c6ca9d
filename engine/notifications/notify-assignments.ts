import type { CompiledObject } from '../metadata/compiled-object';
import type { RecordContext } from '../records/context';
import type { Label } from '../shared/metadata-types';
import { insertNotifications, type NewNotification } from './notification-store';

/** More records than this for one owner in one batch become one summary notification. */
export const SUMMARY_THRESHOLD = 5;

/** A record an assignment rule gave to `owner`; `name` is its name where known before the insert. */
export interface Assignment {
  id: string;
  owner: string;
  name: unknown;
}

const lower = (l: Label): Label => ({ en: l.en.toLowerCase(), 'zh-CN': l['zh-CN'] });

function oneRecord(obj: CompiledObject, a: Assignment): NewNotification {
  const label = lower(obj.def.label);
  return {
    userId: a.owner,
    kind: 'assigned',
    object: obj.def.name,
    recordId: a.id,
    title: { en: `A new ${label.en} was assigned to you`, 'zh-CN': `一条新的${label['zh-CN']}已分配给您` },
    body: typeof a.name === 'string' && a.name ? a.name : null,
  };
}

function summary(obj: CompiledObject, owner: string, count: number): NewNotification {
  const plural = lower(obj.def.pluralLabel);
  return {
    userId: owner,
    kind: 'assigned_summary',
    object: obj.def.name,
    recordId: null,
    title: { en: `${count} new ${plural.en} were assigned to you`, 'zh-CN': `${count} 条新的${plural['zh-CN']}已分配给您` },
    body: null,
  };
}

/** Tells each new owner about their records: one notification per record, or one summary when a batch gives them more than SUMMARY_THRESHOLD. */
export async function notifyAssignments(ctx: RecordContext, obj: CompiledObject, assignments: Assignment[]): Promise<void> {
  const byOwner = new Map<string, Assignment[]>();
  for (const a of assignments) {
    const mine = byOwner.get(a.owner);
    if (mine) mine.push(a);
    else byOwner.set(a.owner, [a]);
  }
  const list = [...byOwner].flatMap(([owner, mine]) => (mine.length > SUMMARY_THRESHOLD ? [summary(obj, owner, mine.length)] : mine.map((a) => oneRecord(obj, a))));
  await insertNotifications(ctx.db, ctx.meta.schema, list);
}
