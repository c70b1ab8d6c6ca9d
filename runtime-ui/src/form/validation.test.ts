import { describe, expect, it } from 'vitest';
import { makeI18n } from '../i18n/i18n';
import { buildFormModel } from './form-model';
import { EMPTY_LIVE } from './live-rules';
import { defineObject } from './test-support';
import { clientIssues } from './validation';

const obj = defineObject({
  name: 'ticket',
  label: 'Ticket',
  fields: [
    { name: 'code', type: 'text', label: 'Code', required: true },
    { name: 'hours', type: 'number', label: 'Hours', options: { min: 0, max: 24 } },
    { name: 'body', type: 'text', label: 'Body', options: { maxLength: 5 } },
  ],
});
const en = makeI18n('en', () => undefined);
const zh = makeI18n('zh-CN', () => undefined);
const issuesOf = (mode: 'create' | 'update', values: Record<string, unknown>, stored?: Record<string, unknown>, i18n = en) =>
  clientIssues(buildFormModel(obj.describe, obj.schema(mode), mode), values, EMPTY_LIVE, i18n, stored).map((i) => [i.field, i.message]);

describe('clientIssues', () => {
  it('asks for required fields on create, and on update only when the user empties one', () => {
    expect(issuesOf('create', { name: 'T' })).toEqual([['code', 'Required']]);
    expect(issuesOf('update', { name: 'T', code: null }, { name: 'T', code: null })).toEqual([]);
    expect(issuesOf('update', { name: 'T', code: undefined }, { name: 'T', code: 'X-1' })).toEqual([['code', 'Required']]);
  });

  it('words schema limits for the field, in the locale', () => {
    expect(issuesOf('create', { name: 'T', code: 'c', hours: 25, body: '123456' }, undefined, zh)).toEqual([
      ['hours', '不能超过 24'],
      ['body', '最多 5 个字符'],
    ]);
    expect(issuesOf('create', { name: 'T', code: 'c', hours: -1 })).toEqual([['hours', 'Must be at least 0']]);
  });
});
