import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A metadata pack as read from disk: plain JSON files listed by pack.json. */
export interface Pack {
  name: string;
  version: string;
  objects: unknown[];
  valueSets: unknown[];
  demoData: { object: string; records: Record<string, unknown>[] }[];
}

interface PackManifest {
  name: string;
  version: string;
  objects?: string[];
  valueSets?: string[];
  demoData?: string[];
}

export const packsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../metadata/packs');

export function loadPack(dir: string): Pack {
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const manifest = read('pack.json') as PackManifest;
  return {
    name: manifest.name,
    version: manifest.version,
    objects: (manifest.objects ?? []).map(read),
    valueSets: (manifest.valueSets ?? []).map(read),
    demoData: (manifest.demoData ?? []).map(read),
  };
}
