/** Settlement feedback routes (정주여건 의견): the public form, tracking and board; staff triage, answer, close and publication. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, CITY_STAFF, EDITORS, MANAGERS, PUBLIC, userOf } from '../../server/auth.ts';
import { setDownloadHeaders } from '../../server/download.ts';
import { notFound } from '../../server/errors.ts';
import { readMultipart, requireFile } from '../../server/multipart.ts';
import { publicRateLimitConfig } from '../registration/routes.ts';
import {
  AnswerBody,
  AssignBody,
  FeedbackBoardSchema,
  FeedbackBody,
  FeedbackCreatedSchema,
  FeedbackTrackingSchema,
  IdParams,
  PhotoUploadBody,
  PublishBody,
  StaffFeedbackQuery,
  StaffFeedbackSchema,
  TokenParams,
} from './api-schema.ts';
import { attachFeedbackPhoto, feedbackByToken, submitFeedback } from './feedback/submit.ts';
import { answerFeedback, assignFeedback, closeFeedback, feedbackBoard, feedbackPhoto, listStaffFeedback, publishFeedback } from './feedback/triage.ts';

const tags = ['settlement'];

export interface FeedbackRouteOptions {
  publicUrl: string;
  publicRateLimit: number;
}

export const feedbackRoutes: FastifyPluginAsyncZod<FeedbackRouteOptions> = async (app, { publicUrl, publicRateLimit }) => {
  const rateLimit = publicRateLimitConfig(publicRateLimit);

  app.post(
    '/api/settlement/feedback',
    {
      config: { policy: PUBLIC, rateLimit },
      schema: {
        operationId: 'submitSettlementFeedback',
        summary: 'Leave settlement feedback, anonymously or with a contact (consent required) / 정주여건 의견 남기기',
        tags,
        body: FeedbackBody,
        response: { 201: FeedbackCreatedSchema },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(await submitFeedback(app.db, { publicUrl }, actorOf(req), req.body));
    },
  );

  app.get(
    '/api/settlement/feedback',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getSettlementFeedbackBoard',
        summary: 'The public board: published feedback and answers, personal data removed / 정주여건 의견 게시판',
        tags,
        response: { 200: FeedbackBoardSchema },
      },
    },
    async () => feedbackBoard(app.db),
  );

  app.get(
    '/api/settlement/feedback/:token',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'trackSettlementFeedback',
        summary: 'One’s own feedback by the token in its tracking link: status, department, answer / 의견 처리 상황',
        tags,
        params: TokenParams,
        response: { 200: FeedbackTrackingSchema },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return feedbackByToken(app.db, req.params.token);
    },
  );

  app.post(
    '/api/settlement/feedback/:token/photo',
    {
      config: { policy: PUBLIC, rateLimit, errors: ['FEEDBACK_PHOTO_EXISTS', 'FEEDBACK_STATUS_ORDER'] },
      schema: {
        operationId: 'attachSettlementFeedbackPhoto',
        summary: 'Add the optional photo to one’s feedback (once, before the answer) / 의견 사진 첨부',
        description: 'multipart/form-data: `file` (PNG, JPEG, GIF or WebP, ≤ 10 MB, checked by content).',
        tags,
        consumes: ['multipart/form-data'],
        params: TokenParams,
        body: PhotoUploadBody,
        response: { 201: FeedbackTrackingSchema },
      },
    },
    async (req, reply) => {
      // An unknown token is the same 404 whatever the body (no multipart error first).
      await feedbackByToken(app.db, req.params.token);
      const form = await readMultipart(req, 'file', []);
      const file = requireFile(form);
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(await attachFeedbackPhoto(app.db, app.files, actorOf(req), req.params.token, file));
    },
  );

  app.get(
    '/api/manage/settlement/feedback',
    {
      config: { policy: CITY_STAFF },
      schema: {
        operationId: 'listSettlementFeedback',
        summary: 'Feedback for staff (contacts masked), newest first, with the proposed redaction / 의견 관리',
        tags,
        querystring: StaffFeedbackQuery,
        response: { 200: z.object({ items: z.array(StaffFeedbackSchema) }) },
      },
    },
    async (req) => listStaffFeedback(app.db, req.query.status),
  );

  app.get(
    '/api/manage/settlement/feedback/:id/photo',
    {
      config: { policy: CITY_STAFF },
      schema: {
        operationId: 'getSettlementFeedbackPhoto',
        summary: 'The photo sent with a feedback item / 의견 사진',
        tags,
        params: IdParams,
        produces: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'],
        response: { 200: z.unknown().describe('the image') },
      },
    },
    async (req, reply) => {
      const p = await feedbackPhoto(app.db, req.params.id);
      const bytes = await app.files.read(p.sha256);
      if (!bytes) throw notFound({ ko: `의견 ${p.id}의 사진`, en: `The photo of feedback ${p.id}` });
      setDownloadHeaders(reply, { fileName: `feedback-${p.id}.${p.mimeType.split('/')[1]}`, mimeType: p.mimeType, sizeBytes: bytes.length, cache: 'private' });
      return reply.send(bytes);
    },
  );

  app.post(
    '/api/manage/settlement/feedback/:id/assign',
    {
      config: { policy: MANAGERS, errors: ['FEEDBACK_STATUS_ORDER'] },
      schema: {
        operationId: 'assignSettlementFeedback',
        summary: 'Assign to a department (received → assigned) / 부서 배정',
        tags,
        params: IdParams,
        body: AssignBody,
        response: { 200: StaffFeedbackSchema },
      },
    },
    async (req) => assignFeedback(app.db, actorOf(req), req.params.id, req.body.departmentId),
  );

  app.post(
    '/api/manage/settlement/feedback/:id/answer',
    {
      config: { policy: EDITORS, errors: ['FEEDBACK_STATUS_ORDER', 'OTHER_DEPARTMENT'] },
      schema: {
        operationId: 'answerSettlementFeedback',
        summary: 'Answer (assigned → answered); the writer is told / 답변',
        tags,
        params: IdParams,
        body: AnswerBody,
        response: { 200: StaffFeedbackSchema },
      },
    },
    async (req) => answerFeedback(app.db, actorOf(req), userOf(req), req.params.id, req.body.text),
  );

  app.post(
    '/api/manage/settlement/feedback/:id/close',
    {
      config: { policy: EDITORS, errors: ['FEEDBACK_STATUS_ORDER', 'OTHER_DEPARTMENT'] },
      schema: { operationId: 'closeSettlementFeedback', summary: 'Close (answered → closed) / 종결', tags, params: IdParams, response: { 200: StaffFeedbackSchema } },
    },
    async (req) => closeFeedback(app.db, actorOf(req), userOf(req), req.params.id),
  );

  app.post(
    '/api/manage/settlement/feedback/:id/publication',
    {
      config: { policy: MANAGERS, errors: ['FEEDBACK_NOT_ANSWERED'] },
      schema: {
        operationId: 'publishSettlementFeedback',
        summary: 'Approve what the public board shows (the proposed redaction, or an edit of it), or withdraw it / 게시 승인',
        tags,
        params: IdParams,
        body: PublishBody,
        response: { 200: StaffFeedbackSchema },
      },
    },
    async (req) => publishFeedback(app.db, actorOf(req), userOf(req), req.params.id, req.body),
  );
};
