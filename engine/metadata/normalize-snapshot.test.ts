import { describe, expect, it } from 'vitest';
import { FieldTypeRegistry } from '../field-types/registry';
import type { RawSnapshot } from '../shared/metadata-types';
import { MetadataDocumentValidator } from './document-validator';
import { normalizeSnapshot } from './normalize-snapshot';

const registry = new FieldTypeRegistry();
const validator = new MetadataDocumentValidator(registry);

describe('metadata validation', () => {
  it('fills in labels per locale, system fields and type defaults', () => {
    const raw: RawSnapshot = { objects: { account: { name: 'account', label: '客户', fields: [{ name: 'note', type: 'text', label: { en: 'Note' } }] } }, valueSets: {} };
    const { snapshot, issues } = normalizeSnapshot(raw, registry, 1);
    expect(issues).toEqual([]);
    const obj = snapshot.objects.get('account')!;
    expect(obj.label).toEqual({ en: '客户', 'zh-CN': '客户' });
    expect(obj.fields.map((f) => f.name)).toEqual(['id', 'name', 'owner_id', 'note', 'created_at', 'created_by', 'updated_at', 'updated_by', 'version']);
    expect(obj.fields[3]).toMatchObject({ label: { en: 'Note', 'zh-CN': 'Note' }, options: { maxLength: 255 }, required: false });
  });

  it('reports structural problems with the JSON path of the bad node', () => {
    expect(validator.validateObject({ name: 'Bad-Name', label: 'x', fields: [] })).toEqual([expect.objectContaining({ path: '/name', code: 'SCHEMA_PATTERN' })]);
    expect(validator.validateObject({ name: 'a', label: 'x', fields: [{ name: 'n', type: 'text', label: 'N', options: { maxLength: 0 } }] })).toEqual([
      expect.objectContaining({ path: '/fields/0/options/maxLength', code: 'SCHEMA_MINIMUM' }),
    ]);
    expect(validator.validateObject({ name: 'a', label: 'x', fields: [{ name: 'n', type: 'hologram', label: 'N' }] })).toEqual([
      expect.objectContaining({ path: '/fields/0/type', code: 'UNKNOWN_FIELD_TYPE' }),
    ]);
    expect(validator.validateObject({ name: 'a', label: 'x', fields: [], colour: 'red' })).toEqual([expect.objectContaining({ path: '/colour', code: 'SCHEMA_ADDITIONALPROPERTIES' })]);
  });

  it('reports semantic problems: reserved words, system fields, duplicates, dangling references', () => {
    const raw: RawSnapshot = {
      objects: {
        select: { name: 'select', label: 'S', fields: [] },
        a: {
          name: 'a',
          label: 'A',
          fields: [
            { name: 'created_at', type: 'text', label: 'x' },
            { name: 'dup', type: 'text', label: 'x' },
            { name: 'dup', type: 'text', label: 'x' },
            { name: 'ref', type: 'lookup', label: 'x', options: { target: 'missing' } },
            { name: 'pick', type: 'picklist', label: 'x', options: { valueSet: 'nope' } },
            { name: 'amount', type: 'number', label: 'x', options: { precision: 4, scale: 6 } },
          ],
        },
      },
      valueSets: {},
    };
    const { issues } = normalizeSnapshot(raw, registry, 1);
    expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual([
      '/objects/select/name RESERVED_WORD',
      '/objects/a/fields/0/name SYSTEM_FIELD',
      '/objects/a/fields/2/name DUPLICATE_FIELD',
      '/objects/a/fields/3/options/target INVALID_SETTING',
      '/objects/a/fields/4/options/valueSet INVALID_SETTING',
      '/objects/a/fields/5/options/scale INVALID_SETTING',
    ]);
  });
});
