/**
 * The steps every upload into the shared content-addressed store takes (evidence, ordinance
 * documents, news): the sent name cleaned, the type recognised by content (415 naming the allowed
 * types otherwise), the bytes stored once by SHA-256 under the hash's lock, and the columns the
 * holder's row records; and the one way a holder lets a file go.
 */
import type { Executor } from '../db/executor.ts';
import { AppError } from './errors.ts';
import { heldElsewhere, lockStoredFile } from './file-holders.ts';
import { sha256Of, type FileStore } from './file-store.ts';
import { recognise } from './file-type.ts';
import { withoutControls } from './text.ts';

const allowedList = 'PDF, PNG, JPEG, GIF, WebP, TXT, CSV, XLSX, DOCX, PPTX, HWP, HWPX';

/** The last path segment, without control characters (C0, DEL, C1, line separators) or quotes, at most 200 characters (keeping the extension). */
export function cleanFileName(name: string): string {
  const base = withoutControls(name.split(/[\\/]/).pop() ?? '')
    .replace(/"/g, '')
    .trim();
  if (base.length <= 200) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 11 ? base.slice(dot) : '';
  return base.slice(0, 200 - ext.length) + ext;
}

/** Stores the bytes once by SHA-256, under the hash's lock so that no removal interleaves; returns the hash. */
export async function putStoredFile(tx: Executor, files: FileStore, bytes: Buffer): Promise<string> {
  const sha256 = sha256Of(bytes);
  await lockStoredFile(tx, sha256);
  await files.put(bytes, tx);
  return sha256;
}

/** The columns a holder's row records for a stored upload. */
export interface StoredUpload {
  fileSha256: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
}

/**
 * Recognises an upload by content and stores it: 415 naming the allowed types when it is none of
 * them (with `explainMismatch`, a content that contradicts the extension is named as such).
 * `fileName` is the cleaned name (cleanFileName).
 */
export async function storeUpload(tx: Executor, files: FileStore, bytes: Buffer, fileName: string, { explainMismatch = false } = {}): Promise<StoredUpload> {
  const found = await recognise(bytes, fileName);
  if (!found.ok) {
    const field = [{ field: 'file', message: { ko: `허용 형식: ${allowedList}`, en: `Allowed: ${allowedList}` } }];
    throw explainMismatch && found.reason === 'mismatch'
      ? new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          {
            ko: `파일 내용(${found.kind.toUpperCase()})과 확장자(.${found.extension})가 맞지 않습니다.`,
            en: `The file's content (${found.kind.toUpperCase()}) does not match its extension (.${found.extension}).`,
          },
          field,
        )
      : new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          {
            ko: `허용되지 않는 파일 형식입니다(내용으로 확인). ${allowedList}만 올릴 수 있습니다.`,
            en: `This file type is not accepted (checked by content). Allowed: ${allowedList}.`,
          },
          field,
        );
  }
  const fileSha256 = await putStoredFile(tx, files, bytes);
  return { fileSha256, fileName: found.fileName, mimeType: found.mimeType, sizeBytes: bytes.length };
}

/**
 * Removes a file the caller's transaction no longer refers to, unless any registered holder (the
 * caller's module included: another of its rows may hold the same bytes) still has it. Call it
 * last, after the row changes: a failure before it leaves the file in place.
 */
export async function releaseStoredFile(tx: Executor, files: FileStore, sha256: string): Promise<void> {
  await lockStoredFile(tx, sha256);
  if (!(await heldElsewhere(tx, sha256))) await files.remove(sha256, tx);
}
