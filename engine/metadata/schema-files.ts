import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const schemaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../metadata/schemas');

function read(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(schemaDir, name), 'utf8')) as Record<string, unknown>;
}

/** The metadata JSON Schemas shipped in metadata/schemas. */
export const metadataSchemas = {
  label: read('label.schema.json'),
  longLabel: read('long-label.schema.json'),
  object: read('object.schema.json'),
  valueSet: read('value-set.schema.json'),
};
