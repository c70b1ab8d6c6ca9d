import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { AppError, isAppError, type Issue } from '../core/errors';
import type { Services } from '../http/services';
import { pickLocale } from '../shared/labels';
import { errorPage, thankYouPage } from './public-pages';
import { submitWebForm } from './submit-web-form';
import { KEY_HEADER } from './web-form-key';
import { webFormLimits, webFormRateLimits, type WebFormLimits } from './web-form-rate-limit';
import { findActiveWebForm } from './web-form-store';
import { formLabel, type PublicWebForm } from './web-form-types';

const BODY_LIMIT = '64kb';

/**
 * Any site may post to a form (that is what it is for) and may read the
 * answer of a JSON post: no cookies are read or set here, so allowing every
 * origin opens nothing. The rest of the API sends no CORS headers.
 */
function crossOrigin(_req: Request, res: Response, next: NextFunction) {
  res.set({ 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' });
  next();
}

/** A browser's preflight before a cross-site JSON post. */
function preflight(_req: Request, res: Response) {
  res.set({ 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': `content-type, ${KEY_HEADER}`, 'Access-Control-Max-Age': '600' });
  res.status(204).end();
}

/** Form data (what an HTML form posts) or JSON; anything else with a body is refused before parsing. */
function formOrJsonContent(req: Request, _res: Response, next: NextFunction) {
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  next(hasBody && !req.is(['application/x-www-form-urlencoded', 'application/json']) ? new AppError('REQUEST_UNSUPPORTED_MEDIA_TYPE', 'send the form as application/x-www-form-urlencoded or application/json') : undefined);
}

const isJson = (req: Request) => !!req.is('application/json');

/** The form by its id alone; unknown, inactive, or with an owner who can no longer sign in: 404. */
function loadForm(s: Services) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const form = await findActiveWebForm(s.db, String(req.params.id));
    if (!form || !form.ownerActive) {
      if (form) s.log.warn({ webForm: form.id, tenantId: form.tenantId }, 'web form refused a submission: its owner is inactive');
      return next(new AppError('WEB_FORM_NOT_FOUND', 'no such web form, or it no longer accepts submissions'));
    }
    res.locals.webForm = form;
    next();
  };
}

/** Body parser failures → our codes (the same mapping as the API's error handler). */
function asAppError(err: unknown): AppError | undefined {
  if (isAppError(err)) return err;
  const type = (err as { type?: string }).type;
  if (type === 'entity.too.large') return new AppError('REQUEST_TOO_LARGE', 'the form is too large');
  if (type === 'entity.parse.failed') return new AppError('REQUEST_MALFORMED_JSON', 'the request body is not valid JSON');
  if (type) return new AppError('REQUEST_INVALID', 'the form could not be read');
  return undefined;
}

/** What a stranger may learn from a refusal: field problems and when to retry, never the organisation's records (a duplicate's matches). */
function publicDetails(e: AppError): { message: string; details?: Record<string, unknown>; explainAs: string; issues: Issue[] } {
  if (e.status === 409) return { message: 'a record with these details already exists', explainAs: 'DUPLICATE', issues: [] };
  const issues = ((e.details?.issues as Issue[] | undefined) ?? []).map((i) => ({ path: i.path, code: i.code, message: i.message }));
  if (e.code === 'RECORD_VALIDATION_FAILED' || e.code === 'RECORD_RULE_VIOLATION') return { message: e.message, details: { issues }, explainAs: e.code, issues };
  if (e.code === 'WEB_FORM_RATE_LIMITED') return { message: e.message, ...(e.details ? { details: e.details } : {}), explainAs: e.code, issues: [] };
  return { message: e.message, explainAs: e.code, issues: [] };
}

/** "公司名称 / Company" for an issue's path, from the form's own labels. */
async function labelsOf(s: Services, form: PublicWebForm | undefined): Promise<(path: string) => string> {
  if (!form) return (p) => p.replace(/^\//, '');
  const meta = await s.cache.get(form.schema).catch(() => undefined);
  const obj = meta?.snapshot.objects.has(form.object) ? meta.object(form.object) : undefined;
  return (path) => {
    const name = path.replace(/^\//, '').split('/')[0]!;
    const f = form.fields.find((x) => x.field === name);
    const label = obj?.fields.get(name)?.label;
    if (!f || !label) return name;
    const [zh, en] = [formLabel(f, label, 'zh-CN'), formLabel(f, label, 'en')];
    return zh === en ? zh : `${zh} / ${en}`;
  };
}

/** Refusals: JSON posts get the API's error shape, form posts a small bilingual page with the same status. */
function publicErrors(s: Services) {
  return async (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    let e = asAppError(err);
    if (!e) {
      s.log.error({ err, url: req.originalUrl }, 'web form submission failed');
      e = new AppError('INTERNAL', 'an internal error occurred');
    }
    const shown = publicDetails(e);
    const retry = shown.details?.retryAfterSeconds;
    if (typeof retry === 'number') res.set('Retry-After', String(retry));
    if (isJson(req)) {
      res.status(e.status).json({ error: { code: e.code, message: shown.message, ...(shown.details ? { details: shown.details } : {}) } });
      return;
    }
    const labelOf = await labelsOf(s, res.locals.webForm as PublicWebForm | undefined);
    res.status(e.status).type('html').send(errorPage(e.code, shown.explainAs, shown.issues, labelOf));
  };
}

/**
 * /api/v1/public/web-forms/:id — no session, no CSRF token (nothing here
 * reads a cookie): the form's key, the rate limits and the honeypot protect it.
 * Success: JSON 201 {id}; a form post 303 to the form's success address or
 * a thank-you page. A filled honeypot gets the same answer and creates nothing.
 */
export function publicWebFormsRouter(s: Services, limits: WebFormLimits = webFormLimits()): Router {
  const r = Router();
  r.use(crossOrigin);
  r.options('/:id', preflight);
  r.post(
    '/:id',
    formOrJsonContent,
    express.urlencoded({ extended: false, limit: BODY_LIMIT, parameterLimit: 200 }),
    express.json({ limit: BODY_LIMIT, strict: true }),
    loadForm(s),
    ...webFormRateLimits(s.db, limits),
    async (req: Request, res: Response) => {
      const form = res.locals.webForm as PublicWebForm;
      const body = typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
      const outcome = await submitWebForm(s, form, body, { ...(req.ip ? { ip: req.ip } : {}), ...(req.get(KEY_HEADER) ? { keyHeader: req.get(KEY_HEADER) } : {}), locale: pickLocale(req.get('accept-language')) });
      if (isJson(req)) res.status(201).json({ id: outcome.id });
      else if (form.successUrl) res.redirect(303, form.successUrl);
      else res.status(200).type('html').send(thankYouPage());
    },
  );
  r.use(publicErrors(s));
  return r;
}
