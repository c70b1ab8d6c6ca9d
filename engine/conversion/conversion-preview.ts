import type { RecordContext } from '../records/context';
import { requireRecordId } from '../records/record-id';
import { requireObjectPermission } from '../security/record-access';
import { findDuplicates, type DuplicateMatch } from '../duplicates/find-duplicates';
import type { Label } from '../shared/metadata-types';
import { readConversion, type ConversionRecord } from './converted-records';
import { readSource, requireConversion } from './convert-record';
import { mappedValues } from './mapped-values';

/** One target as the convert page shows it before the user decides. */
export interface TargetPreview {
  key: string;
  object: string;
  label: Label;
  optional: boolean;
  allowExisting: boolean;
  /** Target lookup field → the target key it will point at. */
  links: Record<string, string>;
  /** The target fields the conversion maps (some may have no value for this record). */
  fields: string[];
  /** The mapped values, evaluated on the record as it is now (empty ones left out). */
  values: Record<string, unknown>;
  /** Existing records the target object's duplicate rules match (only where the user may attach one). */
  suggestions: DuplicateMatch[];
}

/** What GET …/convert answers. */
export interface ConversionPreview {
  object: string;
  id: string;
  version: number;
  /** Whether a converted record stays read-only. */
  readOnly: boolean;
  /** The finished conversion, or null when the record has not been converted. */
  converted: ConversionRecord | null;
  /** In the order they are created (empty once converted). */
  targets: TargetPreview[];
}

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
