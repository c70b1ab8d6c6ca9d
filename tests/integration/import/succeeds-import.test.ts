import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';
import { defineImportObjects } from './import-objects';
import { rejectedLines, runImport, settle, upload } from './import-helpers';

let t: TestTenant;
const leads = (where = 'true') => t.sql(`SELECT name, company, email, phone, score, revenue::float AS revenue, active, since::text AS since, rating, tags, account, owner_id FROM ${t.tenant.schema}.lead WHERE ${where} ORDER BY name`);

beforeAll(async () => {
  t = await startTestTenant('import');
  await defineImportObjects(t.admin);
  for (const [name, code] of [['Acme Ltd', 'A-1'], ['上海云杉有限公司', 'A-2']]) expect((await t.admin.post('/records/account', { name, code })).status).toBe(201);
});
afterAll(() => t?.close());

describe('upload', () => {
  it('reads UTF-8 with a BOM, answers header, preview and a mapping matched by API name and English label', async () => {
    const csv = '\uFEFFName,Company,EMAIL,annual revenue,Rating,Account,Unknown\r\nAnn,"Acme, Inc",ann@x.test,"1,234.50",Hot,Acme Ltd,zzz\r\n';
    const res = await upload(t.admin, 'lead', csv);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ encoding: 'utf-8', header: ['Name', 'Company', 'EMAIL', 'annual revenue', 'Rating', 'Account', 'Unknown'], rows: 1, preview: [['Ann', 'Acme, Inc', 'ann@x.test', '1,234.50', 'Hot', 'Acme Ltd', 'zzz']] });
    expect(res.body.suggestedMapping).toEqual({ Name: { field: 'name' }, Company: { field: 'company' }, EMAIL: { field: 'email' }, 'annual revenue': { field: 'revenue' }, Rating: { field: 'rating' }, Account: { field: 'account', lookupBy: 'name' } });
    expect(res.body.import).toMatchObject({ status: 'uploaded', mode: 'insert', total: 1, processed: 0 });
  });

  it('matches Chinese labels: 客户名称 → the account name', async () => {
    const res = await upload(t.admin, 'account', '客户名称,编号,城市\n北京星河,B-9,北京\n');
    expect(res.body.suggestedMapping).toEqual({ 客户名称: { field: 'name' }, 编号: { field: 'code' }, 城市: { field: 'city' } });
  });
});

