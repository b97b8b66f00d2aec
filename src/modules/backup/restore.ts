/**
 * Restores a backup into a migrated database of either kind. The file is read twice: first to
 * check all of it (format, migrations, row and file counts against the trailer, every file's
 * SHA-256) while nothing is written, then to load it — every row in ONE transaction with the
 * sequences reset and the audit row, so a failure half-way leaves the database as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { rows as queryRows } from '../../db/executor.ts';
import { openFileStore, sha256Of } from '../../server/file-store.ts';
import type { S3Settings } from '../../server/file-store-s3.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit/service.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  codeMigrations,
  fileStoreDir,
  notBackup,
  parseRowLine,
  quoteIdent,
  readLines,
  SHA256,
  storePath,
  truncated,
  type Manifest,
  type Trailer,
} from './format.ts';
import { PAGE_SIZE } from './dump.ts';
import { insertableColumns, ownedSequences } from './sql.ts';
import { backupTables } from './tables.ts';

/** Rows are sent to the database in batches of at most this many rows or characters. */
const BATCH_CHARS = 4 * 1024 * 1024;

interface Handlers {
  row?(table: string, rowJson: string): Promise<void>;
  /** A table's last row has been seen (also for a table with none). */
  tableDone?(table: string): Promise<void>;
  file?(rel: string, bytes: Buffer): Promise<void>;
}

export interface BackupContents {
  manifest: Manifest;
  trailer: Trailer;
}

/** Reads the whole backup, checking every line; calls the handlers on the way. Throws BackupError. */
async function walk(file: string, h: Handlers = {}): Promise<BackupContents> {
  let manifest: Manifest | null = null;
  let trailer: Trailer | null = null;
  const rows = new Map<string, number>();
  let tableIndex = 0;
  let files = 0;
  let fileBytes = 0;
  let lineNo = 0;
  const bad = (why: string) => notBackup(file, `line ${lineNo}: ${why}`);
  const finishTablesUpTo = async (index: number) => {
    for (; tableIndex < index; tableIndex++) await h.tableDone?.(manifest!.tables[tableIndex]!);
  };

  for await (const line of readLines(file)) {
    lineNo++;
    if (trailer) throw bad('text after the trailer');
    if (!manifest) {
      let m: Manifest;
      try {
        m = JSON.parse(line) as Manifest;
      } catch {
        throw notBackup(file, 'no manifest');
      }
      if (m?.format !== BACKUP_FORMAT) throw notBackup(file, 'no manifest');
      if (m.version !== BACKUP_VERSION)
        throw new BackupError(
          `이 finhub는 백업 형식 버전 ${BACKUP_VERSION}만 읽습니다(파일: ${m.version}).`,
          `This finhub reads backup format version ${BACKUP_VERSION} only (the file has version ${m.version}).`,
        );
      if (!Array.isArray(m.tables) || !Array.isArray(m.migrations)) throw notBackup(file, 'manifest without tables or migrations');
      manifest = m;
      for (const t of m.tables) rows.set(t, 0);
      continue;
    }
    if (line.startsWith('{"t":')) {
      const parsed = parseRowLine(line);
      if (!parsed) throw bad('malformed row');
      const index = manifest.tables.indexOf(parsed.table);
      if (index < 0) throw bad(`row of a table not in the manifest: ${parsed.table}`);
      if (index < tableIndex) throw bad(`rows of ${parsed.table} out of order`);
      await finishTablesUpTo(index);
      rows.set(parsed.table, rows.get(parsed.table)! + 1);
      await h.row?.(parsed.table, parsed.rowJson);
      continue;
    }
    let value: { file?: unknown; sha256?: unknown; size?: unknown; base64?: unknown; trailer?: Trailer };
    try {
      value = JSON.parse(line);
    } catch {
      throw bad('not JSON');
    }
    if (typeof value.file === 'string') {
      await finishTablesUpTo(manifest.tables.length);
      const { file: rel, sha256, size, base64 } = value;
      if (typeof sha256 !== 'string' || !SHA256.test(sha256) || rel !== storePath(sha256) || typeof base64 !== 'string') throw bad(`malformed file entry ${rel}`);
      const bytes = Buffer.from(base64, 'base64');
      if (bytes.byteLength !== size || sha256Of(bytes) !== sha256)
        throw new BackupError(
          `백업 속 파일 ${rel}의 내용이 SHA-256과 맞지 않습니다(손상). 아무것도 쓰지 않았습니다.`,
          `The file ${rel} in the backup does not match its SHA-256 (damaged). Nothing was written.`,
        );
      files++;
      fileBytes += bytes.byteLength;
      await h.file?.(rel, bytes);
      continue;
    }
    if (value.trailer && typeof value.trailer === 'object') {
      await finishTablesUpTo(manifest.tables.length);
      trailer = value.trailer;
      const expected = trailer.rows ?? {};
      for (const t of manifest.tables) if (expected[t] !== rows.get(t)) throw truncated(file, `${t}: ${rows.get(t)} rows, the trailer says ${expected[t]}`);
      if (trailer.files !== files || trailer.fileBytes !== fileBytes) throw truncated(file, `${files} files, the trailer says ${trailer.files}`);
      continue;
    }
    throw bad('unknown line');
  }
  if (!manifest) throw notBackup(file, 'empty');
  if (!trailer) throw truncated(file, 'no trailer');
  return { manifest, trailer };
}

