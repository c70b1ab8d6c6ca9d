import { INDUSTRIES, PROVINCES } from './bench-object';
import { prng } from './prng';

/** One account as the API takes it (name plus the eight-ish admin fields). */
export interface AccountRow {
  name: string;
  industry: string;
  annual_revenue: number;
  employees: number;
  province: string;
  website: string;
  email: string;
  founded: string;
}

/** The columns of AccountRow, in the order the baseline INSERT and COPY use. */
export const ACCOUNT_COLUMNS = ['name', 'industry', 'annual_revenue', 'employees', 'province', 'website', 'email', 'founded'] as const;

const DAY_MS = 86_400_000;
const FOUNDED_FROM = Date.UTC(1950, 0, 1);

/** Account number n: revenue uniform in [0, 100M) with cents, industry uniform over eight values. */
export function accountRow(n: number): AccountRow {
  const rand = prng(Math.imul(n + 1, 2654435761));
  const industry = INDUSTRIES[Math.floor(rand() * INDUSTRIES.length)]!;
  const annual_revenue = Math.floor(rand() * 10_000_000_000) / 100;
  const employees = 1 + Math.floor(rand() * 50_000);
  const province = PROVINCES[Math.floor(rand() * PROVINCES.length)]!;
  const founded = new Date(FOUNDED_FROM + Math.floor(rand() * 27_000) * DAY_MS).toISOString().slice(0, 10);
  return { name: `Account ${n}`, industry, annual_revenue, employees, province, website: `https://acct${n}.example.com`, email: `info@acct${n}.example.com`, founded };
}
