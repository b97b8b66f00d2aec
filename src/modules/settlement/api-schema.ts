/** Zod schemas of the settlement API (생활 인프라·정주여건): facilities, feedback, survey, improvements. */
import { z } from 'zod';
import { binary, dbId, idNumber, wholeNumber } from '../../server/api-schema.ts';
import { multiLine, singleLine } from '../../server/text.ts';
import { nameText } from '../../server/validation.ts';
import { isCalendarDate } from '../plan/seoul-time.ts';
import { FUNDING_SOURCES } from '../plan/types.ts';
import { FACILITY_STAGES, FEEDBACK_CATEGORIES, FEEDBACK_STATUSES, IMPROVEMENT_KINDS, IMPROVEMENT_STATUSES } from './schema.ts';

const id = idNumber();
const bilingual = z.object({ ko: z.string(), en: z.string() });
const bilingualOptEn = z.object({ ko: z.string(), en: z.string().nullable() });
const calendarDate = z.iso.date().refine(isCalendarDate, 'not a calendar date').describe('YYYY-MM-DD, Asia/Seoul');

export const IdParams = z.object({ id: id.describe('id') });
export const TokenParams = z.object({ token: z.string().min(1).max(200).describe('the token from the tracking link') });

// ── Facilities ──────────────────────────────────────────────────────────────

const MilestoneSchema = z.object({ id: dbId(), name: bilingual, plannedOn: z.string().nullable(), doneOn: z.string().nullable() }).meta({ id: 'FacilityMilestone' });

/** The public list's item, exactly as the contract (GET /api/facilities). */
export const FacilityListItemSchema = z
  .object({
    id: dbId(),
    name: bilingual,
    stage: z.enum(FACILITY_STAGES),
    progress: z.number().int().describe('0–100, from the stage: planning 0, design 25, construction 50, completion 75, opening 100'),
    milestones: z.array(z.object({ name: bilingual, plannedOn: z.string().nullable(), doneOn: z.string().nullable() })),
  })
  .meta({ id: 'FacilityListItem' });

const PhotoSchema = z.object({ id: dbId(), url: z.string(), caption: z.string().nullable(), takenOn: z.string() }).meta({ id: 'FacilityPhoto' });

const BudgetLineSchema = z.object({ source: z.enum(FUNDING_SOURCES), amountWon: z.number().int() });

const FollowUpSchema = z.object({ id: dbId(), text: z.string(), done: z.boolean(), doneAt: z.string().nullable() }).meta({ id: 'InspectionFollowUp' });

const InspectionSchema = z
  .object({ id: dbId(), heldOn: z.string(), findings: z.string(), photos: z.array(PhotoSchema), followUps: z.array(FollowUpSchema) })
  .meta({ id: 'FacilityInspection' });

export const FacilitySchema = z
  .object({
    id: dbId(),
    key: z.string(),
    name: bilingual,
    description: bilingualOptEn.nullable(),
    stage: z.enum(FACILITY_STAGES),
    progress: z.number().int(),
    department: z.object({ id: dbId(), name: z.string(), nameEn: z.string().nullable() }).nullable(),
    planActionId: dbId().nullable(),
    milestones: z.array(MilestoneSchema),
    budget: z.object({ lines: z.array(BudgetLineSchema), totalWon: z.number().int() }),
    inspections: z.array(InspectionSchema),
    photos: z.array(PhotoSchema),
  })
  .meta({ id: 'Facility' });

export const FacilityPatchBody = z
  .object({
    stage: z.enum(FACILITY_STAGES).optional().describe('forward only: planning → design → construction → completion → opening'),
    departmentId: dbId().nullable().optional(),
  })
  .strict()
  .refine((o) => o.stage !== undefined || o.departmentId !== undefined, { message: 'Nothing to change: send stage or departmentId' });

export const MilestonePatchBody = z
  .object({ plannedOn: calendarDate.nullable().optional(), doneOn: calendarDate.nullable().optional() })
  .strict()
  .refine((o) => o.plannedOn !== undefined || o.doneOn !== undefined, { message: 'Nothing to change: send plannedOn or doneOn' });

export const MilestoneParams = z.object({ id: id.describe('facility id'), milestoneId: id.describe('milestone id') });

export const BudgetBody = z.object({ lines: z.array(z.object({ source: z.enum(FUNDING_SOURCES), amountWon: z.number().int().min(0).max(1e15) }).strict()).max(4) }).strict();

export const InspectionBody = z.object({ heldOn: calendarDate, findings: multiLine(4000), followUps: z.array(singleLine(500)).max(20).optional() }).strict();

export const PhotoCaption = singleLine(200);

/** A multipart body of one image (and a caption for inspection photos), as the OpenAPI document shows it. */
export const PhotoUploadBody = z.preprocess(
  (v) => v ?? undefined,
  z.object({ file: binary('PNG, JPEG, GIF or WebP, ≤ 10 MB (checked by content)'), caption: PhotoCaption.optional() }).optional(),
);

export const FollowUpBody = z.object({ done: z.boolean() }).strict();

// ── Feedback ────────────────────────────────────────────────────────────────

