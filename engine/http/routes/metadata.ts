import { Router } from 'express';
import { AppError } from '../../core/errors';
import { applyChanges, deleteObject, putObject, putValueSet, restoreVersion } from '../../metadata/object-operations';
import { fieldTypeCatalogue } from '../../field-types/catalogue';
import { listVersions, loadVersion } from '../../metadata/version-store';
import { recomputeRollup } from '../../rollups/recompute-rollup';
import { requireAdmin } from '../middleware/auth';
import { describeForUser, navigationFor } from '../../records/describe-object';
import { metadataContext, principalOf, publishOptions, recordContext } from '../request-context';
import type { Services } from '../services';

const NAME = /^[a-z][a-z0-9_]{0,62}$/;

/** A name from the URL that will become a metadata name: refused early with the schema's code. */
function apiName(name: unknown, what: string): string {
  const n = String(name);
  if (!NAME.test(n)) throw new AppError('METADATA_INVALID', `${what} names match ^[a-z][a-z0-9_]{0,62}$`, { issues: [{ path: '/name', code: 'SCHEMA_PATTERN', message: 'must match ^[a-z][a-z0-9_]{0,62}$' }] });
  return n;
}

function version(v: string): number {
  if (!/^\d{1,9}$/.test(v)) throw new AppError('METADATA_VERSION_NOT_FOUND', `metadata version ${v.slice(0, 20)} does not exist`);
  return Number(v);
}

/** /api/v1/metadata: reads for every user, writes for admins. */
export function metadataRouter(s: Services): Router {
  const r = Router();
  const meta = async (res: Parameters<typeof principalOf>[0]) => s.cache.get(principalOf(res).schema);

  r.get('/objects', async (_req, res) => {
    const m = await meta(res);
    res.json({ version: m.version, objects: Object.values(m.snapshot.raw.objects) });
  });
  r.get('/objects/:name', async (req, res) => {
    const m = await meta(res);
    const raw = m.snapshot.raw.objects[String(req.params.name)];
    if (!raw) throw new AppError('OBJECT_NOT_FOUND', `object "${String(req.params.name).slice(0, 63)}" does not exist`);
    res.json({ version: m.version, object: raw });
  });
  r.get('/navigation', async (req, res) => {
    const ctx = await recordContext(s, req, res);
    res.json({ version: ctx.meta.version, objects: navigationFor(ctx) });
  });
  r.get('/objects/:name/describe', async (req, res) => {
    const ctx = await recordContext(s, req, res);
    res.json(describeForUser(ctx, String(req.params.name)));
  });
  r.get('/objects/:name/schema', async (req, res) => {
    const o = (await meta(res)).object(String(req.params.name));
    res.json(req.query.mode === 'update' ? o.updateSchema : o.createSchema);
  });
  r.put('/objects/:name', requireAdmin, async (req, res) => {
    apiName(req.params.name, 'object');
    res.json(await putObject(metadataContext(s, res), String(req.params.name), req.body, publishOptions(req)));
  });
  r.delete('/objects/:name', requireAdmin, async (req, res) => {
    res.json(await deleteObject(metadataContext(s, res), String(req.params.name), publishOptions(req)));
  });
  r.post('/objects/:name/fields/:field/recompute', requireAdmin, async (req, res) => {
    res.json({ updated: await recomputeRollup(s.db, await meta(res), String(req.params.name), String(req.params.field)) });
  });

  r.post('/changes', requireAdmin, async (req, res) => {
    res.json(await applyChanges(metadataContext(s, res), req.body, publishOptions(req)));
  });
  r.get('/field-types', (_req, res) => {
    res.json({ fieldTypes: fieldTypeCatalogue(s.registry) });
  });

  r.get('/value-sets', async (_req, res) => {
    const m = await meta(res);
    res.json({ version: m.version, valueSets: Object.values(m.snapshot.raw.valueSets) });
  });
  r.get('/value-sets/:name', async (req, res) => {
    const m = await meta(res);
    const vs = m.snapshot.raw.valueSets[String(req.params.name)];
    if (!vs) throw new AppError('VALUE_SET_NOT_FOUND', `value set "${String(req.params.name).slice(0, 63)}" does not exist`);
    res.json({ version: m.version, valueSet: vs });
  });
  r.put('/value-sets/:name', requireAdmin, async (req, res) => {
    apiName(req.params.name, 'value set');
    res.json(await putValueSet(metadataContext(s, res), String(req.params.name), req.body, publishOptions(req)));
  });

  r.get('/versions', async (_req, res) => {
    res.json({ versions: await listVersions(s.db, principalOf(res).schema) });
  });
  r.get('/versions/:v', async (req, res) => {
    const v = version(String(req.params.v));
    const snapshot = await loadVersion(s.db, principalOf(res).schema, v);
    if (!snapshot) throw new AppError('METADATA_VERSION_NOT_FOUND', `metadata version ${v} does not exist`);
    res.json({ version: v, snapshot });
  });
  r.post('/versions/:v/restore', requireAdmin, async (req, res) => {
    res.json(await restoreVersion(metadataContext(s, res), version(String(req.params.v)), publishOptions(req)));
  });
  return r;
}
