/** Tables owned by the accounts module: departments, partner organisations, staff users, their sessions and the password-guess throttle. */
import { check, index, integer, jsonb, pgEnum, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { ROLES } from './roles.ts';

export const role = pgEnum('role', ROLES);

/** A city department (부서) or an outside institution; officers and partners belong to one. */
export const departments = pgTable('departments', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  nameEn: text('name_en'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const ORGANISATION_KINDS = ['province', 'public_institution', 'political_office', 'financial_institution', 'university', 'other'] as const;
export const organisationKind = pgEnum('organisation_kind', ORGANISATION_KINDS);

/** A person to reach at an organisation (business contact, not a citizen's personal data). */
export interface OrganisationContact {
  name: string;
  title?: string | null;
  email?: string | null;
  phone?: string | null;
}

/**
 * A partner organisation (협력기관) of the cooperation line of work: the province, the National
 * Pension Service, the local National Assembly offices, financial institutions … A `partner`
 * account belongs to one (users.organisation_id) and sees only its meetings and action items.
 * Kept here, beside users, so accounts need not import the cooperation module that runs meetings.
 */
export const organisations = pgTable('organisations', {
  id: serial('id').primaryKey(),
  kind: organisationKind('kind').notNull(),
  nameKo: text('name_ko').notNull().unique(),
  nameEn: text('name_en'),
  contacts: jsonb('contacts').$type<OrganisationContact[]>().notNull().default([]),
  /** Set on the organisations the plan names, so the start-up seed adds each once. */
  seedKey: text('seed_key').unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    /** Stored lower-cased, so the unique constraint is case-insensitive. */
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: role('role').notNull(),
    departmentId: integer('department_id').references(() => departments.id, { onDelete: 'set null' }),
    /** The organisation a `partner` account speaks for (other roles may have one too, unused). */
    organisationId: integer('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** scrypt, with its parameters and salt: see password.ts. */
    passwordHash: text('password_hash').notNull(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('users_email_lower_ck', sql`${t.email} = lower(${t.email})`)],
);

/** A login session. The id is the SHA-256 of the cookie's token, so a leaked table grants nothing. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/**
 * Failed password checks, counted per key (see throttle.ts): an e-mail from one client address,
 * an e-mail from every address, a user changing the password. Kept in the database so every
 * server process sees the same counts; a row idle for an hour is forgotten and then deleted.
 * Keys are built from the e-mail as typed (normalised), whether or not such a user exists.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    lastFailedAt: timestamp('last_failed_at', { withTimezone: true }).notNull().defaultNow(),
    /** Attempts under this key are refused, unchecked, until then. */
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
  },
  (t) => [index('login_throttle_last_failed_idx').on(t.lastFailedAt)],
);
