import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { coreFieldTypes } from './registry';

/** Where each core type's settings schema is published for tools and the designer. */
export const settingsSchemaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../metadata/schemas/field-types');

/** The file content for one type: its settingsSchema with an id and title. */
export function settingsSchemaFile(type: string): string {
  const def = coreFieldTypes[type as keyof typeof coreFieldTypes];
  const doc = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `field-types/${type}.schema.json`,
    title: `Settings (options) of a ${type} field`,
    ...def.settingsSchema,
  };
  return `${JSON.stringify(doc, null, 2).replace('"$ref": "label.schema.json"', '"$ref": "../label.schema.json"')}\n`;
}

/** Writes metadata/schemas/field-types/*.schema.json from the registry (npm run schemas). */
export function writeSettingsSchemaFiles(): string[] {
  fs.mkdirSync(settingsSchemaDir, { recursive: true });
  return Object.keys(coreFieldTypes).map((type) => {
    const file = path.join(settingsSchemaDir, `${type}.schema.json`);
    fs.writeFileSync(file, settingsSchemaFile(type));
    return file;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  for (const f of writeSettingsSchemaFiles()) process.stdout.write(`wrote ${path.relative(process.cwd(), f)}\n`);
}
