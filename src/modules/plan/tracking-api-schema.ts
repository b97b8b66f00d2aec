/** Zod schemas of the plan-running API: actions, history, assignment, measures, evidence. */
import { z } from 'zod';
import { binary, dbId, idNumber, multipartBody, wholeNumber } from '../../server/api-schema.ts';
import { multiLine, singleLine } from '../../server/text.ts';
import { StaffActionSchema } from './api-schema.ts';
import { ACTION_STATUSES, PERIODS } from './types.ts';

const id = idNumber();

export const ActionIdParams = z.object({ id: id.describe('action id') });
export const EvidenceIdParams = z.object({ id: id.describe('evidence id') });

const atLeastOne = (o: object) => Object.values(o).some((v) => v !== undefined);

export const ActionPatchBody = z
  .object({
    status: z.enum(ACTION_STATUSES).optional(),
    progress: z.number().int().min(0).max(100).optional().describe('0–100; refused (409) when the action is bound to a measure'),
    comment: multiLine(2000, { min: 0, trim: false }).optional().describe('internal; never shown to the public'),
  })
  .strict()
  .refine(atLeastOne, { message: 'Nothing to change: send status, progress or comment' });

export const AssignmentBody = z
  .object({
    ownerDepartmentId: dbId().nullable().optional(),
    measureKey: singleLine(64, { trim: false }).nullable().optional(),
    target: z
      .object({
        count: z.number().int().min(1).max(1_000_000_000),
        unit: singleLine(10),
      })
      .strict()
      .nullable()
      .optional()
      .describe('a numeric target set by a manager (e.g. {count: 4, unit: "회"}) for an action whose text gives none, so a measure can be bound'),
  })
  .strict()
  .refine(atLeastOne, { message: 'Nothing to change: send ownerDepartmentId, measureKey or target' });

export const ActorSchema = z.object({ id: dbId(), email: z.string(), name: z.string() }).nullable().meta({ id: 'ActorRef' });

export const HistorySchema = z.object({
  items: z.array(
    z.object({
      id: dbId(),
      at: z.string(),
      actor: ActorSchema,
      statusBefore: z.enum(ACTION_STATUSES),
      statusAfter: z.enum(ACTION_STATUSES),
      progressBefore: z.number().int(),
      progressAfter: z.number().int(),
      comment: z.string().nullable(),
    }),
  ),
});

export const MeasureListSchema = z.object({
  items: z.array(z.object({ key: z.string(), label: z.object({ ko: z.string(), en: z.string() }), unit: z.string() })),
});

export const LinkBody = z
  .object({
    title: singleLine(200),
    url: singleLine(2000).describe('http or https only'),
    published: z.boolean().optional(),
  })
  .strict();

export const EvidencePatchBody = z
  .object({
    title: singleLine(200).optional(),
    published: z.boolean().optional(),
  })
  .strict()
  .refine(atLeastOne, { message: 'Nothing to change: send title or published' });

/** The multipart `title` of an uploaded file (empty: the file name); evidence-routes.ts reads the field through it. */
export const EvidenceFileTitle = singleLine(200, { min: 0 });

export const EvidenceUploadBody = multipartBody({
  file: binary('≤ 10 MB: PDF, PNG, JPEG, GIF, WebP, TXT, CSV, XLSX, DOCX, PPTX, HWP, HWPX (checked by content)'),
  title: EvidenceFileTitle.optional().describe('defaults to the file name'),
  published: z.enum(['true', 'false']).optional().describe('default false'),
});

// ── The workspace's action list: filtered on the server, one compact row per action ─────────

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ActionListQuery = z
  .object({
    year: wholeNumber(1900, 2200).optional().describe('the schedule year'),
    quarter: wholeNumber(1, 4).optional().describe('1–4: actions whose period covers the quarter (Q3 matches Q3, H2 and FY)'),
    department: z
      .union([z.literal('none'), idNumber()])
      .optional()
      .describe('owner department id, or "none" for actions without one'),
    status: z.enum(ACTION_STATUSES).optional(),
    mine: flag.optional().describe('true: only actions of the signed-in user’s department'),
    overdue: flag.optional().describe('true: only actions whose period has ended (Seoul) and that are not done, continuing or dropped (on hold counts)'),
  })
  .strict();

export const ActionRowSchema = z
  .object({
    id: dbId(),
    planId: dbId(),
    text: z.string(),
    year: z.number().int(),
    period: z.enum(PERIODS),
    status: z.enum(ACTION_STATUSES),
    progress: z.number().int().min(0).max(100),
    progressSource: z.enum(['manual', 'measure']),
    ownerDepartmentId: dbId().nullable(),
    target: z.object({ count: z.number().int(), unit: z.string() }).nullable(),
    overdue: z.boolean().describe('the period has ended and the action is not done, continuing or dropped'),
    updatedAt: z.string(),
  })
  .meta({ id: 'ActionRow' });

export const ActionListSchema = z.object({
  items: z.array(ActionRowSchema),
  total: z.number().int().describe('actions in the plan, before filtering'),
  years: z.array(z.number().int()).describe('the plan’s schedule years, for the year filter'),
});

/** One action for the workspace's editor: the staff view plus where it sits in the plan. */
export const ActionDetailSchema = StaffActionSchema.extend({
  planId: dbId(),
  year: z.number().int(),
  period: z.enum(PERIODS),
  overdue: z.boolean(),
  goals: z.array(z.string()).describe('the goals of its schedule entry'),
}).meta({ id: 'ActionDetail' });

export type ActionRow = z.infer<typeof ActionRowSchema>;
export type ActionDetail = z.infer<typeof ActionDetailSchema>;
