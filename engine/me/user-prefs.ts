import { AppError } from '../core/errors';
import { runSql } from '../db/knex';
import { qualified } from '../schema-engine/column-ddl';
import type { RecordContext } from '../records/context';

/** A preference key: what the UI stores (e.g. "home.widgets", "views.account"). */
const KEY = /^[a-z][a-z0-9_.:-]{0,99}$/;
/** The most a single preference may hold (serialized JSON). */
export const MAX_PREF_BYTES = 64 * 1024;

function checkKey(key: string): void {
  if (!KEY.test(key)) throw new AppError('REQUEST_INVALID', 'a preference key is lower-case letters, digits and . _ : - (at most 100)', { issues: [{ path: '/key', code: 'FIELD_FORMAT', message: 'invalid key' }] });
}

/** The user's own preference, or null when never set. */
export async function readPref(ctx: RecordContext, key: string): Promise<unknown> {
  checkKey(key);
  const rows = await runSql<{ value: unknown }>(ctx.db, `SELECT value FROM ${qualified(ctx.meta.schema, '_user_prefs')} WHERE user_id = ? AND key = ?`, [ctx.actor.userId, key]);
  return rows[0]?.value ?? null;
}

/** Stores (replaces) the user's own preference: any JSON value up to 64 kB. */
export async function writePref(ctx: RecordContext, key: string, body: unknown): Promise<void> {
  checkKey(key);
  if (typeof body !== 'object' || body === null || !('value' in body)) throw new AppError('REQUEST_INVALID', 'send {"value": …}', { issues: [{ path: '/value', code: 'FIELD_REQUIRED', message: 'is required' }] });
  const json = JSON.stringify((body as { value: unknown }).value);
  if (Buffer.byteLength(json) > MAX_PREF_BYTES) throw new AppError('REQUEST_TOO_LARGE', `a preference holds at most ${MAX_PREF_BYTES / 1024} kB`);
  await runSql(
    ctx.db,
    `INSERT INTO ${qualified(ctx.meta.schema, '_user_prefs')} (user_id, key, value) VALUES (?, ?, ?::jsonb) ON CONFLICT (user_id, key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [ctx.actor.userId, key, json],
  );
}

export async function deletePref(ctx: RecordContext, key: string): Promise<void> {
  checkKey(key);
  await runSql(ctx.db, `DELETE FROM ${qualified(ctx.meta.schema, '_user_prefs')} WHERE user_id = ? AND key = ?`, [ctx.actor.userId, key]);
}
