/**
 * Tables of the newsroom (금융도시 홍보), module news: notices (공지사항) and press releases
 * (보도자료) in Korean with optional English, a lead image and attachments kept in the shared
 * content-addressed file store. A draft (published = false) is never shown to the public.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';

export const newsKind = pgEnum('news_kind', ['notice', 'press_release']);

export const newsItems = pgTable(
  'news_items',
  {
    id: serial('id').primaryKey(),
    kind: newsKind('kind').notNull(),
    titleKo: text('title_ko').notNull(),
    titleEn: text('title_en'),
    /** Plain text; paragraphs are separated by a blank line. Never HTML. */
    bodyKo: text('body_ko').notNull(),
    bodyEn: text('body_en'),
    published: boolean('published').notNull().default(false),
    /** The first publication (kept when unpublished, so a republished item keeps its date). */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    imageSha256: text('image_sha256'),
    imageMimeType: text('image_mime_type'),
    imageAltKo: text('image_alt_ko'),
    imageAltEn: text('image_alt_en'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('news_items_public_idx').on(t.published, t.publishedAt),
    // An image always has its alternative text (웹 접근성) and its type.
    check('news_items_image_ck', sql`${t.imageSha256} IS NULL OR (${t.imageAltKo} IS NOT NULL AND ${t.imageMimeType} IS NOT NULL)`),
    check('news_items_published_ck', sql`NOT ${t.published} OR ${t.publishedAt} IS NOT NULL`),
  ],
);

export const newsAttachments = pgTable(
  'news_attachments',
  {
    id: serial('id').primaryKey(),
    newsId: integer('news_id')
      .notNull()
      .references(() => newsItems.id, { onDelete: 'cascade' }),
    fileSha256: text('file_sha256').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('news_attachments_news_idx').on(t.newsId), index('news_attachments_sha_idx').on(t.fileSha256)],
);
