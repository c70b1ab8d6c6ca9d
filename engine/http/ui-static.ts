import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { AppError } from '../core/errors';

/** Where `npm run build:ui` (and `npm start`, when sources changed) puts the browser apps. */
export const UI_DIR = path.resolve(import.meta.dirname, '../../dist/ui');

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json' };

/** Sends the build's .br or .gz twin of an asset when the browser accepts it. */
function precompressed(assets: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const type = TYPES[path.extname(req.path)];
    const accepts = req.get('accept-encoding') ?? '';
    if (!type || req.path.includes('..')) return next();
    for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']] as const) {
      const file = path.join(assets, `${req.path}${ext}`);
      if (!accepts.includes(encoding) || !existsSync(file)) continue;
      res.set({ 'Content-Type': type, 'Content-Encoding': encoding, Vary: 'Accept-Encoding', 'Cache-Control': 'public, max-age=31536000, immutable' });
      return res.sendFile(file);
    }
    next();
  };
}

/**
 * Serves the built browser apps: hashed assets cached for a year, the
 * runtime UI's index.html for /app and the designer's for /designer, and for
 * every path under them (the apps route in the browser). Without a build, /app says how to make one.
 */
export function serveUi(app: Express, dir = UI_DIR): void {
  const assets = path.join(dir, 'assets');
  app.use('/assets', precompressed(assets), express.static(assets, { immutable: true, maxAge: '365d', index: false }));
  for (const [route, folder] of [['/app', 'runtime-ui'], ['/designer', 'designer']] as const) {
    const index = path.join(dir, folder, 'index.html');
    const page = (_req: Request, res: Response, next: NextFunction) => {
      if (!existsSync(index)) return next(new AppError('ROUTE_NOT_FOUND', 'the web app is not built: run npm run build:ui'));
      res.set('Cache-Control', 'no-cache').sendFile(index);
    };
    app.get(route, page);
    app.get(`${route}/{*rest}`, page);
  }
}