/** Checks a backup file completely without writing anything; returns its manifest and trailer. */
export async function inspectBackup(file: string): Promise<BackupContents> {
  const contents = await walk(file);
  const code = codeMigrations();
  const theirs = contents.manifest.migrations;
  if (theirs.length !== code.length || theirs.some((m, i) => m.hash !== code[i]!.hash)) {
    const name = (ms: { tag: string | null; hash: string }[]) => ms.map((m) => m.tag ?? m.hash.slice(0, 12)).join(', ') || '(none)';
    throw new BackupError(
      `백업의 데이터베이스 구조(마이그레이션 ${name(theirs)})가 이 finhub(${name(code)})와 다릅니다. 백업을 만든 것과 같은 버전의 finhub로 복원하십시오.`,
      `The backup's database structure (migrations ${name(theirs)}) differs from this finhub's (${name(code)}). Restore it with the finhub version that made it.`,
    );
  }
  const known = new Set(backupTables().map((t) => t.name));
  const unknown = contents.manifest.tables.filter((t) => !known.has(t));
  if (unknown.length > 0 || contents.manifest.tables.length !== known.size) throw notBackup(file, `tables differ from this finhub's: ${unknown.join(', ')}`);
  return contents;
}

export interface RestoreSummary {
  tables: number;
  totalRows: number;
  files: number;
  /** Files written to the store (the others were there already). */
  filesWritten: number;
  bytes: number;
  seconds: number;
}

/** Tables of this finhub that hold rows. */
async function nonEmptyTables(database: Database): Promise<string[]> {
  const out: string[] = [];
  for (const t of backupTables()) {
    const [r] = await queryRows<{ any: boolean }>(database.db, sql`select exists (select 1 from ${sql.raw(quoteIdent(t.name))}) as "any"`);
    if (r?.any) out.push(t.name);
  }
  return out;
}

