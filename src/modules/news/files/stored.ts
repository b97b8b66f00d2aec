/**
 * News files in the shared content-addressed store: the module's holder (so evidence or
 * ordinance deletions keep a file a news item still shows) and the one way news lets a file go.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/executor.ts';
import { heldElsewhere, lockStoredFile, registerFileHolder } from '../../../server/file-holders.ts';
import type { FileStore } from '../../../server/file-store.ts';
import { withoutControls } from '../../../server/text.ts';
import { newsAttachments, newsItems } from '../schema.ts';

registerFileHolder('news', async (tx, sha256) => {
  const [image] = await tx.select({ id: newsItems.id }).from(newsItems).where(eq(newsItems.imageSha256, sha256)).limit(1);
  if (image) return true;
  const [file] = await tx.select({ id: newsAttachments.id }).from(newsAttachments).where(eq(newsAttachments.fileSha256, sha256)).limit(1);
  return file !== undefined;
});

/**
 * Removes a file the caller's transaction no longer refers to, unless any holder (news included:
 * another item may show the same bytes) still has it. Call it last, after the row changes: a
 * failure before it leaves the file in place.
 */
export async function releaseStoredFile(tx: Executor, files: FileStore, sha256: string): Promise<void> {
  await lockStoredFile(tx, sha256);
  if (!(await heldElsewhere(tx, sha256))) await files.remove(sha256, tx);
}

/** A file name as sent, without folders, quotes or control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = withoutControls(name.split(/[\\/]/).pop() ?? '')
    .replace(/"/g, '')
    .trim();
  if (base.length <= 200) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 11 ? base.slice(dot) : '';
  return base.slice(0, 200 - ext.length) + ext;
}
