/**
 * Zod schemas of the plan's public transparency API (Decidim's accountability and more): an
 * action's public page (explanation, status history), the reported quarters and the pledge
 * disclosure (공약 이행 현황 공개). Nothing here carries staff names or internal comments.
 */
import { z } from 'zod';
import { dbId, idNumber } from '../../server/api-schema.ts';
import { multiLine } from '../../server/text.ts';
import { AsOfSchema, ExplanationSchema, FiguresSchema, PublicActionSchema } from './api-schema.ts';
import { ReportParams } from './report-api-schema.ts';
import { ACTION_STATUSES, FUNDING_SOURCES, PERIODS } from './types.ts';

const won = z.number().int().describe('integer won (1억원 = 100,000,000)');

export const PlanActionParams = z.object({ id: idNumber().describe('plan id'), actionId: idNumber().describe('action id') });
export { ReportParams as PublicReportParams };

export const ExplanationBody = z
  .object({
    ko: multiLine(2000, { min: 0 }).describe('Korean, required unless both are blank (blank both: the explanation is removed)'),
    en: multiLine(2000, { min: 0 }).nullable().optional().describe('English, optional'),
  })
  .strict();

export const PublicActionPageSchema = z
  .object({
    plan: z.object({ id: dbId(), title: z.string(), titleEn: z.string().nullable(), pledge: z.string() }),
    entry: z.object({
      id: dbId(),
      year: z.number().int(),
      period: z.enum(PERIODS),
      goals: z.array(z.string()),
      goalsEn: z.array(z.string().nullable()).describe('the English of each goal, by position; null: none yet, show the Korean'),
    }),
    action: PublicActionSchema,
    explanation: ExplanationSchema.nullable(),
    history: z
      .array(
        z.object({
          at: z.string(),
          statusBefore: z.enum(ACTION_STATUSES),
          statusAfter: z.enum(ACTION_STATUSES),
          progressBefore: z.number().int(),
          progressAfter: z.number().int(),
        }),
      )
      .describe('status and progress changes, newest first; who changed it and the internal comments are never public'),
    asOf: z.string().describe('기준일: the action’s last change (the time of reading when a measure drives its progress)'),
  })
  .meta({ id: 'PublicActionPage' });

export const PublicReportListSchema = z.object({
  items: z.array(
    z.object({
      year: z.number().int(),
      quarter: z.number().int().min(1).max(4),
      reportedAt: z.string().describe('기준일: when the quarter was reported (frozen)'),
      figures: FiguresSchema.describe('the quarter’s own figures, as reported'),
      downloads: z.object({ pdf: z.string(), xlsx: z.string(), hwpx: z.string() }),
    }),
  ),
});

const amounts = z.object({ plannedKrw: won, securedKrw: won, executedKrw: won, executionRate: z.number().nullable() });

export const DisclosureSchema = z
  .object({
    plan: z.object({
      id: dbId(),
      title: z.string(),
      pledge: z.string(),
      category: z.string(),
      number: z.number().int(),
      period: z.object({ start: z.number().int(), end: z.number().int() }),
    }),
    asOf: AsOfSchema,
    figures: FiguresSchema,
    statusCounts: z
      .array(z.object({ status: z.enum(ACTION_STATUSES), count: z.number().int() }))
      .describe('every status of the plan, in reporting order, with its count of actions'),
    budget: z.object({
      years: z.array(z.number().int()),
      sources: z.array(
        z.object({
          source: z.enum(FUNDING_SOURCES),
          sourceLabel: z.string(),
          years: z.array(z.object({ year: z.number().int(), ...amounts.shape })),
          total: amounts,
        }),
      ),
      byYear: z.array(z.object({ year: z.number().int(), ...amounts.shape })),
      total: amounts,
    }),
    targets: z
      .array(
        z.object({
          actionId: dbId(),
          text: z.string(),
          year: z.number().int(),
          period: z.enum(PERIODS),
          target: z.object({ count: z.number().int(), unit: z.string() }),
          achieved: z.number().describe('measured by the bound measure, else target × progress ÷ 100 rounded down'),
          achievedSource: z.enum(['measure', 'progress']),
          status: z.enum(ACTION_STATUSES),
        }),
      )
      .describe('actions with a numeric target, and how much of it is achieved'),
  })
  .meta({ id: 'PledgeDisclosure' });

export type PublicActionPage = z.infer<typeof PublicActionPageSchema>;
export type Disclosure = z.infer<typeof DisclosureSchema>;
