import type { Server } from 'node:http';
import type { Config } from './core/config';
import { createLogger, type Logger } from './core/logger';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded-postgres';
import { createDb } from './db/knex';
import { migrateSystem } from './db/system-migrations';
import { migrateAllTenants } from './db/tenant-schema';
import { ensureAuditTriggers } from './audit/ensure-audit-triggers';
import { ensureShareColumns } from './security/ensure-share-columns';
import { FieldTypeRegistry } from './field-types/registry';
import { createApp } from './http/app';
import type { Services } from './http/services';
import { MetadataDocumentValidator } from './metadata/document-validator';
import { MetadataCache } from './metadata/metadata-cache';
import { PgListener } from './db/pg-listener';
import { PrincipalCache } from './security/principal-cache';
import { SecurityCache } from './security/model/security-cache';
import { JobRunner } from './jobs/boss';
import { registerPlatformQueues } from './jobs/platform-queues';

/** A running Tessera process: its services, HTTP server and how to stop it cleanly. */
export interface RunningServer {
  services: Services;
  http: Server;
  port: number;
  close(): Promise<void>;
}

/** Everything but HTTP: database, migrations, registry, metadata cache. */
export async function createServices(config: Config, log: Logger = createLogger(config.logLevel)): Promise<{ services: Services; embedded?: EmbeddedDatabase }> {
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir, log);
  const url = config.databaseUrl ?? embedded!.url;
  const db = createDb(url, Number(process.env.TESSERA_POOL_MAX ?? 10));
  await migrateSystem(db);
  await migrateAllTenants(db);
  const registry = new FieldTypeRegistry();
  const cache = new MetadataCache(db, registry);
  const principals = new PrincipalCache(db);
  const listener = new PgListener(url, log);
  cache.subscribe(listener);
  principals.subscribe(listener);
  const security = new SecurityCache(db);
  security.subscribe(listener);
  await listener.start();
  await ensureAuditTriggers(db, cache, log);
  await ensureShareColumns(db, cache, log);
  const jobs = new JobRunner(url, log);
  return { services: { config, log, db, registry, validator: new MetadataDocumentValidator(registry), cache, principals, security, listener, jobs }, embedded };
}

export async function startServer(config: Config, prepared?: { services: Services; embedded?: EmbeddedDatabase }): Promise<RunningServer> {
  const { services, embedded } = prepared ?? (await createServices(config));
  registerPlatformQueues(services);
  await services.jobs.start();
  const app = createApp(services);
  const http = await new Promise<Server>((resolve, reject) => {
    const srv = app.listen(config.port, () => resolve(srv));
    srv.once('error', reject);
  });
  http.keepAliveTimeout = 65_000;
  const port = (http.address() as { port: number }).port;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeIdleConnections();
      });
      await services.jobs.stop();
      await services.listener.close();
      await services.db.destroy();
      await embedded?.stop();
    })());
  return { services, http, port, close };
}
