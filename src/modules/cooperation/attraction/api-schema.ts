/** Zod schemas of the institution attraction API (금융기관 유치/이전). */
import { z } from 'zod';
import { dbId, idNumber, wholeNumber } from '../../../server/api-schema.ts';
import { multiLine, singleLine } from '../../../server/text.ts';
import { isCalendarDate } from '../../plan/seoul-time.ts';
import { ATTRACTION_STAGES, INSTITUTION_KINDS, SUPPORT_KINDS } from './stages.ts';

const calendarDate = z.iso.date().refine(isCalendarDate, 'not a calendar date').describe('YYYY-MM-DD, Asia/Seoul');
const userId = dbId();
export const IdParams = z.object({ id: idNumber().describe('id') });

const AttractionStageSchema = z.enum(ATTRACTION_STAGES);
const InstitutionKindSchema = z.enum(INSTITUTION_KINDS);
const SupportKindSchema = z.enum(SUPPORT_KINDS);

export const TargetBody = z
  .object({
    name: z.object({ ko: singleLine(200), en: singleLine(200).optional() }).strict(),
    kind: InstitutionKindSchema,
    identifiedOn: calendarDate.describe('the day it was identified (not after today)'),
    nextStep: multiLine(1000).optional(),
    nextStepDue: calendarDate.optional(),
    ownerId: userId.optional().describe('the city staff member who owns the next step'),
    announce: z.boolean().optional().describe('the institution agreed that its name may be announced (default false)'),
    notes: multiLine(5000).optional(),
  })
  .strict();

export const TargetPatchBody = z
  .object({
    name: z.object({ ko: singleLine(200), en: singleLine(200).optional() }).strict(),
    kind: InstitutionKindSchema,
    nextStep: multiLine(1000).nullable(),
    nextStepDue: calendarDate.nullable(),
    ownerId: userId.nullable(),
    announce: z.boolean(),
    notes: multiLine(5000).nullable(),
  })
  .partial()
  .strict()
  .refine((o) => Object.keys(o).length > 0, { message: 'Nothing to change: send at least one field' });

export const TargetStageBody = z
  .object({
    stage: AttractionStageSchema.describe('a later stage; stages passed over are recorded with the same day'),
    reachedOn: calendarDate.describe('not before the current stage, not after today'),
  })
  .strict();

export const SupportBody = z
  .object({
    kind: SupportKindSchema,
    amountWon: z.number().int().min(0).max(1_000_000_000_000_000).optional().describe('in won'),
    note: multiLine(1000).optional(),
    offeredOn: calendarDate,
  })
  .strict();

export const FunnelQuery = z.object({ year: wholeNumber(2000, 2100).optional().describe('default: this year (Seoul)') }).strict();

const bilingualOut = z.object({ ko: z.string(), en: z.string().nullable() });

export const SupportSchema = z.object({
  id: dbId(),
  kind: SupportKindSchema,
  amountWon: z.number().int().nullable(),
  note: z.string().nullable(),
  offeredOn: z.string(),
});

export const TargetSchema = z
  .object({
    id: dbId(),
    name: bilingualOut,
    kind: InstitutionKindSchema,
    stage: AttractionStageSchema,
    stageIndex: z.number().int(),
    nextStep: z.string().nullable(),
    nextStepDue: z.string().nullable(),
    owner: z.object({ id: dbId(), name: z.string() }).nullable(),
    announce: z.boolean(),
    notes: z.string().nullable(),
    stages: z.array(z.object({ stage: AttractionStageSchema, reachedOn: z.string().nullable() })),
    support: z.array(SupportSchema),
    supportTotalWon: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AttractionTarget' });

export const FunnelSchema = z.object({
  year: z.number().int(),
  stages: z.array(
    z.object({
      stage: AttractionStageSchema,
      label: z.object({ ko: z.string(), en: z.string() }),
      /** Targets at this stage now. */
      current: z.number().int(),
      /** Targets that have reached this stage (at it or beyond). */
      reached: z.number().int(),
      /** Targets that reached this stage in each quarter of the year (Q1–Q4). */
      byQuarter: z.array(z.number().int()).length(4),
    }),
  ),
  supportOfferedWon: z.number().int().describe('support offered in the year, in won'),
});

export const AttractionPublicSchema = z
  .object({
    mousSigned: z.number().int().describe('institutions that signed an MOU (or went on to open an office)'),
    officesOpened: z.number().int(),
    announced: z.array(z.object({ name: bilingualOut, kind: InstitutionKindSchema, stage: AttractionStageSchema })).describe('only institutions that agreed to be named'),
  })
  .meta({ id: 'AttractionPublic' });
