import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Knex } from 'knex';
import { sqlLiteral } from '../../../engine/query/inline-params';
import { rollupFunctionName, rollupTriggerName } from '../../../engine/schema-engine/rollup-names';
import type { RawField, RawObjectDef } from '../../../engine/shared/metadata-types';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

/**
 * Roll-ups on ru_account over ru_opp.account, checked after every kind of
 * child write against values computed here straight from the child rows.
 */

let t: TestTenant;

const TRICKY = "it's $body$ \\? \\\\?";
const rollup = (name: string, options: Record<string, unknown>): RawField => ({ name, type: 'rollup', label: name, options: { relation: 'ru_opp.account', ...options } });
const ROLLUPS: RawField[] = [
  rollup('n_opps', { function: 'count' }),
  rollup('n_won', { function: 'count', filter: { '==': [{ var: 'stage' }, 'won'] } }),
  rollup('total', { function: 'sum', field: 'amount' }),
  rollup('total_won', { function: 'sum', field: 'amount', filter: { in: [{ var: 'stage' }, ['won']] } }),
  rollup('qty_total', { function: 'sum', field: 'qty' }),
  rollup('biggest', { function: 'max', field: 'amount' }),
  rollup('smallest_open', { function: 'min', field: 'amount', filter: { '!=': [{ var: 'stage' }, 'lost'] } }),
  rollup('first_close', { function: 'min', field: 'close_date' }),
  rollup('last_won_close', { function: 'max', field: 'close_date', filter: { '==': [{ var: 'stage' }, 'won'] } }),
  rollup('avg_amount', { function: 'avg', field: 'amount' }),
  rollup('latest', { function: 'max', field: 'created_at' }),
  rollup('n_tricky', { function: 'count', filter: { or: [{ '==': [{ var: 'note' }, TRICKY] }, { contains: [{ var: 'note' }, '50%'] }] } }),
];
const NAMES = ROLLUPS.map((r) => r.name);
const N_OPEN = rollup('n_open', { function: 'count', filter: { '==': [{ var: 'stage' }, 'open'] } });

const account = (extra: RawField[] = []): RawObjectDef => ({ name: 'ru_account', label: 'Account', fields: [...extra] });
const opp: RawObjectDef = {
  name: 'ru_opp',
  label: 'Opportunity',
  fields: [
    { name: 'account', type: 'lookup', label: 'Account', options: { target: 'ru_account', onDelete: 'cascade' } },
    { name: 'campaign', type: 'lookup', label: 'Campaign', options: { target: 'ru_campaign', onDelete: 'cascade' } },
    { name: 'amount', type: 'currency', label: 'Amount' },
    { name: 'qty', type: 'integer', label: 'Quantity' },
    { name: 'stage', type: 'picklist', label: 'Stage', options: { values: [{ value: 'open', label: 'Open' }, { value: 'won', label: 'Won' }, { value: 'lost', label: 'Lost' }] } },
    { name: 'close_date', type: 'date', label: 'Close date' },
    { name: 'note', type: 'text', label: 'Note' },
  ],
};

const db = () => t.server.services.db;
const table = (name: string) => `"${t.tenant.schema}"."${name}"`;
const sql = (text: string, params: unknown[] = []) => t.sql(text, params);

interface Child {
  amount: number | null;
  qty: number | null;
  stage: string | null;
  close_date: string | null;
  note: string | null;
  created_at: Date;
}

const cents = (n: number | null) => Math.round((n ?? 0) * 100);
const sumCents = (xs: (number | null)[]) => xs.reduce<number>((s, x) => s + cents(x), 0) / 100;
const present = <T>(xs: (T | null)[]): T[] => xs.filter((x): x is T => x !== null);
const pickMin = <T extends string | number>(xs: (T | null)[]): T | null => present(xs).reduce<T | null>((m, x) => (m === null || x < m ? x : m), null);
const pickMax = <T extends string | number>(xs: (T | null)[]): T | null => present(xs).reduce<T | null>((m, x) => (m === null || x > m ? x : m), null);

