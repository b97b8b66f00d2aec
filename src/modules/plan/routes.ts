/** Public plan routes. Handlers stay thin: validate (schema) → service → presenter (schema). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PUBLIC } from '../../server/auth.ts';
import { PlanIdParams, PlanListSchema, PlanSchema } from './api-schema.ts';
import { getPublicPlan } from './plan-read.ts';
import { listPlans } from './service.ts';

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/plans',
    {
      config: { policy: PUBLIC, publicCache: true },
      schema: {
        operationId: 'listPlans',
        summary: 'List pledge plans / 공약 실천계획 목록',
        tags: ['plans'],
        response: { 200: PlanListSchema },
      },
    },
    async () => ({ items: await listPlans(app.db) }),
  );

  app.get(
    '/api/plans/:id',
    {
      config: { policy: PUBLIC, publicCache: true },
      schema: {
        operationId: 'getPlan',
        summary: 'One pledge plan: the normalized plan with status, progress, published evidence, figures and ledger / 공약 실천계획과 추진상황',
        tags: ['plans'],
        params: PlanIdParams,
        response: { 200: PlanSchema },
      },
    },
    async (req) => getPublicPlan(app.db, req.params.id),
  );
};
