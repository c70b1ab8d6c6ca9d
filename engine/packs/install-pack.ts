import { quoteIdent } from '../db/knex';
import { putDefinitions, type MetadataContext } from '../metadata/object-operations';
import type { PublishResult } from '../metadata/publish';
import type { Pack } from './load-pack';

/** Installs (or upgrades in place) a pack's metadata in one publish and remembers the pack version. */
export async function installPackMetadata(ctx: MetadataContext, pack: Pack): Promise<PublishResult> {
  const result = await putDefinitions(ctx, { objects: pack.objects, valueSets: pack.valueSets }, `install pack ${pack.name}@${pack.version}`, {});
  await ctx.db.raw(
    `INSERT INTO ${quoteIdent(ctx.schema)}._packs (name, version, metadata_version) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET version = excluded.version, metadata_version = excluded.metadata_version, installed_at = now()`,
    [pack.name, pack.version, result.version],
  );
  return result;
}
