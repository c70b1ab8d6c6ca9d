import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchQuery } from '../../../engine/duplicates/match-query';
import { activeRules, candidateText } from '../../../engine/duplicates/find-duplicates';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';
import { defineFirms, newFirm, salesUser } from './duplicate-fixtures';

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant('dups');
  await defineFirms(t);
});
afterAll(() => t?.close());

const create = (values: Record<string, unknown>, query = '') => t.admin.post(`/records/firm${query}`, values);

describe('matching methods', () => {
  it('company: Chinese legal suffixes, (中国), full-width brackets and English forms are ignored → 409 RECORD_DUPLICATE naming the record', async () => {
    const yunshan = await newFirm(t, { name: '上海云杉科技有限公司' });
    for (const name of ['上海云杉科技', '上海云杉科技股份有限公司', ' 上海云杉科技（中国）有限公司 ']) {
      const res = await create({ name });
      expect(res.status, name).toBe(409);
      expect(res.body.error.code).toBe('RECORD_DUPLICATE');
      expect(res.body.error.details.matches).toEqual([{ rule: 'same_company', label: 'Same company', action: 'block', records: [{ id: yunshan, name: '上海云杉科技有限公司' }] }]);
    }
    const acme = await newFirm(t, { name: 'Acme Co., Ltd.' });
    for (const name of ['ACME', 'acme limited', 'Ａｃｍｅ Inc.']) expect((await create({ name })).body.error?.details.matches[0].records, name).toEqual([{ id: acme, name: 'Acme Co., Ltd.' }]);
    // Not the same company: a different name, and a suffix that is part of a word.
    expect((await create({ name: '上海云杉' })).status).toBe(201);
    expect((await create({ name: 'Acmeco' })).status).toBe(201);
  });

  it('the message and labels follow the request locale', async () => {
    await newFirm(t, { name: '北京星河有限公司' });
    const res = await t.admin.post('/records/firm', { name: '北京星河' }, { 'accept-language': 'zh-CN' });
    expect(res.body.error.details.matches[0].label).toBe('公司相同');
    expect(res.body.error.message).toContain('公司相同: "北京星河有限公司"');
  });

  it('phone: digits only, +86 / 0086 dropped → 409 RECORD_DUPLICATE_WARNING; ?allowDuplicates=true saves anyway', async () => {
    const first = await newFirm(t, { name: 'Phone One', phone: '+86 138-0013-8000' });
    for (const phone of ['13800138000', '0086 138 0013 8000', '(+86) 138.0013.8000', '＋８６ １３８００１３８０００']) {
      const res = await create({ name: `Phone ${phone}`, phone });
      expect(res.status, phone).toBe(409);
      expect(res.body.error.code).toBe('RECORD_DUPLICATE_WARNING');
      expect(res.body.error.details.matches).toEqual([{ rule: 'same_phone', label: 'Same phone', action: 'warn', records: [{ id: first, name: 'Phone One' }] }]);
    }
    expect((await create({ name: 'Phone Other', phone: '13800138001' })).status).toBe(201);
    const saved = await create({ name: 'Phone Again', phone: '138 0013 8000' }, '?allowDuplicates=true');
    expect(saved.status).toBe(201);
    expect(saved.body.phone).toBe('138 0013 8000');
  });

  it('normalized: case, spaces and full-width letters ignored; block is not lifted by allowDuplicates', async () => {
    await newFirm(t, { name: 'Code One', code: '91310000 MA1K' });
    for (const code of ['91310000ma1k', ' 9131 0000 MA1K ', '９１３１００００ＭＡ１Ｋ']) {
      const res = await create({ name: `Code ${code}`, code }, '?allowDuplicates=true');
      expect(res.status, code).toBe(409);
      expect(res.body.error.code).toBe('RECORD_DUPLICATE');
    }
  });

  it('fuzzy: trigram similarity of the normalized text at or above the threshold (0.5 here), not below', async () => {
    const id = await newFirm(t, { name: 'Brand One', brand: 'Tessera Cloud Systems' });
    const res = await create({ name: 'Brand Two', brand: 'tessera cloud system' });
    expect(res.body.error).toMatchObject({ code: 'RECORD_DUPLICATE_WARNING', details: { matches: [{ rule: 'similar_brand', records: [{ id }] }] } });
    // Above pg_trgm's default cut-off (0.3) but below the rule's threshold: no match.
    const [{ s }] = await t.sql("SELECT similarity('tesseracloudsystems', 'cloudsystemsinc') AS s");
    expect(s).toBeGreaterThan(0.3);
    expect(s).toBeLessThan(0.5);
    expect((await create({ name: 'Brand Three', brand: 'Cloud Systems Inc' })).status).toBe(201);
    expect((await create({ name: 'Brand Four', brand: 'Something else entirely' })).status).toBe(201);
  });

  it('exact: text compared as stored (case counts), every condition of a rule must match, numbers by value', async () => {
    await newFirm(t, { name: 'Ref One', ref: 'R-1', size: 10 });
    expect((await create({ name: 'Ref Two', ref: 'R-1', size: 11 })).status).toBe(201);
    expect((await create({ name: 'Ref Three', ref: 'r-1', size: 10 })).status).toBe(201);
    expect((await create({ name: 'Ref Four', ref: 'R-1', size: 10 })).body.error.code).toBe('RECORD_DUPLICATE_WARNING');
  });

  it('empty values never match, and an inactive rule is skipped', async () => {
    await newFirm(t, { name: 'Empty One', phone: '', code: '  ', notes: 'same notes' });
    expect((await create({ name: 'Empty Two', phone: '', code: '  ', notes: 'Same  Notes' })).status).toBe(201);
    expect((await create({ name: 'Empty Three', phone: '---' })).status).toBe(201);
  });
});

