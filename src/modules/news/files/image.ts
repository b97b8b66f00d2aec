/** The lead image of an item: PNG, JPEG, GIF or WebP (checked by content) with its alternative text. */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { AppError } from '../../../server/errors.ts';
import type { FileStore } from '../../../server/file-store.ts';
import { recognise } from '../../../server/file-type.ts';
import type { UploadedFile } from '../../../server/multipart.ts';
import { putStoredFile, releaseStoredFile } from '../../../server/stored-files.ts';
import type { SessionUser } from '../../accounts/service.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import type { StaffNewsSchema } from '../api-schema.ts';
import { auditView, type NewsRow, staffNewsView } from '../presenters.ts';
import { loadNews, newsNotFound } from '../read.ts';
import { newsItems } from '../schema.ts';
import './stored.ts';

const IMAGE_KINDS = new Set(['png', 'jpeg', 'gif', 'webp']);

export interface ImageInput {
  file: UploadedFile;
  alt: { ko: string; en?: string };
}

export async function setNewsImage(db: Executor, files: FileStore, actor: Actor, user: SessionUser, id: number, input: ImageInput): Promise<z.infer<typeof StaffNewsSchema>> {
  return inTransaction(db, async (tx) => {
    const { row: before, attachments } = await loadNews(tx, id, { lock: true });
    const found = await recognise(input.file.bytes, input.file.fileName);
    if (!found.ok || !IMAGE_KINDS.has(found.kind)) {
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        { ko: '대표 이미지는 PNG, JPEG, GIF, WebP만 올릴 수 있습니다(내용으로 확인).', en: 'The lead image must be a PNG, JPEG, GIF or WebP image (checked by content).' },
        [{ field: 'file', message: { ko: '허용 형식: PNG, JPEG, GIF, WebP', en: 'Allowed: PNG, JPEG, GIF, WebP' } }],
      );
    }
    const sha256 = await putStoredFile(tx, files, input.file.bytes);
    const [row] = await tx
      .update(newsItems)
      .set({ imageSha256: sha256, imageMimeType: found.mimeType, imageAltKo: input.alt.ko, imageAltEn: input.alt.en || null, updatedBy: user.id, updatedAt: new Date() })
      .where(eq(newsItems.id, id))
      .returning();
    await recordAudit(tx, actor, { action: 'news.image', entity: 'news_item', entityId: id, before: auditView(before).image, after: auditView(row!).image });
    if (before.imageSha256 && before.imageSha256 !== sha256) await releaseStoredFile(tx, files, before.imageSha256);
    return staffNewsView(row!, attachments);
  });
}

export async function removeNewsImage(db: Executor, files: FileStore, actor: Actor, user: SessionUser, id: number): Promise<z.infer<typeof StaffNewsSchema>> {
  return inTransaction(db, async (tx) => {
    const { row: before, attachments } = await loadNews(tx, id, { lock: true });
    if (!before.imageSha256) return staffNewsView(before, attachments);
    const [row] = await tx
      .update(newsItems)
      .set({ imageSha256: null, imageMimeType: null, imageAltKo: null, imageAltEn: null, updatedBy: user.id, updatedAt: new Date() })
      .where(eq(newsItems.id, id))
      .returning();
    await recordAudit(tx, actor, { action: 'news.image.remove', entity: 'news_item', entityId: id, before: auditView(before).image, after: null });
    await releaseStoredFile(tx, files, before.imageSha256);
    return staffNewsView(row!, attachments);
  });
}

/** The image to serve: a published item's to anyone, a draft's to those who edit news (404 to others). */
export async function newsImage(db: Executor, id: number, mayEdit: boolean): Promise<NewsRow & { imageSha256: string; imageMimeType: string }> {
  const [row] = await db.select().from(newsItems).where(eq(newsItems.id, id));
  if (!row?.imageSha256 || !row.imageMimeType || (!row.published && !mayEdit)) throw newsNotFound(id);
  return { ...row, imageSha256: row.imageSha256, imageMimeType: row.imageMimeType };
}
