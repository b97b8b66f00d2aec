/**
 * Opens the database: PostgreSQL when a URL is given, otherwise embedded PGlite in the data
 * folder. Both speak the same SQL and run the same generated migrations.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'drizzle-orm/logger';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { type ChangeHandlers, type ChangeListener, listenPglite, listenPostgres } from './change-listener.ts';
import { lockDataDir } from './lock.ts';
import { takeTurns } from './pglite-turns.ts';
import { trackingLogger } from './read-tracking.ts';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs one SQL statement on the driver itself, bypassing Drizzle (benchmark baselines). */
  rawQuery(text: string, params?: unknown[]): Promise<unknown>;
  migrate(): Promise<void>;
  /** Follows the change feed (src/db/change-listener.ts); the caller closes what it gets. */
  listen(handlers: ChangeHandlers): Promise<ChangeListener>;
  close(): Promise<void>;
  /** PGlite only: the whole cluster as an uncompressed tarball, for `loadDataDir` (tests copy one migrated database). */
  dumpDataDir?(): Promise<Blob>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OpenOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  /** Who holds the embedded database (shown to a second process that is refused). */
  command: string;
  /** In-memory PGlite, for tests. */
  memory?: boolean;
  /**
   * With `memory`: start from this `dumpDataDir()` tarball instead of an empty cluster (tests open
   * a copy of one migrated database: no initdb, no migrations; `migrate()` then finds nothing to do).
   */
  loadDataDir?: Blob;
  /** Sees every query Drizzle sends (benchmarks record the statements of a read to replay them raw). */
  logger?: Logger;
  /** PostgreSQL: the longest wait for a connection, pool queue included (default 10 s); then the query fails. */
  connectTimeoutMs?: number;
  /** PostgreSQL: told about connections that die (server restarted or stopped); default: ignored. */
  onConnectionError?: (err: Error) => void;
  /** PostgreSQL: where `listen` connects (FINHUB_LISTEN_URL: direct, not through PgBouncer); default `databaseUrl`. */
  listenUrl?: string;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: 10,
      // Without it a request waits forever for a connection to a server that does not answer;
      // with it the query fails and the request answers 503 (src/server/error-handler.ts).
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000,
      // Notices a silently vanished server (no FIN/RST) on an otherwise idle connection.
      keepAlive: true,
    });
    const onError = opts.onConnectionError ?? (() => {});
    // An idle client losing its server must not crash the process; the next query reconnects.
    pool.on('error', onError);
    // Nor may a checked-out one: pg emits 'error' on a client whose connection ends while it is
    // checked out (e.g. between a transaction's statements), and the pool only listens while it is
    // idle, so without this an unlistened 'error' event kills the process. The pending query
    // still fails, and the pool drops the broken client when it is released.
    pool.on('connect', (client) => client.on('error', onError));
    const db = drizzlePg(pool, { schema, logger: trackingLogger(opts.logger) }) as unknown as Db;
    const listenUrl = opts.listenUrl ?? opts.databaseUrl;
    return {
      db,
      kind: 'postgres',
      rawQuery: (text, params) => pool.query(text, params),
      migrate: () => migratePg(drizzlePg(pool), { migrationsFolder }),
      listen: (handlers) => listenPostgres(listenUrl, handlers),
      close: () => pool.end(),
    };
  }
  const release = opts.memory ? () => {} : lockDataDir(opts.dataDir, opts.command);
  try {
    // Imported only here: PGlite (its WebAssembly PostgreSQL) adds tens of MB to a process, and a
    // server on PostgreSQL never needs it.
    const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('drizzle-orm/pglite'),
      import('drizzle-orm/pglite/migrator'),
    ]);
    const client = opts.memory ? new PGlite({ loadDataDir: opts.loadDataDir }) : new PGlite(path.join(opts.dataDir, 'pglite'));
    await client.waitReady;
    // Statements take turns with the event loop (src/db/pglite-turns.ts): no request starves in a rush.
    takeTurns(client);
    const db = drizzlePglite(client, { schema, logger: trackingLogger(opts.logger) }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      rawQuery: (text, params) => client.query(text, params),
      migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
      listen: (handlers) => listenPglite(client, handlers),
      close: async () => {
        await client.close();
        release();
      },
      dumpDataDir: async () => (await client.dumpDataDir('none')) as Blob,
    };
  } catch (e) {
    release();
    throw e;
  }
}
