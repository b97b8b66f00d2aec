/**
 * The registration engine: capacity pools, registrations, the waiting list and offers.
 *
 * Capacity is enforced by locking the pool row (`SELECT … FOR UPDATE`) and reading its counts
 * after the lock, in the same statement as the insert (seat.ts): two registrations for the last
 * seat are serialised by the lock. The counts (capacity_pools.taken/.waiting) are kept by a
 * trigger in the same transaction as every status change, so they cannot drift from the rows
 * (tests/api/pool-counters.test.ts); the rarer paths below still count rows under the lock.
 * Every change that frees a seat (a cancellation, an expired offer, more capacity) offers it to the first on the waiting list, in the same transaction, with an outbox message.
 */
import { and, asc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../db/executor.ts';
import { isUniqueViolation } from '../../server/db-errors.ts';
import { AppError, invalidField, notFound, type Bilingual, type ErrorCode } from '../../server/errors.ts';
import { maskEmail, maskPhone } from '../../server/mask.ts';
import { hashToken, randomToken, TOKEN_PATTERN } from '../../server/tokens.ts';
import { recordAudit, type Actor, SYSTEM_ACTOR } from '../audit/service.ts';
import { enqueueNotification, LINK_TOKEN, queuedSince } from '../notifications/service.ts';
import { DUPLICATE_ATTEMPT_KIND, duplicateAttemptMessage, linksFor, notifyRegistrant, registrantMessage, seoul, seoulEn, type Links, type MessageKind, type PoolSubject } from './messages.ts';
import { normalizePhone } from './phone.ts';
import { capacityPools, registrations } from './schema.ts';
import { takeSeat, type SeatOutcome, type SeatRequest, type TakenStatus } from './seat.ts';

export type Pool = typeof capacityPools.$inferSelect;
export type Registration = typeof registrations.$inferSelect;
export type RegistrationStatus = Registration['status'];

export const LIVE: RegistrationStatus[] = ['confirmed', 'offered'];
export const ACTIVE: RegistrationStatus[] = ['confirmed', 'waitlisted', 'offered', 'pending'];

// ---------------------------------------------------------------------------------------------
// Owners: each kind of thing with a pool says how registrants see it (for messages and status).

export interface PoolOwner {
  describe(db: Executor, poolId: number): Promise<PoolSubject | null>;
}
const owners = new Map<string, PoolOwner>();

/** Registers an owner kind ("academy_session"); module scope, once. */
export function registerPoolOwner(kind: string, owner: PoolOwner): void {
  owners.set(kind, owner);
}

async function subjectOf(db: Executor, pool: Pool): Promise<PoolSubject> {
  const owner = owners.get(pool.ownerKind);
  const s = owner ? await owner.describe(db, pool.id) : null;
  return s ?? { ownerId: pool.id, title: { ko: `행사 ${pool.id}`, en: `Event ${pool.id}` }, startsAt: pool.startsAt, venue: '' };
}

/** What the engine needs to build links in messages. */
export interface EngineContext {
  publicUrl: string;
}

// Tokens (src/server/tokens.ts) and masking (src/server/mask.ts) are the platform's own.

// ---------------------------------------------------------------------------------------------
// Errors

const conflict = (code: ErrorCode, m: Bilingual) => new AppError(code, m);

export const REFUSALS = {
  cancelled: { ko: '취소된 행사입니다. 신청을 받지 않습니다.', en: 'This session has been cancelled; registration is closed.' },
  notOpen: (opensAt: Date) => ({
    ko: `아직 신청 기간이 아닙니다. 신청은 ${seoul(opensAt)}부터 받습니다.`,
    en: `Registration has not opened yet; it opens on ${seoulEn(opensAt)}.`,
  }),
  closed: { ko: '신청 기간이 끝났습니다.', en: 'Registration has closed.' },
  started: { ko: '이미 시작된 행사입니다. 신청·변경할 수 없습니다.', en: 'This session has already started; registrations can no longer be made or changed.' },
  full: { ko: '정원이 찼습니다. 대기자로 신청하시려면 대기 신청을 선택하십시오.', en: 'The session is full. Choose the waiting list to be offered a place if one frees up.' },
  fullNoWaitlist: { ko: '정원이 찼고 이 행사는 대기 신청을 받지 않습니다.', en: 'The session is full and has no waiting list.' },
} as const;

const tokenNotFound = () => notFound({ ko: '신청 내역', en: 'The registration' });
const poolNotFound = () => notFound({ ko: '신청 대상', en: 'The registration pool' });

export const isLivePhoneViolation = (e: unknown): boolean => isUniqueViolation(e, 'registrations_live_phone_uq');

// ---------------------------------------------------------------------------------------------
// Pools

export interface PoolInput {
  capacity: number;
  opensAt: Date;
  closesAt: Date;
  startsAt: Date;
  waitlistEnabled?: boolean;
  offerTtlMinutes?: number;
  retentionDays?: number;
}

export async function createPool(tx: Executor, ownerKind: string, input: PoolInput): Promise<Pool> {
  const [pool] = await tx.insert(capacityPools).values({ ownerKind, ...input }).returning();
  return pool!;
}

async function lockPool(tx: Executor, poolId: number): Promise<Pool> {
  const [pool] = await tx.select().from(capacityPools).where(eq(capacityPools.id, poolId)).for('update');
  if (!pool) throw poolNotFound();
  return pool;
}

async function countLive(tx: Executor, poolId: number): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(and(eq(registrations.poolId, poolId), inArray(registrations.status, LIVE)));
  return Number(row!.n);
}