describe('import', () => {
  it('imports a UTF-8 file without BOM: every value type, lookups by name, picklists by label in either language', async () => {
    const csv = [
      '名称,公司,邮箱,电话,评分,年收入,有效,起始日期,评级,标签,客户',
      '张伟,云杉,zw@x.test,138 0013 8000,42,"¥12,000",是,2024/3/5,热,重要;新,上海云杉有限公司',
      'Bob,"Multi\nLine",bob@x.test,,7,3.5,no,2024-12-31,Cold,"VIP, New",acme ltd',
    ].join('\n');
    const job = await runImport(t.admin, 'lead', csv);
    expect(job).toMatchObject({ status: 'done', total: 2, processed: 2, inserted: 2, updated: 0, rejected: 0 });
    const [acme, yunshan] = await t.sql(`SELECT id FROM ${t.tenant.schema}.account ORDER BY code`);
    expect(await leads(`email IN ('zw@x.test', 'bob@x.test')`)).toEqual([
      { name: 'Bob', company: 'Multi\nLine', email: 'bob@x.test', phone: null, score: 7, revenue: 3.5, active: false, since: '2024-12-31', rating: 'cold', tags: ['vip', 'new'], account: acme.id, owner_id: t.adminId },
      { name: '张伟', company: '云杉', email: 'zw@x.test', phone: '138 0013 8000', score: 42, revenue: 12000, active: true, since: '2024-03-05', rating: 'hot', tags: ['vip', 'new'], account: yunshan.id, owner_id: t.adminId },
    ]);
  });

  it('reads a GBK file (auto-detected) as Excel on Chinese Windows saves it', async () => {
    const bytes = iconv.encode('名称,公司,邮箱\r\n王芳,深圳海鸥科技,wf@x.test\r\n', 'gbk');
    const up = await upload(t.admin, 'lead', bytes);
    expect(up.body).toMatchObject({ encoding: 'gbk', header: ['名称', '公司', '邮箱'], preview: [['王芳', '深圳海鸥科技', 'wf@x.test']] });
    expect((await t.admin.post(`/records/lead/imports/${up.body.import.id}/start`)).status).toBe(202);
    expect(await settle(t.admin, 'lead', up.body.import.id)).toMatchObject({ status: 'done', inserted: 1 });
    expect(await leads(`email = 'wf@x.test'`)).toMatchObject([{ name: '王芳', company: '深圳海鸥科技' }]);
  });

  it('rejects bad rows with their reasons and keeps the good ones: ragged rows, bad values, validation rules, unknown lookups', async () => {
    const csv = [
      'Name,Email,Score,Since,Account',
      'Good 1,g1@x.test,5,2024-01-01,Acme Ltd',
      'Ragged,r@x.test,5',
      'Bad score,bs@x.test,abc,,',
      'Too high,th@x.test,500,,',
      'Bad date,bd@x.test,1,2024-02-30,',
      'No account,na@x.test,1,,Nobody Inc',
      'Good 2,g2@x.test,6,,',
    ].join('\n');
    const job = await runImport(t.admin, 'lead', csv);
    expect(job).toMatchObject({ status: 'done', total: 7, processed: 7, inserted: 2, rejected: 5 });
    expect(job.errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 5, 6, 7]);
    expect(job.errors[0].error).toMatch(/3 columns, the header has 5/);
    expect(job.errors[2].error).toMatch(/Score must be at most 100/);
    expect((await leads(`email LIKE 'g_@x.test'`)).map((r) => r.name)).toEqual(['Good 1', 'Good 2']);
    expect(await leads(`email IN ('r@x.test', 'bs@x.test', 'th@x.test', 'bd@x.test', 'na@x.test')`)).toEqual([]);
    const lines = await rejectedLines(t.admin, 'lead', job.id);
    expect(lines[0]).toBe('Name,Email,Score,Since,Account,error');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toBe('Ragged,r@x.test,5,"line 3: 3 columns, the header has 5"');
    expect(lines[5]).toBe('No account,na@x.test,1,,Nobody Inc,"Account: no record with name ""Nobody Inc"""');
  });

  it('a unique-field conflict rejects just that row (bisection), the rest of the batch is written', async () => {
    const job = await runImport(t.admin, 'lead', 'Name,Email\nDup,g1@x.test\nFresh,fresh@x.test\n');
    expect(job).toMatchObject({ status: 'done', inserted: 1, rejected: 1 });
    expect(job.errors).toMatchObject([{ line: 2 }]);
    expect(await leads(`email = 'fresh@x.test'`)).toHaveLength(1);
    expect(await leads(`name = 'Dup'`)).toEqual([]);
  });

  it('updates by a unique key and upserts (new keys inserted)', async () => {
    const upd = await runImport(t.admin, 'lead', 'Email,Score\ng1@x.test,77\nnobody@x.test,1\n', { mapping: { Email: 'email', Score: 'score' }, mode: 'update', key: 'email' });
    expect(upd).toMatchObject({ status: 'done', updated: 1, inserted: 0, rejected: 1 });
    expect(upd.errors[0].error).toMatch(/no record with email "nobody@x.test"/);
    expect((await leads(`email = 'g1@x.test'`))[0].score).toBe(77);
    const ups = await runImport(t.admin, 'lead', 'Name,Email,Score\nGood 2,g2@x.test,88\nUpserted,up@x.test,3\n', { mapping: { Name: 'name', Email: 'email', Score: 'score' }, mode: 'upsert', key: 'email' });
    expect(ups).toMatchObject({ status: 'done', updated: 1, inserted: 1, rejected: 0 });
    expect((await leads(`email IN ('g2@x.test', 'up@x.test')`)).map((r) => [r.name, r.score])).toEqual([['Good 2', 88], ['Upserted', 3]]);
  });

  it('duplicate rules: warn matches are rejected with the rule, imported with allowDuplicates=true', async () => {
    const csv = '客户名称,编号\n"ACME Co., Ltd.",W-1\n上海云杉,W-2\n北京新客户,W-3\n';
    const refused = await runImport(t.admin, 'account', csv);
    expect(refused).toMatchObject({ status: 'done', inserted: 1, rejected: 2 });
    expect(refused.errors.map((e: { line: number }) => e.line)).toEqual([2, 3]);
    expect(refused.errors[0].error).toMatch(/possible duplicate \(Same company: "Acme Ltd"\)/);
    expect((await t.sql(`SELECT code FROM ${t.tenant.schema}.account WHERE code LIKE 'W-%' ORDER BY code`)).map((r) => r.code)).toEqual(['W-3']);
    const allowed = await runImport(t.admin, 'account', '客户名称,编号\n"ACME Co., Ltd.",W-1\n', { start: 'allowDuplicates=true' });
    expect(allowed).toMatchObject({ status: 'done', inserted: 1, rejected: 0 });
  });

  it('a dry run lists the row errors and writes nothing', async () => {
    const before = (await t.sql(`SELECT count(*)::int AS n FROM ${t.tenant.schema}.lead`))[0].n;
    const up = await upload(t.admin, 'lead', 'Name,Email,Score\nDry ok,dry@x.test,1\nDry bad,dry2@x.test,999\n');
    const id = up.body.import.id;
    expect((await t.admin.post(`/records/lead/imports/${id}/dry-run`)).status).toBe(202);
    const job = await settle(t.admin, 'lead', id);
    expect(job).toMatchObject({ status: 'ready', dryRun: { total: 2, inserted: 1, rejected: 1, errors: [{ line: 3 }] } });
    expect((await t.sql(`SELECT count(*)::int AS n FROM ${t.tenant.schema}.lead`))[0].n).toBe(before);
    // Then the real import.
    expect((await t.admin.post(`/records/lead/imports/${id}/start`)).status).toBe(202);
    expect(await settle(t.admin, 'lead', id)).toMatchObject({ status: 'done', inserted: 1, rejected: 1 });
  });

  it('resumes after the last committed batch (a worker that stopped mid-way)', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `Resume ${String(i).padStart(2, '0')},res${i}@x.test`);
    const up = await upload(t.admin, 'lead', `Name,Email\n${rows.join('\n')}\n`);
    const id = up.body.import.id;
    // As if a worker had committed the first 20 rows, then died: status running, processed 20.
    await t.sql(`UPDATE ${t.tenant.schema}._import_jobs SET status = 'running', processed = 20, inserted = 20 WHERE id = ?`, [id]);
    await t.server.services.jobs.send('tessera-import', { schema: t.tenant.schema, importId: id, kind: 'import' });
    const job = await settle(t.admin, 'lead', id);
    expect(job).toMatchObject({ status: 'done', processed: 30, inserted: 30 });
    expect((await leads(`name LIKE 'Resume %'`)).map((r) => r.name)).toEqual(rows.slice(20).map((r) => r.split(',')[0]));
  });

  it('cancel stops a job that has not finished', async () => {
    const up = await upload(t.admin, 'lead', 'Name\nCancelled\n');
    const c = await t.admin.post(`/records/lead/imports/${up.body.import.id}/cancel`);
    expect(c.status).toBe(200);
    expect(c.body.status).toBe('cancelled');
    expect((await t.admin.post(`/records/lead/imports/${up.body.import.id}/start`)).status).toBe(409);
  });
});
