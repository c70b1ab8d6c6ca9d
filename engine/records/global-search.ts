import { AppError } from '../core/errors';
import type { RecordContext } from './context';
import { listRecords } from './list-records';

/** One object's hits in a global search. */
export interface SearchHits {
  object: string;
  records: { id: string; name: unknown }[];
}

/** Objects searched at the same time (each is one indexed or scanned query). */
const PARALLEL = 4;

/**
 * Quick search across every object the user may read: each object's `q`
 * search (text-like fields the user may read, with their record access),
 * a few hits per object, objects without hits left out.
 */
export async function globalSearch(ctx: RecordContext, q: unknown, perObject: unknown): Promise<SearchHits[]> {
  if (typeof q !== 'string' || q.trim().length < 1 || q.length > 200) throw new AppError('QUERY_INVALID_PARAMETER', '"q" must be 1 to 200 characters', { parameter: 'q' });
  const limit = perObject === undefined ? 5 : Number(perObject);
  if (!Number.isInteger(limit) || limit < 1 || limit > 20) throw new AppError('QUERY_INVALID_PARAMETER', '"limit" must be an integer from 1 to 20', { parameter: 'limit' });
  const objects = [...ctx.meta.snapshot.objects.keys()].filter((o) => ctx.access.object(o).read && ctx.meta.object(o).searchable.length > 0);
  const out: SearchHits[] = [];
  for (let i = 0; i < objects.length; i += PARALLEL) {
    const batch = await Promise.all(
      objects.slice(i, i + PARALLEL).map(async (object) => {
        const page = await listRecords(ctx, object, { q: q.trim(), fields: ['name'], sort: [], limit, count: false });
        return { object, records: page.records.map((r) => ({ id: r.id as string, name: r.name })) };
      }),
    );
    out.push(...batch.filter((b) => b.records.length > 0));
  }
  return out;
}
