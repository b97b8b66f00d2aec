/** Turns news rows into API answers: the public summary and item, and the staff view. */
import type { z } from 'zod';
import type { AttachmentSchema, NewsSummarySchema, PublicNewsSchema, StaffNewsSchema, StaffNewsSummarySchema } from './api-schema.ts';
import { NEWS_KIND_LABELS } from './kinds.ts';
import type { newsAttachments, newsItems } from './schema.ts';

export type NewsRow = typeof newsItems.$inferSelect;
export type AttachmentRow = typeof newsAttachments.$inferSelect;

/** The first paragraph, cut at about 160 characters on a word boundary (list cards, og:description, feed). */
export function summaryOf(body: string, max = 160): string {
  const first = (body.split(/\n\s*\n/).find((p) => p.trim()) ?? '').replace(/\s+/g, ' ').trim();
  if (first.length <= max) return first;
  const cut = first.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The image's address carries a piece of its hash, so a replaced image is never served from a cache. */
export const imageUrl = (r: NewsRow) => `/api/news/${r.id}/image?v=${r.imageSha256!.slice(0, 12)}`;

function imageView(r: NewsRow) {
  if (!r.imageSha256) return null;
  return { url: imageUrl(r), alt: { ko: r.imageAltKo ?? '', en: r.imageAltEn } };
}

export function newsSummaryView(r: NewsRow): z.infer<typeof NewsSummarySchema> {
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: NEWS_KIND_LABELS[r.kind],
    title: { ko: r.titleKo, en: r.titleEn },
    summary: { ko: summaryOf(r.bodyKo), en: r.bodyEn === null ? null : summaryOf(r.bodyEn) },
    publishedAt: r.publishedAt?.toISOString() ?? null,
    image: imageView(r),
  };
}

export const staffNewsSummaryView = (r: NewsRow): z.infer<typeof StaffNewsSummarySchema> => ({
  ...newsSummaryView(r),
  published: r.published,
  updatedAt: r.updatedAt.toISOString(),
});

export const attachmentView = (a: AttachmentRow): z.infer<typeof AttachmentSchema> => ({
  id: a.id,
  fileName: a.fileName,
  mimeType: a.mimeType,
  sizeBytes: a.sizeBytes,
  url: `/api/news/attachments/${a.id}/file`,
});

export function publicNewsView(r: NewsRow, attachments: readonly AttachmentRow[]): z.infer<typeof PublicNewsSchema> {
  return {
    ...newsSummaryView(r),
    body: { ko: r.bodyKo, en: r.bodyEn },
    updatedAt: r.updatedAt.toISOString(),
    attachments: attachments.map(attachmentView),
  };
}

export function staffNewsView(r: NewsRow, attachments: readonly AttachmentRow[]): z.infer<typeof StaffNewsSchema> {
  return { ...publicNewsView(r, attachments), published: r.published, createdAt: r.createdAt.toISOString(), publicUrl: `/news/${r.id}` };
}

/** What the audit trail keeps of an item (texts and image, not the attachments' rows). */
export const auditView = (r: NewsRow) => ({
  kind: r.kind,
  title: { ko: r.titleKo, en: r.titleEn },
  body: { ko: r.bodyKo, en: r.bodyEn },
  published: r.published,
  publishedAt: r.publishedAt?.toISOString() ?? null,
  image: r.imageSha256 ? { sha256: r.imageSha256, mimeType: r.imageMimeType, alt: { ko: r.imageAltKo, en: r.imageAltEn } } : null,
});
