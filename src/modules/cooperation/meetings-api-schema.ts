/** Zod schemas of partner organisations and regular consultations (docs/meetings-api.md). */
import { z } from 'zod';
import { dbId, idNumber } from '../../server/api-schema.ts';
import { multiLine, noControlChars, singleLine } from '../../server/text.ts';
import { ORGANISATION_KINDS } from '../accounts/schema.ts';
import { MEETING_STATUSES, OUTCOME_KINDS, OUTCOME_STATUSES } from './meetings-schema.ts';

const idNum = idNumber();
export const IdParams = z.object({ id: idNum });
export const MeetingItemParams = z.object({ id: idNum, itemId: idNum });

const refId = dbId();
const instant = z.iso.datetime({ offset: true }).describe('ISO 8601 with offset, e.g. 2026-09-17T14:00:00+09:00');
const email = singleLine(254).pipe(z.email());
type Text = (max: number) => z.ZodString;
/** Korean required, English optional. */
const bi = (max: number, text: Text = singleLine) => z.object({ ko: text(max), en: text(max).optional() }).strict();
const biOut = z.object({ ko: z.string(), en: z.string() });
const biNullable = z.object({ ko: z.string(), en: z.string().nullable() });

// Organisations
const ContactSchema = z
  .object({
    name: singleLine(100),
    title: singleLine(100, { min: 0 }).nullable().optional(),
    email: email.nullable().optional(),
    phone: singleLine(40, { min: 0 }).nullable().optional(),
  })
  .strict();
export const OrganisationSchema = z.object({ id: dbId(), kind: z.enum(ORGANISATION_KINDS), name: biOut, contacts: z.array(ContactSchema) }).meta({ id: 'Organisation' });
export const OrganisationBody = z.object({ kind: z.enum(ORGANISATION_KINDS), name: bi(200), contacts: z.array(ContactSchema).max(50).optional() }).strict();
export const OrganisationPatchBody = OrganisationBody.partial()
  .strict()
  .refine((o) => Object.keys(o).length > 0, { message: 'Nothing to change' });

// Series
export const SeriesBody = z
  .object({
    title: bi(200),
    organisationIds: z.array(refId).min(1).max(50),
    cadence: singleLine(100, { min: 0 }).nullable().optional(),
    planActionId: refId.nullable().optional(),
  })
  .strict();
const OrgRef = z.object({ id: dbId(), kind: z.enum(ORGANISATION_KINDS), name: biOut });
export const SeriesSchema = z
  .object({
    id: dbId(),
    title: biNullable,
    cadence: z.string().nullable(),
    planActionId: dbId().nullable(),
    organisations: z.array(OrgRef),
    meetings: z.array(z.object({ id: dbId(), startsAt: z.string(), endsAt: z.string(), status: z.enum(MEETING_STATUSES) })),
  })
  .meta({ id: 'MeetingSeries' });
export const Created = z.object({ id: dbId() });

// Meetings
const venue = z.union([singleLine(200), bi(200)]).describe('a place, as text or {ko, en?}');
const videoUrl = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .check(noControlChars())
  .describe('an http(s) address');
export const MeetingBody = z.object({ startsAt: instant, endsAt: instant, venue: venue.nullable().optional(), videoUrl: videoUrl.nullable().optional() }).strict();
export const MeetingPatchBody = z
  .object({
    startsAt: instant,
    endsAt: instant,
    venue: venue.nullable(),
    videoUrl: videoUrl.nullable(),
    status: z.enum(MEETING_STATUSES),
    minutes: bi(50_000, multiLine).nullable(),
  })
  .partial()
  .strict()
  .refine((o) => Object.keys(o).length > 0, { message: 'Nothing to change' });
export const AttendeeBody = z
  .object({ organisationId: refId, name: singleLine(100), title: singleLine(100, { min: 0 }).nullable().optional(), email: email.nullable().optional() })
  .strict();
export const AgendaBody = z
  .object({
    title: bi(300),
    presenter: singleLine(100, { min: 0 }).nullable().optional(),
    minutesAllotted: z.number().int().min(1).max(600).nullable().optional(),
    planActionId: refId.nullable().optional(),
    position: z.number().int().min(0).max(1000).optional(),
  })
  .strict();
export const OutcomeBody = z
  .object({
    kind: z.enum(OUTCOME_KINDS),
    text: bi(5000, multiLine),
    ownerOrganisationId: refId.nullable().optional(),
    ownerPerson: singleLine(100, { min: 0 }).nullable().optional(),
    dueOn: z.iso.date().nullable().optional().describe('YYYY-MM-DD, Asia/Seoul'),
  })
  .strict();
export const OutcomePatchBody = z.object({ status: z.enum(OUTCOME_STATUSES), note: multiLine(2000, { min: 0 }).nullable().optional() }).strict();

const HistorySchema = z.object({
  status: z.enum(OUTCOME_STATUSES),
  note: z.string().nullable(),
  meetingId: dbId().nullable(),
  at: z.string(),
  by: z.string().nullable(),
});
export const OutcomeSchema = z
  .object({
    id: dbId(),
    meetingId: dbId(),
    kind: z.enum(OUTCOME_KINDS),
    text: biNullable,
    ownerOrganisationId: dbId().nullable(),
    ownerPerson: z.string().nullable(),
    dueOn: z.string().nullable(),
    status: z.enum(OUTCOME_STATUSES).nullable(),
    closedAt: z.string().nullable(),
    overdue: z.boolean(),
    history: z.array(HistorySchema),
  })
  .meta({ id: 'MeetingOutcome' });
const CarriedOverSchema = OutcomeSchema.extend({ fromMeetingId: dbId() }).meta({ id: 'CarriedOverItem' });
export const MeetingSchema = z
  .object({
    id: dbId(),
    seriesId: dbId(),
    seriesTitle: biNullable,
    startsAt: z.string(),
    endsAt: z.string(),
    venue: biNullable.nullable(),
    videoUrl: z.string().nullable(),
    status: z.enum(MEETING_STATUSES),
    attendees: z.array(z.object({ id: dbId(), organisationId: dbId(), name: z.string(), title: z.string().nullable(), email: z.string().nullable() })),
    agenda: z.array(
      z.object({
        id: dbId(),
        position: z.number().int(),
        title: biNullable,
        presenter: z.string().nullable(),
        minutesAllotted: z.number().int().nullable(),
        planActionId: dbId().nullable(),
      }),
    ),
    minutes: biNullable.nullable(),
    minutesApprovedAt: z.string().nullable(),
    invitationsSentAt: z.string().nullable(),
    outcomes: z.array(OutcomeSchema),
    carriedOver: z.array(CarriedOverSchema),
  })
  .meta({ id: 'Meeting' });
export const InvitationsSent = z.object({ queued: z.number().int() });
export const OverdueSchema = z.object({
  items: z.array(OutcomeSchema.extend({ seriesId: dbId(), seriesTitle: biNullable })),
});
export const SeriesListSchema = z.object({ items: z.array(SeriesSchema) });
