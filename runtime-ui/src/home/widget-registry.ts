import type { WidgetKind } from './widget-types';

/** Widget kinds by key. */
export type WidgetRegistry = ReadonlyMap<string, WidgetKind>;

/** A registry of widget kinds; a kind registered twice is a programming error. */
export function createWidgetRegistry(kinds: WidgetKind[]): Map<string, WidgetKind> {
  const registry = new Map<string, WidgetKind>();
  for (const k of kinds) registerWidgetKind(registry, k);
  return registry;
}

/** Adds a kind (e.g. a dashboard chart) to a registry. */
export function registerWidgetKind(registry: Map<string, WidgetKind>, kind: WidgetKind): void {
  if (registry.has(kind.kind)) throw new Error(`widget kind "${kind.kind}" is registered twice`);
  registry.set(kind.kind, kind);
}
