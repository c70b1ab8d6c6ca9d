import type { Server } from 'node:http';
/** Helpers for the server entry points the orchestrator starts as child processes. */

export function requiredEnv(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} must be set (this file is started by bench/run.ts)`);
  return v;
}

/** The one line the parent waits for. */
export function announcePort(port: number): void {
  process.stdout.write(`${JSON.stringify({ port })}\n`);
}

/** Closes and exits on SIGTERM/SIGINT, or when the parent goes away (stdin closes). */
export function exitOnShutdown(close: () => Promise<void>): void {
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    const force = setTimeout(() => process.exit(0), 5_000);
    force.unref();
    close()
      .catch(() => undefined)
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
}

/** Serves an app on a free port as a bench child: keep-alive, clean shutdown (server, then pool), port announced. */
export async function serveBenchChild(app: { listen(port: number, cb: () => void): Server }, pool: { end(): Promise<void> }): Promise<void> {
  const server = await new Promise<Server>((resolve, reject) => {
    const srv = app.listen(0, () => resolve(srv));
    srv.once('error', reject);
  });
  server.keepAliveTimeout = 65_000;
  exitOnShutdown(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    await pool.end();
  });
  announcePort((server.address() as { port: number }).port);
}
