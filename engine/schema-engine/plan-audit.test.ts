import { describe, expect, it } from 'vitest';
import type { RawField, RawObjectDef } from '../shared/metadata-types';
import { planSchemaChange } from './plan';
import { planContext, snapshotOf } from './plan-fixtures';

const ctx = planContext;
const note = (extra: Partial<RawField> = {}): RawField => ({ name: 'body', type: 'textarea', label: 'Body', ...extra });
const account = (fields: RawField[] = []): RawObjectDef => ({ name: 'account', label: 'Account', fields });
const plan = (before: RawObjectDef[], after: RawObjectDef[]) => planSchemaChange(snapshotOf(before), snapshotOf(after, 2), ctx);
const SYSTEM_ARGS = `'id', 'created_at', 'created_by', 'updated_at', 'updated_by', 'version', '_shared_read', '_shared_edit'`;
const fn = (extra = '') => `"t_x"."_audit_changes"(${SYSTEM_ARGS}${extra})`;

describe('planning the audit trail', () => {
  it('gives a new table three statement triggers, after its columns, keys and indexes', () => {
    const steps = plan([], [account([note({ audit: false }), { name: 'size', type: 'integer', label: 'Size' }])]);
    expect(steps.map((a) => a.kind)).toEqual(['createTable', 'createIndex', 'createIndex', 'auditTrigger']);
    expect(steps.at(-1)).toEqual({
      kind: 'auditTrigger',
      object: 'account',
      description: 'keep an audit trail of account records (fields left out: body)',
      destructive: false,
      sql: [
        `CREATE OR REPLACE TRIGGER "_audit_ins" AFTER INSERT ON "t_x"."account" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn(", 'body'")}`,
        `CREATE OR REPLACE TRIGGER "_audit_upd" AFTER UPDATE ON "t_x"."account" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn(", 'body'")}`,
        `CREATE OR REPLACE TRIGGER "_audit_del" AFTER DELETE ON "t_x"."account" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn(", 'body'")}`,
      ],
    });
  });

  it('leaves formulas out of the arguments, even marked audit: false: they are not columns', () => {
    const steps = plan([], [account([{ name: 'twice', type: 'formula', label: 'T', audit: false, options: { expression: { '*': [2, 2] }, returns: 'number' } }])]);
    expect(steps.at(-1)!.description).toBe('keep an audit trail of account records (fields left out: none)');
    expect(steps.at(-1)!.sql.every((s) => s.endsWith(`FUNCTION ${fn()}`))).toBe(true);
  });

  it('needs no step when an audited field is added, changed or removed', () => {
    expect(plan([account()], [account([note()])]).map((a) => a.kind)).toEqual(['addColumn']);
    expect(plan([account([note()])], [account([note({ label: 'Text' })])])).toEqual([]);
    expect(plan([account([note()])], [account()]).map((a) => a.kind)).toEqual(['trashColumn']);
  });

  it('replaces the triggers in place when the fields left out change', () => {
    const added = plan([account()], [account([note({ audit: false })])]);
    expect(added.map((a) => a.kind)).toEqual(['addColumn', 'auditTrigger']);
    expect(added[1]!.description).toBe('change the audit trail of account: fields left out body (were none)');
    expect(added[1]!.sql[1]).toBe(`CREATE OR REPLACE TRIGGER "_audit_upd" AFTER UPDATE ON "t_x"."account" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn(", 'body'")}`);
    const flipped = plan([account([note({ audit: false })])], [account([note()])]);
    expect(flipped.map((a) => [a.kind, a.destructive])).toEqual([['auditTrigger', false]]);
    expect(flipped[0]!.description).toBe('change the audit trail of account: fields left out none (were body)');
    expect(flipped[0]!.sql[0]).toContain(`FUNCTION ${fn()}`);
    const removed = plan([account([note({ audit: false })])], [account()]);
    expect(removed.map((a) => a.kind)).toEqual(['trashColumn', 'auditTrigger']);
  });

  it('replaces the triggers of a table back from the trash once, with its new definition', () => {
    const old = snapshotOf([account([note()])]).objects.get('account')!;
    const trash = [{ id: 3, kind: 'object' as const, object: 'account', field: null, trashName: '_trash_v5_xyz', columnType: null, version: 5, definition: old }];
    const back = planSchemaChange(snapshotOf([]), snapshotOf([account([note({ audit: false })])], 6), { ...ctx, trash });
    expect(back.filter((a) => a.kind === 'auditTrigger').map((a) => a.description)).toEqual(['keep an audit trail of account records (fields left out: body)']);
    expect(back.at(-1)!.sql[2]).toContain(`ON "t_x"."account" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn(", 'body'")}`);
  });

  it('keeps the triggers of a table moved to the trash (no one writes there)', () => {
    expect(plan([account([note({ audit: false })])], []).map((a) => a.kind)).toEqual(['trashTable']);
  });
});
