/**
 * The day-before reminder: every confirmed registration whose session or event (any pool owner:
 * academy sessions, event categories) starts within REMINDER_LEAD_MS is told once, in its
 * language, through the outbox; `registrations.reminded_at` remembers it, so the job (every few
 * minutes, src/server/jobs.ts) never sends it twice, even from two servers (rows are claimed
 * with FOR UPDATE SKIP LOCKED). A registration made within the lead time is not reminded: its
 * confirmation has just told it all.
 */
import { and, asc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { recordAudit, SYSTEM_ACTOR } from '../../audit/service.ts';
import { notifyRegistrant, type PoolSubject } from '../messages.ts';
import { capacityPools, registrations } from '../schema.ts';
import { subjectOf } from './pools.ts';

const REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;
const BATCH = 200;

/** One pass: queues the due reminders; returns how many. */
export async function sendReminders(db: Executor, now = new Date()): Promise<number> {
  return inTransaction(db, async (tx) => {
    const due = await tx
      .select({ r: registrations, pool: capacityPools })
      .from(registrations)
      .innerJoin(capacityPools, eq(capacityPools.id, registrations.poolId))
      .where(
        and(
          eq(registrations.status, 'confirmed'),
          isNull(registrations.remindedAt),
          isNull(registrations.anonymizedAt),
          isNull(capacityPools.cancelledAt),
          gt(capacityPools.startsAt, now),
          lte(capacityPools.startsAt, new Date(now.getTime() + REMINDER_LEAD_MS)),
          sql`${registrations.createdAt} < ${capacityPools.startsAt} - interval '24 hours'`,
        ),
      )
      .orderBy(asc(registrations.id))
      .limit(BATCH)
      .for('update', { of: registrations, skipLocked: true });
    const subjects = new Map<number, PoolSubject>();
    for (const { r, pool } of due) {
      let subject = subjects.get(pool.id);
      if (!subject) {
        subject = await subjectOf(tx, pool);
        subjects.set(pool.id, subject);
      }
      await tx.update(registrations).set({ remindedAt: now }).where(eq(registrations.id, r.id));
      await notifyRegistrant(tx, 'reminder', { registrationId: r.id, ...r }, subject, { ownerKind: pool.ownerKind });
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'registration.remind', entity: 'registration', entityId: r.id, after: { remindedAt: now.toISOString() } });
    }
    return due.length;
  });
}
