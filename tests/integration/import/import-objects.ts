import type { ApiClient } from '../../helpers/test-server';

/** An account (name labelled 客户名称, a unique code) and a lead with every importable kind of field, a lookup and a validation rule. */
export async function defineImportObjects(admin: ApiClient): Promise<void> {
  await admin.defineObject({
    name: 'account',
    label: { en: 'Account', 'zh-CN': '客户' },
    nameField: { label: { en: 'Account Name', 'zh-CN': '客户名称' } },
    fields: [
      { name: 'code', type: 'text', label: { en: 'Code', 'zh-CN': '编号' }, unique: true },
      { name: 'city', type: 'text', label: { en: 'City', 'zh-CN': '城市' } },
    ],
    duplicateRules: [{ name: 'same_company', label: { en: 'Same company', 'zh-CN': '公司相同' }, action: 'warn', conditions: [{ field: 'name', method: 'company' }] }],
  });
  await admin.defineObject({
    name: 'lead',
    label: { en: 'Lead', 'zh-CN': '线索' },
    fields: [
      { name: 'company', type: 'text', label: { en: 'Company', 'zh-CN': '公司' } },
      { name: 'email', type: 'email', label: { en: 'Email', 'zh-CN': '邮箱' }, unique: true },
      { name: 'phone', type: 'phone', label: { en: 'Phone', 'zh-CN': '电话' } },
      { name: 'score', type: 'integer', label: { en: 'Score', 'zh-CN': '评分' } },
      { name: 'revenue', type: 'currency', label: { en: 'Annual Revenue', 'zh-CN': '年收入' } },
      { name: 'active', type: 'boolean', label: { en: 'Active', 'zh-CN': '有效' } },
      { name: 'since', type: 'date', label: { en: 'Since', 'zh-CN': '起始日期' } },
      { name: 'rating', type: 'picklist', label: { en: 'Rating', 'zh-CN': '评级' }, options: { values: [{ value: 'hot', label: { en: 'Hot', 'zh-CN': '热' } }, { value: 'cold', label: { en: 'Cold', 'zh-CN': '冷' } }] } },
      { name: 'tags', type: 'multipicklist', label: { en: 'Tags', 'zh-CN': '标签' }, options: { values: [{ value: 'vip', label: { en: 'VIP', 'zh-CN': '重要' } }, { value: 'new', label: { en: 'New', 'zh-CN': '新' } }] } },
      { name: 'account', type: 'lookup', label: { en: 'Account', 'zh-CN': '客户' }, options: { target: 'account' } },
      { name: 'secret', type: 'text', label: { en: 'Secret', 'zh-CN': '机密' } },
    ],
    validationRules: [{ name: 'score_range', condition: { '>': [{ var: 'score' }, 100] }, message: { en: 'Score must be at most 100', 'zh-CN': '评分不能超过100' }, errorField: 'score' }],
  });
}
