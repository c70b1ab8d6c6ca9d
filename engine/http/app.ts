import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { AppError } from '../core/errors';
import { buildOpenApi } from '../openapi/openapi-document';
import { requireAdmin, requireAuth } from './middleware/auth';
import { requireCsrfToken } from './middleware/csrf';
import { errorHandler } from './middleware/errors';
import { serveUi } from './ui-static';
import { jsonBody, requireJsonContent } from './middleware/json-body';
import { principalOf } from './request-context';
import { adminRouter } from './routes/admin';
import { adminActivityRouter } from './routes/admin-activity';
import { adminLoginsRouter } from './routes/admin-logins';
import { authRouter } from './routes/auth';
import { metadataRouter } from './routes/metadata';
import { meRouter } from './routes/me';
import { notificationsRouter } from './routes/notifications';
import { recordAssignmentRouter } from './routes/record-assignment';
import { searchRouter } from './routes/search';
import { recordHistoryRouter } from './routes/record-history';
import { recordsRouter } from './routes/records';
import { recordConversionRouter } from './routes/record-conversion';
import { recordDuplicatesRouter } from './routes/record-duplicates';
import { recordsBulkRouter } from './routes/records-bulk';
import { recordSharingRouter } from './routes/record-sharing';
import { importsRouter, isImportUpload } from './routes/imports';
import { recordsExportRouter } from './routes/records-export';
import type { Services } from './services';
import { adminWebFormsRouter, PUBLIC_WEB_FORMS_PATH } from '../web-forms/admin-web-forms-router';
import { publicWebFormsRouter } from '../web-forms/public-web-forms-router';

const BODY_LIMIT = '1mb';

/** The Express app: thin routers over the engine, one error answer shape. */
export function createApp(s: Services): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.set('trust proxy', s.config.trustProxy);
  app.use(helmet());
  app.use(cookieParser());

  const api = express.Router();
  // The import upload's body is the CSV file itself.
  api.use((req: Request, res: Response, next: NextFunction) => (isImportUpload(req) ? next() : requireJsonContent(req, res, next)));
  const smallJson = jsonBody(BODY_LIMIT);
  // The bulk route parses its own, larger body.
  const bulkRoute = /^\/records\/[^/]+\/bulk$/;
  api.use((req: Request, res: Response, next: NextFunction) => (req.method === 'POST' && bulkRoute.test(req.path) ? next() : smallJson(req, res, next)));
  api.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  api.use('/auth', authRouter(s));
  api.use(requireAuth(s.db, s.principals, s.log, s.security));
  api.use(requireCsrfToken);
  api.get('/openapi.json', async (_req, res) => {
    const meta = await s.cache.get(principalOf(res).schema);
    res.json(meta.derive('openapi', () => buildOpenApi(meta, s.registry)));
  });
  api.use('/metadata', metadataRouter(s));
  api.use('/me/notifications', notificationsRouter(s));
  api.use('/me', meRouter(s));
  api.use('/search', searchRouter(s));
  api.use('/records', recordHistoryRouter(s));
  api.use('/records', recordSharingRouter(s));
  api.use('/records', recordsBulkRouter(s));
  api.use('/records', importsRouter(s));
  api.use('/records', recordsExportRouter(s));
  api.use('/records', recordAssignmentRouter(s));
  api.use('/records', recordConversionRouter(s));
  api.use('/records', recordDuplicatesRouter(s));
  api.use('/records', recordsRouter(s));
  api.use('/admin/audit/logins', requireAdmin, adminLoginsRouter(s));
  api.use('/admin/audit', requireAdmin, adminActivityRouter(s));
  api.use('/admin/web-forms', adminWebFormsRouter(s));
  api.use('/admin', adminRouter(s));
  api.use((req, _res, next) => next(new AppError('ROUTE_NOT_FOUND', `no route ${req.method} ${req.baseUrl}${req.path}`)));

  // Web-to-lead: cross-site form posts without a session, before the API's JSON-only, signed-in routes.
  app.use(PUBLIC_WEB_FORMS_PATH, publicWebFormsRouter(s));
  app.use('/api/v1', api);
  serveUi(app);
  app.get('/', (_req, res) => {
    res.redirect('/app');
  });
  app.use(errorHandler(s.log));
  return app;
}
