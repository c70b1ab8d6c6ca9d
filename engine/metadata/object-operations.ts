import { AppError, type Issue } from '../core/errors';
import type { RawObjectDef, RawSnapshot, RawValueSet } from '../shared/metadata-types';
import type { MetadataDocumentValidator } from './document-validator';
import { publishChange, type PublishContext, type PublishOptions, type PublishResult } from './publish';
import { loadVersion } from './version-store';

/** Publish context plus the structural validator. */
export interface MetadataContext extends PublishContext {
  validator: MetadataDocumentValidator;
}

const invalid = (issues: Issue[]) => new AppError('METADATA_INVALID', 'the metadata does not match its schema', { issues });

/** Issues about the document being written get paths relative to it (/objects/x/fields/0 → /fields/0). */
const relativeTo = (prefix: string) => (issues: Issue[]) =>
  issues.map((i) => (i.path.startsWith(`${prefix}/`) ? { ...i, path: i.path.slice(prefix.length) } : i));

/**
 * A document written to /…/:name: its name defaults to the URL's, it must pass
 * its schema, and a different name in the body is refused.
 */
function namedDocument<T extends { name: string }>(doc: unknown, name: string, validate: (d: unknown) => Issue[]): T {
  if (typeof doc === 'object' && doc !== null && !Array.isArray(doc) && (doc as { name?: unknown }).name === undefined) (doc as { name: string }).name = name;
  const issues = validate(doc);
  if (issues.length) throw invalid(issues);
  const named = doc as T;
  if (named.name !== name) throw invalid([{ path: '/name', code: 'NAME_MISMATCH', message: `the body names "${named.name}" but the URL names "${name}"` }]);
  return named;
}

export async function putObject(ctx: MetadataContext, name: string, doc: unknown, opts: PublishOptions): Promise<PublishResult> {
  const def = namedDocument<RawObjectDef>(doc, name, (d) => ctx.validator.validateObject(d));
  return publishChange(ctx, `put object ${name}`, (raw) => ({ ...raw, objects: { ...raw.objects, [name]: def } }), opts, relativeTo(`/objects/${name}`));
}

export async function deleteObject(ctx: MetadataContext, name: string, opts: PublishOptions): Promise<PublishResult> {
  return publishChange(ctx, `delete object ${name}`, (raw) => {
    if (!raw.objects[name]) throw new AppError('OBJECT_NOT_FOUND', `object "${name}" does not exist`, { object: name });
    const objects = { ...raw.objects };
    delete objects[name];
    return { ...raw, objects };
  }, opts);
}

export async function putValueSet(ctx: MetadataContext, name: string, doc: unknown, opts: PublishOptions): Promise<PublishResult> {
  const set = namedDocument<RawValueSet>(doc, name, (d) => ctx.validator.validateValueSet(d));
  return publishChange(ctx, `put value set ${name}`, (raw) => ({ ...raw, valueSets: { ...raw.valueSets, [name]: set } }), opts, relativeTo(`/valueSets/${name}`));
}

/** Re-plans and applies an earlier version's definitions as a new version. */
export async function restoreVersion(ctx: MetadataContext, version: number, opts: PublishOptions): Promise<PublishResult> {
  const target = await loadVersion(ctx.db, ctx.schema, version);
  if (!target) throw new AppError('METADATA_VERSION_NOT_FOUND', `metadata version ${version} does not exist`, { version });
  return publishChange(ctx, `restore version ${version}`, () => target, opts);
}

/** Installs many definitions in one publish (packs); every document is validated first. */
export async function putDefinitions(ctx: MetadataContext, defs: { objects: unknown[]; valueSets: unknown[] }, summary: string, opts: PublishOptions): Promise<PublishResult> {
  const issues: Issue[] = [];
  defs.valueSets.forEach((vs, i) => issues.push(...ctx.validator.validateValueSet(vs).map((x) => ({ ...x, path: `/valueSets/${i}${x.path}` }))));
  defs.objects.forEach((o, i) => issues.push(...ctx.validator.validateObject(o).map((x) => ({ ...x, path: `/objects/${i}${x.path}` }))));
  if (issues.length) throw invalid(issues);
  return publishChange(ctx, summary, (raw): RawSnapshot => {
    const next = { objects: { ...raw.objects }, valueSets: { ...raw.valueSets } };
    for (const vs of defs.valueSets as RawValueSet[]) next.valueSets[vs.name] = vs;
    for (const o of defs.objects as RawObjectDef[]) next.objects[o.name] = o;
    return next;
  }, opts);
}
