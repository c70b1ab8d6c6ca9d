import { AppError, type Issue } from '../core/errors';
import type { Db, Trx } from '../db/knex';
import type { FieldTypeRegistry } from '../field-types/registry';
import { planSchemaChange, isDestructive } from '../schema-engine/plan';
import type { PlanAction, TrashEntry } from '../schema-engine/plan-types';
import { trashName } from '../schema-engine/names';
import { canonicalJson } from '../shared/canonical-json';
import type { ObjectDef, RawSnapshot } from '../shared/metadata-types';
import { checkDefaults } from './check-defaults';
import { checkRules } from './check-rules';
import { checkAssignmentCriteria, checkMappings } from './check-mappings';
import { METADATA_CHANNEL, type MetadataCache } from './metadata-cache';
import { normalizeSnapshot } from './normalize-snapshot';
import { TenantMetadata } from './tenant-metadata';
import type { Snapshot } from './snapshot';
import { insertVersion, loadLatestVersion, loadTrash, loadVersion, markRestored, recordTrash } from './version-store';

/** What a publish needs: passed explicitly, never global. */
export interface PublishContext {
  db: Db;
  cache: MetadataCache;
  registry: FieldTypeRegistry;
  schema: string;
  userId: string | null;
}

export interface PublishOptions {
  dryRun?: boolean;
  confirm?: boolean;
  /** The version the admin edited; a newer published version → 409. */
  baseVersion?: number;
  /** Objects whose normalized definition the answer should carry (the designer's preview of a draft). */
  preview?: string[];
}

export interface PublishResult {
  version: number;
  plan: PlanAction[];
  dryRun: boolean;
  changed: boolean;
  /** The normalized definitions asked for with `preview` (an object the change deletes is absent). */
  preview?: Record<string, ObjectDef>;
}

/** Re-homes issues of one object document so paths point into what the caller sent. */
export type IssueMapper = (issues: Issue[]) => Issue[];

const canonical = (raw: RawSnapshot) => canonicalJson(raw);

async function runChecks(trx: Trx, plan: PlanAction[]): Promise<void> {
  for (const action of plan) {
    for (const check of action.checks ?? []) {
      const { rows } = await trx.raw(check.sql);
      if (rows.length) throw new AppError('METADATA_UNSAFE_CHANGE', check.message, { object: action.object, field: action.field });
    }
  }
}

async function runPlan(trx: Trx, schema: string, plan: PlanAction[], version: number): Promise<void> {
  for (const action of plan) {
    for (const sql of action.sql) {
      try {
        // Every "?" is literal in DDL; one already escaped (\?) stays as it is.
        await trx.raw(sql.replace(/(?<!\\)\?/g, '\\?'));
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === '23505') throw new AppError('METADATA_UNSAFE_CHANGE', `existing ${action.object} records have duplicate values: ${action.description}`, { object: action.object, field: action.field });
        if (code === '23503') throw new AppError('METADATA_UNSAFE_CHANGE', `existing ${action.object} records refer to missing records: ${action.description}`, { object: action.object, field: action.field });
        throw e;
      }
    }
    if (action.trash?.restoreId !== undefined) await markRestored(trx, schema, action.trash.restoreId);
    else if (action.trash) await recordTrash(trx, schema, { kind: action.trash.kind, object: action.object, field: action.field, trashName: action.trash.trashName, columnType: action.trash.columnType, version });
  }
}

/** Objects coming back need the definition they had when trashed: the version before the one that trashed them. */
async function withTrashedDefinitions(trx: Trx, ctx: PublishContext, trash: TrashEntry[], before: Snapshot, after: Snapshot): Promise<TrashEntry[]> {
  return Promise.all(
    trash.map(async (t) => {
      if (t.kind !== 'object' || before.objects.has(t.object) || !after.objects.has(t.object)) return t;
      const raw = await loadVersion(trx, ctx.schema, t.version - 1);
      const definition = raw && normalizeSnapshot(raw, ctx.registry, t.version - 1).snapshot.objects.get(t.object);
      return definition ? { ...t, definition } : t;
    }),
  );
}

/**
 * validate → plan → (dry-run | apply) → publish, in one transaction under a
 * per-tenant advisory lock. `change` builds the next raw snapshot from the
 * current one; it may throw AppErrors (e.g. OBJECT_NOT_FOUND).
 */
