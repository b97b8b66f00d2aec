/** Tables owned by the accounts module: departments, staff users, their sessions and the password-guess throttle. */
import { check, index, integer, pgEnum, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
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

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    /** Stored lower-cased, so the unique constraint is case-insensitive. */
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: role('role').notNull(),
    departmentId: integer('department_id').references(() => departments.id, { onDelete: 'set null' }),
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
