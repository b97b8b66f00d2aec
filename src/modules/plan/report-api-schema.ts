/** Zod schemas of the quarterly report API (분기 보고). A reported quarter's snapshot has this shape, frozen. */
import { z } from 'zod';
import { dbId, idNumber, wholeNumber } from '../../server/api-schema.ts';
import { FiguresSchema } from './api-schema.ts';
import { ActorSchema } from './tracking-api-schema.ts';
import { ACTION_STATUSES, PERIODS } from './types.ts';

const won = z.number().int();
const quarter = z.number().int().min(1).max(4);

export const ReportParams = z.object({
  id: idNumber().describe('plan id'),
  year: wholeNumber(2000, 2100),
  quarter: wholeNumber(1, 4).describe('1–4'),
});

export const ReportBody = z.object({ year: z.number().int().min(2000).max(2100), quarter }).strict();

export const ReportSchema = z
  .object({
    version: z.literal(1),
    plan: z.object({ id: dbId(), title: z.string(), pledge: z.string(), category: z.string(), number: z.number().int() }),
    year: z.number().int(),
    quarter,
    generatedAt: z.string().describe('when these figures were computed'),
    figures: z.object({
      quarter: FiguresSchema.describe('the entries due in the quarter'),
      cumulative: FiguresSchema.describe('the entries due up to the end of the quarter'),
      overall: FiguresSchema.describe('every entry of the plan'),
    }),
    entries: z.array(
      z.object({
        id: dbId(),
        year: z.number().int(),
        period: z.enum(PERIODS),
        goals: z.array(z.string()),
        figures: FiguresSchema,
        actions: z.array(
          z.object({
            id: dbId(),
            text: z.string(),
            target: z.object({ count: z.number().int(), unit: z.string() }).nullable(),
            status: z.enum(ACTION_STATUSES),
            progress: z.number().int(),
            progressSource: z.enum(['manual', 'measure']),
            ownerDepartment: z.object({ id: dbId(), name: z.string() }).nullable(),
            evidence: z.array(z.object({ id: dbId(), title: z.string(), kind: z.enum(['file', 'link']), published: z.boolean() })),
          }),
        ),
      }),
    ),
    budget: z.object({
      plannedKrw: won.describe('planned within the term for the years up to the report’s year'),
      executedKrw: won.describe('executed up to the end of the quarter (by execution date)'),
      executionRate: z.number().nullable().describe('executedKrw / plannedKrw × 100, one decimal; null when nothing is planned'),
      quarterExecutedKrw: won.describe('executed within the quarter'),
      executions: z.array(z.object({ id: dbId(), sourceLabel: z.string(), year: z.number().int(), executedOn: z.string(), amountKrw: won, description: z.string() })),
    }),
  })
  .meta({ id: 'QuarterReport' });

export const ReportResponseSchema = z.object({
  reported: z.boolean(),
  reportedAt: z.string().nullable(),
  reportedBy: ActorSchema,
  report: ReportSchema,
});

export const ReportListSchema = z.object({
  items: z.array(z.object({ year: z.number().int(), quarter, reportedAt: z.string(), reportedBy: ActorSchema })),
});

export type Report = z.infer<typeof ReportSchema>;
export type ReportResponse = z.infer<typeof ReportResponseSchema>;
