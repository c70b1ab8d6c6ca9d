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

/** GET /metadata/objects/:name/describe: the definition without hidden fields, and the user's access. */
export interface Describe {
  version: number;
  object: {
    name: string;
    label: Label;
    pluralLabel: Label;
    fields: FieldDef[];
    validationRules: { name: string; condition: unknown; message: Label; errorField?: string; active: boolean }[];
    listViews: { name: string; label: Label; filter?: unknown; columns?: string[]; sort?: string[] }[];
    sharing: string;
  };
  access: { create: boolean; read: boolean; edit: boolean; delete: boolean; viewAll: boolean; modifyAll: boolean; fields: Record<string, 'read' | 'edit'> };
}

export type RecordData = Record<string, unknown> & { id: string; name?: string; version: number };
