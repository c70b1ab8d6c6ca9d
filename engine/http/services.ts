import type { Config } from '../core/config';
import type { Logger } from '../core/logger';
import type { Db } from '../db/knex';
import type { FieldTypeRegistry } from '../field-types/registry';
import type { MetadataDocumentValidator } from '../metadata/document-validator';
import type { MetadataCache } from '../metadata/metadata-cache';
import type { PgListener } from '../db/pg-listener';
import type { PrincipalCache } from '../security/principal-cache';
import type { SecurityCache } from '../security/model/security-cache';
import type { JobRunner } from '../jobs/boss';

/** The long-lived pieces a server process holds; handed to routers explicitly. */
export interface Services {
  config: Config;
  log: Logger;
  db: Db;
  registry: FieldTypeRegistry;
  validator: MetadataDocumentValidator;
  cache: MetadataCache;
  principals: PrincipalCache;
  security: SecurityCache;
  listener: PgListener;
  /** pg-boss: background jobs (imports, later reminders); started and stopped with the server. */
  jobs: JobRunner;
}
