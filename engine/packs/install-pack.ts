import { quoteIdent } from '../db/knex';
import { putDefinitions, type MetadataContext } from '../metadata/object-operations';
import type { PublishResult } from '../metadata/publish';
import type { Pack } from './load-pack';

/** Publishes a pack's metadata (installs or upgrades it in place); publishing the same definitions again changes nothing. */
export function publishPackMetadata(ctx: MetadataContext, pack: Pack): Promise<PublishResult> {
  return putDefinitions(ctx, { objects: pack.objects, valueSets: pack.valueSets }, `install pack ${pack.name}@${pack.version}`, {});
}

/** Remembers that this version of the pack is installed, with the metadata version it published. */
export async function recordPackInstall(ctx: MetadataContext, pack: Pack, metadataVersion: number): Promise<void> {
  await ctx.db.raw(
    `INSERT INTO ${quoteIdent(ctx.schema)}._packs (name, version, metadata_version) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET version = excluded.version, metadata_version = excluded.metadata_version, installed_at = now()`,
    [pack.name, pack.version, metadataVersion],
  );
}
