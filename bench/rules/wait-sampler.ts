import pg from 'pg';

/** What the active PostgreSQL backends were doing while one side was measured. */
export interface WaitProfile {
  /** Polls of pg_stat_activity taken. */
  polls: number;
  /** Average number of active backends in the bench database per poll. */
  activeAvg: number;
  /** Share of those active-backend samples per wait ("CPU" when not waiting), largest first. */
  waits: { wait: string; share: number }[];
  /** Average number of active backends in other databases per poll (other work on the same server). */
  otherDatabasesActiveAvg: number;
}

interface Tally {
  polls: number;
  active: number;
  other: number;
  waits: Map<string, number>;
}

const POLL_MS = 10;
const MAX_POLLS = 100_000;

/**
 * Polls pg_stat_activity on its own connection every 10 ms and tallies the
 * active backends' wait events under the current label (nothing is tallied
 * while the label is undefined). Bounded by MAX_POLLS.
 */
export class WaitSampler {
  label: string | undefined;
  private readonly tallies = new Map<string, Tally>();
  private readonly client: pg.Client;
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(databaseUrl: string) {
    this.client = new pg.Client({ connectionString: databaseUrl });
  }

  async start(): Promise<void> {
    await this.client.connect();
    this.running = true;
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    for (let n = 0; this.running && n < MAX_POLLS; n++) {
      const label = this.label;
      if (label !== undefined) {
        const { rows } = await this.client.query<{ ours: boolean; wait: string }>(
          `SELECT datname = current_database() AS ours, coalesce(wait_event_type || ':' || wait_event, 'CPU') AS wait
           FROM pg_stat_activity WHERE backend_type = 'client backend' AND state = 'active' AND pid <> pg_backend_pid()`,
        );
        let t = this.tallies.get(label);
        if (!t) this.tallies.set(label, (t = { polls: 0, active: 0, other: 0, waits: new Map() }));
        t.polls++;
        for (const r of rows) {
          if (!r.ours) {
            t.other++;
            continue;
          }
          t.active++;
          t.waits.set(r.wait, (t.waits.get(r.wait) ?? 0) + 1);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop?.catch(() => undefined);
    await this.client.end().catch(() => undefined);
  }

  /** Every label's profile. */
  all(): Record<string, WaitProfile> {
    const out: Record<string, WaitProfile> = {};
    for (const label of this.tallies.keys()) {
      const p = this.profile(label);
      if (p) out[label] = p;
    }
    return out;
  }

  profile(label: string): WaitProfile | undefined {
    const t = this.tallies.get(label);
    if (!t || !t.polls) return undefined;
    const waits = [...t.waits].sort((a, b) => b[1] - a[1]).map(([wait, n]) => ({ wait, share: n / Math.max(1, t.active) }));
    return { polls: t.polls, activeAvg: t.active / t.polls, waits, otherDatabasesActiveAvg: t.other / t.polls };
  }
}

/** "IO:WALSync 41%, CPU 30%, LWLock:WALWrite 20%" (the top n). */
export const waitSummary = (p: WaitProfile | undefined, n = 3) =>
  p ? `${p.waits.slice(0, n).map((w) => `${w.wait} ${Math.round(w.share * 100)}%`).join(', ') || 'none'} (avg ${p.activeAvg.toFixed(1)} active)` : 'n/a';