/**
 * Changes a pool (capacity, window, start, cancellation) in the caller's transaction. Capacity
 * may not drop below the seats already taken; more capacity offers seats to the waiting list;
 * cancelling tells every active registrant.
 */
export async function updatePool(tx: Executor, ctx: EngineContext, poolId: number, patch: Partial<PoolInput> & { cancelled?: boolean }): Promise<Pool> {
  const pool = await lockPool(tx, poolId);
  const { cancelled, ...fields } = patch;
  if (fields.capacity !== undefined && fields.capacity < pool.capacity) {
    const live = await countLive(tx, poolId);
    if (fields.capacity < live) {
      throw new AppError(
        'CAPACITY_BELOW_TAKEN',
        { ko: `이미 ${live}명이 확정되어 정원을 ${fields.capacity}명으로 줄일 수 없습니다.`, en: `${live} places are already taken; capacity cannot drop to ${fields.capacity}.` },
        [{ field: 'capacity', message: { ko: `${live} 이상이어야 합니다.`, en: `Must be at least ${live}.` } }],
      );
    }
  }
  const set: Partial<Pool> = { ...fields };
  if (cancelled && !pool.cancelledAt) set.cancelledAt = new Date();
  const [updated] = Object.keys(set).length ? await tx.update(capacityPools).set(set).where(eq(capacityPools.id, poolId)).returning() : [pool];
  if (set.cancelledAt) {
    const subject = await subjectOf(tx, updated!);
    const active = await tx.select().from(registrations).where(and(eq(registrations.poolId, poolId), inArray(registrations.status, ACTIVE)));
    for (const r of active) await notifyRegistrant(tx, 'pool_cancelled', { registrationId: r.id, ...r }, subject, { ownerKind: pool.ownerKind });
  } else {
    await fillFreeSeats(tx, ctx, updated!, new Date());
  }
  return updated!;
}

