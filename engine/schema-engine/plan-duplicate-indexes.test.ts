import { describe, expect, it } from 'vitest';
import { matchKeySql } from '../duplicates/match-methods';
import type { RawDuplicateRule, RawObjectDef } from '../shared/metadata-types';
import { planSchemaChange } from './plan';
import { planContext, snapshotOf } from './plan-fixtures';

const lead = (rules: RawDuplicateRule[] = []): RawObjectDef => ({
  name: 'lead',
  label: 'Lead',
  fields: [
    { name: 'company', type: 'text', label: 'Company' },
    { name: 'mobile', type: 'text', label: 'Mobile' },
    { name: 'email', type: 'text', label: 'E-mail', indexed: true },
    { name: 'notes', type: 'textarea', label: 'Notes' },
  ],
  duplicateRules: rules,
});
const plan = (before: RawObjectDef[], after: RawObjectDef[]) => planSchemaChange(snapshotOf(before), snapshotOf(after, 2), planContext);
const indexSteps = (steps: ReturnType<typeof plan>) => steps.filter((a) => a.kind === 'createIndex' || a.kind === 'dropIndex').filter((a) => a.description.includes('duplicate'));

const sameCompany: RawDuplicateRule = { name: 'same_company', action: 'block', conditions: [{ field: 'company', method: 'company' }, { field: 'mobile', method: 'phone' }] };
const similar: RawDuplicateRule = { name: 'similar', action: 'warn', conditions: [{ field: 'company', method: 'fuzzy', threshold: 0.7 }] };

describe('planning duplicate-rule indexes', () => {
  it('creates one expression index per condition of an active rule: btree on the key, gin trigrams for fuzzy', () => {
    const steps = indexSteps(plan([lead()], [lead([sameCompany, similar])]));
    expect(steps.map((a) => [a.kind, a.field])).toEqual([['createIndex', 'company'], ['createIndex', 'mobile'], ['createIndex', 'company']]);
    expect(steps[0]!.sql[0]).toMatch(/^CREATE INDEX "dx_lead_[0-9a-f]{10}" ON "t_x"\."lead" USING btree \(\(NULLIF\(replace\(regexp_replace\(btrim/);
    expect(steps[0]!.sql[0]).toContain(matchKeySql('company', '"company"'));
    expect(steps[1]!.sql[0]).toContain(`USING btree ((${matchKeySql('phone', '"mobile"')}))`);
    expect(steps[2]!.sql[0]).toContain(`USING gin ((${matchKeySql('fuzzy', '"company"')}) public.gin_trgm_ops)`);
  });

  it('creates the indexes with a new table, after the table', () => {
    const steps = plan([], [lead([similar])]);
    const kinds = steps.map((a) => a.kind);
    expect(kinds.indexOf('createTable')).toBeLessThan(kinds.lastIndexOf('createIndex'));
    expect(indexSteps(steps)).toHaveLength(1);
  });

  it('drops the index when its rule is removed or switched off, and keeps it when another rule still needs it', () => {
    const off = plan([lead([sameCompany, similar])], [lead([{ ...sameCompany, active: false }, similar])]);
    expect(indexSteps(off).map((a) => [a.kind, a.field])).toEqual([['dropIndex', 'company'], ['dropIndex', 'mobile']]);
    expect(indexSteps(off)[0]!.sql[0]).toMatch(/^DROP INDEX IF EXISTS "t_x"\."dx_lead_[0-9a-f]{10}"$/);
    const shared = { name: 'phone_only', action: 'warn' as const, conditions: [{ field: 'mobile', method: 'phone' as const }] };
    const kept = plan([lead([sameCompany, shared])], [lead([shared])]);
    expect(indexSteps(kept).map((a) => [a.kind, a.field])).toEqual([['dropIndex', 'company']]);
    expect(indexSteps(plan([lead([sameCompany])], [lead([sameCompany])]))).toEqual([]);
  });

  it('exact needs no index on a field already indexed, a plain one otherwise; long text gets a hash index', () => {
    const steps = indexSteps(plan([lead()], [lead([{ name: 'x', action: 'warn', conditions: [{ field: 'email', method: 'exact' }, { field: 'mobile', method: 'exact' }, { field: 'notes', method: 'normalized' }] }])]));
    expect(steps.map((a) => a.field)).toEqual(['mobile', 'notes']);
    expect(steps[0]!.sql[0]).toMatch(/USING btree \(\("mobile"\)\)$/);
    expect(steps[1]!.sql[0]).toContain('USING hash');
  });

  it('drops the indexes before the table moves to the trash', () => {
    const steps = plan([lead([similar])], []);
    const trash = steps.find((a) => a.kind === 'trashTable')!;
    const dropAt = trash.sql.findIndex((s) => /DROP INDEX IF EXISTS "t_x"\."dx_lead_/.test(s));
    expect(dropAt).toBeGreaterThanOrEqual(0);
    expect(dropAt).toBeLessThan(trash.sql.findIndex((s) => s.startsWith('ALTER TABLE')));
  });
});
