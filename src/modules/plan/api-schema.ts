/** Zod schemas of the plan API: validate requests, serialise responses, generate OpenAPI. */
import { z } from 'zod';
import { FUNDING_SOURCES, PERIODS } from './types.ts';

const won = z.number().int().describe('integer won (1억원 = 100,000,000)');
const yearSpan = z.object({ start: z.number().int(), end: z.number().int() });

export const PlanSummarySchema = z
  .object({
    id: z.number().int(),
    category: z.string(),
    number: z.number().int(),
    pledge: z.string(),
    title: z.string(),
    period: yearSpan,
    totalBudgetKrw: won,
  })
  .meta({ id: 'PlanSummary' });

export const PlanListSchema = z.object({ items: z.array(PlanSummarySchema) });

export const PhaseItemSchema = z
  .object({
    id: z.number().int(),
    text: z.string(),
    get children(): z.ZodArray<typeof PhaseItemSchema> {
      return z.array(PhaseItemSchema);
    },
  })
  .meta({ id: 'PhaseItem' });

export const PlanSchema = z
  .object({
    id: z.number().int(),
    category: z.string(),
    number: z.number().int(),
    pledge: z.string(),
    title: z.string(),
    period: yearSpan,
    totalBudgetKrw: won,
    contents: z.array(z.object({ id: z.number().int(), area: z.string(), text: z.string() })),
    budget: z.object({
      unit: z.string().describe('the unit the document used; amounts are always won'),
      years: z.array(z.number().int()),
      rows: z.array(
        z.object({
          source: z.enum(FUNDING_SOURCES),
          sourceLabel: z.string(),
          priorKrw: won,
          yearsKrw: z.record(z.string(), won),
          afterKrw: won.nullable(),
          totalKrw: won,
        }),
      ),
    }),
    phases: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        start: z.string().nullable(),
        end: z.string().nullable(),
        items: z.array(PhaseItemSchema),
        notes: z.array(z.string()),
      }),
    ),
    effects: z.array(z.string()),
    schedule: z.array(
      z.object({
        id: z.number().int(),
        year: z.number().int(),
        period: z.enum(PERIODS),
        goals: z.array(z.string()),
        actions: z.array(
          z.object({
            id: z.number().int(),
            text: z.string(),
            target: z.object({ count: z.number().int(), unit: z.string() }).nullable(),
          }),
        ),
      }),
    ),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'Plan' });

export const PlanIdParams = z.object({
  id: z.coerce.number().int().positive().max(2_147_483_647).describe('plan id'),
});

export type StoredPlan = z.infer<typeof PlanSchema>;
export type StoredPhaseItem = z.infer<typeof PhaseItemSchema>;