/** Offers free seats to the waiting list, first come first served (by id: inserts happen under the pool lock). */
async function fillFreeSeats(tx: Executor, _ctx: EngineContext, pool: Pool, now: Date): Promise<number> {
  if (pool.cancelledAt || now >= pool.startsAt) return 0;
  let free = pool.capacity - (await countLive(tx, pool.id));
  if (free <= 0) return 0;
  const next = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.poolId, pool.id), eq(registrations.status, 'waitlisted')))
    .orderBy(asc(registrations.id))
    .limit(free);
  if (!next.length) return 0;
  const subject = await subjectOf(tx, pool);
  const offerExpiresAt = new Date(Math.min(now.getTime() + pool.offerTtlMinutes * 60_000, pool.startsAt.getTime()));
  for (const r of next) {
    await tx.update(registrations).set({ status: 'offered', offerExpiresAt }).where(eq(registrations.id, r.id));
    // The token is not kept: the offer message points to the status page through the link the
    // registrant already has; it names the deadline.
    await notifyRegistrant(tx, 'offered', { registrationId: r.id, ...r }, subject, { offerExpiresAt, ownerKind: pool.ownerKind });
    await recordAudit(tx, SYSTEM_ACTOR, { action: 'registration.offered', entity: 'registration', entityId: r.id, before: { status: r.status }, after: { status: 'offered', offerExpiresAt: offerExpiresAt.toISOString() } });
    free--;
  }
  return next.length;
}

// ---------------------------------------------------------------------------------------------
// Register

export interface RegisterInput {
  name: string;
  phone: string;
  email?: string | null;
  consent: true;
  consentVersion: string;
  waitlist?: boolean;
  answers?: string | null;
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
  const recipient = { registrationId: 0, name: input.name, phone: input.phone, email: input.email ?? null };
  const statuses: TakenStatus[] = input.hold ? ['pending'] : ['confirmed', 'waitlisted'];
  return {
    poolId: pool.id,
    phone: input.phone,
    now: new Date(),
    hold: !!input.hold,
    waitlist: !!input.waitlist,
    row: { name: input.name, email: input.email ?? null, answers: input.answers ?? null, consentVersion: input.consentVersion, tokenHash: hashToken(token) },
    messages: Object.fromEntries(statuses.map((s) => [s, registrantMessage(s, recipient, subject, { links, linkToken: token, ownerKind: pool.ownerKind })])),
    actor,
  };
}

/**
 * Registers one person in a pool: confirmed while seats are free, else waitlisted (if asked), else
 * 409. The seat is decided and written by one statement (seat.ts); messages for each possible
 * status are rendered before it, so nothing slow happens while the pool is locked. A programme
 * with hooks gets a transaction that takes the same pool lock first, runs `beforeInsert`, the
 * seat statement, then `afterInsert`.
 */
/** The pool a registration goes to, with how registrants see it (callers often have both already). */
export interface PoolTarget {
  pool: Pool;
  subject: PoolSubject;
}

export async function poolTarget(db: Executor, poolId: number): Promise<PoolTarget> {
  const [pool] = await db.select().from(capacityPools).where(eq(capacityPools.id, poolId));
  if (!pool) throw poolNotFound();
  return { pool, subject: await subjectOf(db, pool) };
}

export async function register(db: Executor, ctx: EngineContext, actor: Actor, { pool, subject }: PoolTarget, input: RegisterInput): Promise<RegisterResult> {
  const phone = normalizePhone(input.phone);
  if (!phone) {
    throw invalidField('phone', '휴대전화 번호 형식이 아닙니다(예: 010-1234-5678).', 'Not a phone number (e.g. 010-1234-5678).');
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
export const DUPLICATE_NOTICE_INTERVAL_MS = 60 * 60 * 1000;

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
    if (!told) await enqueueNotification(tx, duplicateAttemptMessage({ id: existing.id, phone, status: existing.status }, subject, pool.ownerKind));
    await recordAudit(tx, actor, { action: 'registration.duplicate_attempt', entity: 'registration', entityId: existing.id, after: { poolId: pool.id, ownerTold: !told } });
  });
  return { registration: null, token: null, links: null, waitlistPosition: null };
}

// ---------------------------------------------------------------------------------------------
// By token: status, cancel, accept

async function findByToken(db: Executor, token: string): Promise<Registration> {
  if (!TOKEN_PATTERN.test(token)) throw tokenNotFound();
  const [r] = await db.select().from(registrations).where(eq(registrations.tokenHash, hashToken(token)));
  if (!r || r.anonymizedAt) throw tokenNotFound();
  return r;
}

