import type { Db } from '../db/knex';
import type { PgListener } from '../db/pg-listener';
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

  constructor(
    private readonly db: Db,
    private readonly registry: FieldTypeRegistry,
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

  /** Evicts entries when another process publishes; clears everything when notifications may have been missed. */
  subscribe(listener: PgListener): void {
    listener.on(
      METADATA_CHANNEL,
      (payload) => {
        const [schema, version] = payload.split(':');
        if (schema) this.invalidate(schema, Number(version));
      },
      () => this.entries.clear(),
    );
  }

}
