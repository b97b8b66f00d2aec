/**
 * The backup file: one gzip'd NDJSON stream, independent of the database kind (PGlite or
 * PostgreSQL), read and written line by line so no database is ever held in memory.
 *
 *   {"format":"finhub-backup","version":1,"createdAt":…,"migrations":[…],"tables":[…]}   manifest
 *   {"t":"plans","r":{…}}                                   one row (row_to_json text, kept verbatim)
 *   {"file":"ab/ab12…","sha256":"ab12…","size":123,"base64":"…"}   one file of the file store
 *   {"trailer":{"rows":{"plans":1,…},"files":1,"fileBytes":123}}    last line: what came before
 *
 * A row's JSON is copied as the database printed it and handed back to the database as text, so
 * bigints, numerics, timestamps and jsonb never pass through a JavaScript number or Date.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { readMigrationFiles } from 'drizzle-orm/migrator';

export const BACKUP_FORMAT = 'finhub-backup';
export const BACKUP_VERSION = 1;

/** An applied migration: drizzle-kit's tag (null if this code does not know it) and the SHA-256 of its SQL. */
export interface MigrationRef {
  tag: string | null;
  hash: string;
}

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** Where it was made: 'pglite' or 'postgres' (informational; restore works across kinds). */
  source: string;
  migrations: MigrationRef[];
  /** Every table, in insertion order (parents before children). */
  tables: string[];
}

export interface Trailer {
  rows: Record<string, number>;
  files: number;
  fileBytes: number;
}

/** A refusal, said in Korean and English; the command prints both and exits 1. */
export class BackupError extends Error {
  constructor(
    readonly ko: string,
    readonly en: string,
  ) {
    super(`${ko}\n${en}`);
    this.name = 'BackupError';
  }
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'db', 'migrations');

/** The migrations this code applies, in order, as tag + hash (the hash drizzle stores when it applies one). */
export function codeMigrations(): MigrationRef[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const files = readMigrationFiles({ migrationsFolder });
  return files.map((m, i) => ({ tag: journal.entries[i]!.tag, hash: m.hash }));
}

/** The file store's folder inside FINHUB_DATA_DIR (as src/server/app.ts builds it). */
export const fileStoreDir = (dataDir: string) => path.join(dataDir, 'files');

/** `ab/ab12…` for a SHA-256: the file store's layout (src/server/file-store.ts). */
export const storePath = (sha256: string) => `${sha256.slice(0, 2)}/${sha256}`;
export const SHA256 = /^[0-9a-f]{64}$/;

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A row line. `rowJson` is the database's own JSON text (a JSON value never holds a raw newline
 *  except as whitespace of a json column, which is folded into a space). */
export function rowLine(table: string, rowJson: string): string {
  const r = /[\r\n]/.test(rowJson) ? rowJson.replace(/[\r\n]/g, ' ') : rowJson;
  return `{"t":${JSON.stringify(table)},"r":${r}}\n`;
}

const ROW_PREFIX = /^\{"t":("(?:[^"\\]|\\.)*"),"r":/;

/** Splits a row line into its table and the row's JSON text, without parsing the row in JavaScript. */
export function parseRowLine(line: string): { table: string; rowJson: string } | null {
  const m = ROW_PREFIX.exec(line);
  if (!m || !line.endsWith('}')) return null;
  const rowJson = line.slice(m[0].length, -1);
  if (!rowJson.startsWith('{') || !rowJson.endsWith('}')) return null;
  return { table: JSON.parse(m[1]!) as string, rowJson };
}

/** The decompressed lines of a backup file, each without its newline; a bad or cut-off file throws BackupError. */
export async function* readLines(file: string): AsyncGenerator<string> {
  const source = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  source.on('error', (e) => gunzip.destroy(e));
  source.pipe(gunzip);
  let pending: Buffer[] = [];
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      let start = 0;
      for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
        pending.push(chunk.subarray(start, nl));
        yield Buffer.concat(pending).toString('utf8');
        pending = [];
        start = nl + 1;
      }
      if (start < chunk.length) pending.push(Buffer.from(chunk.subarray(start)));
    }
  } catch (e) {
    if (e instanceof BackupError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR')
      throw new BackupError(`백업 파일을 읽을 수 없습니다: ${file} (${code})`, `Cannot read the backup file: ${file} (${code})`);
    throw new BackupError(
      `백업 파일이 손상되었거나 잘렸습니다(${(e as Error).message}): ${file}. 아무것도 쓰지 않았습니다.`,
      `The backup file is damaged or cut off (${(e as Error).message}): ${file}. Nothing was written.`,
    );
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  if (pending.length > 0) throw truncated(file);
}

export const truncated = (file: string, why = '') =>
  new BackupError(
    `백업 파일이 잘렸거나 완전하지 않습니다${why ? ` (${why})` : ''}: ${file}. 아무것도 쓰지 않았습니다.`,
    `The backup file is incomplete or cut off${why ? ` (${why})` : ''}: ${file}. Nothing was written.`,
  );

export const notBackup = (file: string, why: string) => new BackupError(`finhub 백업 파일이 아닙니다(${why}): ${file}`, `Not a finhub backup file (${why}): ${file}`);
