import type { FieldTypeRegistry } from '../field-types/registry';
import type { CompiledObject } from '../metadata/compiled-object';
import type { TenantMetadata } from '../metadata/tenant-metadata';
import { objectScope } from '../rules/rule-scope';
import type { Conversion, Label } from '../shared/metadata-types';
import { checkRule } from '../shared/rules/check/check-rule';
import { compileRule, type CompiledRule } from '../shared/rules/interpreter';
import { lookupPathsOf } from '../shared/rules/typed-ast';

/** One target of a conversion, its mappings ready to run. */
export interface PreparedTarget {
  key: string;
  object: string;
  label: Label;
  optional: boolean;
  allowExisting: boolean;
  /** Target field → the compiled mapping over the source record. */
  fields: [string, CompiledRule][];
  /** Target lookup field → the key of the target it points at. */
  links: Record<string, string>;
}

/** An object's conversion, prepared once per metadata version. */
export interface PreparedConversion {
  /** In dependency order: a target comes after every target it links to (account, contact, opportunity). */
  targets: PreparedTarget[];
  /** Source field → compiled value set on conversion. */
  set: [string, CompiledRule][];
  /** Source lookup field → target key. */
  links: Record<string, string>;
  readOnly: boolean;
  /** Lookup paths the mappings read on the source ("campaign.name"), loaded before they run. */
  lookupPaths: string[];
}

/**
 * Orders targets so each comes after the targets it links to. Targets caught
 * in a cycle (which no pack ships) keep their declared order; their links to
 * targets not yet created are left empty.
 */
export function dependencyOrder<T extends { key: string; links: Record<string, string> }>(targets: T[]): T[] {
  const placed = new Set<string>();
  const out: T[] = [];
  let pending = [...targets];
  while (pending.length) {
    const ready = pending.filter((t) => Object.values(t.links).every((k) => placed.has(k) || !targets.some((x) => x.key === k)));
    const next = ready.length ? ready : [pending[0]!];
    for (const t of next) {
      out.push(t);
      placed.add(t.key);
    }
    pending = pending.filter((t) => !next.includes(t));
  }
  return out;
}

function prepare(meta: TenantMetadata, registry: FieldTypeRegistry, obj: CompiledObject, conversion: Conversion): PreparedConversion {
  const scope = objectScope(meta.snapshot, obj.def, registry, true);
  const paths = new Set<string>();
  const compile = (rule: unknown): CompiledRule => {
    const { expr } = checkRule(rule, scope);
    if (expr) for (const p of lookupPathsOf(expr)) paths.add(p);
    return compileRule(rule);
  };
  const targets = conversion.targets.map((t) => ({
    key: t.key,
    object: t.object,
    label: t.label,
    optional: t.optional,
    allowExisting: t.allowExisting,
    fields: Object.entries(t.fields).map(([name, rule]): [string, CompiledRule] => [name, compile(rule)]),
    links: t.links,
  }));
  return {
    targets: dependencyOrder(targets),
    set: Object.entries(conversion.source.set).map(([name, rule]): [string, CompiledRule] => [name, compile(rule)]),
    links: conversion.source.links,
    readOnly: conversion.source.readOnly,
    lookupPaths: [...paths],
  };
}

/** The object's conversion prepared for this metadata version, or undefined when it has none. */
export function preparedConversion(meta: TenantMetadata, registry: FieldTypeRegistry, obj: CompiledObject): PreparedConversion | undefined {
  const conversion = obj.def.conversion;
  if (!conversion) return undefined;
  return meta.derive(`conversion:${obj.def.name}`, () => prepare(meta, registry, obj, conversion));
}
