import http from 'node:http';
import { cpuSince, cpuSnapshot } from './cpu-usage';
import { mergeLoads, type LoadResult, type RawLoad } from './load-result';

export type { LoadResult, RawLoad } from './load-result';

/** One request, prepared before the clock starts (bodies are pre-serialized). */
export interface PreparedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
}

export interface LoadOptions {
  port: number;
  concurrency: number;
  /** Requests sent and thrown away first (JIT, pool and connection warm-up). */
  warmupMs: number;
  /** The measured phase ends at this time or after maxRequests, whichever comes first. */
  durationMs: number;
  maxRequests: number;
  expectStatus: number;
  /** Request number i (warm-up and measured requests share one sequence). */
  request: (i: number) => PreparedRequest;
  timeoutMs?: number;
  /** The server's pid, to measure its CPU time (and PostgreSQL's, and ours) over the measured phase. */
  serverPid?: number;
}

export interface Answer {
  status: number;
  body: Buffer;
}

const HOST = '127.0.0.1';
/** A phase stops early once this many requests failed. */
const MAX_ERRORS = 100;

function send(agent: http.Agent | undefined, port: number, req: PreparedRequest, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...req.headers };
    if (req.body) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(req.body.length);
    }
    const r = http.request({ host: HOST, port, method: req.method, path: req.path, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    r.on('error', reject);
    r.setTimeout(timeoutMs, () => r.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    r.end(req.body);
  });
}

/** One request on a fresh connection, for sanity checks before and after a load. */
export const sendOnce = (port: number, req: PreparedRequest, timeoutMs = 60_000) => send(undefined, port, req, timeoutMs);

interface PhaseResult {
  ok: number;
  errors: number;
  firstError?: string;
  sent: number;
  elapsedMs: number;
}

async function phase(agent: http.Agent, o: LoadOptions, first: number, ms: number, max: number, latencies?: Float64Array): Promise<PhaseResult> {
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(ms) * 1_000_000n;
  const timeoutMs = o.timeoutMs ?? 30_000;
  const r: PhaseResult = { ok: 0, errors: 0, sent: 0, elapsedMs: 0 };
  const worker = async () => {
    while (r.sent < max && r.errors < MAX_ERRORS && process.hrtime.bigint() < deadline) {
      const req = o.request(first + r.sent++);
      const t0 = process.hrtime.bigint();
      try {
        const res = await send(agent, o.port, req, timeoutMs);
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (res.status === o.expectStatus) {
          if (latencies) latencies[r.ok] = ms;
          r.ok++;
        } else {
          r.errors++;
          r.firstError ??= `HTTP ${res.status}: ${res.body.toString('utf8').slice(0, 300)}`;
        }
      } catch (e) {
        r.errors++;
        r.firstError ??= String(e);
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  r.elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
  return r;
}

/**
 * A closed-loop load: `concurrency` workers on a keep-alive agent with as many
 * sockets, each sending its next request when the last one answered. Latency is
 * from request start to the last byte of the answer.
 */
export async function runLoadRaw(o: LoadOptions): Promise<RawLoad> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency });
  try {
    const warm = o.warmupMs > 0 ? await phase(agent, o, 0, o.warmupMs, Number.MAX_SAFE_INTEGER) : undefined;
    if (warm && warm.errors) throw new Error(`warm-up failed (${warm.errors} errors): ${warm.firstError}`);
    const latencies = new Float64Array(o.maxRequests);
    const cpuBefore = o.serverPid ? cpuSnapshot(o.serverPid) : undefined;
    const m = await phase(agent, o, warm?.sent ?? 0, o.durationMs, o.maxRequests, latencies);
    const cpuMs = cpuBefore && o.serverPid ? cpuSince(cpuBefore, cpuSnapshot(o.serverPid)) : undefined;
    return {
      concurrency: o.concurrency,
      ok: m.ok,
      errors: m.errors,
      ...(m.firstError ? { firstError: m.firstError } : {}),
      warmupRequests: warm?.sent ?? 0,
      elapsedMs: m.elapsedMs,
      samples: latencies.subarray(0, m.ok),
      ...(cpuMs ? { cpuMs } : {}),
    };
  } finally {
    agent.destroy();
  }
}

/** One load, summarized. */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  return mergeLoads([await runLoadRaw(o)]);
}
