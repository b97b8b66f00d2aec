/** Staff routes for running actions: the staff plan view, status/progress, history, assignment, measures. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, EDITORS, MANAGERS, STAFF, userOf } from '../../server/auth.ts';
import { getActionDetail, listActions } from './action-list.ts';
import { PlanIdParams, StaffActionSchema, StaffPlanSchema } from './api-schema.ts';
import { listMeasures } from './measures.ts';
import { getStaffPlan } from './plan-read.ts';
import { ActionDetailSchema, ActionIdParams, ActionListQuery, ActionListSchema, ActionPatchBody, AssignmentBody, HistorySchema, MeasureListSchema } from './tracking-api-schema.ts';
import { actionHistory, assignAction, updateAction } from './tracking-service.ts';

export const trackingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/manage/plans/:id',
    {
      config: { policy: STAFF },
      schema: {
        operationId: 'getStaffPlan',
        summary: 'A plan with owners, measures and all evidence / 공약 관리카드(직원용)',
        tags: ['plan running'],
        params: PlanIdParams,
        response: { 200: StaffPlanSchema },
      },
    },
    async (req) => getStaffPlan(app.db, req.params.id),
  );

  app.get(
    '/api/manage/plans/:id/actions',
    {
      config: { policy: STAFF },
      schema: {
        operationId: 'listPlanActions',
        summary: 'The plan’s actions as compact rows, filtered / 추진계획 목록(필터)',
        description: 'Filters combine (AND): year, quarter (a period covering it), department (id or "none"), status, mine (the user’s department), overdue.',
        tags: ['plan running'],
        params: PlanIdParams,
        querystring: ActionListQuery,
        response: { 200: ActionListSchema },
      },
    },
    async (req) => listActions(app.db, req.params.id, req.query, userOf(req)),
  );

  app.get(
    '/api/actions/:id',
    {
      config: { policy: STAFF },
      schema: {
        operationId: 'getAction',
        summary: 'One action for editing: owner, measure, all evidence, its year, period and goals / 추진계획 1건',
        tags: ['plan running'],
        params: ActionIdParams,
        response: { 200: ActionDetailSchema },
      },
    },
    async (req) => getActionDetail(app.db, req.params.id),
  );

  app.patch(
    '/api/actions/:id',
    {
      config: { policy: EDITORS, errors: ['OTHER_DEPARTMENT', 'PROGRESS_FROM_MEASURE', 'DONE_NEEDS_FULL_PROGRESS', 'FULL_PROGRESS_NOT_UNDER_WAY'] },
      schema: {
        operationId: 'updateAction',
        summary: 'Change an action’s status or progress, with a comment / 추진상황 입력',
        description:
          'Officers only for their department’s actions (403). Progress on a measure-bound action → 409. 완료 or 이행 후 계속추진 below progress 100 → 422 DONE_NEEDS_FULL_PROGRESS (the form asks whether to set 100); progress 100 with 추진예정 or 정상추진 → 422 FULL_PROGRESS_NOT_UNDER_WAY.',
        tags: ['plan running'],
        params: ActionIdParams,
        body: ActionPatchBody,
        response: { 200: StaffActionSchema },
      },
    },
    async (req) => updateAction(app.db, actorOf(req), userOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/actions/:id/history',
    {
      config: { policy: STAFF },
      schema: {
        operationId: 'getActionHistory',
        summary: 'Every status or progress change of an action, newest first / 추진상황 이력',
        tags: ['plan running'],
        params: ActionIdParams,
        response: { 200: HistorySchema },
      },
    },
    async (req) => ({ items: await actionHistory(app.db, req.params.id) }),
  );

  app.patch(
    '/api/actions/:id/assignment',
    {
      config: { policy: MANAGERS },
      schema: {
        operationId: 'assignAction',
        summary: 'Set the owner department or the bound measure / 담당 부서·측정값 지정',
        tags: ['plan running'],
        params: ActionIdParams,
        body: AssignmentBody,
        response: { 200: StaffActionSchema },
      },
    },
    async (req) => assignAction(app.db, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/measures',
    {
      config: { policy: STAFF },
      schema: {
        operationId: 'listMeasures',
        summary: 'Measures other modules provide, to bind to actions / 측정값 목록',
        tags: ['plan running'],
        response: { 200: MeasureListSchema },
      },
    },
    async () => ({ items: listMeasures() }),
  );
};
