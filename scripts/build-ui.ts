import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import path from 'node:path';
import { build } from 'vite';

/**
 * Builds the browser apps into dist/ui unless the build is newer than every
 * source file (so `npm start` and the e2e tests only pay for a build when
 * something changed). `--force` always builds.
 */
const root = path.resolve(import.meta.dirname, '..');
const stamp = path.join(root, 'dist/ui/.built');
const sources = ['runtime-ui', 'designer', 'engine/shared', 'vite.config.ts', 'package-lock.json', 'scripts/build-ui.ts'].map((p) => path.join(root, p));

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(p).map((e) => newest(path.join(p, e))));
}

/** Writes .br and .gz beside each script and style sheet, so the server sends them compressed at no CPU cost per request. */
function precompress(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (!/\.(js|css|svg|json)$/.test(name)) continue;
    const data = readFileSync(path.join(dir, name));
    writeFileSync(path.join(dir, `${name}.gz`), gzipSync(data, { level: 9 }));
    writeFileSync(path.join(dir, `${name}.br`), brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
}

export async function buildUi(force = false): Promise<boolean> {
  if (!force && existsSync(stamp) && statSync(stamp).mtimeMs >= Math.max(...sources.map(newest))) return false;
  // Always React's production build, also when vitest (NODE_ENV=test) asks for it: the JSX transform and React follow NODE_ENV.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  precompress(path.join(root, 'dist/ui/assets'));
  writeFileSync(stamp, new Date().toISOString());
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const built = await buildUi(process.argv.includes('--force'));
  process.stdout.write(built ? 'ui: built dist/ui\n' : 'ui: dist/ui is up to date\n');
}