export async function publishChange(
  ctx: PublishContext,
  summary: string,
  change: (current: RawSnapshot) => RawSnapshot,
  opts: PublishOptions = {},
  mapIssues: IssueMapper = (i) => i,
): Promise<PublishResult> {
  let outcome;
  try {
    outcome = await applyInTransaction(ctx, summary, change, opts, mapIssues);
  } catch (e) {
    if (e instanceof DryRunRollback) return e.result;
    throw e;
  }
  if (outcome.after) ctx.cache.put(new TenantMetadata(ctx.schema, outcome.after, ctx.registry));
  return { version: outcome.version, plan: outcome.plan, dryRun: outcome.dryRun, changed: outcome.changed, ...outcome.preview };
}

/** `{preview: {name: definition}}` for the objects asked for, or nothing when none was asked. */
function previewOf(after: Snapshot, names: string[] | undefined): { preview: Record<string, ObjectDef> } | undefined {
  if (!names?.length) return undefined;
  const entries = names.flatMap((n) => {
    const def = after.objects.get(n);
    return def ? [[n, def] as const] : [];
  });
  return { preview: Object.fromEntries(entries) };
}

/** Thrown inside the transaction to roll a dry-run back while answering its plan. */
class DryRunRollback {
  constructor(readonly result: PublishResult) {}
}

async function applyInTransaction(ctx: PublishContext, summary: string, change: (current: RawSnapshot) => RawSnapshot, opts: PublishOptions, mapIssues: IssueMapper) {
  return ctx.db.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`tessera_metadata:${ctx.schema}`]);
    await trx.raw("SET LOCAL lock_timeout = '10s'");
    const current = await loadLatestVersion(trx, ctx.schema);
    if (opts.baseVersion !== undefined && opts.baseVersion !== current.version) {
      throw new AppError('METADATA_VERSION_CONFLICT', `metadata changed since version ${opts.baseVersion}; the current version is ${current.version}`, { currentVersion: current.version });
    }
    const nextRaw = change(structuredClone(current.raw));
    const before = normalizeSnapshot(current.raw, ctx.registry, current.version).snapshot;
    const { snapshot: after, issues } = normalizeSnapshot(nextRaw, ctx.registry, current.version + 1);
    issues.push(...checkDefaults(after, ctx.registry));
    if (issues.length) throw new AppError('METADATA_INVALID', 'the metadata is invalid', { issues: mapIssues(issues) });
    const ruleIssues = [...checkRules(after, ctx.registry), ...checkAssignmentCriteria(after, ctx.registry)];
    if (ruleIssues.length) throw new AppError('METADATA_RULE_INVALID', 'a rule in the metadata is invalid', { issues: mapIssues(ruleIssues) });
    const mappingIssues = checkMappings(after, ctx.registry);
    if (mappingIssues.length) throw new AppError('METADATA_MAPPING_INVALID', 'a conversion mapping is invalid', { issues: mapIssues(mappingIssues) });
    const trash = await withTrashedDefinitions(trx, ctx, await loadTrash(trx, ctx.schema), before, after);
    const plan = planSchemaChange(before, after, { schema: ctx.schema, registry: ctx.registry, version: after.version, trash, newTrashName: (o, f) => trashName(o, f, after.version) });
    const changed = canonical(nextRaw) !== canonical(current.raw);
    const preview = previewOf(after, opts.preview);
    if (isDestructive(plan) && !opts.confirm && !opts.dryRun) {
      throw new AppError('METADATA_CONFIRMATION_REQUIRED', 'this change moves data to the trash; repeat it with ?confirm=true', { plan });
    }
    await runChecks(trx, plan);
    if (!changed) return { version: current.version, plan, dryRun: !!opts.dryRun, changed, after: undefined, preview };
    await runPlan(trx, ctx.schema, plan, after.version);
    // A dry-run really runs the DDL against the data, then rolls it back: a
    // unique index over duplicates or a key over dangling ids fails here too.
    if (opts.dryRun) throw new DryRunRollback({ version: current.version, plan, dryRun: true, changed, ...preview });
    await insertVersion(trx, ctx.schema, { version: after.version, authorId: ctx.userId, summary, raw: nextRaw, plan });
    await trx.raw('SELECT pg_notify(?, ?)', [METADATA_CHANNEL, `${ctx.schema}:${after.version}`]);
    return { version: after.version, plan, dryRun: false, changed, after, preview };
  });
}

