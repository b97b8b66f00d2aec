/** Edits an item's kind, texts and image alternative text (drafts and published items alike). */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { invalidField } from '../../../server/errors.ts';
import type { SessionUser } from '../../accounts/service.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import type { NewsPatchBody, StaffNewsSchema } from '../api-schema.ts';
import { auditView, staffNewsView } from '../presenters.ts';
import { loadNews } from '../read.ts';
import { newsItems } from '../schema.ts';

/** An optional English text: absent keeps it, null or blank clears it. */
const english = (v: string | null | undefined, old: string | null) => (v === undefined ? old : v || null);

export async function editNews(db: Executor, actor: Actor, user: SessionUser, id: number, input: z.output<typeof NewsPatchBody>): Promise<z.infer<typeof StaffNewsSchema>> {
  return inTransaction(db, async (tx) => {
    const { row: before, attachments } = await loadNews(tx, id, { lock: true });
    if (input.imageAlt && !before.imageSha256) throw invalidField('imageAlt', '대표 이미지가 없습니다. 이미지를 먼저 올리십시오.', 'The item has no lead image; upload one first.');
    const [row] = await tx
      .update(newsItems)
      .set({
        kind: input.kind ?? before.kind,
        titleKo: input.title?.ko ?? before.titleKo,
        titleEn: input.title ? english(input.title.en, before.titleEn) : before.titleEn,
        bodyKo: input.body?.ko ?? before.bodyKo,
        bodyEn: input.body ? english(input.body.en, before.bodyEn) : before.bodyEn,
        imageAltKo: input.imageAlt?.ko ?? before.imageAltKo,
        imageAltEn: input.imageAlt ? english(input.imageAlt.en, before.imageAltEn) : before.imageAltEn,
        updatedBy: user.id,
        updatedAt: new Date(),
      })
      .where(eq(newsItems.id, id))
      .returning();
    await recordAudit(tx, actor, { action: 'news.edit', entity: 'news_item', entityId: id, before: auditView(before), after: auditView(row!) });
    return staffNewsView(row!, attachments);
  });
}
