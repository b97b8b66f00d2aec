/**
 * News files in the shared content-addressed store: the module's holder, so evidence or ordinance
 * deletions keep a file a news item still shows (and news releases one through
 * releaseStoredFile, server/stored-files.ts, which asks this holder too).
 */
import { eq } from 'drizzle-orm';
import { registerFileHolder } from '../../../server/file-holders.ts';
import { newsAttachments, newsItems } from '../schema.ts';

registerFileHolder('news', async (tx, sha256) => {
  const [image] = await tx.select({ id: newsItems.id }).from(newsItems).where(eq(newsItems.imageSha256, sha256)).limit(1);
  if (image) return true;
  const [file] = await tx.select({ id: newsAttachments.id }).from(newsAttachments).where(eq(newsAttachments.fileSha256, sha256)).limit(1);
  return file !== undefined;
});