export const FeedbackBody = z
  .object({
    category: z.enum(FEEDBACK_CATEGORIES),
    text: multiLine(4000),
    anonymous: z.boolean(),
    contact: z
      .object({
        name: nameText(50).optional(),
        phone: singleLine(20, { min: 9 }).optional().describe('a Korean phone number'),
        email: z.email().max(254).optional(),
      })
      .strict()
      .optional()
      .describe('only when not anonymous: a phone or an e-mail to be told the answer'),
    consent: z.boolean().optional().describe('required (true) when a contact is given (GET /api/privacy/consent?purpose=settlement)'),
  })
  .strict();

export const FeedbackCreatedSchema = z.object({ id: dbId(), trackingUrl: z.string() }).meta({ id: 'FeedbackCreated' });

const answerSchema = z.object({ text: z.string(), department: z.string().nullable(), answeredAt: z.string() });

export const FeedbackBoardSchema = z
  .object({ items: z.array(z.object({ id: dbId(), category: z.enum(FEEDBACK_CATEGORIES), text: z.string(), answer: answerSchema.nullable() })) })
  .meta({ id: 'FeedbackBoard' });

export const FeedbackTrackingSchema = z
  .object({
    id: dbId(),
    category: z.enum(FEEDBACK_CATEGORIES),
    text: z.string(),
    status: z.enum(FEEDBACK_STATUSES),
    hasPhoto: z.boolean(),
    department: z.string().nullable(),
    answer: answerSchema.nullable(),
    published: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'FeedbackTracking' });

export const StaffFeedbackSchema = z
  .object({
    id: dbId(),
    category: z.enum(FEEDBACK_CATEGORIES),
    text: z.string(),
    status: z.enum(FEEDBACK_STATUSES),
    hasPhoto: z.boolean(),
    anonymous: z.boolean(),
    contact: z.object({ name: z.string().nullable(), phoneMasked: z.string().nullable(), emailMasked: z.string().nullable() }).nullable(),
    department: z.object({ id: dbId(), name: z.string() }).nullable(),
    answer: z.string().nullable(),
    answeredAt: z.string().nullable(),
    /** The redaction proposed automatically; staff approve or edit it before publishing. */
    proposed: z.object({ text: z.string(), answer: z.string().nullable() }),
    published: z.object({ text: z.string(), answer: z.string().nullable(), publishedAt: z.string() }).nullable(),
    createdAt: z.string(),
    anonymized: z.boolean(),
  })
  .meta({ id: 'StaffFeedback' });

export const StaffFeedbackQuery = z.object({ status: z.enum(FEEDBACK_STATUSES).optional() });

export const AssignBody = z.object({ departmentId: dbId() }).strict();
export const AnswerBody = z.object({ text: multiLine(4000) }).strict();
export const PublishBody = z
  .object({
    published: z.boolean(),
    text: multiLine(4000).optional().describe('the redacted text to show; default: the proposed redaction'),
    answer: multiLine(4000).optional().describe('the redacted answer to show; default: the proposed redaction'),
  })
  .strict();

// ── Survey and improvements ────────────────────────────────────────────────

export const YearParams = z.object({ year: wholeNumber(2000, 2200).describe('survey year') });

export const SurveyBody = z
  .object({
    respondents: z.number().int().min(0).max(10_000_000),
    note: multiLine(2000).optional(),
    results: z
      .array(z.object({ topic: z.enum(FEEDBACK_CATEGORIES), satisfied: z.number().min(0).max(100).describe('share satisfied, %, one decimal') }).strict())
      .min(1)
      .max(FEEDBACK_CATEGORIES.length),
  })
  .strict();

export const SurveyYearSchema = z
  .object({
    year: z.number().int(),
    respondents: z.number().int(),
    note: z.string().nullable(),
    results: z.array(z.object({ topic: z.enum(FEEDBACK_CATEGORIES), satisfied: z.number() })),
  })
  .meta({ id: 'SettlementSurveyYear' });

export const SurveysSchema = z
  .object({
    years: z.array(SurveyYearSchema),
    comparison: z.array(
      z.object({
        topic: z.enum(FEEDBACK_CATEGORIES),
        byYear: z.array(z.object({ year: z.number().int(), satisfied: z.number().nullable() })),
        change: z.number().nullable().describe('last year with a figure minus the one before it, percentage points'),
      }),
    ),
  })
  .meta({ id: 'SettlementSurveys' });

export const ImprovementBody = z
  .object({
    kind: z.enum(IMPROVEMENT_KINDS),
    title: singleLine(200),
    titleEn: singleLine(200).optional(),
    departmentId: dbId().nullable().optional(),
  })
  .strict();

export const CheckBody = z
  .object({ year: z.number().int().min(2000).max(2200), quarter: z.number().int().min(1).max(4), status: z.enum(IMPROVEMENT_STATUSES), note: multiLine(2000).optional() })
  .strict();

export const ImprovementSchema = z
  .object({
    id: dbId(),
    kind: z.enum(IMPROVEMENT_KINDS),
    title: bilingualOptEn,
    department: z.string().nullable(),
    status: z.enum(IMPROVEMENT_STATUSES),
    doneAt: z.string().nullable(),
    checks: z.array(z.object({ year: z.number().int(), quarter: z.number().int(), status: z.enum(IMPROVEMENT_STATUSES), note: z.string().nullable(), checkedAt: z.string() })),
  })
  .meta({ id: 'SettlementImprovement' });

export type Facility = z.infer<typeof FacilitySchema>;
export type StaffFeedback = z.infer<typeof StaffFeedbackSchema>;
export type FeedbackInput = z.infer<typeof FeedbackBody>;
