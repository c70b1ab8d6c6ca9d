import { describe, expect, it } from 'vitest';
import type { RawField, RawObjectDef } from '../shared/metadata-types';
import { planSchemaChange } from './plan';
import { planContext, snapshotOf } from './plan-fixtures';
import { rollupFunctionName, rollupTriggerName } from './rollup-names';

const ctx = planContext;
const snap = snapshotOf;
const deal = (amount: Record<string, unknown> = {}): RawObjectDef => ({
  name: 'deal',
  label: 'Deal',
  fields: [
    { name: 'account', type: 'lookup', label: 'Account', options: { target: 'account' } },
    { name: 'amount', type: 'currency', label: 'Amount', options: amount },
    { name: 'stage', type: 'text', label: 'Stage' },
    { name: 'due', type: 'date', label: 'Due' },
  ],
});
const account = (fields: RawField[] = []): RawObjectDef => ({ name: 'account', label: 'Account', fields });
const rollup = (name: string, options: Record<string, unknown>): RawField => ({ name, type: 'rollup', label: name, options: { relation: 'deal.account', ...options } });
const plan = (before: RawObjectDef[], after: RawObjectDef[]) => planSchemaChange(snap(before), snap(after, 2), ctx);

const fn = `"t_x"."${rollupFunctionName('account', 'deals')}"()`;
const trigger = (e: 'ins' | 'upd' | 'del') => `"${rollupTriggerName('account', 'deals', e)}"`;

