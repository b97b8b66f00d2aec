/**
 * PGlite is one process's database: two processes opening the same folder would corrupt it.
 * Whoever opens it (the server, or a CLI command) holds a pid file beside it for as long as
 * it runs; another process is refused with a message that says who holds it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_FILE_MODE, privateDirSync } from '../server/private-files.ts';

export class DatabaseInUseError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: { pid: number; command: string },
  ) {
    super(
      `임베디드 데이터베이스(${dir})를 실행 중인 finhub ${holder.command}(pid ${holder.pid})가 사용하고 있습니다. ` +
        `그 프로세스를 멈추거나 DATABASE_URL로 PostgreSQL을 쓰십시오.\n` +
        `The embedded database at ${dir} is held by a running finhub ${holder.command} (pid ${holder.pid}). ` +
        `Stop that process first, or use PostgreSQL through DATABASE_URL.`,
    );
    this.name = 'DatabaseInUseError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock or throws DatabaseInUseError; returns the release function. */
export function lockDataDir(dir: string, command: string): () => void {
  privateDirSync(dir);
  const file = path.join(dir, 'finhub.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify({ pid: process.pid, command }), { flag: 'wx', mode: PRIVATE_FILE_MODE });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.on('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: { pid: number; command: string } | null = null;
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        /* half-written or unreadable: treat as stale */
      }
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) throw new DatabaseInUseError(dir, holder);
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock ${file}`);
}
