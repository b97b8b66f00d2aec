/** Event registration and the day of the event (docs/events-api.md, "Registration, on the day"). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dbId, RECEIVED, ReceivedSchema } from '../../server/api-schema.ts';
import { actorOf, CITY_STAFF, EDITORS, MANAGERS, PUBLIC, STAFF } from '../../server/auth.ts';
import { setDownloadHeaders } from '../../server/download.ts';
import { notFound } from '../../server/errors.ts';
import { publicRateLimitConfig, REGISTRATION_REFUSALS, type PublicWriteOptions } from '../registration/routes.ts';
import {
  AttendeeParams,
  AttendeePageSchema,
  AttendeeQuery,
  AttendeeSchema,
  BadgesQuery,
  CategoryBody,
  CategoryParams,
  CategoryPatchBody,
  CategorySchema,
  CodesBody,
  CodesCreated,
  EventCheckInBody,
  EventFiguresSchema,
  EventIdParams,
  EventRegistrationBody,
  QuestionBody,
  QuestionPatchBody,
  QuestionSchema,
} from './attendee-api-schema.ts';
import { badgesPdf, type PerSheet } from './attendee-badges.ts';
import { attendeesCsv, attendeesXlsx } from './attendee-exports.ts';
import { decideApproval } from './attendees/approval.ts';
import { createCategory, listCategories, updateCategory } from './attendees/categories.ts';
import { checkInAtEvent } from './attendees/check-in.ts';
import { createCodes } from './attendees/codes.ts';
import { eventFigures } from './attendees/figures.ts';
import { attendeeRows, listAttendees } from './attendees/listing.ts';
import { createQuestion, deleteQuestion, listQuestions, updateQuestion } from './attendees/questions.ts';
import { registerForEvent } from './attendees/register.ts';
import { sendEventSurvey } from './attendees/survey.ts';
import { loadEvent } from './core/event-row.ts';

const tags = ['events'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const QuestionParams = z.object({ id: EventIdParams.shape.id, questionId: EventIdParams.shape.id });

export const attendeeRoutes: FastifyPluginAsyncZod<PublicWriteOptions> = async (app, { engine, publicRateLimit }) => {
  const rateLimit = publicRateLimitConfig(publicRateLimit);

  app.post(
    '/api/events/:id/registrations',
    {
      config: { policy: PUBLIC, rateLimit, errors: [...REGISTRATION_REFUSALS] },
      schema: {
        operationId: 'registerForEvent',
        summary: 'Register in a category (consent, questions, invitation code); full → 409 or waiting list; approval categories → pending_approval / 행사 참가 신청',
        tags,
        params: EventIdParams,
        body: EventRegistrationBody,
        response: { 201: ReceivedSchema },
      },
    },
    async (req, reply) => {
      // The same answer whatever happened (a new registration, or a phone that had one): see RECEIVED.
      await registerForEvent(app.db, engine, actorOf(req), req.params.id, req.body);
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(RECEIVED);
    },
  );

  /** An unpublished event is staff-only, as its detail page is: 404 to the public. */
  const visibleEvent = async (id: number, staff: boolean) => {
    const e = await loadEvent(app.db, id);
    if (!e.published && !staff) throw notFound({ ko: `행사 ${id}`, en: `Event ${id}` });
  };

  app.get(
    '/api/events/:id/categories',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'listEventCategories',
        summary: 'Registration categories with seats left / 참가 구분',
        tags,
        params: EventIdParams,
        response: { 200: z.object({ items: z.array(CategorySchema) }) },
      },
    },
    async (req) => {
      await visibleEvent(req.params.id, req.user !== null);
      return { items: await listCategories(app.db, req.params.id) };
    },
  );

  app.post(
    '/api/events/:id/categories',
    {
      config: { policy: MANAGERS, errors: ['CATEGORY_EXISTS'] },
      schema: {
        operationId: 'createEventCategory',
        summary: 'Add a registration category with its capacity / 참가 구분 추가',
        tags,
        params: EventIdParams,
        body: CategoryBody,
        response: { 201: CategorySchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createCategory(app.db, actorOf(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/events/:id/categories/:categoryId',
    {
      config: { policy: MANAGERS, errors: ['CAPACITY_BELOW_TAKEN'] },
      schema: {
        operationId: 'updateEventCategory',
        summary: 'Change a category (more capacity offers seats to the waiting list) / 참가 구분 수정',
        tags,
        params: CategoryParams,
        body: CategoryPatchBody,
        response: { 200: CategorySchema },
      },
    },
    async (req) => updateCategory(app.db, engine, actorOf(req), req.params.id, req.params.categoryId, req.body),
  );

  app.post(
    '/api/events/:id/categories/:categoryId/codes',
    {
      config: { policy: MANAGERS },
      schema: {
        operationId: 'createInvitationCodes',
        summary: 'New invitation codes, shown once (only their hash is kept) / 초청 코드 발급',
        tags,
        params: CategoryParams,
        body: CodesBody,
        response: { 201: CodesCreated },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(await createCodes(app.db, actorOf(req), req.params.id, req.params.categoryId, req.body));
    },
  );

  app.get(
    '/api/events/:id/questions',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'listEventQuestions',
        summary: 'The custom registration questions / 신청 질문',
        tags,
        params: EventIdParams,
        response: { 200: z.object({ items: z.array(QuestionSchema) }) },
      },
    },
    async (req) => {
      await visibleEvent(req.params.id, req.user !== null);
      return { items: await listQuestions(app.db, req.params.id) };
    },
  );

  app.post(
    '/api/events/:id/questions',
    {
      config: { policy: MANAGERS },
      schema: {
        operationId: 'createEventQuestion',
        summary: 'Add a registration question (text, choice, country, affiliation) / 신청 질문 추가',
        tags,
        params: EventIdParams,
        body: QuestionBody,
        response: { 201: QuestionSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createQuestion(app.db, actorOf(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/events/:id/questions/:questionId',
    {
      config: { policy: MANAGERS, errors: ['QUESTION_ANSWERED'] },
      schema: {
        operationId: 'updateEventQuestion',
        summary: 'Change a registration question (an answered one keeps its kind and chosen options) / 신청 질문 수정',
        tags,
        params: QuestionParams,
        body: QuestionPatchBody,
        response: { 200: QuestionSchema },
      },
    },
    async (req) => updateQuestion(app.db, actorOf(req), req.params.id, req.params.questionId, req.body),
  );

  app.delete(
    '/api/events/:id/questions/:questionId',
    {
      config: { policy: MANAGERS },
      schema: { operationId: 'deleteEventQuestion', summary: 'Remove a registration question / 신청 질문 삭제', tags, params: QuestionParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteQuestion(app.db, actorOf(req), req.params.id, req.params.questionId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/events/:id/attendees',
    {
      config: { policy: CITY_STAFF },
      schema: {
        operationId: 'listEventAttendees',
        summary: 'Registrants in id order, one page (?after=nextAfter&limit=1–500, default 100), phones and e-mails masked; ?category, ?q searches names / 참가자 목록',
        tags,
        params: EventIdParams,
        querystring: AttendeeQuery,
        response: { 200: AttendeePageSchema },
      },
    },
    async (req) => listAttendees(app.db, req.params.id, { category: req.query.category, q: req.query.q || undefined, after: req.query.after, limit: req.query.limit }),
  );

  app.post(
    '/api/events/:id/attendees/:registrationId/approval',
    {
      config: { policy: MANAGERS, errors: ['REGISTRATION_NOT_PENDING', 'SESSION_CANCELLED', 'REGISTRATION_FULL_NO_WAITLIST'] },
      schema: {
        operationId: 'decideEventApproval',
        summary: 'Approve (confirmed within capacity, else waiting list) or refuse a pending registration / 참가 승인',
        tags,
        params: AttendeeParams,
        body: z.object({ approve: z.boolean() }).strict(),
        response: { 200: z.object({ id: dbId(), status: z.string() }) },
      },
    },
    async (req) => decideApproval(app.db, engine, actorOf(req), req.params.id, req.params.registrationId, req.body.approve),
  );

  app.post(
    '/api/events/:id/check-in',
    {
      config: { policy: EDITORS, errors: ['REGISTRATION_NOT_CONFIRMED', 'CHECK_IN_NOT_OPEN'] },
      schema: {
        operationId: 'checkInEvent',
        summary:
          'Check in by scanned token, the short code under the QR code, or id, from FINHUB_CHECK_IN_OPENS_MINUTES before the start; a second scan reports alreadyCheckedIn / 입장 확인',
        tags,
        params: EventIdParams,
        body: EventCheckInBody,
        response: { 200: z.object({ registration: AttendeeSchema, alreadyCheckedIn: z.boolean() }) },
      },
    },
    async (req) => checkInAtEvent(app.db, actorOf(req), req.params.id, req.body, engine.checkInOpensMinutes),
  );

  app.get(
    '/api/events/:id/badges.pdf',
    {
      config: { policy: CITY_STAFF },
      schema: {
        operationId: 'getEventBadges',
        summary: 'Name badges as PDF, 1, 4 or 8 per sheet (default: every confirmed registrant) / 명찰 PDF',
        tags,
        params: EventIdParams,
        querystring: BadgesQuery,
        produces: ['application/pdf'],
        response: { 200: z.unknown().describe('the PDF') },
      },
    },
    async (req, reply) => {
      const e = await loadEvent(app.db, req.params.id);
      const ids = req.query.registrationIds?.split(',').map(Number);
      const rows = (await attendeeRows(app.db, e.id, ids ? { ids } : {})).filter(({ r }) => (ids ? r.status !== 'cancelled' && r.status !== 'expired' : r.status === 'confirmed'));
      const body = await badgesPdf(e, rows, Number(req.query.perSheet ?? '1') as PerSheet);
      setDownloadHeaders(reply, { fileName: `badges-event-${e.id}.pdf`, mimeType: 'application/pdf', sizeBytes: body.length, cache: 'private' });
      return reply.send(body);
    },
  );

  app.get(
    '/api/events/:id/attendees.xlsx',
    {
      config: { policy: CITY_STAFF },
      schema: {
        operationId: 'getEventAttendeesXlsx',
        summary: 'Attendees as an XLSX workbook / 참가자 엑셀',
        tags,
        params: EventIdParams,
        produces: [XLSX],
        response: { 200: z.unknown().describe('the workbook') },
      },
    },
    async (req, reply) => {
      const e = await loadEvent(app.db, req.params.id);
      const body = await attendeesXlsx(e.titleKo, await attendeeRows(app.db, e.id));
      setDownloadHeaders(reply, { fileName: `attendees-event-${e.id}.xlsx`, mimeType: XLSX, sizeBytes: body.length, cache: 'private' });
      return reply.send(body);
    },
  );

  app.get(
    '/api/events/:id/attendees.csv',
    {
      config: { policy: CITY_STAFF },
      schema: {
        operationId: 'getEventAttendeesCsv',
        summary: 'Attendees as CSV (UTF-8 with BOM) / 참가자 CSV',
        tags,
        params: EventIdParams,
        produces: ['text/csv'],
        response: { 200: z.unknown().describe('the CSV') },
      },
    },
    async (req, reply) => {
      const e = await loadEvent(app.db, req.params.id);
      const body = Buffer.from(attendeesCsv(await attendeeRows(app.db, e.id)), 'utf8');
      setDownloadHeaders(reply, { fileName: `attendees-event-${e.id}.csv`, mimeType: 'text/csv', sizeBytes: body.length, cache: 'private' });
      return reply.send(body);
    },
  );

  app.get(
    '/api/events/:id/figures',
    {
      config: { policy: STAFF },
      schema: {
        operationId: 'getEventFigures',
        summary: 'Registered vs attended by category and country, no-show rate / 참가 실적',
        tags,
        params: EventIdParams,
        response: { 200: EventFiguresSchema },
      },
    },
    async (req) => eventFigures(app.db, req.params.id),
  );

  app.post(
    '/api/events/:id/survey',
    {
      config: { policy: MANAGERS, errors: ['SURVEY_TOO_EARLY', 'SURVEY_ALREADY_SENT'] },
      schema: {
        operationId: 'sendEventSurvey',
        summary: 'Send the survey to the attendees of an ended event (once) / 만족도 조사 발송',
        tags,
        params: EventIdParams,
        response: { 200: z.object({ queued: z.number().int() }) },
      },
    },
    async (req) => sendEventSurvey(app.db, engine, actorOf(req), req.params.id),
  );
};
