import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors';
import type { RawObjectDef } from '../shared/metadata-types';
import { planSchemaChange } from './plan';
import { planContext, snapshotOf } from './plan-fixtures';

const ctx = planContext;
const snap = snapshotOf;
const account = (fields: RawObjectDef['fields'] = [], extra: Partial<RawObjectDef> = {}): RawObjectDef => ({ name: 'account', label: 'Account', fields, ...extra });

describe('planSchemaChange', () => {
  it('creates a table with typed system and custom columns, then keys and indexes', () => {
    const plan = planSchemaChange(snap([]), snap([account([{ name: 'revenue', type: 'currency', label: 'R' }], { indexes: [{ fields: ['name', '-revenue'] }] })]), ctx);
    expect(plan.map((a) => a.kind)).toEqual(['createTable', 'createIndex', 'createIndex', 'createIndex', 'auditTrigger']);
    expect(plan[0]!.sql[0]).toBe(
      'CREATE TABLE "t_x"."account" ("id" uuid PRIMARY KEY DEFAULT gen_random_uuid(), "name" varchar(255), "owner_id" uuid, "revenue" numeric(18,2), "created_at" timestamptz(3) NOT NULL DEFAULT now(), "created_by" uuid, "updated_at" timestamptz(3) NOT NULL DEFAULT now(), "updated_by" uuid, "version" integer NOT NULL DEFAULT 1, "_shared_read" uuid[], "_shared_edit" uuid[])',
    );
    expect(plan.at(-2)!.sql[0]).toMatch(/^CREATE INDEX "ix_account_[0-9a-f]{10}" ON "t_x"."account" \("name", "revenue" DESC\)$/);
  });

  it('adds a nullable column without a default (no table rewrite)', () => {
    const plan = planSchemaChange(snap([account()]), snap([account([{ name: 'note', type: 'textarea', label: 'N' }])], 2), ctx);
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({ kind: 'addColumn', destructive: false, sql: ['ALTER TABLE "t_x"."account" ADD COLUMN "note" text'] });
  });

  it('moves a dropped field aside instead of dropping it, and marks it destructive', () => {
    const plan = planSchemaChange(snap([account([{ name: 'note', type: 'text', label: 'N', indexed: true }])]), snap([account()], 2), ctx);
    expect(plan.map((a) => [a.kind, a.destructive])).toEqual([['trashColumn', true], ['dropIndex', false]]);
    expect(plan[0]!.sql).toEqual(['ALTER TABLE "t_x"."account" RENAME COLUMN "note" TO "_trash_account_note"']);
  });

  it('restores a trashed column of the same type instead of adding an empty one', () => {
    const trashCtx = { ...ctx, trash: [{ id: 7, kind: 'field' as const, object: 'account', field: 'note', trashName: '_trash_v2_abc', columnType: 'varchar(255)', version: 2 }] };
    const plan = planSchemaChange(snap([account()]), snap([account([{ name: 'note', type: 'text', label: 'N' }])], 3), trashCtx);
    expect(plan[0]).toMatchObject({ kind: 'restoreColumn', sql: ['ALTER TABLE "t_x"."account" RENAME COLUMN "_trash_v2_abc" TO "note"'], trash: { restoreId: 7 } });
  });

  it('takes a trashed table back, records included, when its object returns', () => {
    const old = snap([account([{ name: 'note', type: 'text', label: 'N' }])]).objects.get('account')!;
    const trashCtx = { ...ctx, trash: [{ id: 3, kind: 'object' as const, object: 'account', field: null, trashName: '_trash_v5_xyz', columnType: null, version: 5, definition: old }] };
    const plan = planSchemaChange(snap([]), snap([account([{ name: 'note', type: 'text', label: 'N' }, { name: 'extra', type: 'integer', label: 'E' }])], 6), trashCtx);
    expect(plan.map((a) => a.kind)).toEqual(['restoreTable', 'addColumn', 'createIndex', 'createIndex', 'auditTrigger']);
    expect(plan[0]!.sql).toEqual(['ALTER TABLE "t_x"."_trash_v5_xyz" RENAME TO "account"', 'ALTER INDEX "t_x"."_trash_v5_xyz_pkey" RENAME TO "account_pkey"']);
  });

  it('widens safely and checks data before narrowing', () => {
    const widen = planSchemaChange(snap([account([{ name: 'code', type: 'text', label: 'C', options: { maxLength: 10 } }])]), snap([account([{ name: 'code', type: 'text', label: 'C', options: { maxLength: 50 } }])], 2), ctx);
    expect(widen[0]).toMatchObject({ kind: 'alterColumn', checks: [], sql: ['ALTER TABLE "t_x"."account" ALTER COLUMN "code" TYPE varchar(50)'] });
    const narrow = planSchemaChange(snap([account([{ name: 'code', type: 'text', label: 'C', options: { maxLength: 50 } }])]), snap([account([{ name: 'code', type: 'text', label: 'C', options: { maxLength: 10 } }])], 2), ctx);
    expect(narrow[0]!.checks).toEqual([{ sql: 'SELECT 1 FROM "t_x"."account" WHERE length("code") > 10 LIMIT 1', message: 'some code values are longer than 10 characters' }]);
  });

  it('checks data before a number loses integer digits or decimals', () => {
    const amount = (options: Record<string, unknown>, type = 'number') => snap([account([{ name: 'amount', type, label: 'A', options }])], 2);
    const fewerDigits = planSchemaChange(snap([account([{ name: 'amount', type: 'number', label: 'A', options: { precision: 18, scale: 2 } }])]), amount({ precision: 6, scale: 2 }), ctx);
    expect(fewerDigits[0]!.checks).toEqual([{ sql: 'SELECT 1 FROM "t_x"."account" WHERE abs("amount") >= 1e4 LIMIT 1', message: 'some amount values do not fit 4 integer digits' }]);
    const toInteger = planSchemaChange(snap([account([{ name: 'amount', type: 'number', label: 'A', options: { precision: 18, scale: 2 } }])]), amount({}, 'integer'), ctx);
    expect(toInteger[0]!.checks).toEqual([{ sql: 'SELECT 1 FROM "t_x"."account" WHERE "amount" <> round("amount", 0) LIMIT 1', message: 'some amount values have more than 0 decimals' }]);
  });

  it('refuses a type change that could lose data', () => {
    const before = snap([account([{ name: 'x', type: 'number', label: 'X' }])]);
    const after = snap([account([{ name: 'x', type: 'boolean', label: 'X' }])], 2);
    expect(() => planSchemaChange(before, after, ctx)).toThrow(AppError);
    try {
      planSchemaChange(before, after, ctx);
    } catch (e) {
      expect((e as AppError).code).toBe('METADATA_UNSAFE_CHANGE');
    }
  });

  it('links lookups with the chosen on-delete rule after all tables exist', () => {
    const contact: RawObjectDef = { name: 'contact', label: 'Contact', fields: [{ name: 'account', type: 'lookup', label: 'A', options: { target: 'account', onDelete: 'cascade' } }] };
    const plan = planSchemaChange(snap([]), snap([contact, account()]), ctx);
    const kinds = plan.map((a) => a.kind);
    expect(kinds.lastIndexOf('createTable')).toBeLessThan(kinds.indexOf('createForeignKey'));
    expect(plan.find((a) => a.kind === 'createForeignKey')!.sql[0]).toMatch(/FOREIGN KEY \("account"\) REFERENCES "t_x"."account" \(id\) ON DELETE CASCADE$/);
  });

  it('numbers existing rows when an autonumber field is added', () => {
    const plan = planSchemaChange(snap([account()]), snap([account([{ name: 'no', type: 'autonumber', label: 'No', options: { format: 'A-{0000}' } }])], 2), ctx);
    expect(plan.map((a) => a.kind)).toEqual(['addColumn', 'backfill', 'createIndex']);
    expect(plan[1]!.sql.join('\n')).toContain('row_number() OVER (ORDER BY created_at, id)');
    // Numbering belongs to the publish, not to anyone's record changes: the audit trigger is off meanwhile.
    expect([plan[1]!.sql[1], plan[1]!.sql.at(-1)]).toEqual(['ALTER TABLE "t_x"."account" DISABLE TRIGGER "_audit_upd"', 'ALTER TABLE "t_x"."account" ENABLE TRIGGER "_audit_upd"']);
  });
});

describe('list view indexes', () => {
  it('index the fields a view pins, then its sort and id', () => {
    const view = { name: 'hot', label: 'Hot', filter: { and: [{ '==': [{ var: 'stage' }, 'won'] }, { '>': [{ var: 'amount' }, 5] }] }, sort: ['-amount'] };
    const withView = account(
      [
        { name: 'stage', type: 'text', label: 'S' },
        { name: 'amount', type: 'number', label: 'A' },
      ],
      { listViews: [view] },
    );
    const plan = planSchemaChange(snap([]), snap([withView]), ctx);
    expect(plan.map((a) => a.sql[0]).join('\n')).toMatch(/\("stage", "amount" DESC, "id" DESC\)/);
  });
});
