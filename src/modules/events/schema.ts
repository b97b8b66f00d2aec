/**
 * GENIE Forum (지니포럼), seminars and academic conferences: bilingual events with a timetable,
 * registration by category (each category is a capacity pool of the registration engine),
 * custom questions, invitation codes and staff approval.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { actions } from '../plan/schema.ts';
import { capacityPools, registrations } from '../registration/schema.ts';

export const eventKind = pgEnum('event_kind', ['forum', 'seminar', 'conference']);
export const eventStatus = pgEnum('event_status', ['planned', 'held', 'cancelled']);

export const events = pgTable(
  'events',
  {
    id: serial('id').primaryKey(),
    kind: eventKind('kind').notNull(),
    /** 제N회: the edition number, when the event has one. */
    edition: integer('edition'),
    titleKo: text('title_ko').notNull(),
    titleEn: text('title_en'),
    descriptionKo: text('description_ko'),
    descriptionEn: text('description_en'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** True while the date is only the plan's quarter (shown as such), until staff set it. */
    dateApproximate: boolean('date_approximate').notNull().default(false),
    venueKo: text('venue_ko'),
    venueEn: text('venue_en'),
    streamUrl: text('stream_url'),
    published: boolean('published').notNull().default(false),
    status: eventStatus('status').notNull().default('planned'),
    /** The plan action this event fulfils ("제4회 지니포럼 개최"): marked done when the event is held. */
    planActionId: integer('plan_action_id').references(() => actions.id, { onDelete: 'set null' }),
    outcomeKo: text('outcome_ko'),
    outcomeEn: text('outcome_en'),
    /** iCalendar SEQUENCE: raised when the time, place or status changes (src/server/calendar.ts). */
    sequence: integer('sequence').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('events_kind_edition_uq').on(t.kind, t.edition), check('events_time_ck', sql`${t.startsAt} < ${t.endsAt}`)],
);

/** A room or track of the timetable. */
export const eventRooms = pgTable('event_rooms', {
  id: serial('id').primaryKey(),
  eventId: integer('event_id')
    .notNull()
    .references(() => events.id, { onDelete: 'cascade' }),
  position: integer('position').notNull().default(0),
  nameKo: text('name_ko').notNull(),
  nameEn: text('name_en'),
});

export const programmeItemKind = pgEnum('programme_item_kind', ['keynote', 'talk', 'panel', 'break', 'other']);

/** A timetable entry (talk, panel, break …). */
export const eventProgramme = pgTable(
  'event_programme',
  {
    id: serial('id').primaryKey(),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    roomId: integer('room_id').references(() => eventRooms.id, { onDelete: 'set null' }),
    kind: programmeItemKind('kind').notNull(),
    titleKo: text('title_ko').notNull(),
    titleEn: text('title_en'),
    descriptionKo: text('description_ko'),
    descriptionEn: text('description_en'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** iCalendar SEQUENCE: raised when the time or room changes (src/server/calendar.ts). */
    sequence: integer('sequence').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('event_programme_event_idx').on(t.eventId, t.startsAt), check('event_programme_time_ck', sql`${t.startsAt} < ${t.endsAt}`)],
);

export const speakers = pgTable('speakers', {
  id: serial('id').primaryKey(),
  eventId: integer('event_id')
    .notNull()
    .references(() => events.id, { onDelete: 'cascade' }),
  nameKo: text('name_ko').notNull(),
  nameEn: text('name_en'),
  affiliationKo: text('affiliation_ko'),
  affiliationEn: text('affiliation_en'),
  bioKo: text('bio_ko'),
  bioEn: text('bio_en'),
  /** A photo in the content-addressed file store (FINHUB_DATA_DIR/files), by SHA-256. */
  photoSha256: text('photo_sha256'),
  photoMimeType: text('photo_mime_type'),
});

export const programmeSpeakers = pgTable(
  'programme_speakers',
  {
    programmeId: integer('programme_id')
      .notNull()
      .references(() => eventProgramme.id, { onDelete: 'cascade' }),
    speakerId: integer('speaker_id')
      .notNull()
      .references(() => speakers.id, { onDelete: 'cascade' }),
    /** e.g. 좌장 moderator, 발표 speaker, 토론 panellist */
    role: text('role'),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.speakerId] })],
);

export const attendeeCategory = pgEnum('attendee_category', ['general', 'student', 'press', 'vip', 'online']);

/** A registration category of an event, with its own capacity (a pool of the engine). */
export const eventCategories = pgTable(
  'event_categories',
  {
    id: serial('id').primaryKey(),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    category: attendeeCategory('category').notNull(),
    poolId: integer('pool_id')
      .notNull()
      .unique()
      .references(() => capacityPools.id),
    requiresInvitation: boolean('requires_invitation').notNull().default(false),
    requiresApproval: boolean('requires_approval').notNull().default(false),
  },
  (t) => [unique('event_categories_uq').on(t.eventId, t.category)],
);

/** Invitation codes for invited categories; uses are counted from registrations, never stored. */
export const invitationCodes = pgTable(
  'invitation_codes',
  {
    id: serial('id').primaryKey(),
    categoryId: integer('category_id')
      .notNull()
      .references(() => eventCategories.id, { onDelete: 'cascade' }),
    /** SHA-256 of the normalised code. */
    codeHash: text('code_hash').notNull().unique(),
    label: text('label'),
    maxUses: integer('max_uses').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('invitation_codes_max_ck', sql`${t.maxUses} > 0`)],
);

export const questionKind = pgEnum('question_kind', ['text', 'choice', 'country', 'affiliation']);

/** A custom registration question of an event. */
export const eventQuestions = pgTable('event_questions', {
  id: serial('id').primaryKey(),
  eventId: integer('event_id')
    .notNull()
    .references(() => events.id, { onDelete: 'cascade' }),
  position: integer('position').notNull().default(0),
  kind: questionKind('kind').notNull(),
  labelKo: text('label_ko').notNull(),
  labelEn: text('label_en'),
  required: boolean('required').notNull().default(false),
  /** For choice questions: [{value, ko, en}]. */
  options: jsonb('options').$type<{ value: string; ko: string; en?: string }[]>(),
  maxLength: integer('max_length').notNull().default(200),
});

export const approvalStatus = pgEnum('approval_status', ['pending', 'approved', 'rejected']);

/** What an event registration adds to the engine's registration row. */
export const eventRegistrations = pgTable(
  'event_registrations',
  {
    registrationId: integer('registration_id')
      .primaryKey()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => eventCategories.id, { onDelete: 'cascade' }),
    nameEn: text('name_en'),
    affiliation: text('affiliation'),
    /** ISO 3166-1 alpha-2 */
    country: text('country'),
    invitationCodeId: integer('invitation_code_id').references(() => invitationCodes.id, { onDelete: 'set null' }),
    /** Null when the category needs no approval. */
    approval: approvalStatus('approval'),
    /** Answers to the custom questions, by question id. */
    answers: jsonb('answers').$type<Record<string, string>>().notNull().default({}),
  },
  (t) => [
    index('event_registrations_event_idx').on(t.eventId, t.categoryId),
    index('event_registrations_code_idx').on(t.invitationCodeId),
    // The attendee list pages by keyset (event, registration id > after): listAttendees.
    index('event_registrations_event_reg_idx').on(t.eventId, t.registrationId),
  ],
);