/** `opts.contents`: the result of inspectBackup(file) when the caller checked the file already. */
export async function restoreBackup(
  database: Database,
  dataDir: string,
  file: string,
  opts: { force?: boolean; contents?: BackupContents; s3?: S3Settings } = {},
): Promise<RestoreSummary> {
  const started = process.hrtime.bigint();
  const { manifest, trailer } = opts.contents ?? (await inspectBackup(file));
  await database.migrate();
  const occupied = await nonEmptyTables(database);
  if (occupied.length > 0 && !opts.force)
    throw new BackupError(
      `복원할 데이터베이스가 비어 있지 않습니다(${occupied.join(', ')}). 아무것도 바꾸지 않았습니다. 기존 데이터를 모두 지우고 복원하려면 --force를 붙이십시오.`,
      `The target database is not empty (${occupied.join(', ')}). Nothing was changed. Add --force to delete all its finhub data and restore the backup in its place.`,
    );

  const tables = new Map(backupTables().map((t) => [t.name, t]));
  const store = openFileStore(database, fileStoreDir(dataDir), opts.s3);
  const written: string[] = [];
  let totalRows = 0;

  try {
    await database.db.transaction(async (tx: Tx) => {
      if (opts.force) await tx.execute(sql.raw(`truncate table ${manifest.tables.map(quoteIdent).join(', ')} restart identity cascade`));

      const columns = new Map<string, string>();
      for (const t of manifest.tables) columns.set(t, (await insertableColumns(tx, t)).map(quoteIdent).join(', '));
      const staging = (t: string) => quoteIdent(`finhub_restore_${t}`);

      let batch: string[] = [];
      let batchChars = 0;
      let batchTable = '';
      const flush = async () => {
        if (batch.length === 0) return;
        const table = batchTable;
        const json = `[${batch.join(',')}]`;
        batch = [];
        batchChars = 0;
        // A table whose rows point to each other (a tree) is staged whole, then inserted in one
        // statement: its foreign key is checked at the end of that statement, when every row is in.
        const into = tables.get(table)!.selfReferencing ? `${staging(table)} (${columns.get(table)})` : `${quoteIdent(table)} (${columns.get(table)}) overriding system value`;
        await tx.execute(sql`insert into ${sql.raw(into)} select ${sql.raw(columns.get(table)!)} from json_populate_recordset(null::${sql.raw(quoteIdent(table))}, ${json}::json)`);
      };

      await walk(file, {
        async row(table, rowJson) {
          if (table !== batchTable || batch.length >= PAGE_SIZE || batchChars + rowJson.length > BATCH_CHARS) {
            await flush();
            if (table !== batchTable && tables.get(table)!.selfReferencing)
              await tx.execute(sql.raw(`create temporary table ${staging(table)} (like ${quoteIdent(table)}) on commit drop`));
            batchTable = table;
          }
          batch.push(rowJson);
          batchChars += rowJson.length;
          totalRows++;
        },
        async tableDone(table) {
          if (batchTable === table) await flush();
          if (tables.get(table)!.selfReferencing && batchTable === table) {
            await tx.execute(sql.raw(`insert into ${quoteIdent(table)} (${columns.get(table)}) overriding system value select ${columns.get(table)} from ${staging(table)}`));
            await tx.execute(sql.raw(`drop table ${staging(table)}`));
          }
        },
        async file(rel, bytes) {
          const sha256 = path.basename(rel);
          if (await store.exists(sha256, tx)) return;
          written.push(sha256);
          await store.put(bytes, tx);
        },
      });

      for (const s of await ownedSequences(tx, manifest.tables)) {
        await tx.execute(
          sql`select setval(${s.sequence}::regclass, coalesce(max(${sql.raw(quoteIdent(s.column))}), 1), max(${sql.raw(quoteIdent(s.column))}) is not null) from ${sql.raw(quoteIdent(s.table))}`,
        );
      }

      // Pool rows arrived with their counts and the registrations then counted again through the
      // trigger (migration 0008): set them from the rows.
      await tx.execute(sql`select finhub_recount_pools()`);

      // What is in the database now must be what the trailer promised.
      for (const t of manifest.tables) {
        const [r] = await queryRows<{ n: string | number }>(tx, sql`select count(*) as n from ${sql.raw(quoteIdent(t))}`);
        if (Number(r!.n) !== trailer.rows[t]) throw truncated(file, `${t}: ${r!.n} rows restored, the trailer says ${trailer.rows[t]}`);
      }

      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'backup.restore',
        entity: 'backup',
        entityId: null,
        after: { file: path.basename(file), createdAt: manifest.createdAt, source: manifest.source, rows: totalRows, files: trailer.files, force: !!opts.force },
      });
    });
  } catch (e) {
    // The rows rolled back (with them the files, on PostgreSQL); the folder's (or the object store's) new files go too.
    if (store.kind !== 'database') for (const sha256 of written) await store.remove(sha256);
    if (e instanceof BackupError) throw e;
    const msg = (e as Error).message;
    throw new BackupError(
      `복원에 실패하여 아무것도 복원하지 않았습니다(데이터베이스는 그대로입니다): ${msg}`,
      `The restore failed and nothing was restored (the database is as it was): ${msg}`,
    );
  }

  return {
    tables: manifest.tables.length,
    totalRows,
    files: trailer.files,
    filesWritten: written.length,
    bytes: (await fs.promises.stat(file)).size,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}
