import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { AppError } from '../core/errors';

/** Where `npm run build:ui` (and `npm start`, when sources changed) puts the browser apps. */
export const UI_DIR = path.resolve(import.meta.dirname, '../../dist/ui');

/**
 * Serves the built browser apps: hashed assets cached for a year, and the
 * runtime UI's index.html for /app and every path under it (the app routes
 * in the browser). Without a build, /app says how to make one.
 */
export function serveUi(app: Express, dir = UI_DIR): void {
  app.use('/assets', express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false }));
  const index = path.join(dir, 'runtime-ui', 'index.html');
  const page = (_req: Request, res: Response, next: NextFunction) => {
    if (!existsSync(index)) return next(new AppError('ROUTE_NOT_FOUND', 'the web app is not built: run npm run build:ui'));
    res.set('Cache-Control', 'no-cache').sendFile(index);
  };
  app.get('/app', page);
  app.get('/app/{*rest}', page);
}
