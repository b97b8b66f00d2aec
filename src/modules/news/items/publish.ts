/**
 * Publishing and unpublishing. The first publication sets the date shown (and the feed's
 * pubDate); unpublishing takes the item off every public page and the feed at once.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import type { SessionUser } from '../../accounts/service.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import type { StaffNewsSchema } from '../api-schema.ts';
import { staffNewsView } from '../presenters.ts';
import { loadNews } from '../read.ts';
import { newsItems } from '../schema.ts';

export async function setPublished(db: Executor, actor: Actor, user: SessionUser, id: number, published: boolean): Promise<z.infer<typeof StaffNewsSchema>> {
  return inTransaction(db, async (tx) => {
    const { row: before, attachments } = await loadNews(tx, id, { lock: true });
    if (before.published === published) return staffNewsView(before, attachments);
    const now = new Date();
    const [row] = await tx
      .update(newsItems)
      .set({ published, publishedAt: before.publishedAt ?? (published ? now : null), updatedBy: user.id, updatedAt: now })
      .where(eq(newsItems.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: published ? 'news.publish' : 'news.unpublish',
      entity: 'news_item',
      entityId: id,
      before: { published: before.published, publishedAt: before.publishedAt?.toISOString() ?? null },
      after: { published: row!.published, publishedAt: row!.publishedAt?.toISOString() ?? null },
    });
    return staffNewsView(row!, attachments);
  });
}
