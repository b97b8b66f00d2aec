/**
 * Test databases: every API test runs on both kinds. PGlite is in memory; PostgreSQL gets a
 * fresh database per call (dropped on close) on the server at TEST_DATABASE_URL. A missing
 * PostgreSQL fails the tests: it never skips them.
 *
 * Migrate once, copy per test. The migrations run once per migration set (the key is a hash of
 * the files in src/db/migrations, plus the PGlite version for PGlite), across all the test
 * processes and runs:
 * - PostgreSQL: a template database `finhub_tpl_<key>` (built under an advisory lock, then marked
 *   a template that allows no connections); each test database is `CREATE DATABASE … TEMPLATE`.
 * - PGlite: the migrated cluster's `dumpDataDir()` tarball in os.tmpdir()
 *   (`finhub-test-pglite-<key>.tar`, written to a temporary file and renamed); each test database
 *   is a new in-memory PGlite loaded from it, which skips initdb as well as the migrations.
 * A copy's migrations table is the template's, so `migrate()` on it applies nothing.
 *
 * FINHUB_TEST_DB_KINDS=postgres (or pglite) narrows DB_KINDS, for the fast tier (`npm run test:fast`).
 *
 * Passwords: a process that opens test databases hashes new passwords at a cheap scrypt cost
 * (N=2^10 instead of 2^15; lowerCostForTests in src/modules/accounts/password.ts). A hash keeps its
 * parameters, so it verifies as any other. tests/unit/password.test.ts and the tests that run the
 * `finhub` command as a child process keep the real cost.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type Database, type OpenOptions } from '../../src/db/client.ts';
import { lowerCostForTests } from '../../src/modules/accounts/password.ts';

lowerCostForTests();

const ALL_KINDS = ['pglite', 'postgres'] as const;
export type DbKind = (typeof ALL_KINDS)[number];

function kindsFromEnv(value: string | undefined): readonly DbKind[] {
  if (!value) return ALL_KINDS;
  const kinds = value
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  for (const k of kinds) if (!(ALL_KINDS as readonly string[]).includes(k)) throw new Error(`FINHUB_TEST_DB_KINDS: unknown kind ${k} (pglite, postgres)`);
  return ALL_KINDS.filter((k) => kinds.includes(k));
}

/** The kinds the API tests run on: both, unless FINHUB_TEST_DB_KINDS narrows them. */
export const DB_KINDS: readonly DbKind[] = kindsFromEnv(process.env.FINHUB_TEST_DB_KINDS);
/** For a test about something the database kind does not change: the first of DB_KINDS (PGlite in the whole suite). */
export const ANY_KIND: DbKind = DB_KINDS[0]!;

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MIGRATIONS = path.join(ROOT, 'src/db/migrations');

/** A hash of every file in src/db/migrations (names and contents): a new or changed migration is a new key. */
function migrationsKey(extra = ''): string {
  const hash = createHash('sha256').update(extra);
  const walk = (dir: string, rel: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, `${rel}${entry.name}/`);
      else hash.update(`\0${rel}${entry.name}\0`).update(fs.readFileSync(full));
    }
  };
  walk(MIGRATIONS, '');
  return hash.digest('hex').slice(0, 16);
}

async function adminClient(): Promise<pg.Client> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(`PostgreSQL is not reachable at ${ADMIN_URL} (set TEST_DATABASE_URL, or run scripts/test-services.sh): ${(e as Error).message}`);
  }
  return admin;
}

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates a database (empty, or a copy of `template`) and returns its URL and a function that drops it. */
export async function createPostgresDatabase(template?: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `finhub_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await adminClient();
  try {
    await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrl(name),
    drop: async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

let postgresTemplate: Promise<string> | undefined;

/**
 * The migrated template database for this migration set, built by the first process that needs
 * it. Its presence as a template (`datistemplate`) is what says it is complete: a leftover from a
 * build that died half-way is dropped and built again. Nobody connects to it once built (a
 * template with a connection cannot be copied).
 */
function migratedPostgresTemplate(): Promise<string> {
  postgresTemplate ??= (async () => {
    const name = `finhub_tpl_${migrationsKey()}`;
    const admin = await adminClient();
    try {
      // One builder across the parallel test processes; the others wait here, then find it built.
      await admin.query('select pg_advisory_lock($1)', [0x66696e68]);
      const found = await admin.query<{ datistemplate: boolean }>('select datistemplate from pg_database where datname = $1', [name]);
      if (found.rows[0]?.datistemplate) return name;
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
      const database = await openDatabase({ databaseUrl: databaseUrl(name), dataDir: '', command: 'test' });
      try {
        await database.migrate();
      } finally {
        await database.close(); // before it becomes a template: a copy fails while anyone is connected
      }
      await admin.query(`alter database ${name} with is_template true allow_connections false`);
      return name;
    } finally {
      await admin.end(); // ends the session, and with it the advisory lock
    }
  })();
  postgresTemplate.catch(() => (postgresTemplate = undefined));
  return postgresTemplate;
}

let pgliteDump: Promise<Blob> | undefined;

/** The migrated PGlite cluster as a `dumpDataDir()` tarball: read from os.tmpdir(), or made and saved there. */
function migratedPgliteDump(): Promise<Blob> {
  pgliteDump ??= (async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
    const file = path.join(os.tmpdir(), `finhub-test-pglite-${migrationsKey(`pglite ${version}`)}.tar`);
    if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
    // Two processes may both build it; each writes its own temporary file and the rename is atomic.
    const database = await openDatabase({ databaseUrl: undefined, dataDir: '', command: 'test', memory: true });
    let dump: Blob;
    try {
      await database.migrate();
      dump = await database.dumpDataDir!();
    } finally {
      await database.close();
    }
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, file);
    return dump;
  })();
  pgliteDump.catch(() => (pgliteDump = undefined));
  return pgliteDump;
}

/** A migrated, empty PostgreSQL database (a copy of the template): its URL, and a function that drops it. */
export async function createMigratedPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  return createPostgresDatabase(await migratedPostgresTemplate());
}

/** A migrated, empty database of the given kind: a copy of the migrated template. */
export async function openTestDatabase(kind: DbKind, opts: Pick<OpenOptions, 'logger'> = {}): Promise<Database> {
  if (kind === 'pglite') {
    const loadDataDir = await migratedPgliteDump();
    return openDatabase({ databaseUrl: undefined, dataDir: '', command: 'test', memory: true, loadDataDir, ...opts });
  }
  const { url, drop } = await createPostgresDatabase(await migratedPostgresTemplate());
  const database = await openDatabase({ databaseUrl: url, dataDir: '', command: 'test', ...opts });
  return {
    ...database,
    close: async () => {
      await database.close();
      await drop();
    },
  };
}

/** PostgreSQL: two handles (two pools and listeners, as two servers have) on one fresh migrated database. */
export async function openSharedPostgres(): Promise<{ first: Database; second: Database; close(): Promise<void> }> {
  const { url, drop } = await createPostgresDatabase(await migratedPostgresTemplate());
  const first = await openDatabase({ databaseUrl: url, dataDir: '', command: 'test' });
  const second = await openDatabase({ databaseUrl: url, dataDir: '', command: 'test' });
  return {
    first,
    second,
    close: async () => {
      await first.close();
      await second.close();
      await drop();
    },
  };
}
