/** Zod schemas of the professional training and job linkage API (금융전문인력 양성, 일자리 연계). */
import { z } from 'zod';
import { dbId, idNumber, wholeNumber } from '../../server/api-schema.ts';
import { multiLine, singleLine } from '../../server/text.ts';
import { nameText } from '../../server/validation.ts';
import { isCalendarDate } from '../plan/seoul-time.ts';

const id = idNumber();
/** An id in a JSON body. */
const ref = z.number().int().min(1).max(2_147_483_647);
const calendarDate = z.iso.date().refine(isCalendarDate, 'not a calendar date').describe('YYYY-MM-DD, Asia/Seoul');
const instant = z.iso.datetime({ offset: true }).describe('ISO 8601 with an offset');
const bilingual = z.object({ ko: z.string(), en: z.string() });
const bilingualIn = (max: number) => z.object({ ko: multiLine(max), en: multiLine(max) }).strict();
const titleIn = z.object({ ko: singleLine(200), en: singleLine(200) }).strict();
const score = z.number().int().min(0).max(100);
const rating = z.number().int().min(1).max(5);

export const TRACKS = ['asset_management', 'pension_fund', 'fintech', 'back_office', 'other'] as const;
const APPLICATION_STATUSES = ['submitted', 'selected', 'waitlisted', 'rejected', 'withdrawn'] as const;
const EMPLOYER_KINDS = ['innovation_city', 'partner', 'other'] as const;
const REFERRAL_STATUSES = ['referred', 'interview', 'hired', 'not_hired', 'withdrawn'] as const;

export const IdParams = z.object({ id: id.describe('id') });
export const TokenParams = z.object({ token: z.string().min(1).max(200).describe('the token from the status link') });
export const CodeParams = z.object({ code: z.string().min(1).max(100).describe('the code printed on the certificate') });
export const FiguresQuery = z.object({ year: wholeNumber(2000, 2200).optional().describe('only cohorts starting that year (Asia/Seoul)') });

// Courses and cohorts
export const CourseBody = z
  .object({
    track: z.enum(TRACKS),
    title: titleIn,
    description: bilingualIn(4000).optional(),
    hours: z.number().int().min(1).max(2000),
    minAttendancePct: score.describe('minimum share of sessions attended, percent'),
    minScore: score.describe('minimum post-assessment score'),
  })
  .strict();

export const CourseSchema = z
  .object({
    id: dbId(),
    track: z.enum(TRACKS),
    title: bilingual,
    description: bilingual.nullable(),
    hours: z.number().int(),
    rule: z.object({ minAttendancePct: z.number().int(), minScore: z.number().int() }),
  })
  .meta({ id: 'TrainingCourse' });

