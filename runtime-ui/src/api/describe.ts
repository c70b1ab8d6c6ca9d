import type { ListViewVisibility } from '../../../engine/shared/metadata-types';
import type { Label } from '../i18n/i18n';

/** A field as the object's describe gives it (only fields the user may read). */
export interface FieldDef {
  name: string;
  type: string;
  label: Label;
  helpText?: Label;
  required: boolean;
  system: boolean;
  options: Record<string, unknown>;
  defaultValue?: unknown;
  visibleWhen?: unknown;
  requiredWhen?: unknown;
  readOnlyWhen?: unknown;
}

/** How the record page and the form lay an object out: sections of one or two columns, key fields for the header, related lists. */
export interface PageLayout {
  sections: { label: Label; columns: 1 | 2; fields: string[] }[];
  headerFields: string[];
  relatedLists?: { object: string; field: string; label?: Label; columns?: string[] }[];
}

/** GET /metadata/objects/:name/describe: the definition without hidden fields, and the user's access. */
export interface Describe {
  version: number;
  object: {
    name: string;
    label: Label;
    pluralLabel: Label;
    fields: FieldDef[];
    validationRules: { name: string; condition: unknown; message: Label; errorField?: string; active: boolean }[];
    listViews: { name: string; label: Label; filter?: unknown; columns?: string[]; sort?: string[]; visibility?: ListViewVisibility }[];
    sharing: string;
    /** The admin's page layout (fields the user may not read still listed); absent when none was defined. */
    layout?: PageLayout;
  };
  access: { create: boolean; read: boolean; edit: boolean; delete: boolean; viewAll: boolean; modifyAll: boolean; fields: Record<string, 'read' | 'edit'> };
}

export type RecordData = Record<string, unknown> & { id: string; name?: string; version: number };
