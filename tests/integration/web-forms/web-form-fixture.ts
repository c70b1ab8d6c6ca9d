import type { RawObjectDef } from '../../../engine/shared/metadata-types';
import type { TestTenant } from '../../helpers/test-server';

/** A lead with every kind of value a web form coerces, a duplicate warn rule (email) and block rule (mobile), and a territory assignment (province). */
export function leadDef(territoryOwner?: string): RawObjectDef {
  return {
    name: 'lead',
    label: { en: 'Lead', 'zh-CN': '线索' },
    sharing: 'private',
    nameField: { label: { en: 'Contact Name', 'zh-CN': '联系人姓名' } },
    fields: [
      { name: 'company', type: 'text', label: { en: 'Company', 'zh-CN': '公司名称' }, required: true, options: { maxLength: 200 } },
      { name: 'email', type: 'email', label: { en: 'Email', 'zh-CN': '邮箱' } },
      { name: 'mobile', type: 'phone', label: { en: 'Mobile', 'zh-CN': '手机' } },
      {
        name: 'province',
        type: 'picklist',
        label: { en: 'Province', 'zh-CN': '省份' },
        options: { values: [{ value: 'gd', label: { en: 'Guangdong', 'zh-CN': '广东' } }, { value: 'bj', label: { en: 'Beijing', 'zh-CN': '北京' } }, { value: 'old', label: 'Old', active: false }] },
      },
      { name: 'interests', type: 'multipicklist', label: { en: 'Interests', 'zh-CN': '感兴趣的产品' }, options: { values: [{ value: 'crm', label: { en: 'CRM', 'zh-CN': '客户管理' } }, { value: 'erp', label: 'ERP' }] } },
      { name: 'employees', type: 'integer', label: { en: 'Employees', 'zh-CN': '员工人数' } },
      { name: 'budget', type: 'currency', label: { en: 'Budget', 'zh-CN': '预算' } },
      { name: 'newsletter', type: 'boolean', label: { en: 'Newsletter', 'zh-CN': '订阅简报' } },
      { name: 'visit_date', type: 'date', label: { en: 'Visit date', 'zh-CN': '来访日期' } },
      { name: 'website', type: 'url', label: { en: 'Website', 'zh-CN': '网站' } },
      { name: 'notes', type: 'textarea', label: { en: 'Notes', 'zh-CN': '备注' } },
      { name: 'status', type: 'picklist', label: 'Status', required: true, defaultValue: 'new', options: { values: [{ value: 'new', label: 'New' }, { value: 'qualified', label: 'Qualified' }] } },
      { name: 'score', type: 'formula', label: 'Score', options: { expression: { '*': [{ var: 'employees' }, 2] }, returns: 'number' } },
      { name: 'number', type: 'autonumber', label: 'Number', options: { format: 'L-{0000}' } },
    ],
    duplicateRules: [
      { name: 'same_email', action: 'warn', conditions: [{ field: 'email', method: 'normalized' }] },
      { name: 'same_mobile', action: 'block', conditions: [{ field: 'mobile', method: 'phone' }] },
    ],
    ...(territoryOwner ? { assignmentRules: [{ name: 'south', criteria: { '==': [{ var: 'province' }, 'gd'] }, assignTo: { type: 'user', user: territoryOwner } }] } : {}),
  };
}

/** The fields most tests put on the form, in this order. */
export const FORM_FIELDS = [
  { field: 'name', required: true },
  { field: 'company' },
  { field: 'email', label: { en: 'Work email', 'zh-CN': '工作邮箱' } },
  { field: 'mobile' },
  { field: 'province' },
  { field: 'interests' },
  { field: 'employees' },
  { field: 'budget' },
  { field: 'newsletter' },
  { field: 'visit_date' },
  { field: 'website' },
  { field: 'notes' },
];

/** Posts like a browser's HTML form (x-www-form-urlencoded, no session) to the public endpoint; redirects are not followed. */
export async function postForm(t: TestTenant, formId: string, fields: [string, string][] | Record<string, string>, headers: Record<string, string> = {}) {
  const body = new URLSearchParams(Array.isArray(fields) ? fields : Object.entries(fields)).toString();
  const res = await fetch(`${t.anonymous.baseUrl}/api/v1/public/web-forms/${formId}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** Posts JSON to the public endpoint, no session. */
export async function postJson(t: TestTenant, formId: string, body: unknown, headers: Record<string, string> = {}) {
  return t.anonymous.post(`/public/web-forms/${formId}`, body, headers);
}

export const leadCount = async (t: TestTenant): Promise<number> => (await t.sql(`SELECT count(*)::int AS n FROM "${t.tenant.schema}".lead`))[0].n;
