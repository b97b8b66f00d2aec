/** The staff dashboard's figures of every plan in one read (src/modules/plan/figures-query.ts). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STAFF } from '../../server/auth.ts';
import { FiguresSchema, LedgerAmountsSchema } from './api-schema.ts';
import { allPlanFigures } from './figures-query.ts';
import { dbId } from '../../server/api-schema.ts';

export const PlanFiguresListSchema = z.object({
  items: z.array(
    z.object({
      id: dbId(),
      category: z.string(),
      number: z.number().int(),
      pledge: z.string(),
      title: z.string(),
      figures: FiguresSchema.describe("the plan's overall figures, as figures.overall of GET /api/plans/:id"),
      ledger: LedgerAmountsSchema.describe('the ledger totals, as ledger of GET /api/plans/:id (without byYear)'),
    }),
  ),
});

export const planFiguresRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/plans/figures',
    {
      config: { policy: STAFF },
      schema: {
        operationId: 'listPlanFigures',
        summary: "Every plan's 이행률, 완료율 and budget executed vs planned, summed in SQL (the staff dashboard) / 실천계획별 이행률·완료율·예산 집행",
        tags: ['plans'],
        response: { 200: PlanFiguresListSchema },
      },
    },
    async () => ({ items: await allPlanFigures(app.db) }),
  );
};