describe('planning roll-ups', () => {
  it('adds the column, then the function, three statement triggers, the 0 default and the fill', () => {
    const steps = plan([deal(), account()], [deal(), account([rollup('deals', { function: 'count' })])]);
    expect(steps.map((a) => [a.kind, a.destructive])).toEqual([['addColumn', false], ['auditTrigger', false], ['createRollup', false]]);
    expect(steps[0]!.sql).toEqual(['ALTER TABLE "t_x"."account" ADD COLUMN "deals" bigint']);
    // The roll-up's column is left out of the audit trail before it is first filled.
    expect(steps[1]!.sql.every((s) => s.endsWith(`'_shared_edit', 'deals')`))).toBe(true);
    const [create, ...rest] = steps[2]!.sql;
    const deltas = (parts: string) => `SELECT array_agg(parent_id ORDER BY parent_id), array_agg(delta ORDER BY parent_id) INTO _ids, _deltas FROM (SELECT parent_id, sum(delta) AS delta FROM (${parts}) d GROUP BY parent_id HAVING sum(delta) <> 0) s;`;
    const added = 'SELECT r."account" AS parent_id, 1 AS delta FROM new_rows r WHERE r."account" IS NOT NULL';
    const removed = 'SELECT r."account" AS parent_id, -1 AS delta FROM old_rows r WHERE r."account" IS NOT NULL';
    expect(create).toBe(
      [
        `CREATE OR REPLACE FUNCTION ${fn} RETURNS trigger LANGUAGE plpgsql VOLATILE AS $body$`,
        'DECLARE',
        '  _ids uuid[];',
        '  _deltas numeric[];',
        'BEGIN',
        "  IF TG_OP = 'INSERT' THEN",
        `    ${deltas(added)}`,
        "  ELSIF TG_OP = 'UPDATE' THEN",
        `    ${deltas(`${added} UNION ALL ${removed}`)}`,
        '  ELSE',
        `    ${deltas(removed)}`,
        '  END IF;',
        '  IF _ids IS NULL THEN',
        '    RETURN NULL;',
        '  END IF;',
        '  PERFORM 1 FROM "t_x"."account" p WHERE p.id = ANY(_ids) ORDER BY p.id FOR NO KEY UPDATE;',
        '  UPDATE "t_x"."account" p SET "deals" = coalesce(p."deals", 0) + d.delta FROM unnest(_ids, _deltas) d(parent_id, delta) WHERE p.id = d.parent_id;',
        '  RETURN NULL;',
        'END',
        '$body$',
      ].join('\n'),
    );
    expect(rest).toEqual([
      `CREATE TRIGGER ${trigger('ins')} AFTER INSERT ON "t_x"."deal" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`,
      `CREATE TRIGGER ${trigger('upd')} AFTER UPDATE ON "t_x"."deal" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`,
      `CREATE TRIGGER ${trigger('del')} AFTER DELETE ON "t_x"."deal" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`,
      'ALTER TABLE "t_x"."account" ALTER COLUMN "deals" SET DEFAULT 0',
      'UPDATE "t_x"."account" p SET "deals" = v.value FROM (SELECT p0.id, coalesce(a.value, 0)::bigint AS value FROM "t_x"."account" p0 LEFT JOIN (SELECT r."account" AS parent_id, count(*) AS value FROM "t_x"."deal" r WHERE r."account" IS NOT NULL GROUP BY r."account") a ON a.parent_id = p0.id) v WHERE p.id = v.id AND p."deals" IS DISTINCT FROM v.value',
    ]);
  });

  it('recomputes min/max/avg for the parents concerned, with the filter inlined as constants', () => {
    const steps = plan([deal(), account()], [deal(), account([rollup('deals', { function: 'max', field: 'amount', filter: { '==': [{ var: 'stage' }, "won't"] } })])]);
    const rollupStep = steps.find((a) => a.kind === 'createRollup')!;
    const create = rollupStep.sql[0]!;
    const filter = `(r."stage" = 'won''t'::text)`;
    expect(create).toContain(`SELECT array_agg(DISTINCT parent_id) INTO _ids FROM (SELECT r."account" AS parent_id FROM new_rows r WHERE r."account" IS NOT NULL AND ${filter}) a;`);
    expect(create).toContain('(o.parent_id, o.value, o.counted) IS DISTINCT FROM (n.parent_id, n.value, n.counted)');
    expect(create).toContain(`  UPDATE "t_x"."account" p SET "deals" = (SELECT max(r."amount") FROM "t_x"."deal" r WHERE r."account" = p.id AND ${filter}) WHERE p.id = ANY(_ids);`);
    expect(create).not.toContain('_deltas');
    expect(rollupStep.sql.some((s) => s.includes('SET DEFAULT'))).toBe(false);
    expect(rollupStep.sql.at(-1)).toContain('a.value::numeric(18,2) AS value');
  });

  it('quotes the function body with a tag the filter text does not contain', () => {
    const steps = plan([deal(), account()], [deal(), account([rollup('deals', { function: 'count', filter: { '==': [{ var: 'stage' }, '$body$'] } })])]);
    const create = steps.find((a) => a.kind === 'createRollup')!.sql[0]!;
    expect(create).toMatch(/ AS \$body_\$\n/);
    expect(create.endsWith('\n$body_$')).toBe(true);
    expect(create).toContain(`r."stage" = '$body$'`);
  });

  it('replaces the triggers when the definition changes: dropped first, rebuilt last', () => {
    const before = [deal(), account([rollup('deals', { function: 'count' })])];
    const refiltered = plan(before, [deal(), account([rollup('deals', { function: 'count', filter: { '==': [{ var: 'stage' }, 'won'] } })])]);
    expect(refiltered.map((a) => a.kind)).toEqual(['dropRollup', 'createRollup']);
    expect(refiltered[0]!.sql).toEqual([
      `DROP TRIGGER IF EXISTS ${trigger('ins')} ON "t_x"."deal"`,
      `DROP TRIGGER IF EXISTS ${trigger('upd')} ON "t_x"."deal"`,
      `DROP TRIGGER IF EXISTS ${trigger('del')} ON "t_x"."deal"`,
      `DROP FUNCTION IF EXISTS ${fn}`,
      'ALTER TABLE "t_x"."account" ALTER COLUMN "deals" DROP DEFAULT',
    ]);
    const retyped = plan(before, [deal(), account([rollup('deals', { function: 'min', field: 'due' })])]);
    expect(retyped.map((a) => a.kind)).toEqual(['dropRollup', 'alterColumn', 'createRollup']);
    expect(retyped[1]!.sql).toEqual(['ALTER TABLE "t_x"."account" ALTER COLUMN "deals" TYPE date USING NULL']);
    expect(plan(before, before)).toEqual([]);
  });

  it('rebuilds a roll-up when the child field it sums changes shape', () => {
    const sum = account([rollup('deals', { function: 'sum', field: 'amount' })]);
    const steps = plan([deal(), sum], [deal({ precision: 20, scale: 4 }), sum]);
    expect(steps.map((a) => [a.kind, a.object])).toEqual([['dropRollup', 'account'], ['alterColumn', 'deal'], ['alterColumn', 'account'], ['createRollup', 'account']]);
    expect(steps[2]!.sql).toEqual(['ALTER TABLE "t_x"."account" ALTER COLUMN "deals" TYPE numeric(40,4) USING NULL']);
  });

  it('drops the triggers before the column or the parent goes to the trash', () => {
    const before = [deal(), account([rollup('deals', { function: 'avg', field: 'amount' })])];
    const removed = plan(before, [deal(), account()]);
    expect(removed.map((a) => [a.kind, a.destructive])).toEqual([['dropRollup', false], ['trashColumn', true], ['auditTrigger', false]]);
    expect(removed[0]!.sql.at(-1)).toBe(`DROP FUNCTION IF EXISTS ${fn}`);
    const parentGone = plan(before, [{ ...deal(), fields: deal().fields.filter((f) => f.name !== 'account') }]);
    expect(parentGone.map((a) => a.kind)).toEqual(['dropRollup', 'trashColumn', 'trashTable', 'dropIndex']);
  });

  it('creates roll-ups of new objects after their tables, keys and indexes, and of objects back from the trash', () => {
    const fresh = plan([], [deal(), account([rollup('deals', { function: 'sum', field: 'amount' })])]);
    const kinds = fresh.map((a) => a.kind);
    expect(kinds.at(-1)).toBe('createRollup');
    expect(kinds.indexOf('createRollup')).toBeGreaterThan(kinds.lastIndexOf('createIndex'));
    const old = snap([deal(), account([rollup('deals', { function: 'count' })])]).objects.get('account')!;
    const trash = [{ id: 3, kind: 'object' as const, object: 'account', field: null, trashName: '_trash_v5_xyz', columnType: null, version: 5, definition: old }];
    const back = planSchemaChange(snap([]), snap([deal(), account([rollup('deals', { function: 'count' })])], 6), { ...ctx, trash });
    expect([back[0], back.at(-1)].map((a) => [a!.kind, a!.object])).toEqual([['restoreTable', 'account'], ['createRollup', 'account']]);
    expect(back.filter((a) => a.kind === 'createRollup' || a.kind === 'dropRollup')).toHaveLength(1);
  });
});
