import type { RecordContext } from '../records/context';
import { requireRecordId } from '../records/record-id';
import { requireObjectPermission } from '../security/record-access';
import { findDuplicates } from '../duplicates/find-duplicates';
import type { ConversionPreview, TargetPreview } from '../shared/api/conversion';
import { readConversion } from './converted-records';
import { readSource, requireConversion } from './convert-record';
import { mappedValues } from './mapped-values';

/**
 * The convert page's starting point: each target's mapped values and the
 * existing records its duplicate rules suggest, for a record the user may
 * read; once converted, what it became. `summary` answers only whether
 * (and into what) it was converted.
 */
export async function previewConversion(ctx: RecordContext, objectName: string, id: string, opts: { summary?: boolean } = {}): Promise<ConversionPreview> {
  const obj = ctx.meta.object(objectName);
  requireObjectPermission(ctx.access, objectName, 'read');
  const recordId = requireRecordId(id);
  const prepared = requireConversion(ctx, obj);
  const source = await readSource(ctx, obj, recordId);
  const converted = (await readConversion(ctx.db, obj.schema, objectName, recordId)) ?? null;
  const base = { object: objectName, id: recordId, version: source.version as number, readOnly: prepared.readOnly, converted };
  // A summary (the record page asking whether to offer Convert) skips the mappings and the duplicate search.
  if (converted || opts.summary) return { ...base, targets: [] };
  const mapped = await mappedValues(ctx, obj, prepared, source);
  const targets = await Promise.all(
    prepared.targets.map(async (t): Promise<TargetPreview> => {
      const values = mapped.targets[t.key]!;
      const suggestions = t.allowExisting && ctx.access.object(t.object).read ? await findDuplicates(ctx, t.object, values) : [];
      return { key: t.key, object: t.object, label: t.label, optional: t.optional, allowExisting: t.allowExisting, links: t.links, fields: t.fields.map(([name]) => name), values, suggestions };
    }),
  );
  return { ...base, targets };
}
