import pg from 'pg';
import type { Logger } from '../core/logger';

type Handler = (payload: string) => void;

/**
 * One LISTEN connection per process, shared by every cache that other
 * processes must be able to invalidate. When the connection drops, every
 * subscriber's reset runs (caches clear themselves) and it reconnects.
 */
export class PgListener {
  private client?: pg.Client;
  private closed = false;
  private readonly handlers = new Map<string, Handler[]>();
  private readonly resets: (() => void)[] = [];

  constructor(
    private readonly connectionString: string,
    private readonly log: Logger,
  ) {}

  /** Registers a handler; call before start(). */
  on(channel: string, handler: Handler, reset: () => void): void {
    this.handlers.set(channel, [...(this.handlers.get(channel) ?? []), handler]);
    this.resets.push(reset);
  }

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    this.client = client;
    client.on('notification', (msg) => {
      for (const h of this.handlers.get(msg.channel) ?? []) h(msg.payload ?? '');
    });
    client.on('error', (err) => {
      this.log.warn({ err }, 'notification listener lost its connection');
      for (const reset of this.resets) reset();
      // Back off a second before reconnecting; a closed listener stays closed.
      if (!this.closed) setTimeout(() => void this.start().catch((e) => this.log.error({ err: e }, 'notification listener reconnect failed')), 1000);
    });
    await client.connect();
    for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
  }
}