/** Locks the pool, then the registration (always in that order, as register does). */
async function lockByToken(tx: Executor, token: string): Promise<{ pool: Pool; r: Registration }> {
  const found = await findByToken(tx, token);
  const pool = await lockPool(tx, found.poolId);
  const [r] = await tx.select().from(registrations).where(eq(registrations.id, found.id)).for('update');
  return { pool, r: r! };
}

export async function waitlistPosition(db: Executor, r: Registration): Promise<number | null> {
  if (r.status !== 'waitlisted') return null;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(and(eq(registrations.poolId, r.poolId), eq(registrations.status, 'waitlisted'), lt(registrations.id, r.id)));
  return Number(row!.n) + 1;
}

export interface TokenStatus {
  registration: Registration;
  pool: Pool;
  subject: PoolSubject;
  waitlistPosition: number | null;
}

export async function statusByToken(db: Executor, token: string): Promise<TokenStatus> {
  const registration = await findByToken(db, token);
  const [pool] = await db.select().from(capacityPools).where(eq(capacityPools.id, registration.poolId));
  return { registration, pool: pool!, subject: await subjectOf(db, pool!), waitlistPosition: await waitlistPosition(db, registration) };
}

/** Cancels by token (idempotent); a freed seat goes to the first on the waiting list. */
export async function cancelByToken(db: Executor, ctx: EngineContext, actor: Actor, token: string): Promise<Registration> {
  return inTransaction(db, async (tx) => {
    const { pool, r } = await lockByToken(tx, token);
    if (r.status === 'cancelled') return r;
    if (r.status === 'expired') throw conflict('OFFER_EXPIRED', { ko: '제안 기한이 지나 이미 만료된 신청입니다.', en: 'This registration has already expired (the offer was not accepted in time).' });
    const now = new Date();
    if (now >= pool.startsAt) throw conflict('SESSION_STARTED', REFUSALS.started);
    const [updated] = await tx.update(registrations).set({ status: 'cancelled', cancelledAt: now, offerExpiresAt: null }).where(eq(registrations.id, r.id)).returning();
    await notifyRegistrant(tx, 'cancelled', { registrationId: r.id, ...r }, await subjectOf(tx, pool), { ownerKind: pool.ownerKind });
    await recordAudit(tx, actor, { action: 'registration.cancel', entity: 'registration', entityId: r.id, before: { status: r.status }, after: { status: 'cancelled' } });
    await fillFreeSeats(tx, ctx, pool, now);
    return updated!;
  });
}

/** Accepts an offered seat by token → confirmed. */
export async function acceptOffer(db: Executor, ctx: EngineContext, actor: Actor, token: string): Promise<Registration> {
  return inTransaction(db, async (tx) => {
    const { pool, r } = await lockByToken(tx, token);
    if (r.status === 'confirmed') return r;
    const now = new Date();
    if (r.status !== 'offered') {
      throw r.status === 'expired'
        ? conflict('OFFER_EXPIRED', { ko: '제안 기한이 지났습니다. 자리가 다음 분께 넘어갔습니다.', en: 'The offer has expired; the place passed to the next person.' })
        : conflict('NO_OFFER', { ko: '수락할 자리 제안이 없습니다.', en: 'There is no offer to accept for this registration.' });
    }
    if (pool.cancelledAt) throw conflict('SESSION_CANCELLED', REFUSALS.cancelled);
    if (r.offerExpiresAt && r.offerExpiresAt <= now) {
      // Past its deadline but not yet swept by the job: expire it now and pass it on.
      await expireOne(tx, ctx, pool, r, now);
      return { ...r, status: 'expired' as const };
    }
    const [updated] = await tx.update(registrations).set({ status: 'confirmed', offerExpiresAt: null }).where(eq(registrations.id, r.id)).returning();
    await notifyRegistrant(tx, 'offer_accepted', { registrationId: r.id, ...r }, await subjectOf(tx, pool), { links: null, ownerKind: pool.ownerKind });
    await recordAudit(tx, actor, { action: 'registration.accept', entity: 'registration', entityId: r.id, before: { status: 'offered' }, after: { status: 'confirmed' } });
    return updated!;
  });
}

