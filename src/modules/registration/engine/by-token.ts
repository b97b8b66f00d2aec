/** The registrant's own link (no login): status and cancellation by token; the survey's fresh token. */
import { and, eq, lt, sql } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { hashToken, randomToken, TOKEN_PATTERN } from '../../../server/tokens.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { notifyRegistrant, type PoolSubject } from '../messages.ts';
import { capacityPools, registrations } from '../schema.ts';
import { registrationIdByLink } from './links.ts';
import { lockPool, subjectOf } from './pools.ts';
import { conflict, REFUSALS, tokenNotFound, type EngineContext, type Pool, type Registration } from './state.ts';
import { fillFreeSeats } from './waitlist.ts';

/** The registration behind a link token (404 for a malformed, unknown or anonymised one). */
export async function registrationByToken(db: Executor, token: string): Promise<Registration> {
  if (!TOKEN_PATTERN.test(token)) throw tokenNotFound();
  const hash = hashToken(token);
  let [r] = await db.select().from(registrations).where(eq(registrations.tokenHash, hash));
  if (!r) {
    // An offer's own link or one sent by "find my registration" (links.ts), while unexpired.
    const id = await registrationIdByLink(db, hash);
    if (id !== null) [r] = await db.select().from(registrations).where(eq(registrations.id, id));
  }
  if (!r || r.anonymizedAt) throw tokenNotFound();
  return r;
}

/** Locks the pool, then the registration (always in that order, as register does). */
export async function lockByToken(tx: Executor, token: string): Promise<{ pool: Pool; r: Registration }> {
  const found = await registrationByToken(tx, token);
  const pool = await lockPool(tx, found.poolId);
  const [r] = await tx.select().from(registrations).where(eq(registrations.id, found.id)).for('update');
  return { pool, r: r! };
}

async function waitlistPosition(db: Executor, r: Registration): Promise<number | null> {
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
  const registration = await registrationByToken(db, token);
  const [pool] = await db.select().from(capacityPools).where(eq(capacityPools.id, registration.poolId));
  return { registration, pool: pool!, subject: await subjectOf(db, pool!), waitlistPosition: await waitlistPosition(db, registration) };
}

/** Cancels by token (idempotent); a freed seat goes to the first on the waiting list. */
export async function cancelByToken(db: Executor, ctx: EngineContext, actor: Actor, token: string): Promise<Registration> {
  return inTransaction(db, async (tx) => {
    const { pool, r } = await lockByToken(tx, token);
    if (r.status === 'cancelled') return r;
    if (r.status === 'expired')
      throw conflict('OFFER_EXPIRED', { ko: '제안 기한이 지나 이미 만료된 신청입니다.', en: 'This registration has already expired (the offer was not accepted in time).' });
    const now = new Date();
    if (now >= pool.startsAt) throw conflict('SESSION_STARTED', REFUSALS.started);
    const [updated] = await tx.update(registrations).set({ status: 'cancelled', cancelledAt: now, offerExpiresAt: null }).where(eq(registrations.id, r.id)).returning();
    await notifyRegistrant(tx, 'cancelled', { registrationId: r.id, ...r }, await subjectOf(tx, pool), { ownerKind: pool.ownerKind });
    await recordAudit(tx, actor, { action: 'registration.cancel', entity: 'registration', entityId: r.id, before: { status: r.status }, after: { status: 'cancelled' } });
    await fillFreeSeats(tx, ctx, pool, now);
    return updated!;
  });
}

/** For the survey: a fresh token for a registration (the link in the invitation), replacing the old one. */
export async function rotateToken(tx: Executor, registrationId: number): Promise<string> {
  const token = randomToken();
  await tx
    .update(registrations)
    .set({ tokenHash: hashToken(token) })
    .where(eq(registrations.id, registrationId));
  return token;
}
