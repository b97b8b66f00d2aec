/** Evidence routes: upload a file, add a link, edit, delete, and serve the file. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FILE_MIME_TYPES } from '../../server/file-type.ts';
import { z } from 'zod';
import { actorOf, EDITORS, PUBLIC, userOf } from '../../server/auth.ts';
import { setDownloadHeaders } from '../../server/download.ts';
import { notFound } from '../../server/errors.ts';
import { booleanField, readMultipart, requireFile, textField } from '../../server/multipart.ts';
import { EvidenceSchema } from './api-schema.ts';
import { addFileEvidence, addLinkEvidence, deleteEvidence, evidenceFile, updateEvidence } from './evidence-service.ts';
import { ActionIdParams, EvidenceFileTitle, EvidenceIdParams, EvidencePatchBody, EvidenceUploadBody, LinkBody } from './tracking-api-schema.ts';

export const evidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/actions/:id/evidence',
    {
      config: { policy: EDITORS, errors: ['OTHER_DEPARTMENT'] },
      schema: {
        operationId: 'uploadEvidence',
        summary: 'Attach a file to an action / 증빙 파일 첨부',
        description:
          'multipart/form-data: `file` (≤ 10 MB; PDF, PNG, JPEG, GIF, WebP, TXT, CSV, XLSX, DOCX, PPTX, HWP, HWPX — checked by content), ' +
          '`title` (defaults to the file name), `published` ("true"/"false", default false).',
        tags: ['evidence'],
        consumes: ['multipart/form-data'],
        params: ActionIdParams,
        body: EvidenceUploadBody,
        response: { 201: EvidenceSchema },
      },
    },
    async (req, reply) => {
      const form = await readMultipart(req, 'file', ['title', 'published']);
      const file = requireFile(form);
      const published = booleanField(form, 'published', false);
      const title = textField(form, 'title', EvidenceFileTitle);
      const created = await addFileEvidence(app.db, app.files, actorOf(req), userOf(req), req.params.id, { title, published, file });
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/actions/:id/links',
    {
      config: { policy: EDITORS, errors: ['OTHER_DEPARTMENT'] },
      schema: {
        operationId: 'addEvidenceLink',
        summary: 'Attach a link (http/https) to an action / 증빙 링크 추가',
        tags: ['evidence'],
        params: ActionIdParams,
        body: LinkBody,
        response: { 201: EvidenceSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await addLinkEvidence(app.db, actorOf(req), userOf(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/evidence/:id',
    {
      config: { policy: EDITORS, errors: ['OTHER_DEPARTMENT'] },
      schema: {
        operationId: 'updateEvidence',
        summary: 'Rename or (un)publish evidence / 증빙 수정·공개',
        tags: ['evidence'],
        params: EvidenceIdParams,
        body: EvidencePatchBody,
        response: { 200: EvidenceSchema },
      },
    },
    async (req) => updateEvidence(app.db, actorOf(req), userOf(req), req.params.id, req.body),
  );

  app.delete(
    '/api/evidence/:id',
    {
      config: { policy: EDITORS, errors: ['OTHER_DEPARTMENT'] },
      schema: {
        operationId: 'deleteEvidence',
        summary: 'Delete evidence / 증빙 삭제',
        tags: ['evidence'],
        params: EvidenceIdParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteEvidence(app.db, app.files, actorOf(req), userOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/evidence/:id/file',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getEvidenceFile',
        summary: 'Download an evidence file / 증빙 파일 내려받기',
        description: 'Published files: anyone. Unpublished: signed-in staff only (404 to others). Always an attachment.',
        tags: ['evidence'],
        params: EvidenceIdParams,
        produces: FILE_MIME_TYPES,
        response: { 200: z.unknown().describe('the file, as an attachment') },
      },
    },
    async (req, reply) => {
      const e = await evidenceFile(app.db, req.params.id, req.user !== null);
      const bytes = await app.files.read(e.fileSha256);
      if (!bytes) {
        req.log.error({ evidenceId: e.id, sha256: e.fileSha256 }, 'evidence file missing from the file store');
        throw notFound({ ko: `증빙 파일 ${e.id}`, en: `Evidence file ${e.id}` });
      }
      setDownloadHeaders(reply, { fileName: e.fileName ?? `evidence-${e.id}`, mimeType: e.mimeType, sizeBytes: bytes.length, cache: e.published ? 'public' : 'private' });
      return reply.send(bytes);
    },
  );
};
