import type { RawObjectDef } from '../engine/shared/metadata-types';

export const BENCH_OBJECT = 'bench_account';

/** Eight industries drawn uniformly, so "it" is about 1/8 of the rows. */
export const INDUSTRIES = ['it', 'manufacturing', 'finance', 'retail', 'healthcare', 'education', 'energy', 'logistics'] as const;

export const PROVINCES = ['beijing', 'shanghai', 'guangdong', 'zhejiang', 'jiangsu', 'sichuan', 'hubei', 'shandong', 'fujian', 'henan', 'hunan', 'anhui'] as const;

const values = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));

/**
 * The benchmarked object: an account with eight fields, `industry` indexed and
 * the (industry, annual_revenue desc) index the list workload needs.
 */
export const benchObjectDef: RawObjectDef = {
  name: BENCH_OBJECT,
  label: 'Bench Account',
  pluralLabel: 'Bench Accounts',
  fields: [
    { name: 'industry', type: 'picklist', label: 'Industry', indexed: true, options: { values: values(INDUSTRIES) } },
    { name: 'annual_revenue', type: 'currency', label: 'Annual Revenue', options: { precision: 18, scale: 2, min: 0 } },
    { name: 'employees', type: 'integer', label: 'Employees', options: { min: 0 } },
    { name: 'province', type: 'picklist', label: 'Province', options: { values: values(PROVINCES) } },
    { name: 'website', type: 'url', label: 'Website' },
    { name: 'email', type: 'email', label: 'Email' },
    { name: 'founded', type: 'date', label: 'Founded' },
  ],
  indexes: [{ fields: ['industry', '-annual_revenue'] }],
};
