/**
 * The registration engine's tables, shared by every programme that sells seats (academy
 * sessions now, GENIE Forum categories later). A programme owns a capacity pool per thing it
 * sells; registrations belong to a pool. Capacity is enforced by locking the pool row and reading
 * its counts after the lock; a trigger keeps the counts in step with every status change.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** `pending`: waiting for a staff approval (holds no seat; approval confirms within capacity). */
/** Days a registration's personal data is kept after its academy session or event ends (the consent notices say one year); the privacy policy reads it too. */
export const REGISTRATION_RETENTION_DAYS = 365;

export const registrationStatus = pgEnum('registration_status', ['confirmed', 'waitlisted', 'offered', 'cancelled', 'expired', 'pending']);

export const capacityPools = pgTable(
  'capacity_pools',
  {
    id: serial('id').primaryKey(),
    /** What owns the pool, e.g. "academy_session" (owner tables point here by pool_id). */
    ownerKind: text('owner_kind').notNull(),
    capacity: integer('capacity').notNull(),
    waitlistEnabled: boolean('waitlist_enabled').notNull().default(true),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** When the thing itself starts: registration refuses once it has started. */
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    /** How long a seat offered to the next in line stays open before passing on. */
    offerTtlMinutes: integer('offer_ttl_minutes')
      .notNull()
      .default(24 * 60),
    /** Days after the thing ends that registrants' personal data is kept, then anonymised. */
    retentionDays: integer('retention_days').notNull().default(REGISTRATION_RETENTION_DAYS),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /**
     * Seats taken (confirmed + offered) and places in line (waitlisted), kept by the trigger
     * registrations_pool_counts (migration 0008) in the same transaction as every status change,
     * whatever code makes it: the seat decision and the public lists read them instead of
     * counting rows. tests/api/pool-counters.test.ts checks they equal the counts.
     */
    taken: integer('taken').notNull().default(0),
    waiting: integer('waiting').notNull().default(0),
  },
  (t) => [check('capacity_pools_capacity_ck', sql`${t.capacity} >= 0`), check('capacity_pools_window_ck', sql`${t.opensAt} < ${t.closesAt}`)],
);

export const registrations = pgTable(
  'registrations',
  {
    id: serial('id').primaryKey(),
    poolId: integer('pool_id')
      .notNull()
      .references(() => capacityPools.id, { onDelete: 'cascade' }),
    status: registrationStatus('status').notNull(),
    name: text('name').notNull(),
    /** Normalised digits (01012345678); null once anonymised. */
    phone: text('phone'),
    email: text('email'),
    /** Programme-specific answers (forum: affiliation, country, custom questions). */
    answers: text('answers'),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    consentVersion: text('consent_version').notNull(),
    /** SHA-256 of the unguessable token in the registrant's status/cancel link. */
    tokenHash: text('token_hash').notNull().unique(),
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    /**
     * The short code printed under the QR code for staff to type at the door (6 characters of
     * 23456789ABCDEFGHJKMNPQRSTUVWXYZ: no 0/O, 1/I/L), unique across registrations so that it names
     * one registration in its session or event. Drawn by finhub_new_check_in_code() (migration 0025).
     */
    checkInCode: text('check_in_code').notNull().default(sql`finhub_new_check_in_code()`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    anonymizedAt: timestamp('anonymized_at', { withTimezone: true }),
    /** The language the registrant used ('ko' | 'en'): their messages lead with it, the other below. */
    language: text('language').notNull().default('ko'),
    /** When the day-before reminder was queued (once per registration; notifications/reminders.ts). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [
    index('registrations_pool_idx').on(t.poolId, t.status, t.createdAt),
    // Staff lists page by keyset (pool, id > after order by id): src/modules/registration/listing.ts.
    index('registrations_pool_id_idx').on(t.poolId, t.id),
    // One live registration per phone per pool; a cancelled one may register again.
    check('registrations_language_ck', sql`${t.language} in ('ko', 'en')`),
    uniqueIndex('registrations_check_in_code_uq').on(t.checkInCode),
    uniqueIndex('registrations_live_phone_uq').on(t.poolId, t.phone).where(sql`${t.status} in ('confirmed', 'waitlisted', 'offered') and ${t.phone} is not null`),
  ],
);

/**
 * Extra links to a registration beside the one in its first message: a waiting-list offer's own
 * accept link, and the links "find my registration" sends. Only the SHA-256 of the token is kept;
 * each link works until `expires_at` (engine/links.ts).
 */
export const registrationLinks = pgTable(
  'registration_links',
  {
    id: serial('id').primaryKey(),
    registrationId: integer('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    /** 'offer' (the accept link of a waiting-list offer) or 'lookup' (sent by "find my registration"). */
    purpose: text('purpose').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('registration_links_registration_idx').on(t.registrationId), check('registration_links_purpose_ck', sql`${t.purpose} in ('offer', 'lookup')`)],
);
