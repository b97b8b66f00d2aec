/** Newsroom routes (금융도시 홍보): the public list, item, files and feed; the staff list, writes, image and attachments. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, type Policy, PUBLIC, userOf } from '../../server/auth.ts';
import { setDownloadHeaders } from '../../server/download.ts';
import { invalidField, notFound } from '../../server/errors.ts';
import type { FileStore } from '../../server/file-store.ts';
import { FILE_MIME_TYPES } from '../../server/file-type.ts';
import { readMultipart, requireFile, textField } from '../../server/multipart.ts';
import {
  AltText,
  AttachmentUploadBody,
  FeedQuery,
  IdParams,
  ImageUploadBody,
  NewsBody,
  NewsListQuery,
  NewsPageSchema,
  NewsPatchBody,
  PublicNewsSchema,
  StaffNewsPageSchema,
  StaffNewsSchema,
} from './api-schema.ts';
import { newsFeed } from './feed.ts';
import { addAttachment, attachmentFile, removeAttachment } from './files/attachments.ts';
import { newsImage, removeNewsImage, setNewsImage } from './files/image.ts';
import { createNews } from './items/create.ts';
import { editNews } from './items/edit.ts';
import { setPublished } from './items/publish.ts';
import { publicNewsView, staffNewsView } from './presenters.ts';
import { listPublicNews, listStaffNews, loadNews } from './read.ts';

const tags = ['news'];
/** Those who write news: the city's administrators and the finance-hub team (its communications). */
const NEWS_EDITOR_ROLES = ['admin', 'manager'] as const;
const NEWS_EDITORS: Policy = { roles: NEWS_EDITOR_ROLES };
const mayEdit = (req: FastifyRequest) => req.user !== null && (NEWS_EDITOR_ROLES as readonly string[]).includes(req.user.role);

/** A stored file's bytes, or 404 (logged) when the store lost it. */
async function storedBytes(files: FileStore, req: FastifyRequest, sha256: string, what: { ko: string; en: string }): Promise<Buffer> {
  const bytes = await files.read(sha256);
  if (!bytes) {
    req.log.error({ sha256 }, 'news file missing from the file store');
    throw notFound(what);
  }
  return bytes;
}

