/**
 * Registering one person in a pool. The seat is decided and written by one statement (seat.ts);
 * messages for each possible status are rendered before it, so nothing slow happens while the
 * pool is locked.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { isUniqueViolation } from '../../../server/db-errors.ts';
import { invalidField, type AppError } from '../../../server/errors.ts';
import { hashToken, randomToken } from '../../../server/tokens.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { enqueueNotification, LINK_TOKEN, queuedSince } from '../../notifications/service.ts';
import { DUPLICATE_ATTEMPT_KIND, duplicateAttemptMessage, linksFor, registrantMessage, type Language, type Links, type PoolSubject } from '../messages.ts';
import { isMobilePhone, normalizeInternationalPhone, normalizePhone } from '../phone.ts';
import { registrations } from '../schema.ts';
import { lockPool, type PoolTarget } from './pools.ts';
import { takeSeat, type SeatOutcome, type SeatRequest, type TakenStatus } from './seat.ts';
import { ACTIVE, conflict, poolNotFound, REFUSALS, type EngineContext, type Pool, type Registration } from './state.ts';

export const isLivePhoneViolation = (e: unknown): boolean => isUniqueViolation(e, 'registrations_live_phone_uq');

export interface RegisterInput {
  name: string;
  phone: string;
  email?: string | null;
  consent: true;
  consentVersion: string;
  waitlist?: boolean;
  answers?: string | null;
  /** The language the registrant used (their messages lead with it); default Korean. */
  language?: Language;
  /**
   * The country the form asked for (ISO 3166-1 alpha-2; the forum): a phone of another country
   * is accepted and stored in E.164. Without one, Korean numbers only.
   */
  country?: string | null;
  /** Hold for a staff decision (`pending`, no seat taken) instead of taking a seat: see `decidePending`. */
  hold?: boolean;
  /**
   * A programme's own checks and rows, in one transaction with the seat: `beforeInsert` runs under
   * the pool lock (before the window, duplicate and capacity checks), `afterInsert` with the new row.
   */
  hooks?: {
    beforeInsert?: (tx: Executor, pool: Pool) => Promise<void>;
    afterInsert?: (tx: Executor, registration: Registration) => Promise<void>;
  };
}

/**
 * What happened, for the caller's own use: never for the answer to the public, which is the same
 * whatever happened (api-schema.ts RECEIVED), so that it does not tell whether a phone is
 * registered here.
 */
export interface RegisterResult {
  /** The new registration; null when the phone already had one in the pool (its owner was told by SMS). */
  registration: Registration | null;
  /** The new registration's link token (sent to the registrant through the outbox). */
  token: string | null;
  links: Links | null;
  /** Place in the waiting list (1 = next), when waitlisted. */
  waitlistPosition: number | null;
}

/** The refusal for a seat outcome that took nothing. */
function refusal(outcome: Exclude<SeatOutcome, TakenStatus | 'duplicate'>, pool: Pool): AppError {
  switch (outcome) {
    case 'not_found':
      return poolNotFound();
    case 'cancelled':
      return conflict('SESSION_CANCELLED', REFUSALS.cancelled);
    case 'started':
      return conflict('SESSION_STARTED', REFUSALS.started);
    case 'not_open':
      return conflict('REGISTRATION_NOT_OPEN', REFUSALS.notOpen(pool.opensAt));
    case 'closed':
      return conflict('REGISTRATION_CLOSED', REFUSALS.closed);
    case 'full':
      return conflict('REGISTRATION_FULL', REFUSALS.full);
    case 'full_no_waitlist':
      return conflict('REGISTRATION_FULL_NO_WAITLIST', REFUSALS.fullNoWaitlist);
  }
}

/**
 * What the seat statement needs for one registration, with the message for each status it may
 * take rendered beforehand (pure; benchmarks build their raw baseline with it too).
 */
export function seatRequest(pool: Pool, subject: PoolSubject, actor: Actor, input: Omit<RegisterInput, 'hooks' | 'consent'>, token: string, publicUrl: string): SeatRequest {
  const links = linksFor(publicUrl, LINK_TOKEN);
  const language = input.language ?? 'ko';
  const recipient = { registrationId: 0, name: input.name, phone: input.phone, email: input.email ?? null, language };
  const statuses: TakenStatus[] = input.hold ? ['pending'] : ['confirmed', 'waitlisted'];
  return {
    poolId: pool.id,
    phone: input.phone,
    now: new Date(),
    hold: !!input.hold,
    waitlist: !!input.waitlist,
    row: { name: input.name, email: input.email ?? null, answers: input.answers ?? null, consentVersion: input.consentVersion, tokenHash: hashToken(token), language },
    messages: Object.fromEntries(statuses.map((s) => [s, registrantMessage(s, recipient, subject, { links, linkToken: token, ownerKind: pool.ownerKind, publicUrl })])),
    actor,
  };
}

