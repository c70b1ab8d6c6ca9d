import { runSql, type Executor } from '../db/knex';
import { qualified } from '../schema-engine/column-ddl';

/**
 * Reserves `count` consecutive round-robin positions of one rule and answers
 * the first. One statement under the state row's lock: concurrent batches get
 * disjoint ranges, so no position is handed out twice. Like a sequence, a
 * batch that fails afterwards leaves its range unused (a gap in the turn
 * order) unless `db` is the caller's transaction.
 */
export async function reservePositions(db: Executor, schema: string, object: string, rule: string, count: number): Promise<number> {
  const rows = await runSql<{ position: string }>(
    db,
    `INSERT INTO ${qualified(schema, '_assignment_state')} AS s (object, rule, position) VALUES (?, ?, ?)
     ON CONFLICT (object, rule) DO UPDATE SET position = s.position + EXCLUDED.position RETURNING position`,
    [object, rule, count],
  );
  return Number(rows[0]!.position) - count;
}

/** The member at a position: positions run on for ever, members take turns in pool order. */
export const memberAt = (pool: readonly string[], position: number): string => pool[position % pool.length]!;
