import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';
import { AppError } from '../core/errors';
import type { FieldTypeRegistry } from '../field-types/registry';
import { compileObject, type CompiledObject } from './compiled-object';
import type { Snapshot } from './snapshot';

// ajv-formats ships CommonJS; its default export is the function under ESM interop.
const addFormats = addFormatsImport as unknown as (ajv: Ajv2020) => Ajv2020;

export function createRecordAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false });
  addFormats(ajv);
  return ajv;
}

/** A tenant's published metadata with lazily compiled per-object artefacts. */
export class TenantMetadata {
  private readonly compiled = new Map<string, CompiledObject>();
  private readonly ajv = createRecordAjv();
  private readonly memo = new Map<string, unknown>();

  constructor(
    readonly schema: string,
    readonly snapshot: Snapshot,
    private readonly registry: FieldTypeRegistry,
  ) {}

  get version(): number {
    return this.snapshot.version;
  }

  /** The compiled object, or 404 OBJECT_NOT_FOUND. */
  object(name: string): CompiledObject {
    let c = this.compiled.get(name);
    if (c) return c;
    const def = this.snapshot.objects.get(name);
    if (!def) throw new AppError('OBJECT_NOT_FOUND', `object "${name}" does not exist`, { object: name });
    c = compileObject(this.schema, def, this.registry, this.ajv, this.snapshot);
    this.compiled.set(name, c);
    return c;
  }

  /** Caches a value derived from this version (e.g. the OpenAPI document). */
  derive<T>(key: string, build: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, build());
    return this.memo.get(key) as T;
  }
}
