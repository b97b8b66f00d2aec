/** Budget ledger routes (공약가계부): read, secured amounts, executions. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, MANAGERS, STAFF, userOf } from '../../server/auth.ts';
import { PlanIdParams } from './api-schema.ts';
import { ExecutionBody, ExecutionIdParams, ExecutionPatchBody, ExecutionSchema, LedgerSchema, SecuredBody } from './ledger-api-schema.ts';
import { addExecution, deleteExecution, getLedger, setSecured, updateExecution } from './ledger-service.ts';

export const ledgerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/plans/:id/ledger',
    {
      config: { policy: STAFF },
      schema: {
        operationId: 'getLedger',
        summary: 'The budget ledger: planned, secured, executed per source and year / 공약가계부',
        tags: ['ledger'],
        params: PlanIdParams,
        response: { 200: LedgerSchema },
      },
    },
    async (req) => getLedger(app.db, req.params.id),
  );

  app.put(
    '/api/plans/:id/ledger/secured',
    {
      config: { policy: MANAGERS },
      schema: {
        operationId: 'setSecured',
        summary: 'Set the money secured for a source and year / 확보액 입력',
        tags: ['ledger'],
        params: PlanIdParams,
        body: SecuredBody,
        response: { 200: LedgerSchema },
      },
    },
    async (req) => setSecured(app.db, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/plans/:id/executions',
    {
      config: { policy: MANAGERS, errors: ['EXECUTION_OUTSIDE_YEAR', 'EXECUTION_EXCEEDS_SECURED'] },
      schema: {
        operationId: 'addExecution',
        summary: 'Book an execution: date, amount, description / 집행 내역 등록',
        tags: ['ledger'],
        params: PlanIdParams,
        body: ExecutionBody,
        response: { 201: ExecutionSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await addExecution(app.db, actorOf(req), userOf(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/executions/:id',
    {
      config: { policy: MANAGERS, errors: ['EXECUTION_OUTSIDE_YEAR', 'EXECUTION_EXCEEDS_SECURED'] },
      schema: {
        operationId: 'updateExecution',
        summary: 'Correct an execution: date, source, year, amount, description / 집행 내역 수정',
        tags: ['ledger'],
        params: ExecutionIdParams,
        body: ExecutionPatchBody,
        response: { 200: ExecutionSchema },
      },
    },
    async (req) => updateExecution(app.db, actorOf(req), req.params.id, req.body),
  );

  app.delete(
    '/api/executions/:id',
    {
      config: { policy: MANAGERS },
      schema: {
        operationId: 'deleteExecution',
        summary: 'Delete an execution / 집행 내역 삭제',
        tags: ['ledger'],
        params: ExecutionIdParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteExecution(app.db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
};
