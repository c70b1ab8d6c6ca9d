import type { FieldTypeDef } from '../types';
import { parseAutonumberFormat } from './format';

/** System-assigned, unique, gap-free numbers such as ACC-2026-0001. */
export const autonumberType: FieldTypeDef = {
  type: 'autonumber',
  settingsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['format'],
    properties: { format: { type: 'string', minLength: 1, maxLength: 60 } },
  },
  normalizeOptions(options) {
    const parsed = parseAutonumberFormat(String(options.format));
    return { options, issues: typeof parsed === 'string' ? [{ path: '/options/format', message: parsed }] : [] };
  },
  columnType: () => 'varchar(100)',
  valueSchema: () => ({ type: 'string' }),
  kind: 'string',
  writable: false,
  searchable: true,
};
