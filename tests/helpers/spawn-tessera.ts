import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../engine/core/net';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** A `npm start`-equivalent child process (node --import tsx engine/main.ts). */
export interface TesseraProcess {
  child: ChildProcess;
  port: number;
  output: () => string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts Tessera as a real process and waits (bounded) for its "running" banner. */
export async function spawnTessera(env: Record<string, string | undefined>, timeoutMs = 90_000): Promise<TesseraProcess> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  const child = spawn(process.execPath, ['--import', 'tsx', 'engine/main.ts'], { cwd: repoRoot, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Never leave a half-started server (and its PostgreSQL) behind.
      child.kill('SIGKILL');
      reject(new Error(`Tessera did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const check = () => {
      if (out.includes('Tessera is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Tessera exited with ${code} before starting:\n${out}`));
    });
  });
  return {
    child,
    port,
    output: () => out,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      child.kill(signal);
      return exited;
    },
  };
}