/**
 * Registers one person in a pool: confirmed while seats are free, else waitlisted (if asked), else
 * 409. A programme with hooks gets a transaction that takes the same pool lock first, runs
 * `beforeInsert`, the seat statement, then `afterInsert`. Called with the database, not inside a
 * caller's transaction: a duplicate caught by the unique index is answered in a transaction of
 * its own after the failed one.
 */
export async function register(db: Executor, ctx: EngineContext, actor: Actor, { pool, subject }: PoolTarget, input: RegisterInput): Promise<RegisterResult> {
  const phone = input.country ? normalizeInternationalPhone(input.phone, input.country) : normalizePhone(input.phone);
  if (!phone) {
    throw input.country && input.country.toUpperCase() !== 'KR'
      ? invalidField(
          'phone',
          '선택한 나라의 전화번호 형식이 아닙니다(국가 번호를 붙여 +81 90 1234 5678처럼 쓸 수도 있습니다).',
          'Not a phone number of the chosen country (you may also write it with its country code, e.g. +81 90 1234 5678).',
        )
      : invalidField('phone', '휴대전화 번호 형식이 아닙니다(예: 010-1234-5678).', 'Not a phone number (e.g. 010-1234-5678).');
  }
  if (input.consent !== true) {
    throw invalidField('consent', '개인정보 수집·이용에 동의해야 신청할 수 있습니다.', 'Consent to the collection and use of personal data is required.');
  }
  const token = randomToken();
  const links = linksFor(ctx.publicUrl, token);
  const request = seatRequest(pool, subject, actor, { ...input, phone }, token, ctx.publicUrl);
  const hooks = input.hooks;
  try {
    const seat = hooks
      ? await inTransaction(db, async (tx) => {
          await hooks.beforeInsert?.(tx, await lockPool(tx, pool.id));
          const taken = await takeSeat(tx, request);
          if (taken.registration) await hooks.afterInsert?.(tx, taken.registration);
          return taken;
        })
      : await takeSeat(db, request);
    if (seat.outcome === 'duplicate') return await duplicateAttempt(db, actor, pool, subject, phone);
    if (!seat.registration) throw refusal(seat.outcome as Exclude<SeatOutcome, TakenStatus | 'duplicate'>, pool);
    return { registration: seat.registration, token, links, waitlistPosition: seat.waitlistPosition };
  } catch (e) {
    // Safety net: the partial unique index catches a duplicate the check could not see.
    if (isLivePhoneViolation(e)) return duplicateAttempt(db, actor, pool, subject, phone);
    throw e;
  }
}

/** At most one text per registration in this time about attempts to register its phone again. */
const DUPLICATE_NOTICE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Someone registered with a phone that already has a live (or pending) registration in the pool.
 * Nothing is registered and the answer is the same as for a new registration; the owner of the
 * number is told by SMS, with the status of the registration they have (at most one text an hour
 * per registration, so the form cannot be used to flood a phone). Audited either way.
 */
async function duplicateAttempt(db: Executor, actor: Actor, pool: Pool, subject: PoolSubject, phone: string): Promise<RegisterResult> {
  await inTransaction(db, async (tx) => {
    const [existing] = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.poolId, pool.id), eq(registrations.phone, phone), inArray(registrations.status, ACTIVE)))
      .orderBy(asc(registrations.id))
      .limit(1)
      // Serialises attempts at the same registration, so a burst of them texts its owner once.
      .for('update');
    if (!existing) return; // cancelled in the meantime
    const now = new Date();
    const told = await queuedSince(tx, DUPLICATE_ATTEMPT_KIND, 'registrationId', existing.id, new Date(now.getTime() - DUPLICATE_NOTICE_INTERVAL_MS));
    // SMS reaches mobile numbers only: a landline or a number abroad that is not a mobile is not texted.
    if (!told && isMobilePhone(phone)) {
      await enqueueNotification(tx, duplicateAttemptMessage({ id: existing.id, phone, status: existing.status, language: existing.language }, subject, pool.ownerKind));
    }
    await recordAudit(tx, actor, { action: 'registration.duplicate_attempt', entity: 'registration', entityId: existing.id, after: { poolId: pool.id, ownerTold: !told } });
  });
  return { registration: null, token: null, links: null, waitlistPosition: null };
}