async function expireOne(tx: Executor, ctx: EngineContext, pool: Pool, r: Registration, now: Date): Promise<void> {
  await tx.update(registrations).set({ status: 'expired' }).where(eq(registrations.id, r.id));
  await notifyRegistrant(tx, 'offer_expired', { registrationId: r.id, ...r }, await subjectOf(tx, pool), { ownerKind: pool.ownerKind });
  await recordAudit(tx, SYSTEM_ACTOR, { action: 'registration.expire', entity: 'registration', entityId: r.id, before: { status: 'offered' }, after: { status: 'expired' } });
  await fillFreeSeats(tx, ctx, pool, now);
}

/** The job: offers past their deadline expire and pass on to the next in line. Returns how many expired. */
export async function expireOffers(db: Executor, ctx: EngineContext, now = new Date()): Promise<number> {
  const due = await db
    .selectDistinct({ poolId: registrations.poolId })
    .from(registrations)
    .where(and(eq(registrations.status, 'offered'), isNotNull(registrations.offerExpiresAt), lt(registrations.offerExpiresAt, now)));
  let expired = 0;
  for (const { poolId } of due) {
    expired += await inTransaction(db, async (tx) => {
      const pool = await lockPool(tx, poolId);
      const rows = await tx
        .select()
        .from(registrations)
        .where(and(eq(registrations.poolId, poolId), eq(registrations.status, 'offered'), lt(registrations.offerExpiresAt, now)))
        .orderBy(asc(registrations.id));
      for (const r of rows) await expireOne(tx, ctx, pool, r, now);
      return rows.length;
    });
  }
  return expired;
}

// ---------------------------------------------------------------------------------------------
// Staff approval of held (pending) registrations

/**
 * Decides a pending registration: approval confirms it while a seat is free, else puts it on the
 * waiting list (409 when the pool has none); refusal cancels it. Pool lock first, then the row.
 */
export async function decidePending(tx: Executor, ctx: EngineContext, actor: Actor, registrationId: number, approve: boolean): Promise<Registration> {
  const [found] = await tx.select().from(registrations).where(eq(registrations.id, registrationId));
  if (!found) throw notFound({ ko: `신청 ${registrationId}`, en: `Registration ${registrationId}` });
  const pool = await lockPool(tx, found.poolId);
  const [r] = await tx.select().from(registrations).where(eq(registrations.id, found.id)).for('update');
  if (r!.status !== 'pending') throw conflict('REGISTRATION_NOT_PENDING', { ko: `승인 대기 중인 신청이 아닙니다(상태: ${r!.status}).`, en: `Not a registration awaiting approval (status: ${r!.status}).` });
  const now = new Date();
  let status: RegistrationStatus = 'cancelled';
  if (approve) {
    if (pool.cancelledAt) throw conflict('SESSION_CANCELLED', REFUSALS.cancelled);
    status = 'confirmed';
    if ((await countLive(tx, pool.id)) >= pool.capacity) {
      if (!pool.waitlistEnabled) throw conflict('REGISTRATION_FULL_NO_WAITLIST', REFUSALS.fullNoWaitlist);
      status = 'waitlisted';
    }
  }
  const [updated] = await tx
    .update(registrations)
    .set(status === 'cancelled' ? { status, cancelledAt: now } : { status })
    .where(eq(registrations.id, r!.id))
    .returning();
  await notifyRegistrant(tx, status === 'cancelled' ? 'rejected' : (status as MessageKind), { registrationId: r!.id, ...r! }, await subjectOf(tx, pool), { ownerKind: pool.ownerKind });
  await recordAudit(tx, actor, { action: approve ? 'registration.approve' : 'registration.reject', entity: 'registration', entityId: r!.id, before: { status: 'pending' }, after: { status } });
  return updated!;
}

// ---------------------------------------------------------------------------------------------
// Staff: check-in, lists, unmask

export interface CheckInResult {
  registration: Registration;
  alreadyCheckedIn: boolean;
}

