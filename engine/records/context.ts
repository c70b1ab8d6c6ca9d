import type { Db } from '../db/knex';
import type { Logger } from '../core/logger';
import type { FieldTypeRegistry } from '../field-types/registry';
import type { TenantMetadata } from '../metadata/tenant-metadata';
import type { Locale } from '../shared/metadata-types';
import type { UserAccess } from '../security/model/user-access';

/** The signed-in user as every operation sees it. */
export interface Actor {
  userId: string;
  tenantId: string;
  schema: string;
  isAdmin: boolean;
}

/** Passed explicitly to every record operation: no globals. */
export interface RecordContext {
  db: Db;
  meta: TenantMetadata;
  registry: FieldTypeRegistry;
  actor: Actor;
  /** What the actor may see and change (permissions, field-level security, record access). */
  access: UserAccess;
  locale: Locale;
  /** Where engine steps report what the admin should know but the request need not fail for (e.g. an assignment rule naming an inactive user). */
  log?: Logger;
}

export type RecordRow = Record<string, unknown>;
