/** Visiting financial school routes (찾아가는 금융학교), docs/education-api.md. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RECEIVED, ReceivedSchema } from '../../server/api-schema.ts';
import { actorOf, CITY_STAFF, EDITORS, MANAGERS, PUBLIC, STAFF, userOf } from '../../server/auth.ts';
import { quarterOf } from '../plan/seoul-time.ts';
import {
  ApplicationBody,
  ApplicationListSchema,
  ApplicationStatusSchema,
  ClassBody,
  ClassResultBody,
  ClassSchema,
  DecisionBody,
  IdParams,
  SchoolFiguresSchema,
  StaffApplicationSchema,
  SurveyBody,
  SurveySchema,
  TokenParams,
  YearQuery,
} from './school-api-schema.ts';
import { applicationByToken, submitApplication } from './school/apply.ts';
import { recordClassResult, scheduleClass } from './school/classes.ts';
import { decideApplication, listApplications, unmaskApplication } from './school/decisions.ts';
import { schoolFigures } from './school/figures.ts';
import { createSurvey, currentSurvey, listSurveys } from './school/surveys.ts';

const tags = ['school'];

export interface SchoolRouteOptions {
  publicUrl: string;
  /** Public writes per minute per client address; 0 turns the limit off. */
  publicRateLimit: number;
}

export const schoolRoutes: FastifyPluginAsyncZod<SchoolRouteOptions> = async (app, { publicUrl, publicRateLimit }) => {
  const rateLimit = publicRateLimit > 0 ? { max: publicRateLimit, timeWindow: '1 minute' } : false;

  app.get(
    '/api/school/surveys/current',
    {
      config: { policy: PUBLIC, errors: ['NOT_FOUND'] },
      schema: { operationId: 'currentSchoolSurvey', summary: 'The demand survey open now (or next) / 현재 수요조사', tags, response: { 200: SurveySchema } },
    },
    async () => currentSurvey(app.db),
  );

  app.get(
    '/api/school/surveys',
    {
      config: { policy: STAFF },
      schema: { operationId: 'listSchoolSurveys', summary: 'Demand surveys by year / 수요조사 목록', tags, response: { 200: z.object({ items: z.array(SurveySchema) }) } },
    },
    async () => ({ items: await listSurveys(app.db) }),
  );

  app.post(
    '/api/school/surveys',
    {
      config: { policy: MANAGERS, errors: ['SCHOOL_SURVEY_EXISTS'] },
      schema: {
        operationId: 'createSchoolSurvey',
        summary: "Open a year's demand survey with its target / 수요조사 등록",
        tags,
        body: SurveyBody,
        response: { 201: SurveySchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createSurvey(app.db, actorOf(req), req.body)),
  );

  app.post(
    '/api/school/applications',
    {
      config: { policy: PUBLIC, rateLimit, errors: ['APPLICATIONS_CLOSED'] },
      schema: {
        operationId: 'applySchool',
        summary: 'A school applies (public form; consent required) / 찾아가는 금융학교 신청',
        tags,
        body: ApplicationBody,
        response: { 201: ReceivedSchema },
      },
    },
    async (req, reply) => {
      // The same answer whether the school is new or had applied already: see RECEIVED.
      await submitApplication(app.db, { publicUrl }, req.body);
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(RECEIVED);
    },
  );

  app.get(
    '/api/school/applications/:token',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'schoolApplicationStatus',
        summary: "An application's status by its link / 신청 진행 상황",
        tags,
        params: TokenParams,
        response: { 200: ApplicationStatusSchema },
      },
    },
    async (req) => applicationByToken(app.db, req.params.token),
  );

  app.get(
    '/api/school/surveys/:id/applications',
    {
      config: { policy: CITY_STAFF },
      schema: {
        operationId: 'listSchoolApplications',
        summary: "A survey's applications (phones masked) / 신청 목록",
        tags,
        params: IdParams,
        response: { 200: ApplicationListSchema },
      },
    },
    async (req) => listApplications(app.db, req.params.id),
  );

  app.post(
    '/api/school/applications/:id/decision',
    {
      config: { policy: MANAGERS, errors: ['APPLICATION_PURGED', 'DECISION_FINAL', 'SCHOOL_TARGET_REACHED'] },
      schema: {
        operationId: 'decideSchoolApplication',
        summary: 'Select or reject, with a reason; the school is told / 선정·미선정',
        tags,
        params: IdParams,
        body: DecisionBody,
        response: { 200: StaffApplicationSchema },
      },
    },
    async (req) => decideApplication(app.db, actorOf(req), userOf(req).id, req.params.id, req.body),
  );

  app.post(
    '/api/school/applications/:id/unmask',
    {
      config: { policy: MANAGERS },
      schema: {
        operationId: 'unmaskSchoolApplication',
        summary: "The contact teacher's full phone and e-mail (audited) / 연락처 보기",
        tags,
        params: IdParams,
        response: { 200: z.object({ teacherName: z.string(), teacherPhone: z.string().nullable(), teacherEmail: z.string().nullable() }) },
      },
    },
    async (req) => unmaskApplication(app.db, actorOf(req), req.params.id),
  );

  app.post(
    '/api/school/applications/:id/classes',
    {
      config: { policy: MANAGERS, errors: ['APPLICATION_NOT_SELECTED'] },
      schema: {
        operationId: 'scheduleSchoolClass',
        summary: 'Schedule a class; the school is told / 수업 일정',
        tags,
        params: IdParams,
        body: ClassBody,
        response: { 201: ClassSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await scheduleClass(app.db, actorOf(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/school/classes/:id',
    {
      config: { policy: EDITORS },
      schema: { operationId: 'recordSchoolClass', summary: "Record a class's result / 수업 결과", tags, params: IdParams, body: ClassResultBody, response: { 200: ClassSchema } },
    },
    async (req) => recordClassResult(app.db, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/school/figures',
    {
      config: { policy: STAFF },
      schema: {
        operationId: 'schoolFigures',
        summary: 'Schools and students reached per quarter and year against the target / 실적',
        tags,
        querystring: YearQuery,
        response: { 200: SchoolFiguresSchema },
      },
    },
    async (req) => schoolFigures(app.db, req.query.year ?? quarterOf(new Date()).year),
  );
};
