/** Managers' plan routes: preview and import a plan document, edit a plan's header. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, MANAGERS } from '../../server/auth.ts';
import { AppError, fieldError } from '../../server/errors.ts';
import { booleanField, readMultipart, requireFile } from '../../server/multipart.ts';
import { multiLine, singleLine } from '../../server/text.ts';
import { NormalizedPlanSchema, PlanIdParams, StaffPlanSchema } from './api-schema.ts';
import { parsePlanFile } from './importer/parse.ts';
import { PlanFormatError } from './importer/text.ts';
import { getStaffPlan } from './plan-read.ts';
import { importPlan, updatePlan } from './service.ts';
import type { NormalizedPlan } from './types.ts';
import { binary, dbId, multipartBody } from '../../server/api-schema.ts';

const year = z.number().int().min(1900).max(2200);

export const PlanPatchBody = z
  .object({
    pledge: singleLine(300),
    title: singleLine(300),
    category: singleLine(50),
    number: z.number().int().min(1).max(100_000),
    period: z.object({ start: year, end: year }),
    effects: z.array(multiLine(1000)).max(50),
  })
  .partial()
  .strict()
  .refine((o) => Object.values(o).some((v) => v !== undefined), { message: 'Nothing to change' });

/**
 * Reads the uploaded document through the importer; a document that is not a plan, or holds a
 * negative amount or a character it may not → 422 naming the place ("budget.시비.'23", "line 17";
 * `file` for the file as a whole).
 */
function parseUpload(bytes: Buffer): NormalizedPlan {
  try {
    return parsePlanFile(bytes);
  } catch (e) {
    if (e instanceof PlanFormatError) {
      throw new AppError('PLAN_DOCUMENT_INVALID', { ko: e.ko, en: e.en }, [fieldError(e.field ?? 'file', e.ko, e.en)]);
    }
    throw e;
  }
}

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/plans/import/preview',
    {
      config: { policy: MANAGERS, errors: ['PLAN_DOCUMENT_INVALID'] },
      schema: {
        operationId: 'previewPlanImport',
        summary: 'Read a plan document and show the normalized result; writes nothing / 실천계획 가져오기 미리보기',
        description: 'multipart/form-data with `file` (UTF-8 text in the pledge book’s layout). A file that is not a plan → 422.',
        tags: ['plans'],
        consumes: ['multipart/form-data'],
        body: multipartBody({ file: binary('the plan document: UTF-8 text in the pledge book’s layout') }),
        response: { 200: z.object({ plan: NormalizedPlanSchema, warnings: z.array(z.string()) }) },
      },
    },
    async (req) => {
      const plan = parseUpload(requireFile(await readMultipart(req, 'file', [])).bytes);
      return { plan, warnings: plan.warnings };
    },
  );

  app.post(
    '/api/plans/import',
    {
      config: { policy: MANAGERS, errors: ['PLAN_DOCUMENT_INVALID', 'PLAN_EXISTS', 'PLAN_RUNNING'] },
      schema: {
        operationId: 'importPlan',
        summary: 'Import a plan document / 실천계획 가져오기',
        description:
          'multipart/form-data with `file` and `replace` ("true" to replace the plan with the same category and number). ' +
          'A duplicate without replace → 409; replacing a plan that is already being run (progress, evidence, executions, reports) → 409.',
        tags: ['plans'],
        consumes: ['multipart/form-data'],
        body: multipartBody({
          file: binary('the plan document: UTF-8 text in the pledge book’s layout'),
          replace: z.enum(['true', 'false']).optional().describe('"true": replace the plan with the same category and number'),
        }),
        response: {
          201: z.object({ id: dbId(), replaced: z.boolean() }),
        },
      },
    },
    async (req, reply) => {
      const form = await readMultipart(req, 'file', ['replace']);
      const file = requireFile(form);
      const replace = booleanField(form, 'replace', false);
      const plan = parseUpload(file.bytes);
      const result = await importPlan(app.db, plan, { replace, sourceText: file.bytes.toString('utf8'), actor: actorOf(req) });
      return reply.status(201).send(result);
    },
  );

  app.patch(
    '/api/plans/:id',
    {
      config: { policy: MANAGERS, errors: ['PLAN_EXISTS'] },
      schema: {
        operationId: 'updatePlan',
        summary: 'Edit a plan’s header: pledge, title, category and number, period, expected effects / 실천계획 수정',
        tags: ['plans'],
        params: PlanIdParams,
        body: PlanPatchBody,
        response: { 200: StaffPlanSchema },
      },
    },
    async (req) => {
      await updatePlan(app.db, actorOf(req), req.params.id, req.body);
      return getStaffPlan(app.db, req.params.id);
    },
  );
};
