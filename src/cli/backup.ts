/** finhub backup FILE · finhub restore FILE [--force] — see docs/backup.md. */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { DatabaseInUseError } from '../db/lock.ts';
import { writeBackup } from '../modules/backup/dump.ts';
import { BackupError } from '../modules/backup/format.ts';
import { inspectBackup, restoreBackup, type BackupContents } from '../modules/backup/restore.ts';

/** Fails fast, before reading a large file, when a running server holds the embedded database
 *  (openDatabase takes the lock itself afterwards; this only looks, and creates nothing). */
function refuseIfHeld(config: Config): void {
  if (config.databaseUrl) return;
  let holder: { pid: number; command: string };
  try {
    holder = JSON.parse(fs.readFileSync(path.join(config.dataDir, 'finhub.lock'), 'utf8'));
  } catch {
    return;
  }
  try {
    process.kill(holder.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return; // stale
  }
  if (holder.pid !== process.pid) throw new DatabaseInUseError(config.dataDir, holder);
}

/** A file-system error on the backup file itself, said in both languages. */
function fileError(e: unknown, file: string): string | null {
  const code = (e as NodeJS.ErrnoException).code;
  if (!code || !['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ENOSPC', 'EROFS', 'EEXIST'].includes(code)) return null;
  return `백업 파일을 쓸 수 없습니다: ${file} (${code})\nCannot write the backup file: ${file} (${code})`;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

export async function backupCommand(config: Config, args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) {
    console.error('사용법 / Usage: finhub backup FILE');
    return 2;
  }
  const file = path.resolve(positionals[0]!);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command: 'backup' });
  try {
    const s = await writeBackup(database, config.dataDir, file, config.s3);
    for (const rel of s.skippedFiles)
      console.error(`경고: 내용이 이름(SHA-256)과 맞지 않는 파일을 뺐습니다 / warning: left out a stored file that does not match its SHA-256: ${rel}`);
    console.log(`백업 완료 / Backup written: ${file}`);
    console.log(
      `  테이블 ${s.tables}개, 행 ${s.totalRows}개, 파일 ${s.files}개, ${mb(s.bytes)}, ${s.seconds.toFixed(1)}초 / ` +
        `${s.tables} tables, ${s.totalRows} rows, ${s.files} files, ${mb(s.bytes)}, ${s.seconds.toFixed(1)} s (${database.kind})`,
    );
    return 0;
  } catch (e) {
    if (e instanceof BackupError) {
      console.error(e.message);
      return 1;
    }
    const message = fileError(e, file);
    if (message) {
      console.error(message);
      return 1;
    }
    throw e;
  } finally {
    await database.close();
  }
}

export async function restoreCommand(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
  if (positionals.length !== 1) {
    console.error('사용법 / Usage: finhub restore FILE [--force]');
    return 2;
  }
  const file = path.resolve(positionals[0]!);
  refuseIfHeld(config);
  // The whole file is checked before the database is even opened: a bad file changes nothing.
  let contents: BackupContents;
  try {
    contents = await inspectBackup(file);
  } catch (e) {
    if (e instanceof BackupError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command: 'restore' });
  try {
    const s = await restoreBackup(database, config.dataDir, file, { force: values.force, contents, s3: config.s3 });
    console.log(`복원 완료 / Restored: ${file}`);
    console.log(
      `  테이블 ${s.tables}개, 행 ${s.totalRows}개, 파일 ${s.files}개(새로 씀 ${s.filesWritten}), ${mb(s.bytes)}, ${s.seconds.toFixed(1)}초 / ` +
        `${s.tables} tables, ${s.totalRows} rows, ${s.files} files (${s.filesWritten} written), ${mb(s.bytes)}, ${s.seconds.toFixed(1)} s (${database.kind})`,
    );
    return 0;
  } catch (e) {
    if (e instanceof BackupError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  } finally {
    await database.close();
  }
}