describe('batches and updates', () => {
  it('a bulk create checks the rows against stored records and against each other (one query), rows named', async () => {
    await newFirm(t, { name: 'Bulk Stored', phone: '021-5555 0001' });
    const rows = [
      { name: 'Bulk A', phone: '021 5555 0002' },
      { name: 'Bulk B', phone: '02155550002' },
      { name: 'Bulk C', phone: '021 5555 0001' },
      { name: 'Bulk D', phone: '021 5555 0009' },
    ];
    const res = await t.admin.post('/records/firm/bulk', { records: rows });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('RECORD_DUPLICATE_WARNING');
    const matches = res.body.error.details.matches;
    expect(matches.map((m: { row: number; path: string; rows?: number[]; records: unknown[] }) => [m.row, m.path, m.rows ?? [], m.records.length])).toEqual([
      [1, '/records/1', [0], 0],
      [2, '/records/2', [], 1],
    ]);
    const ok = await t.admin.post('/records/firm/bulk?allowDuplicates=true', { records: rows });
    expect(ok.status).toBe(201);
    expect(ok.body.created).toBe(4);
  });

  it('two rows of one batch with the same company are blocked even with allowDuplicates', async () => {
    const res = await t.admin.post('/records/firm/bulk?allowDuplicates=true', { records: [{ name: '杭州新月有限公司' }, { name: '杭州新月' }] });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('RECORD_DUPLICATE');
    expect(res.body.error.details.matches).toEqual([{ row: 1, path: '/records/1', rule: 'same_company', label: 'Same company', action: 'block', records: [], rows: [0] }]);
  });

  it('an update is checked only when it touches a rule field, without the record itself', async () => {
    await newFirm(t, { name: 'Upd Stored', phone: '0571 8888 0001' });
    const id = await newFirm(t, { name: 'Upd Mine', phone: '0571 8888 0002' });
    // The record's own values are not a duplicate of itself.
    expect((await t.admin.patch(`/records/firm/${id}`, { phone: '057188880002', version: 1 })).status).toBe(200);
    const res = await t.admin.patch(`/records/firm/${id}`, { phone: '0571-8888-0001', version: 2 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('RECORD_DUPLICATE_WARNING');
    expect(res.body.error.details.matches[0]).not.toHaveProperty('row');
    expect((await t.admin.patch(`/records/firm/${id}?allowDuplicates=true`, { phone: '0571-8888-0001', version: 2 })).status).toBe(200);
    // Now a duplicate by phone, but a change to another field is not checked again.
    expect((await t.admin.patch(`/records/firm/${id}`, { rating: 3, version: 3 })).status).toBe(200);
  });

  it('POST /records/:object/duplicates answers the matches for field values (excludeId leaves the edited record out)', async () => {
    const id = await newFirm(t, { name: 'Route Firm Ltd', phone: '400 800 1234' });
    const res = await t.admin.post('/records/firm/duplicates', { name: 'route firm', phone: '4008001234' });
    expect(res.status).toBe(200);
    expect(res.body.matches).toEqual([
      { rule: 'same_company', label: 'Same company', action: 'block', records: [{ id, name: 'Route Firm Ltd' }] },
      { rule: 'same_phone', label: 'Same phone', action: 'warn', records: [{ id, name: 'Route Firm Ltd' }] },
    ]);
    expect((await t.admin.post(`/records/firm/duplicates?excludeId=${id}`, { name: 'route firm' })).body.matches).toEqual([]);
  });
});

describe('visibility', () => {
  it('a block rule blocks on a record the user cannot see without naming it; a warn rule ignores records they cannot see', async () => {
    await newFirm(t, { name: 'Secret Holdings Co., Ltd.', phone: '010 6666 0001' });
    const rep = await salesUser(t);
    const res = await rep.client.post('/records/firm', { name: 'Secret Holdings' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('RECORD_DUPLICATE');
    expect(res.body.error.details.matches).toEqual([{ rule: 'same_company', label: 'Same company', action: 'block', records: [], hidden: 1 }]);
    expect(res.body.error.message).toContain('a record you cannot see');
    expect(JSON.stringify(res.body)).not.toContain('Secret Holdings Co');
    expect((await rep.client.post('/records/firm', { name: 'Rep Firm', phone: '01066660001' })).status).toBe(201);
    expect((await rep.client.post('/records/firm/duplicates', { phone: '01066660001' })).body.matches).toEqual([{ rule: 'same_phone', label: 'Same phone', action: 'warn', records: [expect.objectContaining({ name: 'Rep Firm' })] }]);
  });
});

describe('indexes', () => {
  it('the matching query is served by the expression indexes the schema engine created for the rules', async () => {
    const s = t.tenant.schema;
    const indexes = await t.sql(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = ? AND tablename = 'firm' AND indexname LIKE 'dx_firm_%' ORDER BY indexname`, [s]);
    // company, phone, normalized code, fuzzy brand, exact ref (size too: not indexed otherwise); none for the inactive rule.
    expect(indexes).toHaveLength(6);
    expect(indexes.filter((i) => i.indexdef.includes('USING gin')).map((i) => i.indexdef)).toEqual([expect.stringContaining('gin_trgm_ops')]);
    await t.sql(`INSERT INTO "${s}".firm (name, phone, code, brand) SELECT 'Filler ' || g, '1390000' || g, 'F' || g, md5(g::text) FROM generate_series(1, 20000) g`);
    await t.sql(`ANALYZE "${s}".firm`);
    const obj = (await t.server.services.cache.get(s)).object('firm');
    const [{ md5 }] = await t.sql("SELECT md5('17') AS md5");
    const rows = [{ name: 'Probe Ltd', phone: '13900001', code: 'f1', brand: md5, ref: 'x', size: 1 }];
    const rules = activeRules(obj);
    const fields = [...new Set(rules.flatMap((r) => r.conditions.map((c) => c.field)))].map((n) => obj.fields.get(n)!);
    const q = matchQuery({ obj, registry: t.server.services.registry, rules, fields, columns: fields.map((f) => rows.map((r) => candidateText(t.server.services.registry, f, (r as Record<string, unknown>)[f.name]))), excludeIds: [null], read: undefined, inBatch: false });
    const plan = JSON.stringify(await t.sql(`EXPLAIN (FORMAT JSON) ${q.sql}`, q.params));
    const used = new Set([...plan.matchAll(/"Index Name":"(dx_firm_[0-9a-f]+)"/g)].map((m) => m[1]));
    expect(used.size, plan).toBeGreaterThanOrEqual(5);
    expect(plan).not.toContain('"Node Type":"Seq Scan","Parent Relationship":"Inner"');
  });
});
