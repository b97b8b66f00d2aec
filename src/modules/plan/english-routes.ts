/** The plan's English texts: the sheet staff fill in, and saving it (managers). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, MANAGERS, STAFF } from '../../server/auth.ts';
import { PlanIdParams } from './api-schema.ts';
import { EnglishSheetBody, EnglishSheetSchema } from './english-schema.ts';
import { englishSheet, saveEnglish } from './english.ts';

const tags = ['plans'];

export const englishRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/manage/plans/:id/english',
    {
      config: { policy: STAFF },
      schema: {
        operationId: 'getPlanEnglish',
        summary: 'Every text of a plan with its English, for staff to fill in / 실천계획 영문 입력표',
        tags,
        params: PlanIdParams,
        response: { 200: EnglishSheetSchema },
      },
    },
    async (req) => englishSheet(app.db, req.params.id),
  );

  app.put(
    '/api/plans/:id/english',
    {
      config: { policy: MANAGERS },
      schema: {
        operationId: 'savePlanEnglish',
        summary: 'Save English for some of the plan’s texts (empty removes) / 실천계획 영문 저장',
        tags,
        params: PlanIdParams,
        body: EnglishSheetBody,
        response: { 200: EnglishSheetSchema },
      },
    },
    async (req) => {
      await saveEnglish(app.db, actorOf(req), req.params.id, req.body.texts);
      return englishSheet(app.db, req.params.id);
    },
  );
};
