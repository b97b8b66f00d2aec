/** GET /api/home: the public home page's one call. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PUBLIC } from '../../server/auth.ts';
import { HomeSchema } from './api-schema.ts';
import { homeSummary } from './service.ts';

export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/home',
    {
      config: { policy: PUBLIC, publicCache: true },
      schema: {
        operationId: 'getHome',
        summary: 'The public home: the program’s figures with their 기준일, this quarter’s actions, upcoming sessions and events, latest news / 누리집 첫 화면',
        tags: ['home'],
        response: { 200: HomeSchema },
      },
    },
    async () => homeSummary(app.db),
  );
};
