/**
 * Regular consultations (정례 협의) with the partner organisations: a meeting series
 * ("전북금융중심지 실무협의회", quarterly) shared with some organisations, its meetings (time,
 * venue or video link, attendees by organisation, agenda, minutes with approval) and their
 * outcomes — information, decisions and action items (owner organisation and person, due date,
 * status), whose changes are kept as history across meetings.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgEnum, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { organisations, users } from '../accounts/schema.ts';
import { actions } from '../plan/schema.ts';

export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export const OUTCOME_KINDS = ['information', 'decision', 'action'] as const;
export const OUTCOME_STATUSES = ['open', 'done'] as const;

export const meetingStatus = pgEnum('meeting_status', MEETING_STATUSES);
export const outcomeKind = pgEnum('meeting_outcome_kind', OUTCOME_KINDS);
export const outcomeStatus = pgEnum('meeting_outcome_status', OUTCOME_STATUSES);

export const meetingSeries = pgTable('meeting_series', {
  id: serial('id').primaryKey(),
  titleKo: text('title_ko').notNull(),
  titleEn: text('title_en'),
  /** How often it meets, as said ("분기별 / quarterly"); free text. */
  cadence: text('cadence'),
  /** The plan action the series carries out ("정례적인 협의 진행"). */
  planActionId: integer('plan_action_id').references(() => actions.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The organisations a series is shared with: their partner accounts see it. */
export const meetingSeriesOrganisations = pgTable(
  'meeting_series_organisations',
  {
    seriesId: integer('series_id')
      .notNull()
      .references(() => meetingSeries.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.seriesId, t.organisationId] }), index('meeting_series_orgs_org_idx').on(t.organisationId)],
);

export const meetings = pgTable(
  'meetings',
  {
    id: serial('id').primaryKey(),
    seriesId: integer('series_id')
      .notNull()
      .references(() => meetingSeries.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    venueKo: text('venue_ko'),
    venueEn: text('venue_en'),
    videoUrl: text('video_url'),
    status: meetingStatus('status').notNull().default('scheduled'),
    minutesKo: text('minutes_ko'),
    minutesEn: text('minutes_en'),
    minutesApprovedAt: timestamp('minutes_approved_at', { withTimezone: true }),
    minutesApprovedBy: integer('minutes_approved_by').references(() => users.id, { onDelete: 'set null' }),
    /** iCalendar SEQUENCE: raised with each invitation sent, so calendars take the latest. */
    invitationSequence: integer('invitation_sequence').notNull().default(0),
    invitationsSentAt: timestamp('invitations_sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meetings_series_idx').on(t.seriesId, t.startsAt), check('meetings_times_ck', sql`${t.endsAt} > ${t.startsAt}`)],
);

/** Who attends, by organisation; the e-mail receives the invitation and the approved minutes. */
export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    title: text('title'),
    email: text('email'),
  },
  (t) => [index('meeting_attendees_meeting_idx').on(t.meetingId)],
);

export const meetingAgendaItems = pgTable(
  'meeting_agenda_items',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    titleKo: text('title_ko').notNull(),
    titleEn: text('title_en'),
    presenter: text('presenter'),
    minutesAllotted: integer('minutes_allotted'),
    planActionId: integer('plan_action_id').references(() => actions.id, { onDelete: 'set null' }),
  },
  (t) => [index('meeting_agenda_meeting_idx').on(t.meetingId)],
);

export const meetingOutcomes = pgTable(
  'meeting_outcomes',
  {
    id: serial('id').primaryKey(),
    /** The meeting where it was recorded; an open action item carries into the series' later meetings. */
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    kind: outcomeKind('kind').notNull(),
    textKo: text('text_ko').notNull(),
    textEn: text('text_en'),
    ownerOrganisationId: integer('owner_organisation_id').references(() => organisations.id, { onDelete: 'restrict' }),
    ownerPerson: text('owner_person'),
    dueOn: date('due_on', { mode: 'string' }),
    /** Action items only (information and decisions are null). */
    status: outcomeStatus('status'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meeting_outcomes_meeting_idx').on(t.meetingId),
    index('meeting_outcomes_owner_idx').on(t.ownerOrganisationId),
    check('meeting_outcomes_status_ck', sql`(${t.kind} = 'action') = (${t.status} is not null)`),
  ],
);

/** Each change of an action item, with the meeting of the series it was reviewed at (the latest begun by then). */
export const meetingOutcomeUpdates = pgTable(
  'meeting_outcome_updates',
  {
    id: serial('id').primaryKey(),
    outcomeId: integer('outcome_id')
      .notNull()
      .references(() => meetingOutcomes.id, { onDelete: 'cascade' }),
    meetingId: integer('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    status: outcomeStatus('status').notNull(),
    note: text('note'),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_outcome_updates_outcome_idx').on(t.outcomeId)],
);
