import { Router, type Request, type Response } from 'express';
import { AppError } from '../core/errors';
import { requireAdmin } from '../http/middleware/auth';
import { principalOf } from '../http/request-context';
import type { Services } from '../http/services';
import type { WebForm, WebFormHtml, WebFormInput, WebFormWithKey } from '../shared/api/web-forms';
import { pickLocale } from '../shared/labels';
import { LOCALES, type Locale } from '../shared/metadata-types';
import { honeypotName } from './honeypot';
import { validateWebForm, type WebFormCheckContext } from './validate-web-form';
import { webFormHtml } from './web-form-html';
import { formKeyHash, formKeyMatches, newFormKey } from './web-form-key';
import { deleteWebForm, getWebForm, insertWebForm, listWebForms, setWebFormKey, updateWebForm, webFormKeyHash } from './web-form-store';

/** The public endpoint a form posts to, under the address the admin reached the server by. */
export const PUBLIC_WEB_FORMS_PATH = '/api/v1/public/web-forms';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;

/** https://<host>/api/v1/public/web-forms/<id>; plain http only when the admin works on this machine (development). */
export function formAction(req: Request, id: string): string {
  const host = req.get('host') ?? 'localhost';
  const scheme = req.secure || !LOOPBACK.test(host) ? 'https' : 'http';
  return `${scheme}://${host}${PUBLIC_WEB_FORMS_PATH}/${id}`;
}

async function checkContext(s: Services, res: Response): Promise<WebFormCheckContext> {
  const p = principalOf(res);
  const [meta, security] = await Promise.all([s.cache.get(p.schema), s.security.get(p.schema)]);
  return { db: s.db, tenantId: p.tenantId, meta, security };
}

const settingsOf = (f: WebForm): WebFormInput => ({ name: f.name, object: f.object, fields: f.fields, ownerId: f.ownerId, successUrl: f.successUrl, active: f.active });

function localeParam(req: Request): Locale {
  const v = req.query.locale;
  if (v === undefined) return pickLocale(req.get('accept-language'));
  if (typeof v !== 'string' || !(LOCALES as readonly string[]).includes(v)) throw new AppError('QUERY_INVALID_PARAMETER', '"locale" is en or zh-CN', { parameter: 'locale' });
  return v as Locale;
}

/** /api/v1/admin/web-forms: web-to-lead forms (admins only). The key is answered only on create and rotate-key. */
export function adminWebFormsRouter(s: Services): Router {
  const r = Router();
  r.use(requireAdmin);
  r.get('/', async (_req, res) => {
    res.json({ webForms: await listWebForms(s.db, principalOf(res).tenantId) });
  });
  r.post('/', async (req, res) => {
    const ctx = await checkContext(s, res);
    const input = await validateWebForm(ctx, req.body);
    const key = newFormKey();
    const honeypot = honeypotName(ctx.meta.object(input.object).fields.keys());
    const form = await insertWebForm(s.db, ctx.tenantId, principalOf(res).userId, input, honeypot, formKeyHash(key));
    res.status(201).json({ ...form, key } satisfies WebFormWithKey);
  });
  r.get('/:id', async (req, res) => {
    res.json(await getWebForm(s.db, principalOf(res).tenantId, req.params.id));
  });
  r.patch('/:id', async (req, res) => {
    const ctx = await checkContext(s, res);
    const stored = await getWebForm(s.db, ctx.tenantId, req.params.id);
    const input = await validateWebForm(ctx, req.body, settingsOf(stored));
    const fields = ctx.meta.object(input.object).fields;
    const honeypot = input.object === stored.object && !fields.has(stored.honeypot) ? stored.honeypot : honeypotName(fields.keys());
    res.json(await updateWebForm(s.db, ctx.tenantId, stored.id, input, honeypot));
  });
  r.delete('/:id', async (req, res) => {
    await deleteWebForm(s.db, principalOf(res).tenantId, req.params.id);
    res.status(204).end();
  });
  r.post('/:id/rotate-key', async (req, res) => {
    const key = newFormKey();
    const form = await setWebFormKey(s.db, principalOf(res).tenantId, req.params.id, formKeyHash(key));
    res.json({ ...form, key } satisfies WebFormWithKey);
  });
  r.get('/:id/html', async (req, res) => {
    const p = principalOf(res);
    const form = await getWebForm(s.db, p.tenantId, req.params.id);
    const locale = localeParam(req);
    const key = req.query.key;
    if (key !== undefined && (typeof key !== 'string' || !formKeyMatches(key, await webFormKeyHash(s.db, p.tenantId, form.id)))) {
      throw new AppError('WEB_FORM_KEY_INVALID', 'that is not the current key of this form (rotate the key to get a new one)');
    }
    const meta = await s.cache.get(p.schema);
    if (!meta.snapshot.objects.has(form.object)) throw new AppError('OBJECT_NOT_FOUND', `object "${form.object}" does not exist`, { object: form.object });
    const action = formAction(req, form.id);
    res.json({ html: webFormHtml(meta.object(form.object), s.registry, form, { action, locale, ...(typeof key === 'string' ? { key } : {}) }), action, locale, keyIncluded: typeof key === 'string' } satisfies WebFormHtml);
  });
  return r;
}
