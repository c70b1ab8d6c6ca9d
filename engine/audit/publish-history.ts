import { runSql } from '../db/knex';
import type { PlanAction } from '../schema-engine/plan-types';
import { qualified } from '../schema-engine/column-ddl';
import { actorNames, auditActor, type AuditActor } from './actor-names';
import { pageOf, type AuditPage } from './audit-page';
import type { AuditContext } from './user-activity';

/** A metadata publish: who, when, what it said, and the schema plan it applied. */
export interface PublishEntry {
  version: number;
  at: string;
  author: AuditActor | null;
  summary: string;
  plan: PlanAction[];
}

/** Published metadata versions, newest first, paged by version (`before` is a version); version 0, the empty start, is not a publish. */
export async function publishHistory(ctx: AuditContext, page: AuditPage): Promise<{ publishes: PublishEntry[]; nextBefore: number | null }> {
  const below = page.before === undefined ? '' : ' AND version < ?';
  const rows = await runSql<{ version: number; created_at: Date; author_id: string | null; summary: string; plan: PlanAction[] }>(
    ctx.db,
    `SELECT version, created_at, author_id, summary, plan FROM ${qualified(ctx.schema, '_meta_versions')} WHERE version > 0${below} ORDER BY version DESC LIMIT ?`,
    [...(page.before === undefined ? [] : [page.before]), page.limit + 1],
  );
  const { rows: kept, nextBefore } = pageOf(rows, page, (r) => r.version);
  const names = await actorNames(ctx.db, ctx.tenantId, kept.map((r) => r.author_id));
  const publishes = kept.map((r): PublishEntry => ({ version: r.version, at: r.created_at.toISOString(), author: auditActor(r.author_id, names), summary: r.summary, plan: r.plan }));
  return { publishes, nextBefore };
}
