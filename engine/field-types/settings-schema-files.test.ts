import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreFieldTypes } from './registry';
import { settingsSchemaDir, settingsSchemaFile } from './settings-schema-files';

describe('metadata/schemas/field-types', () => {
  it.each(Object.keys(coreFieldTypes))('%s.schema.json matches the registry (run `npm run schemas` after changing a type)', (type) => {
    expect(fs.readFileSync(path.join(settingsSchemaDir, `${type}.schema.json`), 'utf8')).toBe(settingsSchemaFile(type));
  });
});
