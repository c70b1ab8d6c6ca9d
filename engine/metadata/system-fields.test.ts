import { describe, expect, it } from 'vitest';
import { BOOKKEEPING_FIELD_NAMES, isSystemFieldName, SYSTEM_FIELD_NAMES, systemFields } from './system-fields';

describe('system fields', () => {
  it('are the named list, in table order, with or without an autonumber name', () => {
    for (const nameField of [undefined, { type: 'autonumber' as const }]) {
      const { head, tail } = systemFields({ name: 'deal', label: 'Deal', fields: [], ...(nameField ? { nameField } : {}) });
      expect([...head, ...tail].map((f) => f.name)).toEqual(SYSTEM_FIELD_NAMES);
    }
  });

  it('only name and owner_id are set by callers; the rest is bookkeeping', () => {
    expect(BOOKKEEPING_FIELD_NAMES).toEqual(['id', 'created_at', 'created_by', 'updated_at', 'updated_by', 'version']);
    expect(isSystemFieldName('owner_id')).toBe(true);
    expect(isSystemFieldName('owner')).toBe(false);
  });
});
