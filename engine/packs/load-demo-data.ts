import { copyRecords, MAX_BULK_RECORDS, withConnectionTransaction, type Connection } from '../records/bulk-create';
import type { RecordContext } from '../records/context';
import type { Pack } from './load-pack';

type Json = Record<string, unknown>;

const refKey = (v: unknown): string | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { $key?: unknown }).$key === 'string' ? (v as { $key: string }).$key : undefined;

/**
 * Loads a pack's demo records through the bulk path in ONE transaction (all or
 * nothing), resolving {"$key": ...} references to the ids of records loaded
 * earlier. A record that refers to one in its own batch starts a new batch.
 */
export async function loadDemoData(ctx: RecordContext, pack: Pack): Promise<number> {
  return withConnectionTransaction(ctx, (conn) => loadDemoFiles(ctx, conn, pack));
}

async function loadDemoFiles(ctx: RecordContext, conn: Connection, pack: Pack): Promise<number> {
  const ids = new Map<string, string>();
  let total = 0;
  for (const file of pack.demoData) {
    let batch: { key?: string; values: Json }[] = [];
    const pendingKeys = new Set<string>();
    const flush = async () => {
      if (!batch.length) return;
      const created = await copyRecords(ctx, conn, file.object, batch.map((b) => b.values));
      batch.forEach((b, i) => b.key && ids.set(b.key, created[i]!));
      total += batch.length;
      batch = [];
      pendingKeys.clear();
    };
    for (const record of file.records) {
      const { _key, ...rest } = record;
      if (Object.values(rest).some((v) => pendingKeys.has(refKey(v) ?? '')) || batch.length >= MAX_BULK_RECORDS) await flush();
      if (typeof _key === 'string' && (ids.has(_key) || pendingKeys.has(_key))) throw new Error(`demo data ${file.object}: duplicate _key "${_key}"`);
      const values: Json = {};
      for (const [k, v] of Object.entries(rest)) {
        const key = refKey(v);
        if (key === undefined) values[k] = v;
        else if (ids.has(key)) values[k] = ids.get(key);
        else throw new Error(`demo data ${file.object}: unknown $key "${key}"`);
      }
      batch.push({ key: _key as string | undefined, values });
      if (typeof _key === 'string') pendingKeys.add(_key);
    }
    await flush();
  }
  return total;
}
