/**
 * Drafts routes (docs/staff-api.md, "Drafts"): save or discard an action's draft, list a plan's
 * drafts, preview the public page with them (staff only), publish them together (managers).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, EDITORS, MANAGERS, STAFF, userOf } from '../../server/auth.ts';
import { PlanIdParams } from './api-schema.ts';
import { DraftAnswerSchema, DraftBody, DraftListSchema, PreviewSchema, PublishAnswerSchema } from './draft-api-schema.ts';
import { discardDraft, listDrafts, previewPlan, publishDrafts, saveDraft } from './draft-service.ts';
import { ActionIdParams } from './tracking-api-schema.ts';

export const draftRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/api/actions/:id/draft',
    {
      config: { policy: EDITORS, errors: ['OTHER_DEPARTMENT', 'PROGRESS_FROM_MEASURE', 'DONE_NEEDS_FULL_PROGRESS', 'FULL_PROGRESS_NOT_UNDER_WAY'] },
      schema: {
        operationId: 'saveActionDraft',
        summary: 'Save a draft of an action’s status and progress, not public until published / 추진상황 초안 저장',
        description:
          'Checked by the same rules as a direct save, against the values the draft would give the action. Values equal to the published ones are dropped; nothing left → no draft (draft: null). Officers: their department’s actions only.',
        tags: ['plan drafts'],
        params: ActionIdParams,
        body: DraftBody,
        response: { 200: DraftAnswerSchema },
      },
    },
    async (req) => ({ draft: await saveDraft(app.db, actorOf(req), userOf(req), req.params.id, req.body) }),
  );

  app.delete(
    '/api/actions/:id/draft',
    {
      config: { policy: EDITORS, errors: ['OTHER_DEPARTMENT'] },
      schema: {
        operationId: 'discardActionDraft',
        summary: 'Discard an action’s draft / 초안 삭제',
        tags: ['plan drafts'],
        params: ActionIdParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await discardDraft(app.db, actorOf(req), userOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/manage/plans/:id/drafts',
    {
      config: { policy: STAFF },
      schema: {
        operationId: 'listPlanDrafts',
        summary: 'The plan’s drafts beside the published values / 게시 대기 초안',
        tags: ['plan drafts'],
        params: PlanIdParams,
        response: { 200: DraftListSchema },
      },
    },
    async (req) => ({ items: await listDrafts(app.db, req.params.id) }),
  );

  app.get(
    '/api/manage/plans/:id/preview',
    {
      config: { policy: STAFF },
      schema: {
        operationId: 'previewPlan',
        summary: 'The public plan as it will read once the drafts are published (staff only) / 공개 페이지 미리보기',
        tags: ['plan drafts'],
        params: PlanIdParams,
        response: { 200: PreviewSchema },
      },
    },
    async (req) => previewPlan(app.db, req.params.id),
  );

  app.post(
    '/api/manage/plans/:id/drafts/publish',
    {
      config: { policy: MANAGERS, errors: ['DONE_NEEDS_FULL_PROGRESS', 'FULL_PROGRESS_NOT_UNDER_WAY', 'PROGRESS_FROM_MEASURE'] },
      schema: {
        operationId: 'publishPlanDrafts',
        summary: 'Publish every draft of the plan together, in one transaction, audited / 초안 일괄 게시',
        description:
          'Each draft is applied as a direct save (rules, history row, action.update audit row), plus one plan.drafts.publish audit row; when one no longer fits, none is published and the refusal names it (field drafts.<actionId>.<field>).',
        tags: ['plan drafts'],
        params: PlanIdParams,
        response: { 200: PublishAnswerSchema },
      },
    },
    async (req) => publishDrafts(app.db, actorOf(req), userOf(req), req.params.id),
  );
};