export const newsRoutes: FastifyPluginAsyncZod<{ publicUrl: string }> = async (app, { publicUrl }) => {
  app.get(
    '/api/news',
    {
      config: { policy: PUBLIC, publicCache: true },
      schema: {
        operationId: 'listNews',
        summary: 'Published notices and press releases, newest first, 10 a page / 공지사항·보도자료 목록',
        tags,
        querystring: NewsListQuery,
        response: { 200: NewsPageSchema },
      },
    },
    async (req) => listPublicNews(app.db, req.query),
  );

  app.get(
    '/api/news/feed.xml',
    {
      config: { policy: PUBLIC, publicCache: true },
      schema: {
        operationId: 'getNewsFeed',
        summary: 'The newsroom as an RSS 2.0 feed, in Korean or English / 소식 RSS',
        tags,
        querystring: FeedQuery,
        produces: ['application/rss+xml'],
        response: { 200: z.string().describe('RSS 2.0') },
      },
    },
    async (req, reply) => {
      const xml = await newsFeed(app.db, publicUrl, req.query.lang ?? 'ko');
      // Returned, not sent: the public cache keeps it with its type (signed-in staff get it fresh).
      void reply.type('application/rss+xml; charset=utf-8');
      return xml;
    },
  );

  app.get(
    '/api/news/:id',
    {
      config: { policy: PUBLIC, publicCache: true },
      schema: {
        operationId: 'getNews',
        summary: 'A published notice or press release / 소식',
        description: 'Drafts answer 404 to everyone here (staff preview through GET /api/manage/news/:id).',
        tags,
        params: IdParams,
        response: { 200: PublicNewsSchema },
      },
    },
    async (req) => {
      const { row, attachments } = await loadNews(app.db, req.params.id, { publicOnly: true });
      return publicNewsView(row, attachments);
    },
  );

  app.get(
    '/api/news/:id/image',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getNewsImage',
        summary: "An item's lead image / 소식 대표 이미지",
        description: 'Published items: anyone; drafts: those who edit news only (404 to others). Shown inline.',
        tags,
        params: IdParams,
        querystring: z.object({ v: z.string().max(64).optional().describe('cache key (part of the hash)') }).strict(),
        produces: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'],
        response: { 200: z.unknown().describe('the image') },
      },
    },
    async (req, reply) => {
      const r = await newsImage(app.db, req.params.id, mayEdit(req));
      const bytes = await storedBytes(app.files, req, r.imageSha256, { ko: `소식 ${r.id}의 이미지`, en: `Image of news item ${r.id}` });
      reply
        .header('content-type', r.imageMimeType)
        .header('content-length', String(bytes.length))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'; frame-ancestors 'none'")
        .header('cross-origin-resource-policy', 'same-origin')
        .header('cache-control', r.published ? 'public, max-age=300' : 'private, no-store');
      return reply.send(bytes);
    },
  );

  app.get(
    '/api/news/attachments/:id/file',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getNewsAttachment',
        summary: 'Download an attachment / 첨부파일 내려받기',
        description: 'Published items: anyone; drafts: those who edit news only (404 to others). Always an attachment.',
        tags,
        params: IdParams,
        produces: FILE_MIME_TYPES,
        response: { 200: z.unknown().describe('the file, as an attachment') },
      },
    },
    async (req, reply) => {
      const a = await attachmentFile(app.db, req.params.id, mayEdit(req));
      const bytes = await storedBytes(app.files, req, a.fileSha256, { ko: `첨부파일 ${a.id}`, en: `Attachment ${a.id}` });
      setDownloadHeaders(reply, { fileName: a.fileName, mimeType: a.mimeType, sizeBytes: bytes.length, cache: a.published ? 'public' : 'private' });
      return reply.send(bytes);
    },
  );

  // Staff: everything below is for those who write news.
  app.get(
    '/api/manage/news',
    {
      config: { policy: NEWS_EDITORS },
      schema: {
        operationId: 'listNewsForStaff',
        summary: 'Every item, drafts included, last edited first / 소식 관리 목록',
        tags,
        querystring: NewsListQuery,
        response: { 200: StaffNewsPageSchema },
      },
    },
    async (req) => listStaffNews(app.db, req.query),
  );

  app.get(
    '/api/manage/news/:id',
    {
      config: { policy: NEWS_EDITORS },
      schema: { operationId: 'getNewsForStaff', summary: 'One item as staff edit and preview it / 소식 편집·미리보기', tags, params: IdParams, response: { 200: StaffNewsSchema } },
    },
    async (req) => {
      const { row, attachments } = await loadNews(app.db, req.params.id);
      return staffNewsView(row, attachments);
    },
  );

  app.post(
    '/api/manage/news',
    {
      config: { policy: NEWS_EDITORS },
      schema: { operationId: 'createNews', summary: 'Write a notice or press release (a draft) / 소식 작성', tags, body: NewsBody, response: { 201: StaffNewsSchema } },
    },
    async (req, reply) => reply.status(201).send(await createNews(app.db, actorOf(req), userOf(req), req.body)),
  );

  app.patch(
    '/api/manage/news/:id',
    {
      config: { policy: NEWS_EDITORS },
      schema: {
        operationId: 'editNews',
        summary: "Edit an item's kind, texts or image alternative text / 소식 수정",
        description: 'An English text set to null (or blank) is removed; absent fields stay as they are.',
        tags,
        params: IdParams,
        body: NewsPatchBody,
        response: { 200: StaffNewsSchema },
      },
    },
    async (req) => editNews(app.db, actorOf(req), userOf(req), req.params.id, req.body),
  );

  for (const [path, published] of [
    ['publish', true],
    ['unpublish', false],
  ] as const) {
    app.post(
      `/api/manage/news/:id/${path}`,
      {
        config: { policy: NEWS_EDITORS },
        schema: {
          operationId: published ? 'publishNews' : 'unpublishNews',
          summary: published ? 'Publish an item (public pages and feed) / 소식 게시' : 'Take an item off the public pages and feed / 소식 게시 취소',
          tags,
          params: IdParams,
          response: { 200: StaffNewsSchema },
        },
      },
      async (req) => setPublished(app.db, actorOf(req), userOf(req), req.params.id, published),
    );
  }

  app.put(
    '/api/manage/news/:id/image',
    {
      config: { policy: NEWS_EDITORS },
      schema: {
        operationId: 'setNewsImage',
        summary: 'Set (or replace) the lead image with its alternative text / 대표 이미지 올리기',
        description: 'multipart/form-data: `file` (≤ 10 MB; PNG, JPEG, GIF or WebP, checked by content), `alt.ko` (required), `alt.en`.',
        tags,
        consumes: ['multipart/form-data'],
        params: IdParams,
        body: ImageUploadBody,
        response: { 200: StaffNewsSchema },
      },
    },
    async (req) => {
      const form = await readMultipart(req, 'file', ['alt.ko', 'alt.en']);
      const file = requireFile(form);
      const ko = textField(form, 'alt.ko', AltText);
      if (ko === undefined) throw invalidField('alt.ko', '이미지의 대체 텍스트를 입력하십시오.', 'Enter the alternative text of the image.');
      const en = form.fields['alt.en']?.trim() ? textField(form, 'alt.en', AltText) : undefined;
      return setNewsImage(app.db, app.files, actorOf(req), userOf(req), req.params.id, { file, alt: { ko, en } });
    },
  );

  app.delete(
    '/api/manage/news/:id/image',
    {
      config: { policy: NEWS_EDITORS },
      schema: { operationId: 'removeNewsImage', summary: 'Remove the lead image / 대표 이미지 삭제', tags, params: IdParams, response: { 200: StaffNewsSchema } },
    },
    async (req) => removeNewsImage(app.db, app.files, actorOf(req), userOf(req), req.params.id),
  );

  app.post(
    '/api/manage/news/:id/attachments',
    {
      config: { policy: NEWS_EDITORS },
      schema: {
        operationId: 'addNewsAttachment',
        summary: 'Attach a file / 첨부파일 올리기',
        description: 'multipart/form-data: `file` (≤ 10 MB, checked by content; at most 20 a item).',
        tags,
        consumes: ['multipart/form-data'],
        params: IdParams,
        body: AttachmentUploadBody,
        response: { 201: StaffNewsSchema },
      },
    },
    async (req, reply) => {
      const form = await readMultipart(req, 'file', []);
      return reply.status(201).send(await addAttachment(app.db, app.files, actorOf(req), userOf(req), req.params.id, requireFile(form)));
    },
  );

  app.delete(
    '/api/manage/news/attachments/:id',
    {
      config: { policy: NEWS_EDITORS },
      schema: { operationId: 'removeNewsAttachment', summary: 'Remove an attachment / 첨부파일 삭제', tags, params: IdParams, response: { 200: StaffNewsSchema } },
    },
    async (req) => removeAttachment(app.db, app.files, actorOf(req), userOf(req), req.params.id),
  );
};
