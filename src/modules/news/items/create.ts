/** A new news item, always a draft: publishing is a separate, deliberate step. */
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import type { SessionUser } from '../../accounts/service.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import type { NewsBody, StaffNewsSchema } from '../api-schema.ts';
import { auditView, staffNewsView } from '../presenters.ts';
import { newsItems } from '../schema.ts';

export async function createNews(db: Executor, actor: Actor, user: SessionUser, input: z.output<typeof NewsBody>): Promise<z.infer<typeof StaffNewsSchema>> {
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(newsItems)
      .values({
        kind: input.kind,
        titleKo: input.title.ko,
        titleEn: input.title.en || null,
        bodyKo: input.body.ko,
        bodyEn: input.body.en || null,
        createdBy: user.id,
        updatedBy: user.id,
      })
      .returning();
    await recordAudit(tx, actor, { action: 'news.create', entity: 'news_item', entityId: row!.id, after: auditView(row!) });
    return staffNewsView(row!, []);
  });
}
