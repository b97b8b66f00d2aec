/** Ordinance routes (조례): the public stage and dates, the staff view, stage moves, amendments, opinions and documents. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FILE_MIME_TYPES } from '../../../server/file-type.ts';
import { z } from 'zod';
import { actorOf, EDITORS, MANAGERS, PUBLIC, STAFF, userOf } from '../../../server/auth.ts';
import { setDownloadHeaders } from '../../../server/download.ts';
import { invalidField, notFound } from '../../../server/errors.ts';
import { booleanField, readMultipart, requireFile, textField } from '../../../server/multipart.ts';
import {
  DocumentTitle,
  DocumentUploadBody,
  IdParams,
  OpinionAnswerBody,
  OpinionBody,
  OpinionSchema,
  OrdinanceStageSchema,
  PublicOrdinanceSchema,
  RoundBody,
  StaffDocumentSchema,
  StaffOrdinanceSchema,
  StageMoveBody,
} from './api-schema.ts';
import { addDocument, documentFile } from './documents.ts';
import './measure.ts';
import { moveStage } from './move-stage.ts';
import { addOpinion, answerOpinion } from './opinions.ts';
import { publicOrdinanceView, staffOrdinanceView } from './presenters.ts';
import { loadOrdinance } from './read.ts';
import { startAmendment } from './rounds.ts';

const tags = ['ordinance'];

export const ordinanceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/ordinance',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getOrdinance',
        summary: 'The ordinance: current stage, the date of each stage, notice period, published documents / 조례 추진 현황',
        tags,
        response: { 200: PublicOrdinanceSchema },
      },
    },
    async () => publicOrdinanceView(await loadOrdinance(app.db)),
  );

  app.get(
    '/api/manage/ordinance',
    {
      config: { policy: STAFF },
      schema: {
        operationId: 'getOrdinanceForStaff',
        summary: 'The ordinance with opinions, answers and every document / 조례 관리',
        tags,
        response: { 200: StaffOrdinanceSchema },
      },
    },
    async () => staffOrdinanceView(await loadOrdinance(app.db)),
  );

  app.post(
    '/api/ordinance/rounds',
    {
      config: { policy: MANAGERS, errors: ['ORDINANCE_ROUND_OPEN'] },
      schema: {
        operationId: 'startOrdinanceAmendment',
        summary: 'Start an amendment (개정) once the ordinance is in force / 개정 추진 시작',
        tags,
        body: RoundBody,
        response: { 201: StaffOrdinanceSchema },
      },
    },
    async (req, reply) => {
      await startAmendment(app.db, actorOf(req), userOf(req), req.body);
      return reply.status(201).send(staffOrdinanceView(await loadOrdinance(app.db)));
    },
  );

  app.post(
    '/api/ordinance/rounds/:id/stage',
    {
      config: { policy: MANAGERS, errors: ['ORDINANCE_STAGE_ORDER', 'ORDINANCE_OPINIONS_UNANSWERED'] },
      schema: {
        operationId: 'moveOrdinanceStage',
        summary: 'Move a round to its next stage, with the day it was reached (forward only) / 조례 단계 진행',
        tags,
        params: IdParams,
        body: StageMoveBody,
        response: { 200: StaffOrdinanceSchema },
      },
    },
    async (req) => {
      await moveStage(app.db, actorOf(req), userOf(req), req.params.id, req.body);
      return staffOrdinanceView(await loadOrdinance(app.db));
    },
  );

  app.post(
    '/api/ordinance/rounds/:id/opinions',
    {
      config: { policy: EDITORS, errors: ['ORDINANCE_NOT_IN_NOTICE'] },
      schema: {
        operationId: 'addOrdinanceOpinion',
        summary: 'Record an opinion received during the legislative notice (sender kind only, no personal data) / 입법예고 의견 등록',
        tags,
        params: IdParams,
        body: OpinionBody,
        response: { 201: OpinionSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await addOpinion(app.db, actorOf(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/ordinance/opinions/:id',
    {
      config: { policy: EDITORS, errors: ['ORDINANCE_NOT_IN_NOTICE'] },
      schema: {
        operationId: 'answerOrdinanceOpinion',
        summary: 'Answer an opinion (taken up or not) / 입법예고 의견 답변',
        tags,
        params: IdParams,
        body: OpinionAnswerBody,
        response: { 200: OpinionSchema },
      },
    },
    async (req) => answerOpinion(app.db, actorOf(req), userOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/ordinance/rounds/:id/documents',
    {
      config: { policy: EDITORS },
      schema: {
        operationId: 'uploadOrdinanceDocument',
        summary: 'Attach a document to a stage / 단계별 문서 첨부',
        description:
          'multipart/form-data: `file` (≤ 10 MB, checked by content), `stage` (one the round has reached), `title` (defaults to the file name), `published` ("true"/"false").',
        tags,
        consumes: ['multipart/form-data'],
        params: IdParams,
        body: DocumentUploadBody,
        response: { 201: StaffDocumentSchema },
      },
    },
    async (req, reply) => {
      const form = await readMultipart(req, 'file', ['stage', 'title', 'published']);
      const file = requireFile(form);
      const stage = textField(form, 'stage', OrdinanceStageSchema);
      const published = booleanField(form, 'published', false);
      const title = textField(form, 'title', DocumentTitle);
      if (stage === undefined) throw invalidField('stage', '문서가 속한 단계를 고르십시오.', 'Choose the stage the document belongs to.');
      return reply.status(201).send(await addDocument(app.db, app.files, actorOf(req), userOf(req), req.params.id, { stage, title, published, file }));
    },
  );

  app.get(
    '/api/ordinance/documents/:id/file',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getOrdinanceDocument',
        summary: 'Download an ordinance document / 조례 문서 내려받기',
        description: 'Published documents: anyone. Unpublished: signed-in staff only (404 to others). Always an attachment.',
        tags,
        params: IdParams,
        produces: FILE_MIME_TYPES,
        response: { 200: z.unknown().describe('the file, as an attachment') },
      },
    },
    async (req, reply) => {
      const d = await documentFile(app.db, req.params.id, req.user !== null);
      const bytes = await app.files.read(d.fileSha256);
      if (!bytes) {
        req.log.error({ documentId: d.id, sha256: d.fileSha256 }, 'ordinance document missing from the file store');
        throw notFound({ ko: `조례 문서 ${d.id}`, en: `Ordinance document ${d.id}` });
      }
      setDownloadHeaders(reply, { fileName: d.fileName, mimeType: d.mimeType, sizeBytes: bytes.length, cache: d.published ? 'public' : 'private' });
      return reply.send(bytes);
    },
  );
};
