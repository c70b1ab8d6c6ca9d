import { createHash } from 'node:crypto';

const short = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 10);

export type RollupEvent = 'ins' | 'upd' | 'del';

/** Deterministic (≤ 63 chars) names of a roll-up's trigger function, in the tenant schema. */
export const rollupFunctionName = (object: string, field: string) => `rollup_${object.slice(0, 30)}_${short(`${object}.${field}`)}`;

/** The child-table index (lookup, field) that makes recomputing a min/max/avg a short index scan per parent. */
export const rollupIndexName = (object: string, field: string) => `rollupix_${object.slice(0, 30)}_${short(`${object}.${field}`)}`;

/** The roll-up's three triggers on the child table, one per event (transition tables allow one event per trigger). */
export const rollupTriggerName = (object: string, field: string, event: RollupEvent) => `rollup_${short(`${object}.${field}`)}_${event}`;
