import fs from 'node:fs';

/** CPU time spent during a phase, in milliseconds, by component. */
export interface CpuTimes {
  /** The server process under load (product or baseline child). */
  server: number;
  /** Every local process named `postgres` (backends, WAL writer, checkpointer…); 0 if PostgreSQL is not local. */
  postgres: number;
  /** This process: the load generator. */
  loadGen: number;
}

export interface CpuSnapshot {
  server: number;
  postgres: Map<number, number>;
  loadGenUs: number;
}

/** Linux clock ticks per second for /proc/<pid>/stat (USER_HZ is 100 on every mainstream build). */
const TICKS_PER_SEC = 100;

/** utime + stime of a process in ms, or 0 if it cannot be read (not Linux, process gone). */
function processCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm)": state is [0], utime [11], stime [12].
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / TICKS_PER_SEC;
  } catch {
    return 0;
  }
}

function postgresCpu(): Map<number, number> {
  const out = new Map<number, number>();
  let entries: string[] = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      if (fs.readFileSync(`/proc/${e}/comm`, 'utf8').trim() === 'postgres') out.set(Number(e), processCpuMs(Number(e)));
    } catch {
      /* the process ended while we looked */
    }
  }
  return out;
}

export function cpuSnapshot(serverPid: number): CpuSnapshot {
  const u = process.cpuUsage();
  return { server: processCpuMs(serverPid), postgres: postgresCpu(), loadGenUs: u.user + u.system };
}

/** What each component used between two snapshots (PostgreSQL processes started in between count fully). */
export function cpuSince(before: CpuSnapshot, after: CpuSnapshot): CpuTimes {
  let postgres = 0;
  for (const [pid, ms] of after.postgres) postgres += ms - (before.postgres.get(pid) ?? 0);
  return { server: after.server - before.server, postgres, loadGen: (after.loadGenUs - before.loadGenUs) / 1000 };
}
