/** Attachments of an item (the press release as HWP or PDF, a poster …): recognised by content, stored once by hash. */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { AppError, notFound } from '../../../server/errors.ts';
import type { FileStore } from '../../../server/file-store.ts';
import type { UploadedFile } from '../../../server/multipart.ts';
import { cleanFileName, releaseStoredFile, storeUpload } from '../../../server/stored-files.ts';
import type { SessionUser } from '../../accounts/service.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import type { StaffNewsSchema } from '../api-schema.ts';
import { type AttachmentRow, attachmentView, staffNewsView } from '../presenters.ts';
import { loadNews } from '../read.ts';
import { newsAttachments, newsItems } from '../schema.ts';
import './stored.ts';

/** Enough for a press release and its annexes; more is a sign of a mistake. */
const MAX_ATTACHMENTS = 20;

const attachmentNotFound = (id: number) => notFound({ ko: `첨부파일 ${id}`, en: `Attachment ${id}` });

export async function addAttachment(db: Executor, files: FileStore, actor: Actor, user: SessionUser, newsId: number, file: UploadedFile): Promise<z.infer<typeof StaffNewsSchema>> {
  return inTransaction(db, async (tx) => {
    const { row, attachments } = await loadNews(tx, newsId, { lock: true });
    if (attachments.length >= MAX_ATTACHMENTS) {
      throw new AppError('VALIDATION_FAILED', { ko: `첨부파일은 ${MAX_ATTACHMENTS}개까지입니다.`, en: `At most ${MAX_ATTACHMENTS} attachments.` }, [
        { field: 'file', message: { ko: `첨부파일은 ${MAX_ATTACHMENTS}개까지입니다.`, en: `At most ${MAX_ATTACHMENTS} attachments.` } },
      ]);
    }
    const stored = await storeUpload(tx, files, file.bytes, cleanFileName(file.fileName));
    const [a] = await tx
      .insert(newsAttachments)
      .values({ newsId, ...stored, createdBy: user.id })
      .returning();
    await tx.update(newsItems).set({ updatedBy: user.id, updatedAt: new Date() }).where(eq(newsItems.id, newsId));
    await recordAudit(tx, actor, { action: 'news.attachment', entity: 'news_item', entityId: newsId, after: { ...attachmentView(a!), sha256: stored.fileSha256 } });
    return staffNewsView({ ...row, updatedAt: new Date() }, [...attachments, a!]);
  });
}

export async function removeAttachment(db: Executor, files: FileStore, actor: Actor, user: SessionUser, id: number): Promise<z.infer<typeof StaffNewsSchema>> {
  return inTransaction(db, async (tx) => {
    const [a] = await tx.select().from(newsAttachments).where(eq(newsAttachments.id, id));
    if (!a) throw attachmentNotFound(id);
    await loadNews(tx, a.newsId, { lock: true });
    await tx.delete(newsAttachments).where(eq(newsAttachments.id, id));
    await tx.update(newsItems).set({ updatedBy: user.id, updatedAt: new Date() }).where(eq(newsItems.id, a.newsId));
    await recordAudit(tx, actor, { action: 'news.attachment.remove', entity: 'news_item', entityId: a.newsId, before: { ...attachmentView(a), sha256: a.fileSha256 } });
    await releaseStoredFile(tx, files, a.fileSha256);
    const { row, attachments } = await loadNews(tx, a.newsId);
    return staffNewsView(row, attachments);
  });
}

/** The attachment to serve: a published item's to anyone, a draft's to those who edit news (404 to others). */
export async function attachmentFile(db: Executor, id: number, mayEdit: boolean): Promise<AttachmentRow & { published: boolean }> {
  const [r] = await db
    .select({ a: newsAttachments, published: newsItems.published })
    .from(newsAttachments)
    .innerJoin(newsItems, eq(newsItems.id, newsAttachments.newsId))
    .where(eq(newsAttachments.id, id));
  if (!r || (!r.published && !mayEdit)) throw attachmentNotFound(id);
  return { ...r.a, published: r.published };
}
