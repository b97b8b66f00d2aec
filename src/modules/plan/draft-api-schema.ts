/** Zod schemas of the drafts API: an action's pending status and progress, the plan's drafts, preview, publish. */
import { z } from 'zod';
import { dbId } from '../../server/api-schema.ts';
import { multiLine } from '../../server/text.ts';
import { PlanSchema } from './api-schema.ts';
import { ActorSchema } from './tracking-api-schema.ts';
import { ACTION_STATUSES, PERIODS } from './types.ts';

export const DraftBody = z
  .object({
    status: z.enum(ACTION_STATUSES).optional(),
    progress: z.number().int().min(0).max(100).optional(),
    comment: multiLine(2000, { min: 0, trim: false }).optional().describe('internal; written to the history when the draft is published'),
  })
  .strict()
  .refine((o) => o.status !== undefined || o.progress !== undefined, { message: 'Nothing to draft: send status or progress' });

export const DraftSchema = z
  .object({
    actionId: dbId(),
    status: z.enum(ACTION_STATUSES).nullable().describe('the pending status; null: unchanged'),
    progress: z.number().int().min(0).max(100).nullable().describe('the pending progress; null: unchanged'),
    comment: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Draft' });

export const DraftAnswerSchema = z.object({ draft: DraftSchema.nullable().describe('null: nothing differs from the published values, so no draft is kept') });

export const DraftRowSchema = DraftSchema.extend({
  text: z.string(),
  year: z.number().int(),
  period: z.enum(PERIODS),
  published: z.object({ status: z.enum(ACTION_STATUSES), progress: z.number().int() }).describe('what the public page shows now'),
  updatedBy: ActorSchema,
}).meta({ id: 'DraftRow' });

export const DraftListSchema = z.object({ items: z.array(DraftRowSchema) });
export const PublishAnswerSchema = z.object({ published: z.number().int().describe('drafts published') });

export const PreviewSchema = z
  .object({ plan: PlanSchema, drafted: z.array(dbId()).describe('the actions whose status or progress comes from a draft') })
  .meta({ id: 'PlanPreview' });

export type Draft = z.infer<typeof DraftSchema>;
export type DraftRow = z.infer<typeof DraftRowSchema>;
