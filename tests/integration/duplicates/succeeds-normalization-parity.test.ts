import { afterAll, beforeAll, expect, it } from 'vitest';
import { matchKey, matchKeySql } from '../../../engine/duplicates/match-methods';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant('parity');
});
afterAll(() => t?.close());

/** Inputs where the two forms could drift: Chinese, full-width, punctuation, placeholders and quotes, empty, null. */
const INPUTS: (string | null)[] = [
  '上海云杉科技有限公司', '上海云杉科技', '上海云杉科技股份有限公司', '杭州某某有限责任公司 ', '北京星河集团有限公司', '深圳分公司', '公司', 'IBM（中国）有限公司', 'Siemens (China) Co., Ltd.',
  'Acme Co., Ltd.', 'ACME', 'acme company', 'Globex Corp.', 'Initech LLC', 'Müller GmbH', 'Costco', 'Cola Co',
  '  Ｈｅｌｌｏ　Ｗｏｒｌｄ ', 'ＡＢＣ－１２３', '＋８６ １３８ ００１３ ８０００', '+86 138-0013-8000', '0086 13800138000', '(+86) 138.0013.8000', '86 138 0013 8000', '13800138000', '021-5555 0001 ext. 12',
  'ÉCOLE Σοφία ΟΔΟΣ', 'İstanbul', 'Straße', "O'Brien? \\ Inc.", 'what?? ok', 'Tab\tand\nnew\r\fline\v', 'no\u00a0break', '《天空》【有限公司】', '、。·', '---', '', '   ', null,
];

it('the JavaScript and SQL forms of every method give the same key for every input', async () => {
  for (const method of ['exact', 'normalized', 'phone', 'company', 'fuzzy'] as const) {
    const rows = await t.sql(`SELECT i, ${matchKeySql(method, 'x')} AS k FROM unnest(?::text[]) WITH ORDINALITY AS u(x, i) ORDER BY i`, [INPUTS]);
    const sql = rows.map((r) => r.k);
    const js = INPUTS.map((x) => matchKey(method, x));
    expect(sql.map((k, i) => [INPUTS[i], k]), method).toEqual(js.map((k, i) => [INPUTS[i], k]));
  }
});
