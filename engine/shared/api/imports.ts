/** How rows are written: new records only, existing ones found by the key field, or either. */
export const IMPORT_MODES = ['insert', 'update', 'upsert'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** The encodings an import file may be in: UTF-8 (with or without BOM) or GBK/GB18030 (Excel on Chinese Windows). */
export const IMPORT_ENCODINGS = ['utf-8', 'gbk'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** Where one column goes: a field, and for a lookup (or the owner) which field of the target its text names. */
export interface MappingTarget {
  field: string;
  lookupBy?: string;
}

/** Column name → target; columns left out are not imported. */
export type ImportMapping = Record<string, MappingTarget>;

/** uploaded → (validating → ready) → running → done | failed | cancelled. */
export type ImportStatus = 'uploaded' | 'validating' | 'ready' | 'running' | 'done' | 'failed' | 'cancelled';

/** One refused row: its line in the file and why. */
export interface ImportRowError {
  line: number;
  error: string;
}

/** What a dry run found: how many rows would be inserted, updated or rejected, and a sample of the errors. */
export interface DryRunResult {
  total: number;
  inserted: number;
  updated: number;
  rejected: number;
  errors: ImportRowError[];
}

/**
 * An import job (no file bytes), as /api/v1/records/:object/imports/:id
 * answers it (GET, PUT …/mapping, POST …/dry-run, …/start, …/cancel).
 */
export interface ImportJob {
  id: string;
  object: string;
  createdBy: string;
  fileName: string | null;
  encoding: ImportEncoding;
  mode: ImportMode;
  key: string | null;
  /** The file's column names. */
  header: string[];
  mapping: ImportMapping;
  allowDuplicates: boolean;
  status: ImportStatus;
  total: number;
  processed: number;
  inserted: number;
  updated: number;
  rejected: number;
  errors: ImportRowError[];
  dryRun: DryRunResult | null;
  message: string | null;
  hasRejectedFile: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** POST /api/v1/records/:object/imports: the stored job, the file as read and the suggested mapping. */
export interface UploadResult {
  import: ImportJob;
  encoding: string;
  header: string[];
  preview: string[][];
  rows: number;
  suggestedMapping: ImportMapping;
}
