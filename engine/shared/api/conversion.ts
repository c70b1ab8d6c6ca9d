import type { Label } from '../metadata-types';
import type { DuplicateMatch } from './duplicates';

/** One target of a finished conversion: the record it became or was attached to. */
export interface ConvertedTarget {
  object: string;
  id: string;
  /** True when the conversion created it, false when an existing record was attached. */
  created: boolean;
}

/** The outcome of a finished conversion, as stored and as the preview's `converted` answers it. */
export interface ConversionRecord {
  targets: Record<string, ConvertedTarget>;
  convertedBy: string;
  convertedAt: string;
}

/** One target of an object's conversion, as describe (`object.conversion.targets`) and the preview both name it. */
export interface ConversionTargetSummary {
  /** Names the target in links and requests ("account"). */
  key: string;
  object: string;
  label: Label;
  optional: boolean;
  allowExisting: boolean;
  /** Target lookup field → the target key it will point at. */
  links: Record<string, string>;
}

/** One target as the convert page shows it before the user decides. */
export interface TargetPreview extends ConversionTargetSummary {
  /** The target fields the conversion maps (some may have no value for this record). */
  fields: string[];
  /** The mapped values, evaluated on the record as it is now (empty ones left out). */
  values: Record<string, unknown>;
  /** Existing records the target object's duplicate rules match (only where the user may attach one). */
  suggestions: DuplicateMatch[];
}

/** GET /api/v1/records/:object/:id/convert: what converting the record would do, or what it did. */
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

/** What the user chose for one target (POST /api/v1/records/:object/:id/convert, `targets` by key). */
export type TargetChoice = { action: 'create'; values: Record<string, unknown> } | { action: 'existing'; id: string } | { action: 'skip' };

/** POST /api/v1/records/:object/:id/convert: the source record as it now is and what each target became. */
export interface ConversionResult {
  record: Record<string, unknown>;
  targets: Record<string, ConvertedTarget>;
}
