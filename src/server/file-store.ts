/**
 * Content-addressed file storage under FINHUB_DATA_DIR/files: a file is stored once, named by
 * the SHA-256 of its bytes (files/ab/ab12…), written to a temporary name and renamed into
 * place so a reader never sees half a file.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_FILE_MODE, privateDir } from './private-files.ts';

const SHA256 = /^[0-9a-f]{64}$/;

export interface FileStore {
  readonly dir: string;
  /** Stores the bytes (once: the same content is not written twice); returns their SHA-256. */
  put(bytes: Uint8Array): Promise<{ sha256: string; sizeBytes: number }>;
  pathOf(sha256: string): string;
  exists(sha256: string): Promise<boolean>;
  remove(sha256: string): Promise<void>;
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function createFileStore(dir: string): FileStore {
  const pathOf = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return path.join(dir, sha256.slice(0, 2), sha256);
  };
  const exists = async (sha256: string) => {
    try {
      await fs.promises.access(pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  };
  return {
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
    async remove(sha256) {
      await fs.promises.rm(pathOf(sha256), { force: true });
    },
  };
}
