/** Reading news: the public pages (published only), the staff list (drafts too), one item with its attachments. */
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/executor.ts';
import { notFound } from '../../server/errors.ts';
import { NEWS_PAGE_SIZE, type NewsPageSchema, type StaffNewsPageSchema } from './api-schema.ts';
import type { NewsKind } from './kinds.ts';
import { type AttachmentRow, type NewsRow, newsSummaryView, staffNewsSummaryView } from './presenters.ts';
import { newsAttachments, newsItems } from './schema.ts';

export const newsNotFound = (id: number) => notFound({ ko: `소식 ${id}`, en: `News item ${id}` });

interface PageQuery {
  kind?: NewsKind;
  page?: number;
}

async function page(db: Executor, where: SQL | undefined, q: PageQuery, order: SQL[]) {
  const pageNo = q.page ?? 1;
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(newsItems)
      .where(where)
      .orderBy(...order)
      .limit(NEWS_PAGE_SIZE)
      .offset((pageNo - 1) * NEWS_PAGE_SIZE),
    db.select({ n: sql<number>`count(*)::int` }).from(newsItems).where(where),
  ]);
  const total = Number(count?.n ?? 0);
  return { rows, meta: { page: pageNo, pageSize: NEWS_PAGE_SIZE, total, pageCount: Math.max(1, Math.ceil(total / NEWS_PAGE_SIZE)) } };
}

/** Published items, newest first. */
export async function listPublicNews(db: Executor, q: PageQuery): Promise<z.infer<typeof NewsPageSchema>> {
  const where = and(eq(newsItems.published, true), q.kind ? eq(newsItems.kind, q.kind) : undefined);
  const { rows, meta } = await page(db, where, q, [desc(newsItems.publishedAt), desc(newsItems.id)]);
  return { items: rows.map(newsSummaryView), ...meta };
}

/** Every item, drafts included, last edited first. */
export async function listStaffNews(db: Executor, q: PageQuery): Promise<z.infer<typeof StaffNewsPageSchema>> {
  const { rows, meta } = await page(db, q.kind ? eq(newsItems.kind, q.kind) : undefined, q, [desc(newsItems.updatedAt), desc(newsItems.id)]);
  return { items: rows.map(staffNewsSummaryView), ...meta };
}

/** The latest published items (the home page). */
export const latestNews = (db: Executor, limit: number) =>
  db.select().from(newsItems).where(eq(newsItems.published, true)).orderBy(desc(newsItems.publishedAt), desc(newsItems.id)).limit(limit);

/** One item (locked for update when asked) with its attachments; 404 when missing, or a draft and `publicOnly`. */
export async function loadNews(db: Executor, id: number, opts: { publicOnly?: boolean; lock?: boolean } = {}): Promise<{ row: NewsRow; attachments: AttachmentRow[] }> {
  const q = db.select().from(newsItems).where(eq(newsItems.id, id));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row || (opts.publicOnly && !row.published)) throw newsNotFound(id);
  const attachments = await db.select().from(newsAttachments).where(eq(newsAttachments.newsId, id)).orderBy(asc(newsAttachments.id));
  return { row, attachments };
}
