/** Financial academy routes (docs/education-api.md): sessions, registrations, check-in, survey, figures, programmes, consent. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dbId, RECEIVED, ReceivedSchema } from '../../server/api-schema.ts';
import { actorOf, CITY_STAFF, EDITORS, MANAGERS, PUBLIC, STAFF } from '../../server/auth.ts';
import { quarterOf } from '../plan/seoul-time.ts';
import { CONSENT_NOTICES } from '../registration/consent.ts';
import { consentNoticeView } from '../registration/presenters.ts';
import { publicRateLimitConfig, REGISTRATION_REFUSALS, type PublicWriteOptions } from '../registration/routes.ts';
import {
  CheckInBody,
  checkInBy,
  ConsentQuery,
  ConsentSchema,
  FiguresQuery,
  FiguresSchema,
  IdParams,
  ProgrammeBody,
  ProgrammeSchema,
  RegistrationBody,
  RegistrationListQuery,
  SessionBody,
  SessionListQuery,
  SessionPatchBody,
  SessionSchema,
  StaffRegistrationPageSchema,
  StaffRegistrationSchema,
  SurveyAnswerBody,
  SurveyInfoSchema,
  TokenParams,
} from './academy-api-schema.ts';
import { createSession, updateSession } from './academy/edit-session.ts';
import { academyFigures } from './academy/figures.ts';
import { createProgramme, listProgrammes } from './academy/programmes.ts';
import { checkInAtSession, registerForSession, sessionRegistrations } from './academy/registrations.ts';
import { sessionCalendar } from './academy/calendar.ts';
import { getSession, listSessions, loadSession } from './academy/sessions.ts';
import { answerSurvey, sendSurvey, surveyInfo } from './academy/survey.ts';

const tags = ['academy'];

export const academyRoutes: FastifyPluginAsyncZod<PublicWriteOptions> = async (app, { engine, publicRateLimit }) => {
  const rateLimit = publicRateLimitConfig(publicRateLimit);

  app.get(
    '/api/academy/sessions',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'listAcademySessions',
        summary: 'Academy sessions: upcoming (default) or past / 금융아카데미 강좌',
        tags,
        querystring: SessionListQuery,
        response: { 200: z.object({ items: z.array(SessionSchema) }) },
      },
    },
    async (req) => ({ items: await listSessions(app.db, req.query.when) }),
  );

  app.get(
    '/api/academy/sessions/:id',
    {
      config: { policy: PUBLIC },
      schema: { operationId: 'getAcademySession', summary: 'One session with seats left and waiting list / 강좌 상세', tags, params: IdParams, response: { 200: SessionSchema } },
    },
    async (req) => getSession(app.db, req.params.id),
  );

  app.get(
    '/api/academy/sessions/:id/calendar.ics',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getAcademySessionCalendar',
        summary: 'The session as iCalendar / 강좌 일정(iCalendar)',
        tags,
        params: IdParams,
        produces: ['text/calendar'],
        response: { 200: z.string().describe('text/calendar (RFC 5545), times in UTC') },
      },
    },
    async (req, reply) => {
      const { s, pool } = await loadSession(app.db, req.params.id);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="academy-session-${s.id}.ics"`)
        .send(sessionCalendar(s, pool, engine.publicUrl));
    },
  );

  app.post(
    '/api/academy/sessions',
    {
      config: { policy: MANAGERS },
      schema: { operationId: 'createAcademySession', summary: 'Create a session / 강좌 등록', tags, body: SessionBody, response: { 201: SessionSchema } },
    },
    async (req, reply) => reply.status(201).send(await createSession(app.db, actorOf(req), req.body)),
  );

  app.patch(
    '/api/academy/sessions/:id',
    {
      config: { policy: MANAGERS, errors: ['SESSION_CANCELLED', 'CAPACITY_BELOW_TAKEN'] },
      schema: {
        operationId: 'updateAcademySession',
        summary: 'Change a session, add its video, or cancel it (registrants are told) / 강좌 수정·취소',
        tags,
        params: IdParams,
        body: SessionPatchBody,
        response: { 200: SessionSchema },
      },
    },
    async (req) => updateSession(app.db, engine, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/academy/sessions/:id/registrations',
    {
      config: { policy: PUBLIC, rateLimit, errors: [...REGISTRATION_REFUSALS] },
      schema: {
        operationId: 'registerForAcademySession',
        summary: 'Register (consent required); full → 409, or the waiting list with waitlist: true / 수강 신청',
        tags,
        params: IdParams,
        body: RegistrationBody,
        response: { 201: ReceivedSchema },
      },
    },
    async (req, reply) => {
      // The same answer whatever happened (a new registration, or a phone that had one): see RECEIVED.
      await registerForSession(app.db, engine, actorOf(req), req.params.id, req.body);
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(RECEIVED);
    },
  );

  app.get(
    '/api/academy/sessions/:id/registrations',
    {
      config: { policy: CITY_STAFF },
      schema: {
        operationId: 'listAcademyRegistrations',
        summary: 'Registrants of a session in id order, one page (?after=nextAfter&limit=1–500, default 100), phones and e-mails masked; ?q= searches names / 신청자 목록',
        tags,
        params: IdParams,
        querystring: RegistrationListQuery,
        response: { 200: StaffRegistrationPageSchema },
      },
    },
    async (req) => sessionRegistrations(app.db, req.params.id, { q: req.query.q || undefined, after: req.query.after, limit: req.query.limit }),
  );

  app.post(
    '/api/academy/sessions/:id/check-in',
    {
      config: { policy: EDITORS, errors: ['REGISTRATION_NOT_CONFIRMED', 'CHECK_IN_NOT_OPEN'] },
      schema: {
        operationId: 'checkInAcademy',
        summary:
          'Check a registrant in by scanned token, the short code under the QR code, or id, from FINHUB_CHECK_IN_OPENS_MINUTES before the start; a second scan reports alreadyCheckedIn / 출석 확인',
        tags,
        params: IdParams,
        body: CheckInBody,
        response: { 200: z.object({ registration: StaffRegistrationSchema, alreadyCheckedIn: z.boolean() }) },
      },
    },
    async (req) => checkInAtSession(app.db, actorOf(req), req.params.id, checkInBy(req.body), engine.checkInOpensMinutes),
  );

  app.post(
    '/api/academy/sessions/:id/survey',
    {
      config: { policy: MANAGERS, errors: ['SESSION_CANCELLED', 'SURVEY_TOO_EARLY', 'SURVEY_ALREADY_SENT'] },
      schema: {
        operationId: 'sendAcademySurvey',
        summary: 'Send the satisfaction survey to the attendees of an ended session (once) / 만족도 조사 발송',
        tags,
        params: IdParams,
        response: { 200: z.object({ queued: z.number().int() }) },
      },
    },
    async (req) => sendSurvey(app.db, engine, actorOf(req), req.params.id),
  );

  app.get(
    '/api/surveys/:token',
    {
      config: { policy: PUBLIC },
      schema: { operationId: 'getSurvey', summary: 'The survey behind an invitation link / 만족도 조사', tags, params: TokenParams, response: { 200: SurveyInfoSchema } },
    },
    async (req) => surveyInfo(app.db, req.params.token),
  );

  app.post(
    '/api/surveys/:token',
    {
      config: { policy: PUBLIC, rateLimit, errors: ['SURVEY_ALREADY_ANSWERED'] },
      schema: {
        operationId: 'answerSurvey',
        summary: 'Answer the satisfaction survey (rating 1–5, comment) once / 만족도 응답',
        tags,
        params: TokenParams,
        body: SurveyAnswerBody,
        response: { 201: z.object({ id: dbId(), rating: z.number().int() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await answerSurvey(app.db, actorOf(req), req.params.token, req.body)),
  );

  app.get(
    '/api/academy/figures',
    {
      config: { policy: STAFF },
      schema: {
        operationId: 'getAcademyFigures',
        summary: 'Registered, attended, attendance rate and satisfaction per session, quarter and year / 금융아카데미 실적',
        tags,
        querystring: FiguresQuery,
        response: { 200: FiguresSchema },
      },
    },
    async (req) => academyFigures(app.db, req.query.year ?? quarterOf(new Date()).year),
  );

  app.get(
    '/api/academy/programmes',
    {
      config: { policy: STAFF },
      schema: { operationId: 'listAcademyProgrammes', summary: 'Yearly academy programmes / 연간 계획', tags, response: { 200: z.object({ items: z.array(ProgrammeSchema) }) } },
    },
    async () => ({ items: await listProgrammes(app.db) }),
  );

  app.post(
    '/api/academy/programmes',
    {
      config: { policy: MANAGERS, errors: ['PROGRAMME_EXISTS'] },
      schema: {
        operationId: 'createAcademyProgramme',
        summary: "A year's academy programme (one per year) / 연간 계획 수립",
        tags,
        body: ProgrammeBody,
        response: { 201: ProgrammeSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createProgramme(app.db, actorOf(req), req.body)),
  );

  app.get(
    '/api/privacy/consent',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getConsentNotice',
        summary: 'The consent notice a form shows: purpose, items, retention, right to refuse / 개인정보 수집·이용 안내',
        tags: ['privacy'],
        querystring: ConsentQuery,
        response: { 200: ConsentSchema },
      },
    },
    async (req) => consentNoticeView(CONSENT_NOTICES[req.query.purpose]),
  );
};
