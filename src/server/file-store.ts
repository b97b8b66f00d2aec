/**
 * Content-addressed file storage: a file is stored once, named by the SHA-256 of its bytes.
 * - On PostgreSQL, in the database (table stored_files), so every server sees every file and a
 *   file written in a request's transaction commits or rolls back with its row.
 * - On the embedded PGlite database (one process), under FINHUB_DATA_DIR/files (files/ab/ab12…),
 *   written to a temporary name and renamed into place so a reader never sees half a file.
 * - In an S3-compatible object store when FINHUB_S3_BUCKET is set (src/server/file-store-s3.ts),
 *   whichever the database: the files' bytes stay out of PostgreSQL.
 * Each operation takes the request's transaction when it has one (`on`); the folder and the
 * object store ignore it.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { createS3FileStore, type S3Settings } from './file-store-s3.ts';
import type { Executor } from '../db/executor.ts';
import { PRIVATE_FILE_MODE, privateDir } from './private-files.ts';
import { storedFiles } from './shared-state-schema.ts';

const SHA256 = /^[0-9a-f]{64}$/;

export interface FileStore {
  readonly kind: 'folder' | 'database' | 's3';
  /** Stores the bytes (once: the same content is not written twice); returns their SHA-256. */
  put(bytes: Uint8Array, on?: Executor): Promise<{ sha256: string; sizeBytes: number }>;
  /** The bytes, or null when the store has no such file. */
  read(sha256: string, on?: Executor): Promise<Buffer | null>;
  exists(sha256: string, on?: Executor): Promise<boolean>;
  remove(sha256: string, on?: Executor): Promise<void>;
  /** Every stored hash, sorted (backups). The folder lists names; a backup checks the content. */
  list(on?: Executor): Promise<string[]>;
  /** Lets go of connections (the object store's), when the server stops. */
  close?(): void;
  /**
   * Whether the store answers (the object store's, for /api/ready), failing after `timeoutMs`: a
   * store that is down or hangs is unavailable, not a hang. The folder and the database's table
   * need none (the database is checked on its own).
   */
  check?(timeoutMs: number): Promise<void>;
}

export interface FolderFileStore extends FileStore {
  readonly kind: 'folder';
  readonly dir: string;
  pathOf(sha256: string): string;
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const checked = (sha256: string) => {
  if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return sha256;
};

/** The store a server uses: the object store when configured, else PostgreSQL's table, or the folder for PGlite. */
export function openFileStore(database: Pick<Database, 'db' | 'kind'>, filesDir: string, s3?: S3Settings): FileStore {
  if (s3) return createS3FileStore(s3, sha256Of);
  return database.kind === 'postgres' ? createDatabaseFileStore(database.db) : createFileStore(filesDir);
}

function createDatabaseFileStore(db: Executor): FileStore {
  return {
    kind: 'database',
    async put(bytes, on = db) {
      const sha256 = sha256Of(bytes);
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      await on.insert(storedFiles).values({ sha256, sizeBytes: bytes.byteLength, bytes: buffer }).onConflictDoNothing();
      return { sha256, sizeBytes: bytes.byteLength };
    },
    async read(sha256, on = db) {
      const [row] = await on
        .select({ bytes: storedFiles.bytes })
        .from(storedFiles)
        .where(eq(storedFiles.sha256, checked(sha256)));
      return row ? Buffer.from(row.bytes) : null;
    },
    async exists(sha256, on = db) {
      return (
        (
          await on
            .select({ sha256: storedFiles.sha256 })
            .from(storedFiles)
            .where(eq(storedFiles.sha256, checked(sha256)))
        ).length > 0
      );
    },
    async remove(sha256, on = db) {
      await on.delete(storedFiles).where(eq(storedFiles.sha256, checked(sha256)));
    },
    async list(on = db) {
      return (await on.select({ sha256: storedFiles.sha256 }).from(storedFiles).orderBy(storedFiles.sha256)).map((r) => r.sha256);
    },
  };
}

export function createFileStore(dir: string): FolderFileStore {
  const pathOf = (sha256: string) => path.join(dir, checked(sha256).slice(0, 2), sha256);
  const exists = async (sha256: string) => {
    try {
      await fs.promises.access(pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  };
  return {
    kind: 'folder',
    dir,
    pathOf,
    exists,
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      const target = pathOf(sha256);
      if (!(await exists(sha256))) {
        await privateDir(path.dirname(target));
        const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
        try {
          await fs.promises.writeFile(tmp, bytes, { flag: 'wx', mode: PRIVATE_FILE_MODE });
          await fs.promises.rename(tmp, target);
        } catch (e) {
          await fs.promises.rm(tmp, { force: true });
          throw e;
        }
      }
      return { sha256, sizeBytes: bytes.byteLength };
    },
    async read(sha256) {
      try {
        return await fs.promises.readFile(pathOf(sha256));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async remove(sha256) {
      await fs.promises.rm(pathOf(sha256), { force: true });
    },
    async list() {
      if (!fs.existsSync(dir)) return [];
      return fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile() && SHA256.test(d.name) && path.join(d.parentPath, d.name) === path.join(dir, d.name.slice(0, 2), d.name))
        .map((d) => d.name)
        .sort();
    },
  };
}
