/** Zod schemas of the plan API: validate requests, serialise responses, generate OpenAPI. */
import { z } from 'zod';
import { dbId, idNumber } from '../../server/api-schema.ts';
import { ACTION_STATUSES, FUNDING_SOURCES, PERIODS } from './types.ts';

const won = z.number().int().describe('integer won (1억원 = 100,000,000)');
const yearSpan = z.object({ start: z.number().int(), end: z.number().int() });

/** English entered by staff beside a Korean text; null where there is none (the page then shows the Korean). */
const english = () => z.string().nullable().describe('English entered by staff; null: none yet, show the Korean');
const englishOf = <K extends string>(...keys: K[]) => Object.fromEntries(keys.map((k) => [`${k}En`, english()])) as Record<`${K}En`, ReturnType<typeof english>>;

const PlanSummarySchema = z
  .object({
    id: dbId(),
    category: z.string(),
    number: z.number().int(),
    pledge: z.string(),
    title: z.string(),
    ...englishOf('pledge', 'title'),
    period: yearSpan,
    totalBudgetKrw: won,
  })
  .meta({ id: 'PlanSummary' });

export const PlanListSchema = z.object({ items: z.array(PlanSummarySchema) });

const PhaseItemSchema = z
  .object({
    id: dbId(),
    text: z.string(),
    textEn: english(),
    get children(): z.ZodArray<typeof PhaseItemSchema> {
      return z.array(PhaseItemSchema);
    },
  })
  .meta({ id: 'PhaseItem' });

const budgetSchema = z.object({
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
});

const targetSchema = z.object({ count: z.number().int(), unit: z.string() }).nullable();

/** The plan's normalized fields with ids: what the importer reads, as stored. */
function storedPlanShape<A extends z.ZodType, E extends z.ZodRawShape>(action: A, entryExtra: E) {
  return {
    id: dbId(),
    category: z.string(),
    number: z.number().int(),
    pledge: z.string(),
    title: z.string(),
    ...englishOf('pledge', 'title'),
    period: yearSpan,
    totalBudgetKrw: won,
    contents: z.array(z.object({ id: dbId(), area: z.string(), text: z.string() })),
    budget: budgetSchema,
    phases: z.array(
      z.object({
        id: dbId(),
        name: z.string(),
        nameEn: english(),
        start: z.string().nullable(),
        end: z.string().nullable(),
        items: z.array(PhaseItemSchema),
        notes: z.array(z.string()),
      }),
    ),
    effects: z.array(z.string()),
    effectsEn: z.array(english()).describe('the English of each effect, by position'),
    schedule: z.array(
      z.object({
        id: dbId(),
        year: z.number().int(),
        period: z.enum(PERIODS),
        goals: z.array(z.string()),
        goalsEn: z.array(english()).describe('the English of each goal, by position'),
        actions: z.array(action),
        ...entryExtra,
      }),
    ),
    warnings: z.array(z.string()),
  };
}

const StoredPlanBaseSchema = z.object(storedPlanShape(z.object({ id: dbId(), text: z.string(), textEn: english(), target: targetSchema }), {}));

const NormalizedPhaseItemSchema = z
  .object({
    text: z.string(),
    get children(): z.ZodArray<typeof NormalizedPhaseItemSchema> {
      return z.array(NormalizedPhaseItemSchema);
    },
  })
  .meta({ id: 'NormalizedPhaseItem' });

/** A normalized plan as the importer returns it (no ids): the import preview. */
export const NormalizedPlanSchema = z
  .object({
    category: z.string(),
    number: z.number().int(),
    pledge: z.string(),
    title: z.string(),
    period: yearSpan,
    totalBudgetKrw: won,
    contents: z.array(z.object({ area: z.string(), text: z.string() })),
    budget: budgetSchema,
    phases: z.array(
      z.object({
        name: z.string(),
        start: z.string().nullable(),
        end: z.string().nullable(),
        items: z.array(NormalizedPhaseItemSchema),
        notes: z.array(z.string()),
      }),
    ),
    effects: z.array(z.string()),
    schedule: z.array(
      z.object({
        year: z.number().int(),
        period: z.enum(PERIODS),
        goals: z.array(z.string()),
        actions: z.array(z.object({ text: z.string(), target: targetSchema })),
      }),
    ),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'NormalizedPlan' });

// ── Running the plan: status, progress, evidence, figures, ledger ──────────────────────────

const rate = z.number().nullable().describe('percent with one decimal; null when there is nothing to count');

