/**
 * The change feed (migration 0019): every committed write to a watched table arrives as a
 * notification on the channel `finhub_changes` with the table's name. The public read cache
 * (src/server/public-cache.ts) listens to it.
 *
 * PostgreSQL: one dedicated, direct connection (FINHUB_LISTEN_URL, default DATABASE_URL — PgBouncer
 * in transaction pooling cannot LISTEN). A lost connection is reported (`onReset`: everything may
 * have been missed, drop it all) and re-established with a growing wait; once it listens again
 * `onReset` is called once more, since notifications sent while it was away are gone for good.
 * PGlite: one process, notifications are delivered in-process while the writing statement returns.
 */
import pg from 'pg';

const CHANGES_CHANNEL = 'finhub_changes';

export interface ChangeHandlers {
  /** A transaction that wrote `table` committed. */
  onChange(table: string): void;
  /** Notifications may have been missed (connection lost, or listening again after that). */
  onReset(): void;
  /** The connection failed (logged by the caller); it is retried. */
  onError?(err: Error): void;
}

export interface ChangeListener {
  /** Subscribed now: an absent notification means no change. */
  readonly live: boolean;
  /** Resolves once every change committed before the call has been delivered to `onChange`. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * PostgreSQL. `sync` is one round trip on the listening connection: a committing backend signals
 * the listeners before it answers its own client, and a signalled idle backend sends the
 * notification before it reads our next statement — so it arrives before that statement's answer.
 */
export async function listenPostgres(url: string, handlers: ChangeHandlers): Promise<ChangeListener> {
  let client: pg.Client | null = null;
  let closed = false;
  let wait = 100;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  let queued: Promise<void> | null = null;

  const lost = (c: pg.Client, err?: Error) => {
    if (client !== c) return;
    client = null;
    handlers.onReset();
    if (err) handlers.onError?.(err);
    c.end().catch(() => {});
    if (!closed) timer = setTimeout(connect, wait);
    wait = Math.min(wait * 2, 10_000);
  };
  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: url, keepAlive: true, application_name: 'finhub-listen' });
    c.on('notification', (n) => n.channel === CHANGES_CHANNEL && handlers.onChange(n.payload ?? ''));
    c.on('error', (err) => lost(c, err));
    c.on('end', () => lost(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (err) {
      c.removeAllListeners('end');
      c.end().catch(() => {});
      handlers.onError?.(err as Error);
      if (!closed) timer = setTimeout(connect, wait);
      wait = Math.min(wait * 2, 10_000);
      return;
    }
    if (closed) return void c.end().catch(() => {});
    client = c;
    wait = 100;
    handlers.onReset();
  }

  await connect();
  return {
    get live() {
      return client !== null;
    },
    sync() {
      // One statement at a time on the connection: callers arriving while a round trip waits to be
      // sent share it (it is sent after their writes committed); the others queue behind it.
      if (!queued) {
        queued = inFlight.then(async () => {
          queued = null;
          await client?.query('select 1').catch(() => {});
        });
        inFlight = queued;
      }
      return queued;
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}

/** PGlite: `listen` on the one in-process client; notifications arrive before the write returns. */
export async function listenPglite(
  client: { listen(channel: string, cb: (payload: string) => void): Promise<() => Promise<void>> },
  handlers: ChangeHandlers,
): Promise<ChangeListener> {
  const unlisten = await client.listen(CHANGES_CHANNEL, (payload) => handlers.onChange(payload));
  handlers.onReset();
  return {
    live: true,
    sync: async () => {},
    close: () => unlisten(),
  };
}
