/**
 * The seat statement: one SQL statement that decides a seat with `finhub_take_seat` (migrations
 * 0005/0008/0011, current body in src/db/functions/finhub_take_seat.sql: locks the pool row,
 * checks the window, the pool's counts and a duplicate phone) and, when a seat (or a place in
 * line, or a hold) is taken, inserts the registration, its message to the registrant and its
 * audit row — all or nothing, as one implicit transaction.
 *
 * The outbox and audit rows are written in SQL here, by design (one statement), but not by hand:
 * the inserts come from their own modules (outboxInsertSql, auditInsertSql), which own those
 * tables' columns as enqueueNotification and recordAudit do.
 *
 * Why one statement: the pool lock serialises registrations for the same pool, so the time it is
 * held bounds the rush. Held across application round trips it also waited on the event loop of
 * a busy server; here it is held only for the database's own work (docs/performance.md).
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { rows, type Executor } from '../../../db/executor.ts';
import { auditInsertSql, type Actor } from '../../audit/service.ts';
import { OUTBOX_RECORD_COLUMNS, outboxInsertSql, outboxRecord, type Notification } from '../../notifications/service.ts';
import { registrations } from '../schema.ts';

type Registration = typeof registrations.$inferSelect;

/** What the seat decision said: a status the new registration takes, or why it was refused. */
export type SeatOutcome = 'confirmed' | 'waitlisted' | 'pending' | 'not_found' | 'cancelled' | 'started' | 'not_open' | 'closed' | 'duplicate' | 'full' | 'full_no_waitlist';

export type TakenStatus = 'confirmed' | 'waitlisted' | 'pending';

export interface SeatRequest {
  poolId: number;
  /** Normalised phone (the duplicate check's key). */
  phone: string;
  now: Date;
  /** Hold for a staff decision (pending) instead of taking a seat. */
  hold: boolean;
  /** Join the waiting list when full (else refused as full). */
  waitlist: boolean;
  row: { name: string; email: string | null; answers: string | null; consentVersion: string; tokenHash: string; language: 'ko' | 'en' };
  /** The message for each status the registration may take; its registrationId is filled in by the statement. */
  messages: Partial<Record<TakenStatus, Notification | null>>;
  actor: Actor;
}

export interface SeatResult {
  outcome: SeatOutcome;
  /** The new registration, when the outcome took one. */
  registration: Registration | null;
  /** Place in the waiting list (1 = next), when waitlisted. */
  waitlistPosition: number | null;
}

const columns = Object.entries(getTableColumns(registrations));

/** A raw `registrations` row (database column names) as Drizzle would have returned it. */
function toRegistration(row: Record<string, unknown>): Registration {
  const out: Record<string, unknown> = {};
  for (const [key, column] of columns) {
    const value = row[column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out as Registration;
}

/** The statement itself (benchmarks replay it raw on the driver). */
export function seatStatement(req: SeatRequest): SQL {
  const messages = Object.entries(req.messages)
    .filter((e): e is [TakenStatus, Notification] => !!e[1])
    .map(([status, m]) => ({ status, ...outboxRecord(m) }));
  // Parameters in INSERT … SELECT lists carry no type of their own: each is cast.
  return sql`
    with seat as materialized (
      select outcome, waitlist_position
      from finhub_take_seat(${req.poolId}::int, ${req.phone}::text, ${req.now.toISOString()}::timestamptz, ${req.hold}::boolean, ${req.waitlist}::boolean)
    ),
    r as (
      insert into registrations (pool_id, status, name, phone, email, answers, consent_at, consent_version, token_hash, language)
      select ${req.poolId}::int, seat.outcome::registration_status, ${req.row.name}::text, ${req.phone}::text, ${req.row.email}::text,
             ${req.row.answers}::text, ${req.now.toISOString()}::timestamptz, ${req.row.consentVersion}::text, ${req.row.tokenHash}::text, ${req.row.language}::text
      from seat where seat.outcome in ('confirmed', 'waitlisted', 'pending')
      returning *
    ),
    message as (
      ${outboxInsertSql(
        sql`r join jsonb_to_recordset(${JSON.stringify(messages)}::jsonb) as m(status text, ${OUTBOX_RECORD_COLUMNS}) on m.status = r.status::text`,
        sql`jsonb_build_object('registrationId', r.id)`,
      )}
    ),
    audit as (
      ${auditInsertSql(
        req.actor,
        {
          action: 'registration.create',
          entity: 'registration',
          entityId: sql`r.id`,
          after: sql`jsonb_build_object('poolId', r.pool_id, 'status', r.status, 'consentVersion', r.consent_version)`,
        },
        sql`r`,
      )}
    )
    select seat.outcome as seat_outcome, seat.waitlist_position as seat_waitlist_position, r.* from seat left join r on true
  `;
}

export async function takeSeat(db: Executor, req: SeatRequest): Promise<SeatResult> {
  const [row] = (await rows<Record<string, unknown>>(db, seatStatement(req))) as [Record<string, unknown>];
  const outcome = row.seat_outcome as SeatOutcome;
  return {
    outcome,
    registration: row.id === null || row.id === undefined ? null : toRegistration(row),
    waitlistPosition: row.seat_waitlist_position === null || row.seat_waitlist_position === undefined ? null : Number(row.seat_waitlist_position),
  };
}