export const FiguresSchema = z
  .object({
    progressRate: rate.describe('이행률: mean progress of the counted actions (dropped left out); null when none'),
    completionRate: rate.describe('완료율: share of counted actions done or done_continuing; null when none'),
    counted: z.number().int(),
    done: z.number().int(),
  })
  .meta({ id: 'Figures' });

const figuresShape = FiguresSchema.shape;

const PlanFiguresSchema = z.object({
  overall: FiguresSchema,
  byYear: z.array(z.object({ year: z.number().int(), ...figuresShape })),
  byQuarter: z.array(z.object({ year: z.number().int(), quarter: z.number().int().min(1).max(4), ...figuresShape })),
});

const ledgerAmountsShape = {
  plannedKrw: won,
  securedKrw: won,
  executedKrw: won,
  executionRate: rate.describe('executed / planned × 100; null when nothing is planned'),
};

const PublicLedgerSchema = z.object({
  ...ledgerAmountsShape,
  byYear: z.array(z.object({ year: z.number().int(), ...ledgerAmountsShape })),
});

export const LedgerAmountsSchema = z.object(ledgerAmountsShape);
export { ledgerAmountsShape };

const publicEvidenceShape = {
  id: dbId(),
  kind: z.enum(['file', 'link']),
  title: z.string(),
  url: z.string().describe('the link, or /api/evidence/:id/file for a file'),
};

export const PublicEvidenceSchema = z.object(publicEvidenceShape).meta({ id: 'PublicEvidence' });
export const EvidenceSchema = z
  .object({
    ...publicEvidenceShape,
    actionId: dbId(),
    published: z.boolean(),
    fileName: z.string().nullable(),
    mimeType: z.string().nullable(),
    sizeBytes: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Evidence' });

const publicActionShape = {
  id: dbId(),
  text: z.string(),
  textEn: english(),
  target: targetSchema,
  status: z.enum(ACTION_STATUSES),
  progress: z.number().int().min(0).max(100),
};

/** 공개 설명: the staff's explanation of an action for the public (ko, optional en). */
export const ExplanationSchema = z
  .object({ ko: z.string(), en: z.string().nullable(), updatedAt: z.string().describe('when it was last written') })
  .meta({ id: 'ActionExplanation' });

/** 기준일: when the data behind the public figures last changed. */
export const AsOfSchema = z
  .object({
    progress: z.string().describe('이행률·완료율: the latest status or progress change (the time of reading when a measure drives progress)'),
    budget: z.string().describe('budget figures: the latest ledger change (secured, executions), else the plan’s import'),
  })
  .meta({ id: 'AsOf' });

export const PublicActionSchema = z.object({ ...publicActionShape, evidence: z.array(PublicEvidenceSchema) }).meta({ id: 'PublicAction' });
export const StaffActionSchema = z
  .object({
    ...publicActionShape,
    evidence: z.array(EvidenceSchema),
    ownerDepartmentId: dbId().nullable(),
    measureKey: z.string().nullable(),
    measured: z.number().nullable().describe('the bound measure’s figure over the action’s schedule period'),
    progressSource: z.enum(['manual', 'measure']),
    updatedAt: z.string(),
    explanation: ExplanationSchema.nullable().describe('the public explanation (shown on the public action page)'),
  })
  .meta({ id: 'StaffAction' });

/** The public plan: the normalized plan with ids, plus status, progress, published evidence, figures and the ledger. */
export const PlanSchema = z
  .object({
    ...storedPlanShape(PublicActionSchema, { figures: FiguresSchema }),
    figures: PlanFiguresSchema,
    ledger: PublicLedgerSchema,
    asOf: AsOfSchema,
  })
  .meta({ id: 'Plan' });

/** The staff plan: the public shape with owners, measures, all evidence and update times. */
export const StaffPlanSchema = z
  .object({
    ...storedPlanShape(StaffActionSchema, { figures: FiguresSchema }),
    figures: PlanFiguresSchema,
    ledger: PublicLedgerSchema,
    asOf: AsOfSchema,
  })
  .meta({ id: 'StaffPlan' });

export const PlanIdParams = z.object({
  id: idNumber().describe('plan id'),
});

export type StoredPlanBase = z.infer<typeof StoredPlanBaseSchema>;
export type PublicPlan = z.infer<typeof PlanSchema>;
export type StaffPlan = z.infer<typeof StaffPlanSchema>;
export type StaffAction = z.infer<typeof StaffActionSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type Explanation = z.infer<typeof ExplanationSchema>;
export type AsOf = z.infer<typeof AsOfSchema>;
export type StoredPhaseItem = z.infer<typeof PhaseItemSchema>;
