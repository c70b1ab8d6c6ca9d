import { AppError, type Issue } from '../core/errors';
import type { FieldTypeRegistry } from '../field-types/registry';
import { checkedFieldRule, checkedFormula, checkedValidationRule } from '../rules/checked-rules';
import { objectScope, resolvePath } from '../rules/rule-scope';
import { FIELD_CONDITIONS, isRuleDefault } from '../shared/metadata-types';
import { compileExpr } from '../rules/sql/compile-expr';
import type { ObjectDef } from '../shared/metadata-types';
import { checkRule } from '../shared/rules/check/check-rule';
import { fieldPathsOf, lookupPathsOf, type Expr } from '../shared/rules/typed-ast';
import type { Snapshot } from './snapshot';

const fieldPath = (obj: ObjectDef, name: string) => `/objects/${obj.name}/fields/${obj.fields.filter((f) => !f.system).findIndex((f) => f.name === name)}`;

/** Formula → the formulas it reads (through lookups too), as "object.field" keys. */
function formulaGraph(snapshot: Snapshot, checked: Map<string, Expr>): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [key, expr] of checked) {
    const obj = snapshot.objects.get(key.split('.')[0]!)!;
    const deps = fieldPathsOf(expr).flatMap((path) => {
      const hit = resolvePath(snapshot, obj, path);
      if (!hit || hit.field.type !== 'formula') return [];
      const owner = hit.hops.at(-1)?.target ?? obj;
      return [`${owner.name}.${hit.field.name}`];
    });
    graph.set(key, deps);
  }
  return graph;
}

function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 'done') return undefined;
    if (state.get(n) === 'visiting') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'visiting');
    stack.push(n);
    for (const d of graph.get(n) ?? []) {
      const c = visit(d);
      if (c) return c;
    }
    stack.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of graph.keys()) {
    const c = visit(n);
    if (c) return c;
  }
  return undefined;
}

/**
 * Every rule in the snapshot is parsed, type-checked and (where it runs in
 * SQL) compiled at publish time, so a bad rule is refused now, never at save.
 */
export function checkRules(snapshot: Snapshot, registry: FieldTypeRegistry): Issue[] {
  const issues: Issue[] = [];
  const checked = new Map<string, Expr>();
  for (const obj of snapshot.objects.values()) {
    for (const f of obj.fields.filter((x) => x.type === 'formula')) {
      const at = `${fieldPath(obj, f.name)}/options/expression`;
      if (f.unique || f.indexed) issues.push({ path: `${fieldPath(obj, f.name)}/${f.unique ? 'unique' : 'indexed'}`, code: 'RULE_INVALID', message: 'formula fields cannot be unique or indexed' });
      const { expr, issues: found } = checkedFormula(snapshot, registry, obj, f);
      issues.push(...found.map((i) => ({ path: `${at}${i.path}`, code: 'RULE_INVALID', message: i.message })));
      if (!expr) continue;
      try {
        compileExpr(expr, { column: () => 'x', now: 'sql' });
        checked.set(`${obj.name}.${f.name}`, expr);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        issues.push({ path: `${at}${(e.details?.path as string | undefined) ?? ''}`, code: e.code, message: e.message });
      }
    }
    for (const f of obj.fields.filter((x) => !x.system)) {
      const at = fieldPath(obj, f.name);
      for (const c of FIELD_CONDITIONS) {
        if (f[c] === undefined) continue;
        const { issues: found } = checkedFieldRule(snapshot, registry, obj, f, c);
        issues.push(...found.map((x) => ({ path: `${at}/${c}${x.path}`, code: 'RULE_INVALID', message: x.message })));
      }
      if (isRuleDefault(f.defaultValue)) {
        const { expr, issues: found } = checkedFieldRule(snapshot, registry, obj, f, 'defaultValue');
        issues.push(...found.map((x) => ({ path: `${at}/defaultValue${x.path}`, code: 'RULE_INVALID', message: x.message })));
        if (expr && lookupPathsOf(expr).length) issues.push({ path: `${at}/defaultValue`, code: 'RULE_INVALID', message: 'a default is computed before the record is saved, from its own fields, $user and $now; it cannot read through lookups' });
      }
    }
    obj.listViews.forEach((v, i) => {
      if (v.filter === undefined) return;
      const { issues: found } = checkRule(v.filter, objectScope(snapshot, obj, registry, true));
      issues.push(...found.map((x) => ({ path: `/objects/${obj.name}/listViews/${i}/filter${x.path}`, code: 'RULE_INVALID', message: x.message })));
    });
    obj.validationRules.forEach((r, i) => {
      const { issues: found } = checkedValidationRule(snapshot, registry, obj, r);
      issues.push(...found.map((x) => ({ path: `/objects/${obj.name}/validationRules/${i}/condition${x.path}`, code: 'RULE_INVALID', message: x.message })));
    });
    obj.indexes.forEach((ix, i) => {
      if (ix.fields.some((name) => obj.fields.find((f) => f.name === name.replace(/^-/, ''))?.type === 'formula')) {
        issues.push({ path: `/objects/${obj.name}/indexes/${i}`, code: 'RULE_INVALID', message: 'indexes cannot include formula fields' });
      }
    });
  }
  const cycle = findCycle(formulaGraph(snapshot, checked));
  if (cycle) {
    const [objName, field] = cycle[0]!.split('.') as [string, string];
    issues.push({ path: `${fieldPath(snapshot.objects.get(objName)!, field)}/options/expression`, code: 'RULE_CYCLE', message: `formulas refer to each other in a cycle: ${cycle.join(' → ')}` });
  }
  return issues;
}