/** Checks a confirmed registrant in (by scanned token or by id); a second scan says so and changes nothing. */
export async function checkIn(db: Executor, actor: Actor, poolId: number, by: { token?: string; registrationId?: number }): Promise<CheckInResult> {
  return inTransaction(db, async (tx) => {
    let found: Registration | undefined;
    if (by.token !== undefined) found = await findByToken(tx, by.token).catch(() => undefined);
    else [found] = await tx.select().from(registrations).where(eq(registrations.id, by.registrationId!));
    if (!found || found.poolId !== poolId) throw notFound({ ko: '이 행사의 신청 내역', en: 'A registration for this session' });
    const [r] = await tx.select().from(registrations).where(eq(registrations.id, found.id)).for('update');
    if (r!.checkedInAt) return { registration: r!, alreadyCheckedIn: true };
    if (r!.status !== 'confirmed') {
      throw conflict('REGISTRATION_NOT_CONFIRMED', { ko: `확정된 신청이 아닙니다(상태: ${r!.status}). 입장 확인을 할 수 없습니다.`, en: `Not a confirmed registration (status: ${r!.status}); cannot check in.` });
    }
    const [updated] = await tx.update(registrations).set({ checkedInAt: new Date() }).where(eq(registrations.id, r!.id)).returning();
    await recordAudit(tx, actor, { action: 'registration.check_in', entity: 'registration', entityId: r!.id, after: { checkedInAt: updated!.checkedInAt!.toISOString() } });
    return { registration: updated!, alreadyCheckedIn: false };
  });
}

export interface StaffRegistration {
  id: number;
  status: RegistrationStatus;
  name: string;
  phoneMasked: string | null;
  email: string | null;
  createdAt: string;
  checkedInAt: string | null;
  offerExpiresAt: string | null;
}

export const staffView = (r: Registration): StaffRegistration => ({
  id: r.id,
  status: r.status,
  name: r.name,
  phoneMasked: maskPhone(r.phone),
  email: maskEmail(r.email),
  createdAt: r.createdAt.toISOString(),
  checkedInAt: r.checkedInAt?.toISOString() ?? null,
  offerExpiresAt: r.offerExpiresAt?.toISOString() ?? null,
});

/** A pool's registrations for staff, masked; `q` filters by name (substring). */
export async function listRegistrations(db: Executor, poolId: number, q?: string): Promise<StaffRegistration[]> {
  const filter = q ? sql`strpos(lower(${registrations.name}), lower(${q})) > 0` : undefined;
  const rows = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.poolId, poolId), filter))
    .orderBy(asc(registrations.id));
  return rows.map(staffView);
}

/** The full phone and e-mail of a registrant, for staff who need to call them; audited. */
export async function unmask(db: Executor, actor: Actor, registrationId: number): Promise<{ phone: string | null; email: string | null }> {
  return inTransaction(db, async (tx) => {
    const [r] = await tx.select().from(registrations).where(eq(registrations.id, registrationId));
    if (!r) throw notFound({ ko: `신청 ${registrationId}`, en: `Registration ${registrationId}` });
    await recordAudit(tx, actor, { action: 'registration.unmask', entity: 'registration', entityId: r.id, after: { fields: ['phone', 'email'] } });
    return { phone: r.phone, email: r.email };
  });
}

export type RegistrationState = 'not_open' | 'open' | 'closed' | 'full' | 'started' | 'cancelled';

export function registrationState(pool: Pool, live: number, now = new Date()): RegistrationState {
  if (pool.cancelledAt) return 'cancelled';
  if (now >= pool.startsAt) return 'started';
  if (now < pool.opensAt) return 'not_open';
  if (now >= pool.closesAt) return 'closed';
  if (live >= pool.capacity) return 'full';
  return 'open';
}

/** For the survey: a fresh token for a registration (the link in the invitation), replacing the old one. */
export async function rotateToken(tx: Executor, registrationId: number): Promise<string> {
  const token = randomToken();
  await tx.update(registrations).set({ tokenHash: hashToken(token) }).where(eq(registrations.id, registrationId));
  return token;
}

export { findByToken as registrationByToken, notifyRegistrant, subjectOf };
