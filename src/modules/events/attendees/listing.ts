/** An event's registrants for staff: the rows badges and exports read, and the paged, masked list. */
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/executor.ts';
import { pageLimit, toPage, type Page, type PageParams } from '../../../server/paging.ts';
import { registrations } from '../../registration/schema.ts';
import { loadEvent } from '../core/event-row.ts';
import { attendeeView, type AttendeeRow, type AttendeeView, type Category } from '../presenters.ts';
import { eventCategories, eventRegistrations } from '../schema.ts';

export async function attendeeRows(db: Executor, eventId: number, f: { category?: Category; q?: string; ids?: number[] } = {}): Promise<AttendeeRow[]> {
  return db
    .select({ r: registrations, er: eventRegistrations, category: eventCategories.category })
    .from(eventRegistrations)
    .innerJoin(registrations, eq(registrations.id, eventRegistrations.registrationId))
    .innerJoin(eventCategories, eq(eventCategories.id, eventRegistrations.categoryId))
    .where(
      and(
        eq(eventRegistrations.eventId, eventId),
        f.category ? eq(eventCategories.category, f.category) : undefined,
        f.q ? sql`(strpos(lower(${registrations.name}), lower(${f.q})) > 0 or strpos(lower(coalesce(${eventRegistrations.nameEn}, '')), lower(${f.q})) > 0)` : undefined,
        f.ids ? inArray(registrations.id, f.ids.length ? f.ids : [-1]) : undefined,
      ),
    )
    .orderBy(asc(registrations.id));
}

/**
 * One page of an event's registrants in id order (keyset on event_registrations (event_id,
 * registration_id), src/server/paging.ts); `category` and `q` (Korean or English
 * name) filter.
 */
export async function listAttendees(db: Executor, eventId: number, f: PageParams & { category?: Category | undefined; q?: string | undefined }): Promise<Page<AttendeeView>> {
  await loadEvent(db, eventId);
  const where = and(
    eq(eventRegistrations.eventId, eventId),
    f.category ? eq(eventCategories.category, f.category) : undefined,
    f.q ? sql`(strpos(lower(${registrations.name}), lower(${f.q})) > 0 or strpos(lower(coalesce(${eventRegistrations.nameEn}, '')), lower(${f.q})) > 0)` : undefined,
  );
  const rows = await db
    .select({ r: registrations, er: eventRegistrations, category: eventCategories.category })
    .from(eventRegistrations)
    .innerJoin(registrations, eq(registrations.id, eventRegistrations.registrationId))
    .innerJoin(eventCategories, eq(eventCategories.id, eventRegistrations.categoryId))
    .where(and(where, f.after !== undefined ? gt(eventRegistrations.registrationId, f.after) : undefined))
    .orderBy(asc(eventRegistrations.registrationId))
    .limit(pageLimit(f) + 1);
  return toPage(
    rows,
    f,
    (a) => a.er.registrationId,
    attendeeView,
    async () => {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(eventRegistrations)
        .innerJoin(registrations, eq(registrations.id, eventRegistrations.registrationId))
        .innerJoin(eventCategories, eq(eventCategories.id, eventRegistrations.categoryId))
        .where(where);
      return Number(row!.n);
    },
  );
}