export const CohortBody = z
  .object({
    courseId: ref,
    name: singleLine(100).describe('e.g. "2026년 1기"'),
    startsOn: calendarDate,
    endsOn: calendarDate,
    capacity: z.number().int().min(1).max(10_000),
    applyOpensAt: instant,
    applyClosesAt: instant,
    criteria: bilingualIn(4000).describe('selection criteria shown on the form'),
    documents: bilingualIn(2000).describe('documents asked for, one per line'),
    retentionDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict();

export const CohortSchema = z
  .object({
    id: dbId(),
    name: z.string(),
    course: CourseSchema,
    startsOn: z.string(),
    endsOn: z.string(),
    capacity: z.number().int(),
    applyOpensAt: z.string(),
    applyClosesAt: z.string(),
    open: z.boolean().describe('taking applications now'),
    criteria: bilingual,
    documents: bilingual,
  })
  .meta({ id: 'TrainingCohort' });

export const CohortStaffSchema = CohortSchema.extend({
  counts: z.object({ submitted: z.number().int(), selected: z.number().int(), waitlisted: z.number().int(), rejected: z.number().int(), withdrawn: z.number().int() }),
  evaluationSentAt: z.string().nullable(),
}).meta({ id: 'TrainingCohortStaff' });

export const ApplicationBody = z
  .object({
    name: nameText(50),
    phone: singleLine(20, { min: 9 }).describe('a Korean mobile phone number; stored normalised'),
    email: z.email().max(254).optional(),
    statement: multiLine(4000).describe('why you apply, your background'),
    documents: z.array(singleLine(200)).max(10).optional().describe('the documents you attach or will bring'),
    consent: z.literal(true).describe('the consent tick (GET /api/privacy/consent?purpose=training)'),
    referralConsent: z.boolean().optional().describe('optional: may be referred to employers after completing'),
  })
  .strict();

export const ApplicationStatusSchema = z
  .object({
    status: z.enum(APPLICATION_STATUSES),
    name: z.string().describe('masked (홍*동)'),
    cohort: z.object({ id: dbId(), name: z.string(), course: bilingual, startsOn: z.string(), endsOn: z.string() }),
    decisionReason: z.string().nullable(),
    waitlistPosition: z.number().int().nullable(),
    referralConsent: z.boolean(),
    sessions: z.array(z.object({ id: dbId(), title: bilingual, startsAt: z.string(), endsAt: z.string(), room: z.string(), attendance: z.enum(['present', 'absent']).nullable() })),
    scores: z.object({ pre: z.number().int().nullable(), post: z.number().int().nullable() }),
    evaluation: z.enum(['not_open', 'open', 'answered']),
    certificate: z.object({ code: z.string(), valid: z.boolean() }).nullable(),
  })
  .meta({ id: 'TrainingApplicationStatus' });

export const StaffApplicationSchema = z
  .object({
    id: dbId(),
    cohortId: dbId(),
    status: z.enum(APPLICATION_STATUSES),
    name: z.string(),
    phoneMasked: z.string().nullable(),
    emailMasked: z.string().nullable(),
    statement: z.string().nullable(),
    documents: z.array(z.string()),
    decisionReason: z.string().nullable(),
    decidedAt: z.string().nullable(),
    referralConsent: z.boolean(),
    preScore: z.number().int().nullable(),
    postScore: z.number().int().nullable(),
    attended: z.number().int(),
    attendancePct: z.number().int().nullable().describe('share of the cohort’s sessions attended'),
    meetsRule: z.boolean(),
    certificate: z.object({ id: dbId(), code: z.string(), revoked: z.boolean() }).nullable(),
    createdAt: z.string(),
    anonymized: z.boolean(),
  })
  .meta({ id: 'TrainingApplication' });

export const DecisionBody = z.object({ decision: z.enum(['selected', 'waitlisted', 'rejected', 'withdrawn']), reason: multiLine(1000) }).strict();

// Sessions and attendance
export const SessionBody = z.object({ title: titleIn, startsAt: instant, endsAt: instant, room: singleLine(200) }).strict();

export const SessionSchema = z
  .object({
    id: dbId(),
    cohortId: dbId(),
    title: bilingual,
    startsAt: z.string(),
    endsAt: z.string(),
    room: z.string(),
    present: z.number().int(),
    absent: z.number().int(),
  })
  .meta({ id: 'TrainingSession' });

export const CheckInCodeSchema = z.object({
  code: z.string().describe('six digits, changes every 30 seconds'),
  url: z.string().describe('what the room QR code opens'),
  svg: z.string().describe('the QR code of url'),
  validUntil: z.string(),
  stepSeconds: z.number().int(),
});

export const SelfCheckInBody = z.object({ sessionId: ref, code: z.string().regex(/^[0-9]{6}$/, 'six digits') }).strict();

export const AttendanceBody = z
  .object({
    items: z
      .array(z.object({ applicationId: ref, status: z.enum(['present', 'absent']), reason: singleLine(300).optional() }).strict())
      .min(1)
      .max(500),
  })
  .strict();

export const AttendanceSchema = z.object({
  session: SessionSchema,
  items: z.array(
    z.object({
      applicationId: dbId(),
      name: z.string(),
      status: z.enum(['present', 'absent']).nullable(),
      method: z.enum(['qr', 'staff']).nullable(),
      reason: z.string().nullable(),
      recordedAt: z.string().nullable(),
    }),
  ),
});

export const ScoresBody = z
  .object({
    items: z
      .array(z.object({ applicationId: ref, pre: score.nullable().optional(), post: score.nullable().optional() }).strict())
      .min(1)
      .max(500),
  })
  .strict();

// Evaluation
export const EvaluationBody = z.object({ overall: rating, content: rating, instructor: rating, jobRelevance: rating, comment: multiLine(2000, { min: 0 }).optional() }).strict();

export const EvaluationResultsSchema = z
  .object({
    cohortId: dbId(),
    invited: z.number().int(),
    responses: z.number().int(),
    responseRate: z.number().nullable(),
    averages: z.object({ overall: z.number().nullable(), content: z.number().nullable(), instructor: z.number().nullable(), jobRelevance: z.number().nullable() }),
    distribution: z.array(z.object({ rating: z.number().int(), count: z.number().int() })).describe('overall ratings 1–5'),
    comments: z.array(z.string()),
  })
  .meta({ id: 'TrainingEvaluationResults' });

// Certificates
export const CertificateSchema = z
  .object({
    id: dbId(),
    applicationId: dbId(),
    code: z.string(),
    holder: z.string(),
    completedOn: z.string(),
    attendancePct: z.number().int(),
    score: z.number().int(),
    issuedAt: z.string(),
    revokedAt: z.string().nullable(),
    revokedReason: z.string().nullable(),
  })
  .meta({ id: 'TrainingCertificate' });

export const IssueSchema = z.object({
  issued: z.array(CertificateSchema),
  notMeetingRule: z.array(z.object({ applicationId: dbId(), attendancePct: z.number().int(), score: z.number().int().nullable() })),
});

export const RevokeBody = z.object({ reason: multiLine(1000) }).strict();

export const VerificationSchema = z
  .object({
    valid: z.boolean(),
    course: bilingual,
    cohort: z.string(),
    completedOn: z.string(),
    holder: z.string().describe('masked name (홍*동)'),
  })
  .meta({ id: 'CertificateVerification' });

// Job linkage
export const EmployerBody = z.object({ name: titleIn, kind: z.enum(EMPLOYER_KINDS) }).strict();
export const EmployerSchema = z.object({ id: dbId(), name: bilingual, kind: z.enum(EMPLOYER_KINDS) }).meta({ id: 'TrainingEmployer' });

export const PostingBody = z
  .object({ employerId: ref, title: titleIn, track: z.enum(TRACKS).optional(), openings: z.number().int().min(1).max(10_000), closesOn: calendarDate })
  .strict();
export const PostingSchema = z
  .object({
    id: dbId(),
    employer: EmployerSchema,
    title: bilingual,
    track: z.enum(TRACKS).nullable(),
    openings: z.number().int(),
    closesOn: z.string(),
    referrals: z.number().int(),
  })
  .meta({ id: 'TrainingPosting' });

export const ReferralBody = z.object({ applicationId: ref, note: multiLine(1000, { min: 0 }).optional() }).strict();
export const ReferralPatchBody = z
  .object({ status: z.enum(REFERRAL_STATUSES).optional(), interviewAt: instant.nullable().optional(), note: multiLine(1000, { min: 0 }).optional() })
  .strict();
export const ReferralSchema = z
  .object({
    id: dbId(),
    postingId: dbId(),
    applicationId: dbId(),
    name: z.string(),
    status: z.enum(REFERRAL_STATUSES),
    interviewAt: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'TrainingReferral' });

export const PlacementBody = z.object({ applicationId: ref, employerId: ref, referralId: ref.optional(), jobTitle: singleLine(200), startedOn: calendarDate }).strict();
export const FollowUpBody = z.object({ followUpOn: calendarDate, retained: z.boolean(), note: multiLine(1000, { min: 0 }).optional() }).strict();
export const PlacementSchema = z
  .object({
    id: dbId(),
    applicationId: dbId(),
    name: z.string(),
    cohortId: dbId(),
    employer: EmployerSchema,
    referralId: dbId().nullable(),
    jobTitle: z.string(),
    startedOn: z.string(),
    followUpDueOn: z.string(),
    followUpOn: z.string().nullable(),
    retained: z.boolean().nullable(),
    followUpNote: z.string().nullable(),
  })
  .meta({ id: 'TrainingPlacement' });

const figureRow = {
  selected: z.number().int().describe('trainees selected (withdrawn excluded)'),
  completed: z.number().int().describe('valid certificates'),
  completionRate: z.number().nullable().describe('completed / selected × 100, one decimal'),
  placed: z.number().int(),
  placementRate: z.number().nullable().describe('placed / completed × 100'),
  followedUp: z.number().int(),
  retained: z.number().int(),
  retentionRate: z.number().nullable().describe('retained at six months / followed up × 100'),
};
export const FiguresSchema = z
  .object({
    year: z.number().int().nullable(),
    byCohort: z.array(z.object({ cohortId: dbId(), cohort: z.string(), course: bilingual, track: z.enum(TRACKS), year: z.number().int(), ...figureRow })),
    byTrack: z.array(z.object({ track: z.enum(TRACKS), ...figureRow })),
    byYear: z.array(z.object({ year: z.number().int(), ...figureRow })),
    total: z.object(figureRow),
  })
  .meta({ id: 'TrainingFigures' });

export type TrainingFigures = z.infer<typeof FiguresSchema>;
