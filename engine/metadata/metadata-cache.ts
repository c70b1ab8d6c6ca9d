import pg from 'pg';
import type { Logger } from '../core/logger';
import type { Db } from '../db/knex';
import type { FieldTypeRegistry } from '../field-types/registry';
import { normalizeSnapshot } from './normalize-snapshot';
import { TenantMetadata } from './tenant-metadata';
import { loadLatestVersion } from './version-store';

export const METADATA_CHANNEL = 'tessera_metadata';

/**
 * Published metadata per tenant schema, compiled once per version. Other
 * processes' publishes arrive through LISTEN/NOTIFY and evict the entry.
 */
export class MetadataCache {
  private readonly entries = new Map<string, Promise<TenantMetadata>>();
  private listener?: pg.Client;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly registry: FieldTypeRegistry,
    private readonly log: Logger,
  ) {}

  get(schema: string): Promise<TenantMetadata> {
    let entry = this.entries.get(schema);
    if (!entry) {
      entry = this.load(schema);
      this.entries.set(schema, entry);
      entry.catch(() => this.entries.delete(schema));
    }
    return entry;
  }

  /** Installs a freshly published version without a round trip. */
  put(meta: TenantMetadata): void {
    this.entries.set(meta.schema, Promise.resolve(meta));
  }

  invalidate(schema: string, version?: number): void {
    const entry = this.entries.get(schema);
    if (!entry) return;
    if (version === undefined) {
      this.entries.delete(schema);
      return;
    }
    entry.then((m) => {
      if (m.version < version && this.entries.get(schema) === entry) this.entries.delete(schema);
    }, () => undefined);
  }

  private async load(schema: string): Promise<TenantMetadata> {
    const { version, raw } = await loadLatestVersion(this.db, schema);
    const { snapshot } = normalizeSnapshot(raw, this.registry, version);
    return new TenantMetadata(schema, snapshot, this.registry);
  }

  /** Subscribes to other processes' publishes; reconnects and clears everything on connection loss. */
  async listen(connectionString: string): Promise<void> {
    const client = new pg.Client({ connectionString });
    this.listener = client;
    client.on('notification', (msg) => {
      const [schema, version] = (msg.payload ?? '').split(':');
      if (schema) this.invalidate(schema, Number(version));
    });
    client.on('error', (err) => {
      this.log.warn({ err }, 'metadata listener lost its connection');
      this.entries.clear();
      if (!this.closed) setTimeout(() => void this.listen(connectionString).catch((e) => this.log.error({ err: e }, 'metadata listener reconnect failed')), 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${METADATA_CHANNEL}`);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.listener?.end().catch(() => undefined);
  }
}
