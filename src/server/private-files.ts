/**
 * Files with personal data (the embedded database, outbox messages, uploaded evidence) are private
 * to the service user: folders 0700, files 0600 (DESIGN: security rules). `mkdir` with a mode sets
 * it only on the folders it creates, so the data directory itself is tightened too: an
 * installation made before this rule gets its permissions fixed at the next start.
 */
import fs from 'node:fs';

const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

function tighten(dir: string): void {
  try {
    if ((fs.statSync(dir).mode & 0o777) !== PRIVATE_DIR_MODE) fs.chmodSync(dir, PRIVATE_DIR_MODE);
  } catch (e) {
    // Not ours to change (another owner, a read-only mount): the mode stays as the owner set it.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM' && (e as NodeJS.ErrnoException).code !== 'EROFS') throw e;
  }
}

/** Creates `dir` (and missing parents) 0700 and makes `dir` itself 0700. */
export function privateDirSync(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tighten(dir);
}

export async function privateDir(dir: string): Promise<void> {
  await fs.promises.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tighten(dir);
}
