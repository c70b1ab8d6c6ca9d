import type { FieldTypeDef } from './types';

const none = { type: 'object', additionalProperties: false, properties: {} };
const base = {
  settingsSchema: none,
  normalizeOptions: (options: Record<string, unknown>) => ({ options, issues: [] }),
  columnType: () => 'uuid',
  valueSchema: () => ({ type: 'string', format: 'uuid' }),
  kind: 'uuid' as const,
  searchable: false,
};

/** Types only the engine's system fields use; admins cannot pick them. */
export const systemFieldTypes: Record<'id' | 'user', FieldTypeDef> = {
  /** The record's primary key. */
  id: { ...base, type: 'id', writable: false },
  /** A reference to a Tessera user (owner, creator, last modifier). */
  user: { ...base, type: 'user', writable: true },
};
