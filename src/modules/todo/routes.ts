/** GET /api/staff/todo: what needs doing, for the signed-in person's role and department. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { STAFF, userOf } from '../../server/auth.ts';
import { TodoSchema } from './api-schema.ts';
import { staffTodo } from './service.ts';

export const todoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/staff/todo',
    {
      config: { policy: STAFF },
      schema: { operationId: 'staffTodo', summary: 'What needs doing (by role and department) / 할 일', tags: ['staff'], response: { 200: TodoSchema } },
    },
    async (req) => staffTodo(app.db, userOf(req)),
  );
};
