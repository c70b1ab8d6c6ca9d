import type { PageLayout } from '../api/describe';
import type { RawObject, RelatedListSpec, TimelineSource } from './record-types';

const DATE_TYPES = new Set(['date', 'datetime']);

/** Every lookup (object, field) in the definitions whose target is `objectName`, in definition order. */
export function lookupsTo(objectName: string, objects: RawObject[]): { object: RawObject; field: string }[] {
  return objects.flatMap((o) => o.fields.filter((f) => f.type === 'lookup' && f.options?.target === objectName).map((f) => ({ object: o, field: f.name })));
}

/**
 * The related lists of a record page: the layout's own when it lists them
 * (an empty list means none), else one per lookup of any object that points
 * at this one — each kept only when the user may read the child object.
 */
export function discoverRelatedLists(objectName: string, layout: PageLayout | undefined, objects: RawObject[], readable: ReadonlySet<string>): RelatedListSpec[] {
  if (layout?.relatedLists) return layout.relatedLists.filter((r) => readable.has(r.object));
  return lookupsTo(objectName, objects)
    .filter((l) => readable.has(l.object.name))
    .map((l) => ({ object: l.object.name, field: l.field }));
}

/**
 * How event-like a date field makes its object, higher first: a required
 * date-time (when a call or visit happens) over a required date, over any
 * date-time, over any date. Only the best tier present feeds the timeline, so
 * a customer's timeline shows its activities rather than contacts' birthdays,
 * while an object graph with nothing better still gets one.
 */
function eventRank(f: RawObject['fields'][number]): number {
  return (f.required ? 2 : 0) + (f.type === 'datetime' ? 1 : 0);
}

/**
 * The timeline of a record: objects the user may read that have a lookup to
 * this object and a date or date-time field, in the best event tier (see
 * eventRank); each ordered by its first field of that tier.
 */
export function discoverTimelineSources(objectName: string, objects: RawObject[], readable: ReadonlySet<string>): TimelineSource[] {
  const candidates = objects
    .filter((o) => readable.has(o.name))
    .map((o) => {
      const lookups = o.fields.filter((f) => f.type === 'lookup' && f.options?.target === objectName).map((f) => f.name);
      const dates = o.fields.filter((f) => DATE_TYPES.has(f.type));
      const rank = Math.max(-1, ...dates.map(eventRank));
      return { object: o.name, lookups, rank, dateField: dates.find((f) => eventRank(f) === rank)?.name };
    })
    .filter((c) => c.lookups.length > 0 && c.dateField !== undefined);
  const best = Math.max(-1, ...candidates.map((c) => c.rank));
  return candidates.filter((c) => c.rank === best).map((c) => ({ object: c.object, lookups: c.lookups, dateField: c.dateField! }));
}

/** The json-logic filter for the children of `id` through one lookup or any of several. */
export function childFilter(lookups: string[], id: string): unknown {
  const eq = lookups.map((f) => ({ '==': [{ var: f }, id] }));
  return eq.length === 1 ? eq[0] : { or: eq };
}
