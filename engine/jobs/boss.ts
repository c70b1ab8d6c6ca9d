import PgBoss from 'pg-boss';
import type { Logger } from '../core/logger';

/** The PostgreSQL schema pg-boss keeps its queues in (beside the system and tenant schemas, same database). */
export const JOBS_SCHEMA = 'tessera_jobs';

/** What a queue's handler receives: the job's data and whether the process is stopping (long jobs should yield). */
export interface JobInput<T> {
  id: string;
  data: T;
  /** True once stop() was called: a long job commits what it has and throws JobInterrupted so it is retried. */
  stopping(): boolean;
}

/** Thrown by a handler that gave up because the process is stopping; pg-boss retries the job later (it resumes). */
export class JobInterrupted extends Error {
  constructor() {
    super('the job was interrupted by a shutdown; it will be retried');
    this.name = 'JobInterrupted';
  }
}

/** How one queue runs: its handler, retries, how long a job may run. */
export interface QueueSpec<T> {
  name: string;
  handler: (job: JobInput<T>) => Promise<void>;
  /** Attempts after the first failure (a shutdown counts as one). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  expireInSeconds?: number;
  /** How often an idle worker polls (pg-boss's minimum is 0.5 s). */
  pollingIntervalSeconds?: number;
}

/**
 * The platform's job runner: one pg-boss instance per process on the same
 * database (schema tessera_jobs), so jobs survive restarts and any process
 * of the deployment may run them. Queues are registered before start();
 * start() creates them and starts one worker per queue; stop() stops
 * fetching, lets running jobs finish (they see stopping() and yield), then
 * closes the pool. Later features (reminders, scans) add queues the same way.
 */
export class JobRunner {
  private readonly boss: PgBoss;
  private readonly queues = new Map<string, QueueSpec<never>>();
  private readonly workers = new Map<string, string>();
  private isStopping = false;
  private started = false;

  constructor(
    connectionString: string,
    private readonly log: Logger,
    poolSize = 3,
  ) {
    // schedule: no cron yet (later issues turn it on); supervise: pg-boss's own maintenance (expiry, archive).
    this.boss = new PgBoss({ connectionString, schema: JOBS_SCHEMA, max: poolSize, schedule: false, supervise: true, application_name: 'tessera-jobs' });
    this.boss.on('error', (err: Error) => this.log.error({ err }, 'job runner error'));
  }

  /** Adds a queue; call before start(). */
  register<T>(spec: QueueSpec<T>): void {
    if (this.started) throw new Error(`queue ${spec.name} registered after the job runner started`);
    this.queues.set(spec.name, spec as unknown as QueueSpec<never>);
  }

  async start(): Promise<void> {
    await this.boss.start();
    this.started = true;
    for (const spec of this.queues.values()) {
      await this.boss.createQueue(spec.name);
      const id = await this.boss.work<never>(spec.name, { pollingIntervalSeconds: spec.pollingIntervalSeconds ?? 1, batchSize: 1 }, async ([job]) => {
        if (!job) return;
        try {
          await spec.handler({ id: job.id, data: job.data, stopping: () => this.isStopping });
        } catch (err) {
          if (!(err instanceof JobInterrupted)) this.log.error({ err, queue: spec.name, job: job.id }, 'job failed');
          throw err;
        }
      });
      this.workers.set(spec.name, id);
    }
  }

  /** Queues a job; the local worker is woken so it starts at once (another process may take it first). */
  async send<T extends object>(queue: string, data: T, opts: { singletonKey?: string } = {}): Promise<string | null> {
    const spec = this.queues.get(queue);
    if (!spec) throw new Error(`no queue ${queue}`);
    const id = await this.boss.send(queue, data, {
      retryLimit: spec.retryLimit ?? 3,
      retryDelay: spec.retryDelaySeconds ?? 1,
      expireInSeconds: spec.expireInSeconds ?? 3600,
      ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
    });
    const worker = this.workers.get(queue);
    if (worker) this.boss.notifyWorker(worker);
    return id;
  }

  /** Graceful stop: no new jobs, running ones yield at their next checkpoint (within `timeoutMs`). */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (!this.started) return;
    this.isStopping = true;
    await this.boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    this.started = false;
  }
}
