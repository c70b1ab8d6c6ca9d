import { createHash } from 'node:crypto';

const short = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 10);

/** Deterministic, collision-safe (≤ 63 chars) names for indexes and constraints. */
export const indexName = (object: string, fields: string[], unique: boolean) =>
  `${unique ? 'ux' : 'ix'}_${object.slice(0, 40)}_${short(`${object}:${fields.join(',')}:${unique}`)}`;

export const foreignKeyName = (object: string, field: string) => `fk_${object.slice(0, 40)}_${short(`${object}.${field}`)}`;

/** Deterministic, so the name a dry-run shows is the name the apply uses (versions are never reused). */
export const trashName = (object: string, field: string | null, version: number) => `_trash_v${version}_${short(`${object}.${field ?? ''}.${version}`)}`;
