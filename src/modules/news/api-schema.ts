/** Zod schemas of the newsroom API (금융도시 홍보): the public list and item, the staff view and the writes. */
import { z } from 'zod';
import { binary, dbId, idNumber, multipartBody, wholeNumber } from '../../server/api-schema.ts';
import { multiLine, singleLine } from '../../server/text.ts';
import { NEWS_KINDS } from './kinds.ts';

export const IdParams = z.object({ id: idNumber().describe('id') });
const NewsKindSchema = z.enum(NEWS_KINDS).describe('notice (공지사항) or press_release (보도자료)');
const LangSchema = z.enum(['ko', 'en']);

/** Ten items a page: the list a citizen scrolls on a phone. */
export const NEWS_PAGE_SIZE = 10;
export const NewsListQuery = z
  .object({
    kind: NewsKindSchema.optional(),
    page: wholeNumber(1, 100_000).optional().describe('1-based page number (10 items a page)'),
  })
  .strict();

const Title = singleLine(200);
const Body = multiLine(20_000).describe('plain text; a blank line separates paragraphs (no HTML)');
export const AltText = singleLine(300);

export const NewsBody = z
  .object({
    kind: NewsKindSchema,
    title: z.object({ ko: Title, en: Title.optional() }).strict(),
    body: z.object({ ko: Body, en: Body.optional() }).strict(),
  })
  .strict();

export const NewsPatchBody = z
  .object({
    kind: NewsKindSchema,
    title: z.object({ ko: Title, en: Title.nullable().optional() }).strict(),
    body: z.object({ ko: Body, en: Body.nullable().optional() }).strict(),
    imageAlt: z.object({ ko: AltText, en: AltText.nullable().optional() }).strict().describe("the lead image's alternative text (only when the item has an image)"),
  })
  .partial()
  .strict();

export const ImageUploadBody = multipartBody({
  file: binary('≤ 10 MB: PNG, JPEG, GIF or WebP (checked by content)'),
  'alt.ko': AltText.describe('alternative text in Korean (required)'),
  'alt.en': AltText.optional().describe('alternative text in English'),
});

export const AttachmentUploadBody = multipartBody({
  file: binary('≤ 10 MB: PDF, PNG, JPEG, GIF, WebP, TXT, CSV, XLSX, DOCX, PPTX, HWP, HWPX (checked by content)'),
});

const bilingualOut = z.object({ ko: z.string(), en: z.string().nullable().describe('null: not given in English (show the Korean, saying so)') });

const ImageSchema = z.object({ url: z.string(), alt: bilingualOut });

export const AttachmentSchema = z.object({ id: dbId(), fileName: z.string(), mimeType: z.string(), sizeBytes: z.number().int(), url: z.string() });

const kindLabel = z.object({ ko: z.string(), en: z.string() });

export const NewsSummarySchema = z.object({
  id: dbId(),
  kind: NewsKindSchema,
  kindLabel,
  title: bilingualOut,
  summary: bilingualOut.describe('the first paragraph, shortened'),
  publishedAt: z.string().nullable().describe('first publication (ISO 8601); null for a draft never published'),
  image: ImageSchema.nullable(),
});

export const NewsPageSchema = z.object({
  items: z.array(NewsSummarySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  pageCount: z.number().int(),
});

export const PublicNewsSchema = NewsSummarySchema.extend({
  body: bilingualOut,
  updatedAt: z.string(),
  attachments: z.array(AttachmentSchema),
});

export const StaffNewsSchema = PublicNewsSchema.extend({
  published: z.boolean(),
  createdAt: z.string(),
  publicUrl: z.string().describe('the public page (answers 404 while a draft)'),
});

export const StaffNewsSummarySchema = NewsSummarySchema.extend({ published: z.boolean(), updatedAt: z.string() });
export const StaffNewsPageSchema = NewsPageSchema.extend({ items: z.array(StaffNewsSummarySchema) });

export const FeedQuery = z.object({ lang: LangSchema.optional().describe('ko (default) or en') }).strict();
