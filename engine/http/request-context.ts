import type { Request, Response } from 'express';
import { AppError } from '../core/errors';
import type { MetadataContext } from '../metadata/object-operations';
import type { PublishOptions } from '../metadata/publish';
import type { RecordContext } from '../records/context';
import type { WriteOptions } from '../records/write-hooks';
import type { Principal } from '../security/authenticate';
import { pickLocale } from '../shared/labels';
import type { Services } from './services';

/** The authenticated principal the auth middleware put on the response. */
export function principalOf(res: Response): Principal {
  const p = res.locals.principal as Principal | undefined;
  if (!p) throw new AppError('AUTH_REQUIRED', 'sign in first');
  return p;
}

export async function recordContext(s: Services, req: Request, res: Response): Promise<RecordContext> {
  const actor = principalOf(res);
  const [meta, security] = await Promise.all([s.cache.get(actor.schema), s.security.get(actor.schema)]);
  return { db: s.db, meta, registry: s.registry, actor, access: security.accessOf(actor.userId, actor.isAdmin), locale: pickLocale(req.get('accept-language')), log: s.log };
}

export function metadataContext(s: Services, res: Response): MetadataContext {
  const p = principalOf(res);
  return { db: s.db, cache: s.cache, registry: s.registry, validator: s.validator, schema: p.schema, userId: p.userId };
}

const flag = (v: unknown) => v === 'true' || v === '1';

/** `?allowDuplicates=true`: the user saw the possible duplicates a warn rule found and saves anyway. */
export function writeOptions(req: Request): WriteOptions {
  return { allowDuplicates: flag(req.query.allowDuplicates) };
}

export function publishOptions(req: Request): PublishOptions {
  const base = req.query.baseVersion;
  if (base !== undefined && (typeof base !== 'string' || !/^\d+$/.test(base))) throw new AppError('REQUEST_INVALID', 'baseVersion must be a version number');
  const preview = req.query.preview;
  if (preview !== undefined && (typeof preview !== 'string' || !/^[a-z][a-z0-9_]{0,62}(,[a-z][a-z0-9_]{0,62}){0,49}$/.test(preview))) {
    throw new AppError('REQUEST_INVALID', 'preview is a comma-separated list of at most 50 object names');
  }
  return {
    dryRun: flag(req.query.dryRun),
    confirm: flag(req.query.confirm),
    ...(base !== undefined ? { baseVersion: Number(base) } : {}),
    ...(preview !== undefined ? { preview: preview.split(',') } : {}),
  };
}
