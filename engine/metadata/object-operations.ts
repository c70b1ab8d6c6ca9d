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

/** A changeset: several objects and value sets written, and objects deleted, as one version (the designer's draft). */
export interface MetadataChanges {
  objects?: Record<string, unknown>;
  valueSets?: Record<string, unknown>;
  deleteObjects?: string[];
  summary?: string;
}

const CHANGE_KEYS = new Set(['objects', 'valueSets', 'deleteObjects', 'summary']);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The body's shape (what each document holds is checked against its schema next). */
function changesOf(body: unknown): Required<Omit<MetadataChanges, 'summary'>> & { summary?: string } {
  const bad = (path: string, message: string) => invalid([{ path, code: 'SCHEMA_TYPE', message }]);
  if (!isRecord(body)) throw bad('/', 'the body is an object with objects, valueSets, deleteObjects and summary');
  const extra = Object.keys(body).find((k) => !CHANGE_KEYS.has(k));
  if (extra) throw invalid([{ path: `/${extra}`, code: 'SCHEMA_ADDITIONALPROPERTIES', message: `unknown key "${extra.slice(0, 40)}"` }]);
  const { objects = {}, valueSets = {}, deleteObjects = [], summary } = body;
  if (!isRecord(objects)) throw bad('/objects', 'objects maps object names to definitions');
  if (!isRecord(valueSets)) throw bad('/valueSets', 'valueSets maps value set names to definitions');
  if (!Array.isArray(deleteObjects) || !deleteObjects.every((n) => typeof n === 'string')) throw bad('/deleteObjects', 'deleteObjects is a list of object names');
  if (summary !== undefined && (typeof summary !== 'string' || summary.length > 500)) throw bad('/summary', 'summary is a text of at most 500 characters');
  const both = deleteObjects.find((n) => n in objects);
  if (both) throw invalid([{ path: `/deleteObjects/${deleteObjects.indexOf(both)}`, code: 'CHANGE_CONFLICT', message: `"${both.slice(0, 63)}" is both written and deleted` }]);
  if (Object.keys(objects).length + Object.keys(valueSets).length + deleteObjects.length > 500) throw bad('/', 'a changeset holds at most 500 documents');
  return { objects, valueSets, deleteObjects: deleteObjects as string[], ...(summary !== undefined ? { summary: summary as string } : {}) };
}

/** What a changeset did, for the version history: "objects deal, lead; value sets stage; deleted gadget". */
function changeSummary(c: { objects: Record<string, unknown>; valueSets: Record<string, unknown>; deleteObjects: string[] }): string {
  const parts = [
    Object.keys(c.objects).length ? `objects ${Object.keys(c.objects).join(', ')}` : '',
    Object.keys(c.valueSets).length ? `value sets ${Object.keys(c.valueSets).join(', ')}` : '',
    c.deleteObjects.length ? `deleted ${c.deleteObjects.join(', ')}` : '',
  ].filter(Boolean);
  return `changes: ${parts.join('; ') || 'none'}`.slice(0, 500);
}

/**
 * Publishes a changeset as one version: every document validated (issue paths
 * /objects/<name>/… and /valueSets/<name>/…, as in the whole snapshot), then
 * one plan over all of it, all or nothing.
 */
export async function applyChanges(ctx: MetadataContext, body: unknown, opts: PublishOptions): Promise<PublishResult> {
  const c = changesOf(body);
  const issues: Issue[] = [];
  const named = <T extends { name: string }>(kind: 'objects' | 'valueSets', validate: (d: unknown) => Issue[]) =>
    Object.entries(c[kind]).map(([name, doc]) => {
      try {
        return namedDocument<T>(doc, name, validate);
      } catch (e) {
        if (e instanceof AppError) issues.push(...((e.details?.issues as Issue[] | undefined) ?? []).map((i) => ({ ...i, path: `/${kind}/${name}${i.path === '/' ? '' : i.path}` })));
        return undefined;
      }
    });
  const objects = named<RawObjectDef>('objects', (d) => ctx.validator.validateObject(d));
  const valueSets = named<RawValueSet>('valueSets', (d) => ctx.validator.validateValueSet(d));
  if (issues.length) throw invalid(issues);
  return publishChange(ctx, c.summary ?? changeSummary(c), (raw): RawSnapshot => {
    const next = { objects: { ...raw.objects }, valueSets: { ...raw.valueSets } };
    c.deleteObjects.forEach((name, i) => {
      if (!next.objects[name]) throw new AppError('OBJECT_NOT_FOUND', `object "${name.slice(0, 63)}" does not exist`, { object: name, path: `/deleteObjects/${i}` });
      delete next.objects[name];
    });
    for (const vs of valueSets) next.valueSets[vs!.name] = vs!;
    for (const o of objects) next.objects[o!.name] = o!;
    return next;
  }, opts);
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
