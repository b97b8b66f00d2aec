/**
 * Tables that hold what used to live in one server process, so that several `finhub serve`
 * processes on one PostgreSQL share it: the stored files (content-addressed), the public rate
 * limits' counters. None is in a backup as rows: the files go as the backup's file lines (the
 * same on every database kind), the counters are forgotten within minutes.
 */
import { customType, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** A stored file (evidence, photos, ordinance documents) by the SHA-256 of its bytes, on PostgreSQL. */
export const storedFiles = pgTable('stored_files', {
  sha256: text('sha256').primaryKey(),
  sizeBytes: integer('size_bytes').notNull(),
  bytes: bytea('bytes').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One rate-limit counter (route and client address) for its current window, on PostgreSQL. */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    resetsAt: timestamp('resets_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limit_counters_resets_idx').on(t.resetsAt)],
);

/** Tables whose rows a backup leaves out (src/modules/backup/tables.ts). */
export const NOT_BACKED_UP: ReadonlySet<string> = new Set(['stored_files', 'rate_limit_counters']);
