import type { ObjectDef } from '../shared/metadata-types';

/** The order in which kinds of steps run inside one apply transaction. */
export const PHASES = {
  // A returning object's table must be back before its left-out columns can be moved aside.
  restoreTable: 5,
  trashColumn: 10,
  trashTable: 20,
  createTable: 30,
  addColumn: 40,
  restoreColumn: 40,
  alterColumn: 50,
  dropIndex: 60,
  dropForeignKey: 60,
  createForeignKey: 70,
  createIndex: 80,
  backfill: 65,
  // Roll-up triggers go before any column or table they read is moved, and come back once columns, keys and indexes exist.
  dropRollup: 2,
  createRollup: 90,
  // Audit triggers are (re)made once every column exists, and before roll-ups fill their columns, so a new roll-up's first values are not audited.
  auditTrigger: 85,
} as const;

export type ActionKind = keyof typeof PHASES;

/** One step of a schema change, shown to the admin before it runs (dry-run). */
export interface PlanAction {
  kind: ActionKind;
  object: string;
  field?: string;
  /** A sentence an admin can read. */
  description: string;
  /** Moves data aside or changes stored values: needs ?confirm=true. */
  destructive: boolean;
  /** The statements, in order. Identifiers come only from validated metadata. */
  sql: string[];
  /** Queries run before applying: each must return no row, or the change is refused. */
  checks?: { sql: string; message: string }[];
  /** Trash bookkeeping, done by the runner. Autonumber counters are kept while in the trash, so numbers never repeat. */
  trash?: { kind: 'object' | 'field'; trashName: string; columnType?: string; restoreId?: number };
}

/** A column or table moved aside by an earlier destructive change. */
export interface TrashEntry {
  id: number;
  kind: 'object' | 'field';
  object: string;
  field: string | null;
  trashName: string;
  columnType: string | null;
  /** The version whose publish moved it aside. */
  version: number;
  /** For a trashed object: its definition when it was trashed (loaded only when needed). */
  definition?: ObjectDef;
}
