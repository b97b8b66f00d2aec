/**
 * Test databases: every API test runs on both kinds. PGlite is in memory; PostgreSQL gets a
 * fresh database per call (dropped on close) on the server at TEST_DATABASE_URL. A missing
 * PostgreSQL fails the tests: it never skips them.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type OpenOptions } from '../../src/db/client.ts';

export const DB_KINDS = ['pglite', 'postgres'] as const;
export type DbKind = (typeof DB_KINDS)[number];

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Creates an empty PostgreSQL database and returns its URL and a function that drops it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `finhub_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(`PostgreSQL is not reachable at ${ADMIN_URL} (set TEST_DATABASE_URL, or run scripts/test-services.sh): ${(e as Error).message}`);
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A migrated, empty database of the given kind. */
export async function openTestDatabase(kind: DbKind, opts: Pick<OpenOptions, 'logger'> = {}): Promise<Database> {
  if (kind === 'pglite') {
    const database = await openDatabase({ databaseUrl: undefined, dataDir: '', command: 'test', memory: true, ...opts });
    await database.migrate();
    return database;
  }
  const { url, drop } = await createPostgresDatabase();
  const database = await openDatabase({ databaseUrl: url, dataDir: '', command: 'test', ...opts });
  await database.migrate();
  return {
    ...database,
    close: async () => {
      await database.close();
      await drop();
    },
  };
}
