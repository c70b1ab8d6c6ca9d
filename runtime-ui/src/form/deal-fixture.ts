/** The object the form tests use: a dependent picklist, a formula, conditions, a rule, a lookup, a layout. */
import type { RawObjectDef } from '../../../engine/shared/metadata-types';

const v = (value: string, en: string, zh: string, active = true) => ({ value, label: { en, 'zh-CN': zh }, active });

export const ACCOUNT: RawObjectDef = { name: 'account', label: { en: 'Account', 'zh-CN': '客户' }, fields: [{ name: 'industry', type: 'text', label: { en: 'Industry', 'zh-CN': '行业' } }] };

export const DEAL: RawObjectDef = {
  name: 'deal',
  label: { en: 'Deal', 'zh-CN': '商机' },
  fields: [
    { name: 'province', type: 'picklist', label: { en: 'Province', 'zh-CN': '省份' }, options: { values: [v('gd', 'Guangdong', '广东'), v('zj', 'Zhejiang', '浙江')] } },
    { name: 'city', type: 'picklist', label: { en: 'City', 'zh-CN': '城市' }, options: { values: [v('gz', 'Guangzhou', '广州'), v('sz', 'Shenzhen', '深圳'), v('hz', 'Hangzhou', '杭州')], controllingField: 'province', dependencies: { gd: ['gz', 'sz'], zj: ['hz'] } } },
    { name: 'amount', type: 'currency', label: { en: 'Amount', 'zh-CN': '金额' } },
    { name: 'qty', type: 'integer', label: { en: 'Quantity', 'zh-CN': '数量' } },
    { name: 'total', type: 'formula', label: { en: 'Total', 'zh-CN': '总额' }, options: { expression: { '*': [{ var: 'amount' }, { var: 'qty' }] }, returns: 'number' } },
    { name: 'stage', type: 'picklist', label: { en: 'Stage', 'zh-CN': '阶段' }, options: { values: [v('new', 'New', '新建'), v('won', 'Won', '赢单'), v('lost', 'Lost', '输单'), v('parked', 'Parked', '搁置', false)] } },
    { name: 'loss_reason', type: 'text', label: { en: 'Loss reason', 'zh-CN': '输单原因' }, visibleWhen: { '==': [{ var: 'stage' }, 'lost'] }, requiredWhen: { '==': [{ var: 'stage' }, 'lost'] } },
    { name: 'discount', type: 'percent', label: { en: 'Discount', 'zh-CN': '折扣' }, readOnlyWhen: { '==': [{ var: 'stage' }, 'won'] } },
    { name: 'email', type: 'email', label: { en: 'Email', 'zh-CN': '邮箱' } },
    { name: 'account', type: 'lookup', label: { en: 'Account', 'zh-CN': '客户' }, options: { target: 'account' } },
    { name: 'notes', type: 'textarea', label: { en: 'Notes', 'zh-CN': '备注' } },
    { name: 'tags', type: 'multipicklist', label: { en: 'Tags', 'zh-CN': '标签' }, options: { values: [v('vip', 'VIP', '重要'), v('new', 'New', '新客户')] } },
    { name: 'urgent', type: 'boolean', label: { en: 'Urgent', 'zh-CN': '紧急' } },
    { name: 'meet_at', type: 'datetime', label: { en: 'Meeting', 'zh-CN': '会面时间' } },
    { name: 'site', type: 'url', label: { en: 'Website', 'zh-CN': '网站' } },
    { name: 'phone', type: 'phone', label: { en: 'Phone', 'zh-CN': '电话' } },
  ],
  validationRules: [
    { name: 'amount_cap', condition: { '>': [{ var: 'amount' }, 1000000] }, message: { en: 'Amount may not exceed one million', 'zh-CN': '金额不能超过一百万' }, errorField: 'amount' },
    { name: 'qty_needs_amount', condition: { and: [{ '>': [{ var: 'qty' }, 100] }, { '==': [{ var: 'amount' }, null] }] }, message: { en: 'Large orders need an amount', 'zh-CN': '大额订单需要填写金额' } },
  ],
  layout: {
    sections: [
      { label: { en: 'Deal', 'zh-CN': '商机信息' }, columns: 2, fields: ['name', 'province', 'city', 'amount', 'qty', 'total', 'stage', 'loss_reason', 'discount'] },
      { label: { en: 'Contact', 'zh-CN': '联系信息' }, columns: 1, fields: ['email', 'notes', 'created_at'] },
      { label: { en: 'More', 'zh-CN': '其他' }, columns: 2, fields: ['tags', 'urgent', 'meet_at', 'site', 'phone'] },
    ],
  },
};
