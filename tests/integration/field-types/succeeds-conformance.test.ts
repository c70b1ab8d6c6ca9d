import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreFieldType, RawObjectDef } from '../../../engine/shared/metadata-types';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

/**
 * Conformance of every core field type: write/read, every filter operator the
 * type supports, sorting (NULLs last ascending, first descending), keyset
 * paging, count, fields and q. Each type gets its own object `cf_<type>` with
 * one field `v`; the expected answers are computed here from the values.
 */

let t: TestTenant;

type Value = unknown;
type Rule = Record<string, unknown> | boolean;

interface Rec {
  id: string;
  name: string;
  v: Value;
}

interface TypeCase {
  type: Exclude<CoreFieldType, 'autonumber'>;
  options?: Record<string, unknown>;
  /** Values to write, in creation order: two NULLs and a duplicate in each list. */
  values: () => Value[];
  /** A non-null value present twice, and another present value. */
  pivot: () => Value;
  other: () => Value;
  /** Sort order of non-null values; absent when the type cannot be sorted. */
  compare?: (a: any, b: any) => number;
  /** <, <=, >, >= and between apply. */
  ordered: boolean;
  /** contains / starts_with / ends_with cases. */
  text?: [op: 'contains' | 'starts_with' | 'ends_with', needle: string][];
  /** A value-fragment for q= (the type is searchable). */
  search?: string;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byNumber = (a: number, b: number) => a - b;
const byBool = (a: boolean, b: boolean) => Number(a) - Number(b);

const lookupTargets: string[] = [];

const CASES: TypeCase[] = [
  {
    type: 'text',
    options: { maxLength: 50 },
    values: () => ['banana', 'apple', null, 'cherry', '', 'applesauce', 'banana', null, "it's 100%"],
    pivot: () => 'banana',
    other: () => 'apple',
    compare: byString,
    ordered: true,
    text: [['contains', 'ppl'], ['starts_with', 'ban'], ['ends_with', 'rry'], ['contains', 'a'], ['contains', '%'], ['contains', '_'], ['starts_with', "it's"], ['ends_with', '%']],
    search: 'APPLES',
  },
  {
    type: 'textarea',
    values: () => ['long text one', 'another long text', null, '', 'zeta\nsecond line', 'long text one', null],
    pivot: () => 'long text one',
    other: () => 'zeta\nsecond line',
    compare: byString,
    ordered: true,
    text: [['contains', 'text'], ['starts_with', 'ano'], ['ends_with', 'line'], ['contains', '\n']],
  },
  {
    type: 'integer',
    values: () => [5, -3, null, 0, 1000000, 5, null, 9007199254740991],
    pivot: () => 5,
    other: () => 0,
    compare: byNumber,
    ordered: true,
  },
  {
    type: 'number',
    options: { precision: 10, scale: 3 },
    values: () => [1.5, -2.25, null, 0, 1234567.125, 1.5, null],
    pivot: () => 1.5,
    other: () => -2.25,
    compare: byNumber,
    ordered: true,
  },
  {
    type: 'currency',
    values: () => [19.99, 0.01, null, -5, 1000000000000.5, 19.99, null],
    pivot: () => 19.99,
    other: () => 0.01,
    compare: byNumber,
    ordered: true,
  },
  {
    type: 'percent',
    values: () => [12.5, 100, null, 0, 33.3333, 12.5, null],
    pivot: () => 12.5,
    other: () => 100,
    compare: byNumber,
    ordered: true,
  },
  {
    type: 'boolean',
    values: () => [true, false, null, true, false, null],
    pivot: () => true,
    other: () => false,
    compare: byBool,
    ordered: false,
  },
  {
    type: 'date',
    values: () => ['2024-02-29', '2023-12-31', null, '1999-01-01', '2024-03-01', '2024-02-29', null],
    pivot: () => '2024-02-29',
    other: () => '1999-01-01',
    compare: byString,
    ordered: true,
  },
  {
    type: 'datetime',
    values: () => ['2024-02-29T12:00:00.000Z', '2024-02-29T11:59:59.999Z', null, '1999-12-31T23:59:59.000Z', '2030-01-01T00:00:00.000Z', '2024-02-29T12:00:00.000Z', null],
    pivot: () => '2024-02-29T12:00:00.000Z',
    other: () => '2030-01-01T00:00:00.000Z',
    compare: byString,
    ordered: true,
  },
  {
    type: 'email',
    values: () => ['bob@example.com', 'alice@example.com', null, 'carol@example.org', 'bob@example.com', null, 'dave@example.net'],
    pivot: () => 'bob@example.com',
    other: () => 'dave@example.net',
    compare: byString,
    ordered: true,
    text: [['contains', '@example.com'], ['starts_with', 'car'], ['ends_with', '.net']],
    search: 'CAROL',
  },
  {
    type: 'phone',
    values: () => ['+1 555 0200', '+1 555 0100', null, '+86 10 8888 0000', '+1 555 0200', null],
    pivot: () => '+1 555 0200',
    other: () => '+86 10 8888 0000',
    compare: byString,
    ordered: true,
    text: [['contains', '555'], ['starts_with', '+86'], ['ends_with', '0100']],
    search: '8888',
  },
  {
    type: 'url',
    values: () => ['https://b.example.com/x', 'https://a.example.com', null, 'http://c.example.com/path?q=1', 'https://b.example.com/x', null],
    pivot: () => 'https://b.example.com/x',
    other: () => 'https://a.example.com',
    compare: byString,
    ordered: true,
    text: [['starts_with', 'https://'], ['ends_with', '/x'], ['contains', 'c.example']],
    search: 'A.EXAMPLE',
  },
  {
    type: 'picklist',
    options: { values: [{ value: 'alpha', label: 'Alpha' }, { value: 'beta', label: 'Beta' }, { value: 'gamma', label: 'Gamma' }] },
    values: () => ['beta', 'alpha', null, 'gamma', 'beta', null],
    pivot: () => 'beta',
    other: () => 'gamma',
    compare: byString,
    ordered: true,
    text: [['starts_with', 'gam']],
  },
  {
    type: 'multipicklist',
    options: { values: [{ value: 'x', label: 'X' }, { value: 'y', label: 'Y' }, { value: 'z', label: 'Z' }] },
    values: () => [['x'], ['x', 'y'], null, [], ['z'], ['y', 'x'], null],
    pivot: () => 'x',
    other: () => 'z',
    ordered: false,
  },
  {
    type: 'lookup',
    options: { target: 'cf_target' },
    values: () => [lookupTargets[0], lookupTargets[1], null, lookupTargets[2], lookupTargets[0], null],
    pivot: () => lookupTargets[0],
    other: () => lookupTargets[2],
    compare: byString,
    ordered: false,
  },
];

const records = new Map<string, Rec[]>();

beforeAll(async () => {
  t = await startTestTenant('conform');
  await t.admin.defineObject({ name: 'cf_target', label: 'Target', fields: [] });
  for (const n of ['t1', 't2', 't3']) {
    const res = await t.admin.post('/records/cf_target', { name: n });
    lookupTargets.push(res.body.id);
  }
  for (const c of CASES) {
    const def: RawObjectDef = { name: `cf_${c.type}`, label: c.type, fields: [{ name: 'v', type: c.type, label: 'V', ...(c.options ? { options: c.options } : {}) }] };
    await t.admin.defineObject(def);
  }
  await Promise.all(
    CASES.map(async (c) => {
      const out: Rec[] = [];
      for (const [i, v] of c.values().entries()) {
        const res = await t.admin.post(`/records/cf_${c.type}`, { name: `r${i}`, v });
        if (res.status !== 201) throw new Error(`create cf_${c.type} ${JSON.stringify(v)}: ${res.status} ${JSON.stringify(res.body)}`);
        out.push({ id: res.body.id, name: `r${i}`, v: res.body.v });
      }
      records.set(c.type, out);
    }),
  );
});
afterAll(() => t?.close());

const enc = (rule: unknown) => encodeURIComponent(JSON.stringify(rule));
const same = (a: Value, b: Value) => JSON.stringify(a) === JSON.stringify(b);
const isEmpty = (v: Value) => v === null || v === '' || (Array.isArray(v) && v.length === 0);

async function list(object: string, query: string): Promise<any> {
  const res = await t.admin.get(`/records/${object}?${query}`);
  expect(res.status, `${query}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}

async function filterIds(object: string, rule: Rule): Promise<string[]> {
  const body = await list(object, `filter=${enc(rule)}&limit=1000`);
  return body.records.map((r: any) => r.id).sort();
}

const idsWhere = (recs: Rec[], pred: (v: any) => boolean) => recs.filter((r) => pred(r.v)).map((r) => r.id).sort();

/** Ascending: values by compare, NULLs last, ties by id; descending is the exact reverse. */
function expectedOrder(recs: Rec[], compare: (a: any, b: any) => number, desc: boolean): string[] {
  const asc = [...recs].sort((a, b) => {
    if (a.v === null && b.v === null) return byString(a.id, b.id);
    if (a.v === null) return 1;
    if (b.v === null) return -1;
    return compare(a.v, b.v) || byString(a.id, b.id);
  });
  const ids = asc.map((r) => r.id);
  return desc ? ids.reverse() : ids;
}

/** Follows nextCursor with limit=2 until the end; answers the ids in page order. */
async function paginate(object: string, query: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const body = await list(object, `limit=2${query ? `&${query}` : ''}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(body.records.length).toBeLessThanOrEqual(2);
    ids.push(...body.records.map((r: any) => r.id));
    cursor = body.nextCursor;
    if (!cursor) return ids;
    expect(body.records).toHaveLength(2);
  }
  throw new Error('pagination did not end');
}

describe.each(CASES)('field type $type', (c) => {
  const object = `cf_${c.type}`;
  const recs = () => records.get(c.type)!;
  const v = { var: 'v' };

  it('reads back every value as written, NULLs included', async () => {
    const values = c.values();
    expect(recs().map((r) => r.v)).toEqual(values);
    for (const [i, r] of recs().entries()) {
      const res = await t.admin.get(`/records/${object}/${r.id}`);
      expect(res.status).toBe(200);
      expect(res.body.v).toEqual(values[i]);
      expect(res.body.name).toBe(`r${i}`);
    }
    const all = await list(object, 'limit=1000');
    expect(all.records).toHaveLength(values.length);
    for (const r of recs()) expect(all.records.find((x: any) => x.id === r.id).v).toEqual(r.v);
  });

  it('filters with ==, !=, == null, != null, in, and, or, !', async () => {
    const p = c.pivot();
    const o = c.other();
    const R = recs();
    if (c.type === 'multipicklist') {
      const has = (x: string) => (val: any) => Array.isArray(val) && val.includes(x);
      expect(await filterIds(object, { in: [v, [p, o]] })).toEqual(idsWhere(R, (val) => has(p as string)(val) || has(o as string)(val)));
      expect(await filterIds(object, { '==': [v, null] })).toEqual(idsWhere(R, (val) => val === null));
      expect(await filterIds(object, { '!=': [v, null] })).toEqual(idsWhere(R, (val) => val !== null));
      expect(await filterIds(object, { and: [{ contains: [v, 'x'] }, { contains: [v, 'y'] }] })).toEqual(idsWhere(R, (val) => has('x')(val) && has('y')(val)));
      expect(await filterIds(object, { or: [{ contains: [v, 'z'] }, { '==': [v, null] }] })).toEqual(idsWhere(R, (val) => val === null || has('z')(val)));
      expect(await filterIds(object, { '!': { contains: [v, 'x'] } })).toEqual(idsWhere(R, (val) => !has('x')(val)));
      return;
    }
    expect(await filterIds(object, { '==': [v, p] })).toEqual(idsWhere(R, (val) => same(val, p)));
    expect(idsWhere(R, (val) => same(val, p))).toHaveLength(2);
    // json-logic: a field compared with a value on either side
    expect(await filterIds(object, { '==': [p, v] })).toEqual(idsWhere(R, (val) => same(val, p)));
    expect(await filterIds(object, { '!=': [v, p] })).toEqual(idsWhere(R, (val) => !same(val, p)));
    expect(await filterIds(object, { '==': [v, null] })).toEqual(idsWhere(R, (val) => val === null));
    expect(await filterIds(object, { '!=': [v, null] })).toEqual(idsWhere(R, (val) => val !== null));
    expect(await filterIds(object, { in: [v, [p, o]] })).toEqual(idsWhere(R, (val) => same(val, p) || same(val, o)));
    expect(await filterIds(object, { in: [v, []] })).toEqual([]);
    expect(await filterIds(object, { and: [{ '!=': [v, p] }, { '!=': [v, null] }] })).toEqual(idsWhere(R, (val) => val !== null && !same(val, p)));
    expect(await filterIds(object, { or: [{ '==': [v, p] }, { '==': [v, null] }] })).toEqual(idsWhere(R, (val) => val === null || same(val, p)));
    expect(await filterIds(object, { '!': { '==': [v, p] } })).toEqual(idsWhere(R, (val) => !same(val, p)));
    expect(await filterIds(object, { '!': { or: [{ '==': [v, p] }, { '==': [v, o] }] } })).toEqual(idsWhere(R, (val) => !same(val, p) && !same(val, o)));
  });

  it('filters with is_empty and not_empty', async () => {
    const R = recs();
    const empty = await filterIds(object, { is_empty: [v] });
    expect(empty).toEqual(idsWhere(R, isEmpty));
    expect(empty.length).toBeGreaterThanOrEqual(2);
    expect(await filterIds(object, { not_empty: [v] })).toEqual(idsWhere(R, (val) => !isEmpty(val)));
  });

  if (c.ordered) {
    it('filters with <, <=, >, >= and between', async () => {
      const p = c.pivot();
      const o = c.other();
      const R = recs();
      const cmp = c.compare!;
      const nn = (f: (x: any) => boolean) => (val: any) => val !== null && f(val);
      expect(await filterIds(object, { '<': [v, p] })).toEqual(idsWhere(R, nn((x) => cmp(x, p) < 0)));
      expect(await filterIds(object, { '<=': [v, p] })).toEqual(idsWhere(R, nn((x) => cmp(x, p) <= 0)));
      expect(await filterIds(object, { '>': [v, p] })).toEqual(idsWhere(R, nn((x) => cmp(x, p) > 0)));
      expect(await filterIds(object, { '>=': [v, p] })).toEqual(idsWhere(R, nn((x) => cmp(x, p) >= 0)));
      // value first: 5 < v means v > 5
      expect(await filterIds(object, { '<': [p, v] })).toEqual(idsWhere(R, nn((x) => cmp(x, p) > 0)));
      const [lo, hi] = cmp(p, o) <= 0 ? [p, o] : [o, p];
      expect(await filterIds(object, { '<=': [lo, v, hi] })).toEqual(idsWhere(R, nn((x) => cmp(x, lo) >= 0 && cmp(x, hi) <= 0)));
      expect(await filterIds(object, { '<': [lo, v, hi] })).toEqual(idsWhere(R, nn((x) => cmp(x, lo) > 0 && cmp(x, hi) < 0)));
      expect(await filterIds(object, { and: [{ '>=': [v, lo] }, { '<': [v, hi] }] })).toEqual(idsWhere(R, nn((x) => cmp(x, lo) >= 0 && cmp(x, hi) < 0)));
      expect(await filterIds(object, { or: [{ '<': [v, lo] }, { '>': [v, hi] }] })).toEqual(idsWhere(R, nn((x) => cmp(x, lo) < 0 || cmp(x, hi) > 0)));
      expect(await filterIds(object, { '!': { '<': [v, p] } })).toEqual(idsWhere(R, (x) => !(x !== null && cmp(x, p) < 0)));
    });
  } else {
    it('refuses <, <=, >, >= with QUERY_INVALID_FILTER', async () => {
      for (const op of ['<', '<=', '>', '>=']) {
        const res = await t.admin.get(`/records/${object}?filter=${enc({ [op]: [v, c.pivot()] })}`);
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('QUERY_INVALID_FILTER');
      }
    });
  }

  if (c.text) {
    it.each(c.text)('filters with %s %j', async (op, needle) => {
      const expected = idsWhere(recs(), (val) => typeof val === 'string' && (op === 'contains' ? val.includes(needle) : op === 'starts_with' ? val.startsWith(needle) : val.endsWith(needle)));
      expect(await filterIds(object, { [op]: [v, needle] })).toEqual(expected);
      if (op === 'contains') expect(await filterIds(object, { in: [needle, v] })).toEqual(expected);
    });
  }

  if (c.type === 'multipicklist') {
    it('filters with contains and refuses comparisons and sorting', async () => {
      expect(await filterIds(object, { contains: [v, 'y'] })).toEqual(idsWhere(recs(), (val) => Array.isArray(val) && val.includes('y')));
      const eq = await t.admin.get(`/records/${object}?filter=${enc({ '==': [v, 'x'] })}`);
      expect(eq.status).toBe(400);
      expect(eq.body.error.code).toBe('QUERY_INVALID_FILTER');
      const sorted = await t.admin.get(`/records/${object}?sort=v`);
      expect(sorted.status).toBe(400);
      expect(sorted.body.error.code).toBe('QUERY_INVALID_SORT');
    });
  }

  if (c.type === 'boolean') {
    it('filters with the field alone and its negation', async () => {
      expect(await filterIds(object, v)).toEqual(idsWhere(recs(), (val) => val === true));
      expect(await filterIds(object, { '!': v })).toEqual(idsWhere(recs(), (val) => val !== true));
      expect(await filterIds(object, { '==': [v, false] })).toEqual(idsWhere(recs(), (val) => val === false));
    });
  }

  if (c.compare) {
    it('sorts ascending (NULLs last) and descending (NULLs first)', async () => {
      const asc = (await list(object, 'sort=v&limit=1000')).records.map((r: any) => r.id);
      expect(asc).toEqual(expectedOrder(recs(), c.compare!, false));
      const desc = (await list(object, 'sort=-v&limit=1000')).records.map((r: any) => r.id);
      expect(desc).toEqual(expectedOrder(recs(), c.compare!, true));
      const ascValues = (await list(object, 'sort=v&limit=1000')).records.map((r: any) => r.v);
      expect(ascValues.slice(-2)).toEqual([null, null]);
      expect(ascValues.slice(0, -2)).not.toContain(null);
    });

    it('pages with limit=2 and nextCursor through every record exactly once, in order', async () => {
      expect(await paginate(object, 'sort=v')).toEqual(expectedOrder(recs(), c.compare!, false));
      expect(await paginate(object, 'sort=-v')).toEqual(expectedOrder(recs(), c.compare!, true));
      // with a filter and a secondary key
      const notP = { '!=': [v, c.pivot()] };
      const filtered = recs().filter((r) => !same(r.v, c.pivot()));
      expect(await paginate(object, `sort=v,name&filter=${enc(notP)}`)).toEqual(
        [...filtered]
          .sort((a, b) => (a.v === null ? (b.v === null ? 0 : 1) : b.v === null ? -1 : c.compare!(a.v, b.v)) || byString(a.name, b.name) || byString(a.id, b.id))
          .map((r) => r.id),
      );
    });
  }

  it('pages in the default order (by id) through every record exactly once', async () => {
    const ids = await paginate(object, '');
    expect(ids).toEqual(recs().map((r) => r.id).sort());
  });

  it('count=true gives the total of the filter, not of the page', async () => {
    const all = await list(object, 'count=true&limit=2');
    expect(all.total).toBe(recs().length);
    expect(all.records).toHaveLength(2);
    const some = await list(object, `count=true&limit=1&filter=${enc({ not_empty: [{ var: 'v' }] })}`);
    expect(some.total).toBe(recs().filter((r) => !isEmpty(r.v)).length);
    expect(some.records).toHaveLength(1);
    expect((await list(object, 'limit=2')).total).toBeUndefined();
  });

  it('fields= limits the keys of each record', async () => {
    const body = await list(object, 'fields=name,v&limit=1000');
    expect(body.records).toHaveLength(recs().length);
    for (const r of body.records) expect(Object.keys(r).sort()).toEqual(['id', 'name', 'v', 'version']);
    const onlyName = await list(object, 'fields=name&limit=1000');
    for (const r of onlyName.records) expect(Object.keys(r).sort()).toEqual(['id', 'name', 'version']);
    const found = onlyName.records.find((r: any) => r.id === recs()[1]!.id);
    expect(found.name).toBe('r1');
  });

  if (c.search) {
    it('q= searches the field case-insensitively', async () => {
      const q = c.search!;
      const body = await list(object, `q=${encodeURIComponent(q)}&limit=1000`);
      const expected = idsWhere(recs(), (val) => typeof val === 'string' && val.toLowerCase().includes(q.toLowerCase()));
      expect(expected.length).toBeGreaterThan(0);
      expect(body.records.map((r: any) => r.id).sort()).toEqual(expected);
    });
  }
});

describe('sorting, paging and searching details', () => {
  it('pages by a field while returning other fields only', async () => {
    const c = CASES.find((x) => x.type === 'integer')!;
    const recs = records.get('integer')!;
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 20; i++) {
      const body = await list('cf_integer', `limit=3&sort=-v&fields=name${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      for (const r of body.records) expect(Object.keys(r).sort()).toEqual(['id', 'name', 'version']);
      ids.push(...body.records.map((r: any) => r.id));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(ids).toEqual(expectedOrder(recs, c.compare!, true));
  });

  it('pages by created_at (microsecond timestamps) through every record exactly once', async () => {
    const recs = records.get('text')!;
    const asc = await paginate('cf_text', 'sort=created_at');
    expect([...asc].sort()).toEqual(recs.map((r) => r.id).sort());
    expect(new Set(asc).size).toBe(recs.length);
    const desc = await paginate('cf_text', 'sort=-created_at');
    expect(desc).toEqual([...asc].reverse());
  });

  it('q= matches the name field too, and finds nothing for an absent text', async () => {
    const recs = records.get('integer')!;
    const body = await list('cf_integer', 'q=R3');
    expect(body.records.map((r: any) => r.id)).toEqual([recs[3]!.id]);
    expect((await list('cf_integer', 'q=zzzz')).records).toEqual([]);
  });

  it('datetime values with an offset are stored as the same instant and answered in UTC', async () => {
    const res = await t.admin.post('/records/cf_datetime', { name: 'offset', v: '2024-02-29T20:00:00+08:00' });
    expect(res.status).toBe(201);
    expect(res.body.v).toBe('2024-02-29T12:00:00.000Z');
    const ids = await filterIds('cf_datetime', { and: [{ '==': [{ var: 'v' }, '2024-02-29T12:00:00Z'] }, { '==': [{ var: 'name' }, 'offset'] }] });
    expect(ids).toEqual([res.body.id]);
    expect((await t.admin.delete(`/records/cf_datetime/${res.body.id}`)).status).toBe(204);
  });
});

describe('autonumber', () => {
  const year = new Date().getUTCFullYear();
  const FORMAT = /^ACC-(\d{4})-(\d{4,})$/;
  const counterOf = (s: string) => Number(FORMAT.exec(s)![2]);
  let created: { id: string; num: string }[] = [];

  beforeAll(async () => {
    await t.admin.defineObject({
      name: 'cf_auto',
      label: 'Auto',
      fields: [
        { name: 'num', type: 'autonumber', label: 'Number', options: { format: 'ACC-{YYYY}-{0000}' } },
        { name: 'code', type: 'text', label: 'Code', unique: true },
      ],
    });
  });

  it('30 concurrent creates get 30 distinct numbers 1..30 without gaps', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => t.admin.post('/records/cf_auto', { name: `a${i}`, code: `c${i}` })));
    for (const r of results) expect(r.status).toBe(201);
    created = results.map((r) => ({ id: r.body.id, num: r.body.num }));
    for (const { num } of created) {
      expect(num).toMatch(FORMAT);
      expect(FORMAT.exec(num)![1]).toBe(String(year));
    }
    expect(new Set(created.map((c) => c.num)).size).toBe(30);
    expect(created.map((c) => counterOf(c.num)).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(created.map((c) => c.num)).toContain(`ACC-${year}-0001`);
    expect(created.map((c) => c.num)).toContain(`ACC-${year}-0030`);
  });

  it('reads back, filters, sorts and pages by the number', async () => {
    const first = created.find((c) => c.num === `ACC-${year}-0007`)!;
    expect((await t.admin.get(`/records/cf_auto/${first.id}`)).body.num).toBe(first.num);
    expect(await filterIds('cf_auto', { '==': [{ var: 'num' }, first.num] })).toEqual([first.id]);
    expect(await filterIds('cf_auto', { starts_with: [{ var: 'num' }, `ACC-${year}-000`] })).toEqual(created.filter((c) => counterOf(c.num) <= 9).map((c) => c.id).sort());
    expect(await filterIds('cf_auto', { '>': [{ var: 'num' }, `ACC-${year}-0025`] })).toEqual(created.filter((c) => counterOf(c.num) > 25).map((c) => c.id).sort());
    const inOrder = [...created].sort((a, b) => counterOf(a.num) - counterOf(b.num)).map((c) => c.id);
    expect((await list('cf_auto', 'sort=num&limit=1000')).records.map((r: any) => r.id)).toEqual(inOrder);
    expect(await paginate('cf_auto', 'sort=-num')).toEqual([...inOrder].reverse());
    const q = await list('cf_auto', `q=${encodeURIComponent(`-${year}-0012`)}`);
    expect(q.records.map((r: any) => r.num)).toEqual([`ACC-${year}-0012`]);
  });

  it('a failed insert does not use up a number', async () => {
    const dup = await t.admin.post('/records/cf_auto', { name: 'dup', code: 'c0' });
    expect(dup.status).toBe(409);
    const next = await t.admin.post('/records/cf_auto', { name: 'next', code: 'c-next' });
    expect(next.status).toBe(201);
    expect(next.body.num).toBe(`ACC-${year}-0031`);
    // updates keep the number
    const updated = await t.admin.patch(`/records/cf_auto/${next.body.id}`, { code: 'c-next-2', version: 1 });
    expect(updated.status).toBe(200);
    expect(updated.body.num).toBe(`ACC-${year}-0031`);
  });

  it('an autonumber added to an object with records numbers them in creation order', async () => {
    await t.admin.defineObject({ name: 'cf_auto_late', label: 'Late', fields: [] });
    const ids: string[] = [];
    for (const n of ['first', 'second', 'third']) ids.push((await t.admin.post('/records/cf_auto_late', { name: n })).body.id);
    await t.admin.defineObject({ name: 'cf_auto_late', label: 'Late', fields: [{ name: 'seq', type: 'autonumber', label: 'Seq', options: { format: 'L{00}' } }] });
    const rows = await Promise.all(ids.map(async (id) => (await t.admin.get(`/records/cf_auto_late/${id}`)).body.seq));
    expect(rows).toEqual(['L01', 'L02', 'L03']);
    expect((await t.admin.post('/records/cf_auto_late', { name: 'fourth' })).body.seq).toBe('L04');
  });

  it('an autonumber name field names each record', async () => {
    await t.admin.defineObject({ name: 'cf_invoice', label: 'Invoice', nameField: { type: 'autonumber', format: 'INV-{00000}' }, fields: [{ name: 'total', type: 'currency', label: 'Total' }] });
    const a = await t.admin.post('/records/cf_invoice', { total: 5 });
    const b = await t.admin.post('/records/cf_invoice', { total: 6 });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect([a.body.name, b.body.name]).toEqual(['INV-00001', 'INV-00002']);
  });
});