/** Every roll-up as it should be, computed from the child rows in the database. */
function expected(rows: Child[]) {
  const amounts = rows.map((r) => r.amount);
  const known = present(amounts);
  const won = rows.filter((r) => r.stage === 'won');
  return {
    n_opps: rows.length,
    n_won: won.length,
    total: sumCents(amounts),
    total_won: sumCents(won.map((r) => r.amount)),
    qty_total: rows.reduce((s, r) => s + (r.qty ?? 0), 0),
    biggest: pickMax(amounts),
    smallest_open: pickMin(rows.filter((r) => r.stage !== 'lost').map((r) => r.amount)),
    first_close: pickMin(rows.map((r) => r.close_date)),
    last_won_close: pickMax(won.map((r) => r.close_date)),
    avg_amount: known.length ? known.reduce((s, a) => s + a, 0) / known.length : null,
    latest: pickMax(rows.map((r) => r.created_at.toISOString())),
    n_tricky: rows.filter((r) => r.note === TRICKY || (r.note ?? '').includes('50%')).length,
  };
}

async function expectRollupsRight(accountId: string): Promise<Record<string, unknown>> {
  const rows = (await sql(`SELECT amount, qty, stage, close_date, note, created_at FROM ${table('ru_opp')} WHERE account = ?`, [accountId])) as Child[];
  const { avg_amount, ...want } = expected(rows);
  const res = await t.admin.get(`/records/ru_account/${accountId}`);
  expect(res.status).toBe(200);
  const got = Object.fromEntries(NAMES.filter((n) => n !== 'avg_amount').map((n) => [n, res.body[n]]));
  expect(got).toEqual(want);
  if (avg_amount === null) expect(res.body.avg_amount).toBeNull();
  else expect(res.body.avg_amount).toBeCloseTo(avg_amount, 4);
  return res.body;
}

async function newAccount(name: string): Promise<string> {
  const res = await t.admin.post('/records/ru_account', { name });
  expect(res.status).toBe(201);
  return res.body.id;
}

let seq = 0;
const randomOpp = (accountId: string | null, extra: Record<string, unknown> = {}) => {
  seq++;
  const stages = ['open', 'won', 'lost', null];
  return {
    name: `Opp ${seq}`,
    account: accountId,
    amount: seq % 7 === 0 ? null : Math.round(Math.random() * 10_000_000) / 100,
    qty: seq % 5 === 0 ? null : Math.floor(Math.random() * 100),
    stage: stages[seq % 4],
    close_date: seq % 6 === 0 ? null : `2026-0${1 + (seq % 9)}-${String(1 + (seq % 28)).padStart(2, '0')}`,
    note: seq % 3 === 0 ? TRICKY : seq % 3 === 1 ? `deal ${seq} 50% off` : null,
    ...extra,
  };
};

async function createOpp(accountId: string | null, extra: Record<string, unknown> = {}) {
  const res = await t.admin.post('/records/ru_opp', randomOpp(accountId, extra));
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number } & Record<string, unknown>;
}

/**
 * Runs `first` in a transaction, then `second` in another until it waits for
 * a lock (polled in pg_stat_activity, no timers), then commits the first and
 * lets the second finish: the interleaving a lost update needs.
 */
