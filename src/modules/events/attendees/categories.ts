/**
 * Registration for events (GENIE Forum, seminars, conferences): each category of an event is a
 * capacity pool of the registration engine (owner kind `event_category`). The engine keeps its
 * guarantees (no overbooking, waiting list with offers, duplicate phone, consent, cancellation
 * link, outbox messages); the events module adds its own rows (event_registrations) and checks
 * (questions, invitation codes, approval) in the engine's transaction, through its hooks.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { AppError, fieldError, invalidFields as invalid, notFound } from '../../../server/errors.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { createPool, registerPoolOwner } from '../../registration/engine/pools.ts';
import type { EngineContext } from '../../registration/engine/state.ts';
import { updatePool } from '../../registration/engine/update-pool.ts';
import type { PoolSubject } from '../../registration/messages.ts';
import { capacityPools } from '../../registration/schema.ts';
import type { CategoryBody, CategoryPatchBody } from '../attendee-api-schema.ts';
import { loadEvent } from '../core/event-row.ts';
import { eventCalendar } from '../event-calendar.ts';
import { categoryView, type Category, type CategoryView } from '../presenters.ts';
import { eventCategories, events } from '../schema.ts';

export const EVENT_POOL = 'event_category';

type CategoryRow = typeof eventCategories.$inferSelect;

export const CATEGORY_LABELS: Record<Category, { ko: string; en: string }> = {
  general: { ko: '일반', en: 'General' },
  student: { ko: '학생', en: 'Student' },
  press: { ko: '언론', en: 'Press' },
  vip: { ko: '초청', en: 'VIP / invited' },
  online: { ko: '온라인', en: 'Online' },
};

// The engine's messages and status pages describe an event pool by its event and category.
registerPoolOwner(EVENT_POOL, {
  describe: async (db, poolId): Promise<PoolSubject | null> => {
    const [row] = await db
      .select({ e: events, category: eventCategories.category })
      .from(eventCategories)
      .innerJoin(events, eq(events.id, eventCategories.eventId))
      .where(eq(eventCategories.poolId, poolId));
    if (!row) return null;
    const label = CATEGORY_LABELS[row.category];
    return {
      ownerId: row.e.id,
      title: { ko: `${row.e.titleKo} (${label.ko})`, en: row.e.titleEn ? `${row.e.titleEn} (${label.en})` : null },
      startsAt: row.e.startsAt,
      endsAt: row.e.endsAt,
      venue: [row.e.venueKo, row.e.venueEn].filter(Boolean).join(' / '),
      sequence: row.e.sequence,
      modifiedAt: row.e.updatedAt,
    };
  },
  // A confirmation's calendar is the event's own .ics (the same UID, so calendars update one entry).
  calendar: async (db, poolId, publicUrl): Promise<string | null> => {
    const [row] = await db.select({ e: events }).from(eventCategories).innerJoin(events, eq(events.id, eventCategories.eventId)).where(eq(eventCategories.poolId, poolId));
    const base = publicUrl.replace(/\/+$/, '');
    return row ? eventCalendar(row.e, base, { publish: true }) : null;
  },
});

async function categoriesOf(db: Executor, eventId: number) {
  return db
    .select({ c: eventCategories, pool: capacityPools })
    .from(eventCategories)
    .innerJoin(capacityPools, eq(capacityPools.id, eventCategories.poolId))
    .where(eq(eventCategories.eventId, eventId))
    .orderBy(asc(eventCategories.id));
}

/** The categories of an event with seats left and waiting list (for the event page too). */
export async function listCategories(db: Executor, eventId: number): Promise<CategoryView[]> {
  const now = new Date();
  return (await categoriesOf(db, eventId)).map((row) => categoryView(row, now));
}

const windowError = () => invalid([{ field: 'closesAt', message: { ko: '신청 마감은 신청 시작보다 뒤여야 합니다.', en: 'Registration must close after it opens.' } }]);

export async function createCategory(db: Executor, actor: Actor, eventId: number, input: z.infer<typeof CategoryBody>): Promise<CategoryView> {
  const opensAt = new Date(input.opensAt);
  const closesAt = new Date(input.closesAt);
  if (opensAt >= closesAt) throw windowError();
  const id = await inTransaction(db, async (tx) => {
    const e = await loadEvent(tx, eventId);
    const [exists] = await tx
      .select({ id: eventCategories.id })
      .from(eventCategories)
      .where(and(eq(eventCategories.eventId, eventId), eq(eventCategories.category, input.category)));
    if (exists) {
      throw new AppError('CATEGORY_EXISTS', { ko: '이 행사에 이미 있는 참가 구분입니다.', en: 'The event already has this category.' }, [
        fieldError('category', '이미 있습니다.', 'Already exists.'),
      ]);
    }
    const pool = await createPool(tx, EVENT_POOL, { capacity: input.capacity, opensAt, closesAt, startsAt: e.startsAt, waitlistEnabled: input.waitlist ?? true });
    const [c] = await tx
      .insert(eventCategories)
      .values({ eventId, category: input.category, poolId: pool.id, requiresInvitation: input.requiresInvitation ?? false, requiresApproval: input.requiresApproval ?? false })
      .returning();
    await recordAudit(tx, actor, { action: 'event.category.create', entity: 'event_category', entityId: c!.id, after: { eventId, ...input } });
    return c!.id;
  });
  return (await listCategories(db, eventId)).find((c) => c.id === id)!;
}

export async function updateCategory(
  db: Executor,
  ctx: EngineContext,
  actor: Actor,
  eventId: number,
  categoryId: number,
  patch: z.infer<typeof CategoryPatchBody>,
): Promise<CategoryView> {
  await inTransaction(db, async (tx) => {
    const [row] = (await categoriesOf(tx, eventId)).filter((r) => r.c.id === categoryId);
    if (!row) throw notFound({ ko: `참가 구분 ${categoryId}`, en: `Category ${categoryId}` });
    const opensAt = patch.opensAt ? new Date(patch.opensAt) : row.pool.opensAt;
    const closesAt = patch.closesAt ? new Date(patch.closesAt) : row.pool.closesAt;
    if (opensAt >= closesAt) throw windowError();
    await updatePool(tx, ctx, row.pool.id, {
      ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
      ...(patch.opensAt ? { opensAt } : {}),
      ...(patch.closesAt ? { closesAt } : {}),
      ...(patch.waitlist !== undefined ? { waitlistEnabled: patch.waitlist } : {}),
    });
    const set: Partial<CategoryRow> = {};
    if (patch.requiresInvitation !== undefined) set.requiresInvitation = patch.requiresInvitation;
    if (patch.requiresApproval !== undefined) set.requiresApproval = patch.requiresApproval;
    if (Object.keys(set).length) await tx.update(eventCategories).set(set).where(eq(eventCategories.id, categoryId));
    await recordAudit(tx, actor, {
      action: 'event.category.update',
      entity: 'event_category',
      entityId: categoryId,
      before: {
        capacity: row.pool.capacity,
        opensAt: row.pool.opensAt.toISOString(),
        closesAt: row.pool.closesAt.toISOString(),
        requiresInvitation: row.c.requiresInvitation,
        requiresApproval: row.c.requiresApproval,
        waitlist: row.pool.waitlistEnabled,
      },
      after: patch,
    });
  });
  return (await listCategories(db, eventId)).find((c) => c.id === categoryId)!;
}
