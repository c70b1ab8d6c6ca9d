import type { RawObjectDef } from '../../../engine/shared/metadata-types';
import type { ApiClient, TestTenant } from '../../helpers/test-server';

/**
 * Firms with one duplicate rule per method (each on its own field, so tests
 * do not disturb each other) and people linked to firms, counted on the firm
 * by a roll-up. Private sharing, so visibility can be tested.
 */
export const firmDef: RawObjectDef = {
  name: 'firm',
  label: { en: 'Firm', 'zh-CN': '公司' },
  sharing: 'private',
  fields: [
    { name: 'phone', type: 'text', label: 'Phone' },
    { name: 'code', type: 'text', label: 'Credit code' },
    { name: 'brand', type: 'text', label: 'Brand' },
    { name: 'ref', type: 'text', label: 'Reference' },
    { name: 'size', type: 'integer', label: 'Size' },
    { name: 'notes', type: 'textarea', label: 'Notes' },
    { name: 'rating', type: 'integer', label: 'Rating' },
    { name: 'people', type: 'rollup', label: 'People', options: { relation: 'person.firm', function: 'count' } },
  ],
  validationRules: [{ name: 'rating_max', condition: { '>': [{ var: 'rating' }, 5] }, message: { en: 'Rating is at most 5', 'zh-CN': '评分最多为 5' }, errorField: 'rating' }],
  duplicateRules: [
    { name: 'same_company', label: { en: 'Same company', 'zh-CN': '公司相同' }, action: 'block', conditions: [{ field: 'name', method: 'company' }] },
    { name: 'same_phone', label: { en: 'Same phone', 'zh-CN': '电话相同' }, action: 'warn', conditions: [{ field: 'phone', method: 'phone' }] },
    { name: 'same_code', label: 'Same code', action: 'block', conditions: [{ field: 'code', method: 'normalized' }] },
    { name: 'similar_brand', label: 'Similar brand', action: 'warn', conditions: [{ field: 'brand', method: 'fuzzy', threshold: 0.5 }] },
    { name: 'same_ref_and_size', label: 'Same reference and size', action: 'warn', conditions: [{ field: 'ref', method: 'exact' }, { field: 'size', method: 'exact' }] },
    { name: 'same_notes', label: 'Same notes', action: 'block', active: false, conditions: [{ field: 'notes', method: 'normalized' }] },
  ],
};

export const personDef: RawObjectDef = {
  name: 'person',
  label: 'Person',
  fields: [
    { name: 'firm', type: 'lookup', label: 'Firm', options: { target: 'firm', onDelete: 'restrict' } },
    { name: 'email', type: 'text', label: 'E-mail' },
  ],
};

/** Publishes both objects (people first refer to firms, so one change). */
export async function defineFirms(t: TestTenant): Promise<void> {
  const res = await t.admin.post('/metadata/changes', { objects: { firm: firmDef, person: personDef } });
  if (res.status !== 200) throw new Error(`publish: ${res.status} ${JSON.stringify(res.body).slice(0, 2000)}`);
}

/** Creates a firm (as `who`, admin by default) and answers its id; fails loudly when refused. */
export async function newFirm(t: TestTenant, values: Record<string, unknown>, who: ApiClient = t.admin, query = ''): Promise<string> {
  const res = await who.post(`/records/firm${query}`, values);
  if (res.status !== 201) throw new Error(`create firm: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Row counts of the tables a refused request could have written. */
export async function firmState(t: TestTenant): Promise<unknown> {
  const s = t.tenant.schema;
  const [r] = await t.sql(
    `SELECT (SELECT count(*) FROM "${s}".firm)::int AS firms, (SELECT count(*) FROM "${s}".person)::int AS people, (SELECT coalesce(max(id), 0) FROM "${s}"._audit_log)::int AS audit, ` +
      `(SELECT coalesce(sum(version), 0) FROM "${s}".firm)::int AS firm_versions, (SELECT coalesce(sum(version), 0) FROM "${s}".person)::int AS person_versions, (SELECT count(*) FROM "${s}"._record_shares)::int AS shares`,
  );
  return r;
}

/** A user with create/read/edit/delete on firms and people (no view-all: private firms of others are invisible). */
export async function salesUser(t: TestTenant, setName = 'sales'): Promise<{ client: ApiClient; id: string }> {
  const all = { create: true, read: true, edit: true, delete: true };
  const exists = (await t.admin.get('/admin/permission-sets')).body;
  const list = Array.isArray(exists) ? exists : (exists.permissionSets ?? exists.items ?? []);
  if (!list.some((p: { name: string }) => p.name === setName)) {
    const res = await t.admin.post('/admin/permission-sets', { name: setName, label: 'Sales', objects: { firm: all, person: all } });
    if (res.status !== 201) throw new Error(`permission set: ${JSON.stringify(res.body)}`);
  }
  const u = await t.newUser();
  const res = await t.admin.patch(`/admin/users/${u.id}`, { permissionSets: [setName] });
  if (res.status !== 200) throw new Error(`assign: ${JSON.stringify(res.body)}`);
  return u;
}