async function secondWaitsForFirst(first: (trx: Knex.Transaction) => Promise<unknown>, second: (trx: Knex.Transaction) => Promise<unknown>) {
  const one = await db().transaction();
  const two = await db().transaction();
  try {
    await Promise.resolve(first(one));
    const pid = (await two.raw('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    // knex builders run when awaited: Promise.resolve starts this one now.
    const pending = Promise.resolve(second(two));
    let waiting = false;
    for (let i = 0; i < 100_000 && !waiting; i++) {
      waiting = (await sql(`SELECT 1 FROM pg_stat_activity WHERE pid = ? AND wait_event_type = 'Lock'`, [pid])).length > 0;
    }
    expect(waiting).toBe(true);
    await one.commit();
    await pending;
    await two.commit();
  } finally {
    if (!one.isCompleted()) await one.rollback();
    if (!two.isCompleted()) await two.rollback();
  }
}

let early: string;
let empty: string;

beforeAll(async () => {
  t = await startTestTenant('rollups');
  await t.admin.defineObject(account());
  await t.admin.defineObject({ name: 'ru_campaign', label: 'Campaign', fields: [] });
  await t.admin.defineObject(opp);
  // Children that exist before the roll-ups do: publishing must fill the values.
  early = await newAccount('Early');
  empty = await newAccount('Empty');
  for (let i = 0; i < 12; i++) await createOpp(early);
  await createOpp(null);
  await t.admin.defineObject(account(ROLLUPS));
});
afterAll(() => t?.close());

describe('publishing roll-ups', () => {
  it('fills them for parents that already have children, and gives childless parents 0 or null', async () => {
    await expectRollupsRight(early);
    const none = await expectRollupsRight(empty);
    expect(none).toMatchObject({ n_opps: 0, total: 0, qty_total: 0, biggest: null, first_close: null, avg_amount: null, latest: null });
    // A parent created afterwards starts at 0 too (the column default), not null.
    expect((await t.admin.get(`/records/ru_account/${await newAccount('Fresh')}`)).body).toMatchObject({ n_opps: 0, total: 0, biggest: null });
  });

  it('describes each roll-up with the column type it stores and its value kind', async () => {
    const fields = (await t.admin.get('/metadata/objects/ru_account/describe')).body.object.fields as { name: string; options: any }[];
    const resolved = Object.fromEntries(fields.filter((f) => NAMES.includes(f.name)).map((f) => [f.name, [f.options.resolved.columnType, f.options.resolved.kind]]));
    expect(resolved).toMatchObject({
      n_opps: ['bigint', 'number'],
      total: ['numeric(38,2)', 'number'],
      qty_total: ['numeric(39,0)', 'number'],
      biggest: ['numeric(18,2)', 'number'],
      first_close: ['date', 'date'],
      avg_amount: ['numeric(22,6)', 'number'],
      latest: ['timestamptz(3)', 'datetime'],
    });
    const columns = await sql(`SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = ? AND table_name = 'ru_account' AND column_name IN ('n_opps', 'first_close', 'latest')  ORDER BY 1`, [t.tenant.schema]);
    expect(columns).toEqual([
      { column_name: 'first_close', data_type: 'date' },
      { column_name: 'latest', data_type: 'timestamp with time zone' },
      { column_name: 'n_opps', data_type: 'bigint' },
    ]);
  });
});

describe('keeping roll-ups right on every child write', () => {
  it('on create, including children without a parent', async () => {
    const a = await newAccount('Create');
    for (let i = 0; i < 8; i++) await createOpp(a);
    await createOpp(null);
    await createOpp(a, { note: TRICKY, stage: 'won' });
    const body = await expectRollupsRight(a);
    expect(body.n_opps).toBe(9);
  });

  it('on update of the summed field, the filtered field and the text a filter matches', async () => {
    const a = await newAccount('Update');
    const opps = [await createOpp(a, { stage: 'open', amount: 10 }), await createOpp(a, { stage: 'won', amount: 20 }), await createOpp(a, { stage: 'lost', amount: 5 })];
    await expectRollupsRight(a);
    const patch = async (o: { id: string }, body: Record<string, unknown>) => {
      const cur = (await t.admin.get(`/records/ru_opp/${o.id}`)).body;
      const res = await t.admin.patch(`/records/ru_opp/${o.id}`, { ...body, version: cur.version });
      expect(res.status).toBe(200);
    };
    await patch(opps[0]!, { amount: 1000.5 });
    expect((await expectRollupsRight(a)).total).toBe(1025.5);
    await patch(opps[0]!, { stage: 'won' });
    expect((await expectRollupsRight(a)).n_won).toBe(2);
    await patch(opps[1]!, { amount: null, close_date: '2020-02-29' });
    expect((await expectRollupsRight(a)).first_close).toBe('2020-02-29');
    await patch(opps[2]!, { stage: 'open', note: 'now 50% done' });
    await expectRollupsRight(a);
    await patch(opps[2]!, { name: 'renamed only' });
    await expectRollupsRight(a);
  });

  it('on re-parenting: the contribution moves from the old parent to the new one', async () => {
    const from = await newAccount('From');
    const to = await newAccount('To');
    const moving = await createOpp(from, { amount: 77.7, stage: 'won', close_date: '2019-01-01' });
    await createOpp(from);
    await createOpp(to);
    await expectRollupsRight(from);
    await expectRollupsRight(to);
    const res = await t.admin.patch(`/records/ru_opp/${moving.id}`, { account: to, version: moving.version });
    expect(res.status).toBe(200);
    expect((await expectRollupsRight(to)).first_close).toBe('2019-01-01');
    await expectRollupsRight(from);
    // To no parent at all.
    expect((await t.admin.patch(`/records/ru_opp/${moving.id}`, { account: null, version: moving.version + 1 })).status).toBe(200);
    await expectRollupsRight(to);
  });

  it('on delete', async () => {
    const a = await newAccount('Delete');
    const opps = [];
    for (let i = 0; i < 5; i++) opps.push(await createOpp(a));
    for (const o of opps.slice(0, 3)) expect((await t.admin.delete(`/records/ru_opp/${o.id}`)).status).toBe(204);
    await expectRollupsRight(a);
    for (const o of opps.slice(3)) expect((await t.admin.delete(`/records/ru_opp/${o.id}`)).status).toBe(204);
    expect(await expectRollupsRight(a)).toMatchObject({ n_opps: 0, total: 0, biggest: null, avg_amount: null });
  });

  it('on cascade deletes of children through another lookup, and of the parent itself', async () => {
    const a = await newAccount('Cascade A');
    const b = await newAccount('Cascade B');
    const campaign = (await t.admin.post('/records/ru_campaign', { name: 'Spring' })).body.id;
    for (let i = 0; i < 4; i++) {
      await createOpp(a, { campaign });
      await createOpp(b, { campaign: i % 2 ? campaign : null });
    }
    expect((await t.admin.delete(`/records/ru_campaign/${campaign}`)).status).toBe(204);
    expect((await expectRollupsRight(a)).n_opps).toBe(0);
    expect((await expectRollupsRight(b)).n_opps).toBe(2);
    expect((await t.admin.delete(`/records/ru_account/${b}`)).status).toBe(204);
    expect(await sql(`SELECT 1 FROM ${table('ru_opp')} WHERE account = ?`, [b])).toEqual([]);
  });

  it('on bulk create (COPY): 5,000 children over three parents in one statement', async () => {
    const ids = [await newAccount('Bulk 1'), await newAccount('Bulk 2'), await newAccount('Bulk 3')];
    const records = Array.from({ length: 5000 }, (_, i) => randomOpp(ids[i % 3]!));
    const res = await t.admin.post('/records/ru_opp/bulk', { records });
    expect(res.status).toBe(201);
    expect(res.body.created).toBe(5000);
    for (const id of ids) await expectRollupsRight(id);
    expect((await t.admin.get(`/records/ru_account/${ids[0]}`)).body.n_opps).toBe(1667);
  });
});

describe('concurrent child writes', () => {
  it('40 concurrent inserts on one parent lose no update', async () => {
    const a = await newAccount('Concurrent');
    const amounts = Array.from({ length: 40 }, (_, i) => 1000 + i + 0.25);
    const results = await Promise.all(amounts.map((amount) => t.admin.post('/records/ru_opp', { ...randomOpp(a), amount })));
    expect(results.map((r) => r.status)).toEqual(amounts.map(() => 201));
    const body = await expectRollupsRight(a);
    expect(body).toMatchObject({ n_opps: 40, total: amounts.reduce((s, x) => s + x, 0), biggest: 1039.25 });
  });

  it('concurrent inserts and deletes keep min, max and avg right', async () => {
    const a = await newAccount('Churn');
    const existing = [];
    for (let i = 0; i < 20; i++) existing.push(await createOpp(a, { amount: 500 + i }));
    const writes = [
      ...existing.filter((_, i) => i % 2 === 0).map((o) => t.admin.delete(`/records/ru_opp/${o.id}`)),
      ...Array.from({ length: 20 }, (_, i) => t.admin.post('/records/ru_opp', { ...randomOpp(a), amount: i % 2 ? 1 + i : 9000 + i, stage: 'open' })),
    ];
    const results = await Promise.all(writes);
    expect(results.every((r) => r.status === 204 || r.status === 201)).toBe(true);
    expect(await expectRollupsRight(a)).toMatchObject({ biggest: 9018, smallest_open: 2 });
  });

  it('a writer that waited for another sees its committed child when it recomputes min, max and avg', async () => {
    // Objects with only recomputed roll-ups: a count or sum trigger would take the parent lock first and hide a missing one.
    await t.admin.defineObject({ name: 'ru_bin', label: 'Bin', fields: [] });
    await t.admin.defineObject({ name: 'ru_item', label: 'Item', fields: [{ name: 'bin', type: 'lookup', label: 'Bin', options: { target: 'ru_bin' } }, { name: 'v', type: 'integer', label: 'V' }] });
    const over = (name: string, fn: string) => ({ name, type: 'rollup', label: name, options: { relation: 'ru_item.bin', function: fn, field: 'v' } });
    await t.admin.defineObject({ name: 'ru_bin', label: 'Bin', fields: [over('top', 'max'), over('low', 'min'), over('mean', 'avg')] });
    const bin = (await t.admin.post('/records/ru_bin', { name: 'B' })).body.id;
    await t.admin.post('/records/ru_item', { name: 'first', bin, v: 100 });
    const insert = (v: number) => (trx: Knex.Transaction) => trx.raw(`INSERT INTO ${table('ru_item')} (name, bin, v) VALUES ('raw', ?, ?)`, [bin, v]);
    const del = (v: number) => (trx: Knex.Transaction) => trx.raw(`DELETE FROM ${table('ru_item')} WHERE bin = ? AND v = ?`, [bin, v]);
    const read = async () => (await t.admin.get(`/records/ru_bin/${bin}`)).body;
    // The second writer's trigger queues behind the first's lock on the parent; once the first commits it must count its child.
    await secondWaitsForFirst(insert(9999), insert(500));
    expect(await read()).toMatchObject({ top: 9999, low: 100, mean: 3533 });
    await secondWaitsForFirst(del(9999), insert(1));
    expect(await read()).toMatchObject({ top: 500, low: 1 });
    await secondWaitsForFirst(insert(7), del(1));
    expect(await read()).toMatchObject({ top: 500, low: 7, mean: 202.3333 });
  });

  it('concurrent bulk batches over the same parents in different orders do not deadlock', async () => {
    const ids = [await newAccount('Mesh 1'), await newAccount('Mesh 2'), await newAccount('Mesh 3')];
    const batch = (k: number) => Array.from({ length: 300 }, (_, i) => randomOpp(ids[(i + k) % 3]!));
    const results = await Promise.all([0, 1, 2, 1, 2, 0].map((k) => t.admin.post('/records/ru_opp/bulk', { records: k % 2 ? batch(k).reverse() : batch(k) })));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    for (const id of ids) await expectRollupsRight(id);
  });
});

describe('reading roll-ups like any field', () => {
  it('filters and sorts by a number roll-up, and pages by a date roll-up with cursors', async () => {
    const big = await sql(`SELECT id, total FROM ${table('ru_account')} WHERE total >= 1000 ORDER BY total DESC, id DESC`);
    const res = await t.admin.get(`/records/ru_account?filter=${encodeURIComponent(JSON.stringify({ '>=': [{ var: 'total' }, 1000] }))}&sort=-total&fields=total&limit=1000`);
    expect(res.status).toBe(200);
    expect(res.body.records.map((r: any) => r.id)).toEqual(big.map((r) => r.id));
    const dated = (await sql(`SELECT id FROM ${table('ru_account')} WHERE first_close >= '2026-01-01' ORDER BY first_close, id`)).map((r) => r.id);
    const seen: string[] = [];
    let cursor = '';
    for (let i = 0; i < 50; i++) {
      const filter = encodeURIComponent(JSON.stringify({ '>=': [{ var: 'first_close' }, '2026-01-01'] }));
      const page = await t.admin.get(`/records/ru_account?filter=${filter}&sort=first_close&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.records.map((r: any) => r.id));
      if (!page.body.nextCursor) break;
      cursor = page.body.nextCursor;
    }
    expect(seen).toEqual(dated);
    expect(dated.length).toBeGreaterThan(2);
  });
});

describe('repair and schema changes', () => {
  it('recompute repairs a value corrupted by hand and reports how many it fixed', async () => {
    const a = await newAccount('Corrupt');
    for (let i = 0; i < 3; i++) await createOpp(a, { amount: 10 });
    await sql(`UPDATE ${table('ru_account')} SET total = 999, first_close = '1900-01-01' WHERE id = ?`, [a]);
    expect((await t.admin.get(`/records/ru_account/${a}`)).body.total).toBe(999);
    const res = await t.admin.post('/metadata/objects/ru_account/fields/total/recompute');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ updated: 1 });
    expect((await t.admin.post('/metadata/objects/ru_account/fields/first_close/recompute')).body).toEqual({ updated: 1 });
    expect((await t.admin.post('/metadata/objects/ru_account/fields/total/recompute')).body).toEqual({ updated: 0 });
    // The filter with quotes, backslashes before ? and $body$ compiles the same way for the repair.
    expect((await t.admin.post('/metadata/objects/ru_account/fields/n_tricky/recompute')).body).toEqual({ updated: 0 });
    expect((await expectRollupsRight(a)).total).toBe(30);
  });

  it('a dry-run shows the trigger steps and changes nothing; the publish builds and fills the roll-up', async () => {
    const dry = await t.admin.put('/metadata/objects/ru_account?dryRun=true', account([...ROLLUPS, N_OPEN]));
    expect(dry.status).toBe(200);
    expect(dry.body.plan.map((a: any) => a.kind)).toEqual(['addColumn', 'auditTrigger', 'createRollup']);
    const steps: string[] = dry.body.plan[2].sql;
    expect(steps[0]).toMatch(/^CREATE OR REPLACE FUNCTION "t_[a-z0-9_]+"\."rollup_ru_account_[0-9a-f]{10}"\(\) RETURNS trigger LANGUAGE plpgsql/);
    expect(steps.slice(1, 4)).toEqual(['ins', 'upd', 'del'].map((e) => expect.stringContaining(`CREATE TRIGGER "${rollupTriggerName('ru_account', 'n_open', e as 'ins')}" AFTER`)));
    const fn = rollupFunctionName('ru_account', 'n_open');
    expect(await sql('SELECT 1 FROM pg_proc WHERE proname = ?', [fn])).toEqual([]);
    await t.admin.defineObject(account([...ROLLUPS, N_OPEN]));
    expect(await sql('SELECT 1 FROM pg_proc WHERE proname = ?', [fn])).toHaveLength(1);
    const counts = await sql(`SELECT a.n_open, (SELECT count(*)::int FROM ${table('ru_opp')} o WHERE o.account = a.id AND o.stage = 'open') AS want FROM ${table('ru_account')} a`);
    expect(counts.every((r) => Number(r.n_open) === r.want)).toBe(true);
    expect(counts.some((r) => r.want > 0)).toBe(true);
  });

  it('redefining a roll-up rebuilds its triggers and recomputes it, even when the column type changes', async () => {
    const a = await newAccount('Redefine');
    await createOpp(a, { amount: 5, stage: 'won', close_date: '2024-05-05' });
    await createOpp(a, { amount: 7, stage: 'lost', close_date: '2024-06-06' });
    const publish = async (options: Record<string, unknown>) => {
      const res = await t.admin.put('/metadata/objects/ru_account', account([...ROLLUPS, N_OPEN, rollup('shifty', options)]));
      expect(res.status).toBe(200);
      return res.body.plan.map((x: any) => x.kind);
    };
    expect(await publish({ function: 'count', filter: { '==': [{ var: 'stage' }, 'won'] } })).toEqual(['addColumn', 'auditTrigger', 'createRollup']);
    expect((await t.admin.get(`/records/ru_account/${a}`)).body.shifty).toBe(1);
    expect(await publish({ function: 'sum', field: 'amount' })).toEqual(['dropRollup', 'alterColumn', 'createRollup']);
    expect((await t.admin.get(`/records/ru_account/${a}`)).body.shifty).toBe(12);
    expect(await publish({ function: 'max', field: 'close_date' })).toEqual(['dropRollup', 'alterColumn', 'createRollup']);
    expect((await t.admin.get(`/records/ru_account/${a}`)).body.shifty).toBe('2024-06-06');
    await createOpp(a, { close_date: '2025-01-01' });
    expect((await t.admin.get(`/records/ru_account/${a}`)).body.shifty).toBe('2025-01-01');
  });

  it('removing a roll-up removes its triggers and function (the column goes to the trash)', async () => {
    const triggers = async () => (await sql(`SELECT tgname FROM pg_trigger WHERE tgrelid = '${table('ru_opp')}'::regclass AND NOT tgisinternal ORDER BY 1`)).map((r) => r.tgname as string).filter((n) => n.startsWith('rollup_'));
    const mine = ['ins', 'upd', 'del'].map((e) => rollupTriggerName('ru_account', 'total', e as 'ins'));
    expect(await triggers()).toEqual(expect.arrayContaining(mine));
    const kept = ROLLUPS.filter((r) => r.name !== 'total');
    const refused = await t.admin.put('/metadata/objects/ru_account', account(kept));
    expect(refused.body.error.code).toBe('METADATA_CONFIRMATION_REQUIRED');
    const res = await t.admin.put('/metadata/objects/ru_account?confirm=true', account(kept));
    expect(res.status).toBe(200);
    expect(res.body.plan.map((a: any) => [a.kind, a.field])).toEqual(expect.arrayContaining([['dropRollup', 'total'], ['dropRollup', 'shifty'], ['trashColumn', 'total']]));
    const left = await triggers();
    for (const name of mine) expect(left).not.toContain(name);
    expect(left).toHaveLength(kept.length * 3);
    expect(await sql('SELECT 1 FROM pg_proc WHERE proname = ?', [rollupFunctionName('ru_account', 'total')])).toEqual([]);
    // Child writes still work and the remaining roll-ups stay right.
    const a = await newAccount('After removal');
    await createOpp(a);
    expect((await t.admin.get(`/records/ru_account/${a}`)).body).toMatchObject({ n_opps: 1 });
    expect((await t.admin.get(`/records/ru_account/${a}`)).body).not.toHaveProperty('total');
  });
});

describe('constants inlined into trigger bodies', () => {
  it('read back from PostgreSQL as exactly the value, for any text and array of text', async () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom("'", '\\', '"', '$', '?', '{', '}', ',', ' ', 'NULL', 'E'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), fc.constantFrom('华', '€')) }).filter((s) => !s.includes('\0'));
    await fc.assert(
      fc.asyncProperty(text, fc.array(text, { maxLength: 4 }), async (s, list) => {
        const [row] = await sql(`SELECT ${sqlLiteral(s).replace(/\?/g, '\\?')} AS s, ${sqlLiteral(list).replace(/\?/g, '\\?')}::text[] AS list`);
        expect(row.s).toBe(s);
        expect(row.list).toEqual(list);
      }),
      { numRuns: 200 },
    );
  });
});

describe('other relationships', () => {
  it('a roll-up over a self-lookup counts children without looping, and a setNull parent delete works', async () => {
    await t.admin.defineObject({ name: 'ru_node', label: 'Node', fields: [{ name: 'parent', type: 'lookup', label: 'Parent', options: { target: 'ru_node', onDelete: 'setNull' } }, { name: 'weight', type: 'integer', label: 'Weight' }] });
    await t.admin.defineObject({
      name: 'ru_node',
      label: 'Node',
      fields: [
        { name: 'parent', type: 'lookup', label: 'Parent', options: { target: 'ru_node', onDelete: 'setNull' } },
        { name: 'weight', type: 'integer', label: 'Weight' },
        { name: 'n_children', type: 'rollup', label: 'Children', options: { relation: 'ru_node.parent', function: 'count' } },
        { name: 'heaviest', type: 'rollup', label: 'Heaviest child', options: { relation: 'ru_node.parent', function: 'max', field: 'weight' } },
      ],
    });
    const root = (await t.admin.post('/records/ru_node', { name: 'root', weight: 1 })).body.id;
    const mid = (await t.admin.post('/records/ru_node', { name: 'mid', parent: root, weight: 5 })).body.id;
    await t.admin.post('/records/ru_node', { name: 'leaf 1', parent: mid, weight: 3 });
    await t.admin.post('/records/ru_node', { name: 'leaf 2', parent: mid, weight: 9 });
    expect((await t.admin.get(`/records/ru_node/${root}`)).body).toMatchObject({ n_children: 1, heaviest: 5 });
    expect((await t.admin.get(`/records/ru_node/${mid}`)).body).toMatchObject({ n_children: 2, heaviest: 9 });
    expect((await t.admin.delete(`/records/ru_node/${mid}`)).status).toBe(204);
    expect((await t.admin.get(`/records/ru_node/${root}`)).body).toMatchObject({ n_children: 0, heaviest: null });
  });
});
