import { AppError, type Issue } from '../core/errors';
import type { FieldTypeRegistry } from '../field-types/registry';
import type { CompiledObject } from '../metadata/compiled-object';
import type { Snapshot } from '../metadata/snapshot';
import { checkedFieldRule } from '../rules/checked-rules';
import type { Field, ObjectDef } from '../shared/metadata-types';
import { lookupPathsOf } from '../shared/rules/typed-ast';
import { compileRule, type CompiledRule } from '../shared/rules/interpreter';
import type { RecordContext, RecordRow } from './context';
import { expandLookups, ruleContext, truthy } from './validation-rules';

/** A field's server-enforced conditions, prepared once per metadata version. */
export interface PreparedConditions {
  field: Field;
  requiredWhen?: CompiledRule;
  readOnlyWhen?: CompiledRule;
}

export function prepareFieldConditions(snapshot: Snapshot, obj: ObjectDef, registry: FieldTypeRegistry): { conditions: PreparedConditions[]; lookupPaths: string[] } {
  const lookupPaths = new Set<string>();
  const conditions = obj.fields
    .filter((f) => f.requiredWhen !== undefined || f.readOnlyWhen !== undefined)
    .map((f) => {
      for (const c of ['requiredWhen', 'readOnlyWhen'] as const) {
        const expr = f[c] === undefined ? undefined : checkedFieldRule(snapshot, registry, obj, f, c).expr;
        if (expr) lookupPathsOf(expr).forEach((p) => lookupPaths.add(p));
      }
      return { field: f, ...(f.requiredWhen !== undefined ? { requiredWhen: compileRule(f.requiredWhen) } : {}), ...(f.readOnlyWhen !== undefined ? { readOnlyWhen: compileRule(f.readOnlyWhen) } : {}) };
    });
  return { conditions, lookupPaths: [...lookupPaths] };
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * requiredWhen: judged on the record as it will be saved. readOnlyWhen: judged
 * on the stored record for an update (on the new one for a create); the field
 * may then not change. Each item is one record: `next` as it will be, `change`
 * the values sent, `stored` the current row for updates.
 */
export async function enforceFieldConditions(ctx: RecordContext, obj: CompiledObject, items: { next: RecordRow; change: RecordRow; stored?: RecordRow }[], pathOf: (i: number) => string = () => ''): Promise<void> {
  const { conditions, lookupPaths } = obj.fieldConditions;
  if (!conditions.length) return;
  const expand = (rows: RecordRow[]) => (lookupPaths.length ? expandLookups(ctx, obj.def, rows, lookupPaths) : Promise.resolve(rows));
  const nexts = await expand(items.map((i) => i.next));
  const before = await expand(items.map((i) => i.stored ?? i.next));
  const context = ruleContext(ctx, obj);
  const issues: Issue[] = [];
  items.forEach((item, i) => {
    for (const c of conditions) {
      const name = c.field.name;
      if (c.requiredWhen && isEmpty(item.next[name]) && truthy(c.requiredWhen(nexts[i]!, context))) {
        issues.push({ path: `${pathOf(i)}/${name}`, code: 'FIELD_REQUIRED', message: 'is required in this case' });
      }
      const changes = name in item.change && !same(item.change[name], item.stored ? item.stored[name] : null);
      if (c.readOnlyWhen && changes && truthy(c.readOnlyWhen(before[i]!, context))) {
        issues.push({ path: `${pathOf(i)}/${name}`, code: 'FIELD_READ_ONLY', message: 'cannot be changed in this case' });
      }
    }
  });
  if (issues.length) throw new AppError('RECORD_VALIDATION_FAILED', `the ${obj.def.name} is invalid`, { issues: issues.slice(0, 1000) });
}
