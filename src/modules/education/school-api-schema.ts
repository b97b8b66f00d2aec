/** Zod schemas of the visiting financial school API (찾아가는 금융학교), docs/education-api.md. */
import { z } from 'zod';
import { dbId, idNumber, wholeNumber } from '../../server/api-schema.ts';
import { multiLine, noControlChars, singleLine } from '../../server/text.ts';
import { nameText } from '../../server/validation.ts';
import { isCalendarDate } from '../plan/seoul-time.ts';

const id = idNumber();
const calendarDate = z.iso.date().refine(isCalendarDate, 'not a calendar date').describe('YYYY-MM-DD, Asia/Seoul');
const instant = z.iso.datetime({ offset: true }).describe('ISO 8601 with an offset');
const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .check(noControlChars())
  .describe('http(s) link');

const SCHOOL_LEVELS = ['elementary', 'middle', 'high', 'special', 'other'] as const;
const APPLICATION_STATUSES = ['submitted', 'selected', 'rejected', 'scheduled', 'completed', 'withdrawn'] as const;

export const IdParams = z.object({ id: id.describe('id') });
export const TokenParams = z.object({ token: z.string().min(1).max(200).describe('the token from the status link') });
export const YearQuery = z.object({ year: wholeNumber(2000, 2200).optional().describe('default: this year (Asia/Seoul)') });

export const SurveyBody = z
  .object({
    year: z.number().int().min(2000).max(2200),
    opensAt: instant,
    closesAt: instant,
    targetSchools: z.number().int().min(0).max(10_000).describe('schools the year targets ("실시(3개교)")'),
    retentionDays: z.number().int().min(1).max(3650).optional().describe('days after the year ends that contacts are kept (default 3 years)'),
  })
  .strict();

export const SurveySchema = z
  .object({
    id: dbId(),
    year: z.number().int(),
    opensAt: z.string(),
    closesAt: z.string(),
    open: z.boolean(),
    targetSchools: z.number().int(),
  })
  .meta({ id: 'SchoolSurvey' });

export const ApplicationBody = z
  .object({
    schoolName: nameText(100),
    level: z.enum(SCHOOL_LEVELS),
    teacherName: nameText(50),
    teacherPhone: singleLine(20, { min: 9 }).describe('a Korean phone number; stored normalised'),
    teacherEmail: z.email().max(254).optional(),
    grade: singleLine(50).describe('e.g. "5학년"'),
    students: z.number().int().min(1).max(5000),
    preferredDates: z.array(calendarDate).min(1).max(3).describe('one to three preferred dates'),
    topics: multiLine(2000),
    consent: z.literal(true).describe('the consent tick (GET /api/privacy/consent?purpose=school)'),
  })
  .strict();

export const ClassSchema = z
  .object({
    id: dbId(),
    applicationId: dbId(),
    heldOn: z.string(),
    lecturer: z.string(),
    classes: z.number().int(),
    studentsReached: z.number().int().nullable(),
    notes: z.string().nullable(),
    evidenceUrl: z.string().nullable(),
    recordedAt: z.string().nullable(),
  })
  .meta({ id: 'SchoolClass' });

export const ApplicationStatusSchema = z
  .object({
    status: z.enum(APPLICATION_STATUSES),
    schoolName: z.string(),
    year: z.number().int(),
    decisionReason: z.string().nullable(),
    classes: z.array(z.object({ heldOn: z.string(), lecturer: z.string(), classes: z.number().int() })),
  })
  .meta({ id: 'SchoolApplicationStatus' });

export const StaffApplicationSchema = z
  .object({
    id: dbId(),
    surveyId: dbId(),
    status: z.enum(APPLICATION_STATUSES),
    schoolName: z.string(),
    level: z.enum(SCHOOL_LEVELS),
    teacherName: z.string(),
    teacherPhoneMasked: z.string().nullable(),
    teacherEmailMasked: z.string().nullable(),
    grade: z.string(),
    students: z.number().int(),
    preferredDates: z.array(z.string()),
    topics: z.string(),
    decisionReason: z.string().nullable(),
    decidedAt: z.string().nullable(),
    classes: z.array(ClassSchema),
    createdAt: z.string(),
    anonymized: z.boolean(),
  })
  .meta({ id: 'SchoolApplication' });

export const ApplicationListSchema = z.object({
  survey: SurveySchema,
  items: z.array(StaffApplicationSchema),
  target: z.number().int(),
  selected: z.number().int().describe('selected, scheduled or completed'),
});

export const DecisionBody = z.object({ decision: z.enum(['selected', 'rejected']), reason: multiLine(1000) }).strict();

export const ClassBody = z.object({ heldOn: calendarDate, lecturer: singleLine(100), classes: z.number().int().min(1).max(100) }).strict();

export const ClassResultBody = z
  .object({
    studentsReached: z.number().int().min(0).max(100_000),
    notes: multiLine(2000, { min: 0 }).optional(),
    evidenceUrl: httpUrl.optional(),
  })
  .strict();

const figureRow = { schools: z.number().int(), students: z.number().int(), classes: z.number().int() };
export const SchoolFiguresSchema = z
  .object({
    year: z.number().int(),
    target: z.number().int().nullable(),
    byQuarter: z.array(z.object({ quarter: z.number().int(), ...figureRow })),
    total: z.object({ ...figureRow, target: z.number().int().nullable(), rate: z.number().nullable().describe('schools / target × 100, one decimal') }),
  })
  .meta({ id: 'SchoolFigures' });

export type Survey = z.infer<typeof SurveySchema>;
export type StaffApplication = z.infer<typeof StaffApplicationSchema>;
export type SchoolClass = z.infer<typeof ClassSchema>;
export type SchoolFigures = z.infer<typeof SchoolFiguresSchema>;
