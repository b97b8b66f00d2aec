/**
 * Writes a backup: the manifest, every table's rows read in primary-key pages inside one
 * REPEATABLE READ READ ONLY transaction (one consistent snapshot while a PostgreSQL server keeps
 * serving), the file store, and the trailer — gzip'd and streamed to a temporary file that is
 * renamed into place only when complete.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { rows as queryRows, type Executor } from '../../db/executor.ts';
import { openFileStore, sha256Of } from '../../server/file-store.ts';
import type { S3Settings } from '../../server/file-store-s3.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupError, fileStoreDir, quoteIdent, rowLine, storePath, type Manifest, type Trailer } from './format.ts';
import { appliedMigrations } from './sql.ts';
import { backupTables, type BackupTable } from './tables.ts';

export const PAGE_SIZE = 1000;

/**
 * Columns a backup leaves out (written as null): live secrets that exist only until a message is
 * sent. A restored message still pending is sent with its links marked expired
 * (notifications/service.ts renderBody).
 */
export const NOT_BACKED_UP: Record<string, string[]> = { outbox: ['link_token'] };

function withoutSecrets(table: string, json: string): string {
  const columns = NOT_BACKED_UP[table];
  if (!columns) return json;
  const row = JSON.parse(json) as Record<string, unknown>;
  for (const c of columns) if (c in row) row[c] = null;
  return JSON.stringify(row);
}

export interface BackupSummary {
  tables: number;
  rows: Record<string, number>;
  totalRows: number;
  files: number;
  fileBytes: number;
  /** Size of the backup file (compressed). */
  bytes: number;
  seconds: number;
  /** Files in the store whose content no longer matches their name: left out, named here. */
  skippedFiles: string[];
}

/** The rows of one table as JSON text, page by page in primary-key order (keyset pagination). */
async function* tableRows(tx: Executor, table: BackupTable): AsyncGenerator<string> {
  const keyList = table.key.map((k) => `t.${quoteIdent(k)}`).join(', ');
  const keyText = table.key.map((k, i) => `t.${quoteIdent(k)}::text as k${i}`).join(', ');
  let last: string[] | null = null;
  for (;;) {
    const after: SQL = last
      ? sql` where (${sql.raw(keyList)}) > (${sql.join(
          last.map((v) => sql`${v}`),
          sql`, `,
        )})`
      : sql``;
    const rows: Record<string, string>[] = await queryRows<Record<string, string>>(
      tx,
      sql`select row_to_json(t)::text as r, ${sql.raw(keyText)} from ${sql.raw(quoteIdent(table.name))} t${after} order by ${sql.raw(keyList)} limit ${PAGE_SIZE}`,
    );
    for (const row of rows) yield row.r!;
    if (rows.length < PAGE_SIZE) return;
    const lastRow: Record<string, string> = rows[rows.length - 1]!;
    last = table.key.map((_, i): string => lastRow[`k${i}`]!);
  }
}

export async function writeBackup(database: Database, dataDir: string, file: string, s3?: S3Settings): Promise<BackupSummary> {
  const started = process.hrtime.bigint();
  const tables = backupTables();
  const rows: Record<string, number> = Object.fromEntries(tables.map((t) => [t.name, 0]));
  const skippedFiles: string[] = [];
  let files = 0;
  let fileBytes = 0;
  const target = path.resolve(file);
  const tmp = `${target}.${randomBytes(6).toString('hex')}.partial`;

  await database.db.transaction(
    async (tx) => {
      const migrations = await appliedMigrations(tx);
      if (!migrations || migrations.length === 0)
        throw new BackupError(
          '데이터베이스에 finhub 마이그레이션이 적용되어 있지 않아 백업할 것이 없습니다(finhub migrate 먼저).',
          'The database has no finhub migrations applied: there is nothing to back up (run finhub migrate first).',
        );
      const manifest: Manifest = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        source: database.kind,
        migrations,
        tables: tables.map((t) => t.name),
      };
      // Read in the snapshot's transaction: on PostgreSQL the files are rows of the same snapshot.
      const store = openFileStore(database, fileStoreDir(dataDir), s3);
      async function* lines(): AsyncGenerator<string> {
        yield `${JSON.stringify(manifest)}\n`;
        for (const table of tables) {
          for await (const r of tableRows(tx, table)) {
            rows[table.name]!++;
            yield rowLine(table.name, withoutSecrets(table.name, r));
          }
        }
        for (const name of await store.list(tx)) {
          const bytes = await store.read(name, tx);
          if (!bytes) continue; // removed meanwhile (its evidence was deleted)
          const sha256 = sha256Of(bytes);
          const rel = storePath(sha256);
          if (sha256 !== name) {
            skippedFiles.push(storePath(name));
            continue;
          }
          files++;
          fileBytes += bytes.byteLength;
          yield `${JSON.stringify({ file: rel, sha256, size: bytes.byteLength, base64: bytes.toString('base64') })}\n`;
        }
        const trailer: Trailer = { rows, files, fileBytes };
        yield `${JSON.stringify({ trailer })}\n`;
      }
      try {
        await pipeline(lines, zlib.createGzip(), fs.createWriteStream(tmp, { flags: 'wx', mode: 0o600 }));
        await fs.promises.rename(tmp, target);
      } catch (e) {
        await fs.promises.rm(tmp, { force: true });
        throw e;
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );

  const totalRows = Object.values(rows).reduce((a, b) => a + b, 0);
  return {
    tables: tables.length,
    rows,
    totalRows,
    files,
    fileBytes,
    bytes: (await fs.promises.stat(target)).size,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    skippedFiles,
  };
}
