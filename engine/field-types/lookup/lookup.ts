import type { FieldTypeDef } from '../types';

export const ON_DELETE = ['restrict', 'setNull', 'cascade'] as const;
export type OnDelete = (typeof ON_DELETE)[number];

/** A reference to another record: a uuid column with a real foreign key. */
export const lookupType: FieldTypeDef = {
  type: 'lookup',
  settingsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['target'],
    properties: {
      target: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' },
      onDelete: { enum: [...ON_DELETE], default: 'restrict' },
    },
  },
  normalizeOptions(options, ctx) {
    const target = options.target as string;
    const issues = ctx.objectNames.has(target) ? [] : [{ path: '/options/target', message: `lookup target "${target}" is not an object` }];
    return { options: { target, onDelete: (options.onDelete as OnDelete | undefined) ?? 'restrict' }, issues };
  },
  columnType: () => 'uuid',
  valueSchema: () => ({ type: 'string', format: 'uuid' }),
  kind: 'uuid',
  writable: true,
  searchable: false,
};
