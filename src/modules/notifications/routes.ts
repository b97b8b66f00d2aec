/** The outbox for managers: the messages queued, sent and failed (recipients masked), and a retry for failed ones. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, MANAGERS } from '../../server/auth.ts';
import { idNumber } from '../../server/api-schema.ts';
import { OutboxMessageSchema, OutboxPageSchema, OutboxQuery } from './api-schema.ts';
import { listOutbox } from './listing.ts';
import { retryMessage } from './retry.ts';

const tags = ['notifications'];

export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/outbox',
    {
      config: { policy: MANAGERS },
      schema: { operationId: 'listOutbox', summary: 'Messages sent, waiting and failed / 발송 메시지', tags, querystring: OutboxQuery, response: { 200: OutboxPageSchema } },
    },
    async (req) => listOutbox(app.db, req.query),
  );

  app.post(
    '/api/outbox/:id/retry',
    {
      config: { policy: MANAGERS, errors: ['MESSAGE_NOT_FAILED', 'MESSAGE_PURGED'] },
      schema: {
        operationId: 'retryOutboxMessage',
        summary: 'Send a failed message again / 실패한 메시지 다시 보내기',
        tags,
        params: z.object({ id: idNumber() }),
        response: { 200: OutboxMessageSchema },
      },
    },
    async (req) => retryMessage(app.db, actorOf(req), req.params.id),
  );
};
