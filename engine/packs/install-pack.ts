import { quoteIdent } from '../db/knex';
import { putDefinitions, type MetadataContext } from '../metadata/object-operations';
import type { PublishResult } from '../metadata/publish';
import type { Pack } from './load-pack';

/**
 * Installs (or upgrades in place) a pack's metadata in one publish and, unless
 * told not to, remembers the pack version. Installing the same definitions
 * again publishes nothing.
 */
export async function installPackMetadata(ctx: MetadataContext, pack: Pack, opts: { recordInstall?: boolean } = {}): Promise<PublishResult> {
  const result = await putDefinitions(ctx, { objects: pack.objects, valueSets: pack.valueSets }, `install pack ${pack.name}@${pack.version}`, {});
  if (opts.recordInstall === false) return result;
  await ctx.db.raw(
    `INSERT INTO ${quoteIdent(ctx.schema)}._packs (name, version, metadata_version) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET version = excluded.version, metadata_version = excluded.metadata_version, installed_at = now()`,
    [pack.name, pack.version, result.version],
  );
  return result;
}
