/** Job linkage routes (일자리 연계): employers, postings, referrals, placements, the six-month follow-up, and the training figures. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, CITY_STAFF, EDITORS, MANAGERS, STAFF } from '../../server/auth.ts';
import {
  EmployerBody,
  EmployerSchema,
  FiguresQuery,
  FiguresSchema,
  FollowUpBody,
  IdParams,
  PlacementBody,
  PlacementSchema,
  PostingBody,
  PostingSchema,
  ReferralBody,
  ReferralPatchBody,
  ReferralSchema,
} from './api-schema.ts';
import { trainingFigures } from './figures.ts';
import { createEmployer, createPlacement, createPosting, listEmployers, listPlacements, listPostings, listReferrals, recordFollowUp, refer, updateReferral } from './jobs.ts';

const tags = ['training'];

export const trainingJobRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/training/employers',
    {
      config: { policy: STAFF },
      schema: { operationId: 'listTrainingEmployers', summary: 'Employers / 연계 기업', tags, response: { 200: z.object({ items: z.array(EmployerSchema) }) } },
    },
    async () => ({ items: await listEmployers(app.db) }),
  );

  app.post(
    '/api/training/employers',
    {
      config: { policy: MANAGERS },
      schema: {
        operationId: 'createTrainingEmployer',
        summary: 'Add an employer (innovation-city institution, partner) / 연계 기업 등록',
        tags,
        body: EmployerBody,
        response: { 201: EmployerSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createEmployer(app.db, actorOf(req), req.body)),
  );

  app.get(
    '/api/training/postings',
    {
      config: { policy: STAFF },
      schema: { operationId: 'listTrainingPostings', summary: 'Job postings / 채용 공고', tags, response: { 200: z.object({ items: z.array(PostingSchema) }) } },
    },
    async () => ({ items: await listPostings(app.db) }),
  );

  app.post(
    '/api/training/postings',
    {
      config: { policy: EDITORS },
      schema: { operationId: 'createTrainingPosting', summary: 'Add a job posting / 채용 공고 등록', tags, body: PostingBody, response: { 201: PostingSchema } },
    },
    async (req, reply) => reply.status(201).send(await createPosting(app.db, actorOf(req), req.body)),
  );

  app.get(
    '/api/training/postings/:id/referrals',
    {
      config: { policy: CITY_STAFF },
      schema: {
        operationId: 'listTrainingReferrals',
        summary: 'Graduates referred to a posting / 추천 현황',
        tags,
        params: IdParams,
        response: { 200: z.object({ items: z.array(ReferralSchema) }) },
      },
    },
    async (req) => ({ items: await listReferrals(app.db, req.params.id) }),
  );

  app.post(
    '/api/training/postings/:id/referrals',
    {
      config: { policy: EDITORS, errors: ['NOT_A_GRADUATE', 'REFERRAL_CONSENT_MISSING', 'REFERRAL_EXISTS'] },
      schema: {
        operationId: 'referTrainingGraduate',
        summary: 'Refer a graduate who consented to referral / 수료생 추천',
        tags,
        params: IdParams,
        body: ReferralBody,
        response: { 201: ReferralSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await refer(app.db, actorOf(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/training/referrals/:id',
    {
      config: { policy: EDITORS },
      schema: {
        operationId: 'updateTrainingReferral',
        summary: 'Interview date, outcome or note of a referral / 면접·결과',
        tags,
        params: IdParams,
        body: ReferralPatchBody,
        response: { 200: ReferralSchema },
      },
    },
    async (req) => updateReferral(app.db, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/training/placements',
    {
      config: { policy: CITY_STAFF },
      schema: {
        operationId: 'listTrainingPlacements',
        summary: 'Placements with their follow-up / 취업 현황',
        tags,
        response: { 200: z.object({ items: z.array(PlacementSchema) }) },
      },
    },
    async () => ({ items: await listPlacements(app.db) }),
  );

  app.post(
    '/api/training/placements',
    {
      config: { policy: EDITORS, errors: ['NOT_A_GRADUATE', 'PLACEMENT_EXISTS'] },
      schema: { operationId: 'createTrainingPlacement', summary: 'Record a graduate’s job / 취업 기록', tags, body: PlacementBody, response: { 201: PlacementSchema } },
    },
    async (req, reply) => reply.status(201).send(await createPlacement(app.db, actorOf(req), req.body)),
  );

  app.post(
    '/api/training/placements/:id/follow-up',
    {
      config: { policy: EDITORS, errors: ['FOLLOW_UP_TOO_EARLY'] },
      schema: {
        operationId: 'recordTrainingFollowUp',
        summary: 'The six-month follow-up: still employed or not / 6개월 고용 유지 확인',
        tags,
        params: IdParams,
        body: FollowUpBody,
        response: { 200: PlacementSchema },
      },
    },
    async (req) => recordFollowUp(app.db, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/training/figures',
    {
      config: { policy: STAFF },
      schema: {
        operationId: 'getTrainingFigures',
        summary: 'Completion, placement and six-month retention rates by cohort, track and year / 양성·취업 실적',
        tags,
        querystring: FiguresQuery,
        response: { 200: FiguresSchema },
      },
    },
    async (req) => trainingFigures(app.db, req.query.year),
  );
};
