/** Institution attraction routes (금융기관 유치/이전): the staff pipeline (city staff only) and the public counts. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, CITY_STAFF, EDITORS, PUBLIC, userOf } from '../../../server/auth.ts';
import { quarterOf } from '../../plan/seoul-time.ts';
import { AttractionPublicSchema, FunnelQuery, FunnelSchema, IdParams, SupportBody, TargetBody, TargetPatchBody, TargetSchema, TargetStageBody } from './api-schema.ts';
import { attractionFunnel, attractionPublic } from './funnel.ts';
import { moveTarget } from './move-stage.ts';
import { offerSupport } from './support.ts';
import { createTarget, getTarget, listTargets, updateTarget } from './targets.ts';

const tags = ['attraction'];

export const attractionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/attraction/public',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getAttractionPublic',
        summary: 'Institution attraction in public: MOUs signed, offices opened, and the names institutions agreed to announce / 금융기관 유치 현황',
        tags,
        response: { 200: AttractionPublicSchema },
      },
    },
    async () => attractionPublic(app.db),
  );

  app.get(
    '/api/attraction/targets',
    {
      config: { policy: CITY_STAFF },
      schema: {
        operationId: 'listAttractionTargets',
        summary: 'Target institutions (confidential) / 유치 대상 기관',
        tags,
        response: { 200: z.object({ items: z.array(TargetSchema) }) },
      },
    },
    async () => ({ items: await listTargets(app.db) }),
  );

  app.post(
    '/api/attraction/targets',
    {
      config: { policy: EDITORS },
      schema: { operationId: 'createAttractionTarget', summary: 'Add a target institution / 유치 대상 기관 등록', tags, body: TargetBody, response: { 201: TargetSchema } },
    },
    async (req, reply) => reply.status(201).send(await createTarget(app.db, actorOf(req), userOf(req), req.body)),
  );

  app.get(
    '/api/attraction/targets/:id',
    {
      config: { policy: CITY_STAFF },
      schema: { operationId: 'getAttractionTarget', summary: 'One target institution / 유치 대상 기관 상세', tags, params: IdParams, response: { 200: TargetSchema } },
    },
    async (req) => getTarget(app.db, req.params.id),
  );

  app.patch(
    '/api/attraction/targets/:id',
    {
      config: { policy: EDITORS },
      schema: {
        operationId: 'updateAttractionTarget',
        summary: 'Edit a target: next step, owner, announcement consent … / 유치 대상 기관 수정',
        tags,
        params: IdParams,
        body: TargetPatchBody,
        response: { 200: TargetSchema },
      },
    },
    async (req) => updateTarget(app.db, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/attraction/targets/:id/stage',
    {
      config: { policy: EDITORS, errors: ['ATTRACTION_STAGE_ORDER'] },
      schema: {
        operationId: 'moveAttractionTarget',
        summary: 'Move a target forward in the pipeline (never back) / 유치 단계 진행',
        tags,
        params: IdParams,
        body: TargetStageBody,
        response: { 200: TargetSchema },
      },
    },
    async (req) => moveTarget(app.db, actorOf(req), userOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/attraction/targets/:id/support',
    {
      config: { policy: EDITORS },
      schema: {
        operationId: 'offerAttractionSupport',
        summary: 'Record a support measure offered (rent, hiring subsidy, training link) / 지원 방안 제시',
        tags,
        params: IdParams,
        body: SupportBody,
        response: { 201: TargetSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await offerSupport(app.db, actorOf(req), userOf(req), req.params.id, req.body)),
  );

  app.get(
    '/api/attraction/funnel',
    {
      config: { policy: CITY_STAFF },
      schema: {
        operationId: 'getAttractionFunnel',
        summary: 'The funnel by stage and quarter of a year / 유치 단계별·분기별 현황',
        tags,
        querystring: FunnelQuery,
        response: { 200: FunnelSchema },
      },
    },
    async (req) => attractionFunnel(app.db, req.query.year ?? quarterOf(new Date()).year),
  );
};
