import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './child-server';

/** Where every bench keeps its raw results (git-ignored). */
export const RESULTS_DIR = path.join(repoRoot, 'bench/.results');

/** A progress line writer: `[name +12.3s] message`, the time since `started`. */
export function benchLog(name: string, started = Date.now()): (message: string) => void {
  return (m) => process.stdout.write(`[${name} +${((Date.now() - started) / 1000).toFixed(1)}s] ${m}\n`);
}

/** Aborts the process when the run takes longer than `ms` (child servers exit on their own when their stdin closes). */
export function startWatchdog(name: string, ms: number): void {
  setTimeout(() => {
    process.stderr.write(`${name}: watchdog fired after ${ms / 1000} s, aborting\n`);
    process.exit(1);
  }, ms).unref();
}

/** Runs a bench's main function; a failure is reported as `<name> failed: …` with exit code 1. */
export function runBench(name: string, main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    process.stderr.write(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  });
}

/** Writes `results` as JSON to bench/.results/<prefix>-<finishedAt>.json; answers its path from the repository root. */
export function writeResultsFile(prefix: string, finishedAt: string, results: unknown, replacer?: (key: string, value: unknown) => unknown): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${prefix}-${finishedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(results, replacer, 2)}\n`);
  return path.relative(repoRoot, file);
}
