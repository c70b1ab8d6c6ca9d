import { translatePgError } from '../db/pg-errors';
import type { CompiledObject } from '../metadata/compiled-object';

/** Translates a PostgreSQL error, naming the field behind the violated constraint. */
export const pgErrorFor = (obj: CompiledObject, e: unknown, on: 'write' | 'delete' = 'write') =>
  translatePgError(e, (c) => (c ? obj.constraintField.get(c) : undefined), on);
