/**
 * Events core (docs/events-api.md): bilingual events and their whole page. Every write is one
 * transaction with its audit row. Marking an event held marks its plan action done through the
 * plan module's tracking service, in the same transaction.
 */
import { assertEventStatusFitsDates } from './event-rules.ts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { isUniqueViolation } from '../../../server/db-errors.ts';
import { AppError, fieldError, invalidFields as invalid, notFound } from '../../../server/errors.ts';
import type { SessionUser } from '../../accounts/service.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { findAction } from '../../plan/plan-read.ts';
import { updateAction } from '../../plan/tracking-service.ts';
import { listCategories } from '../attendees/categories.ts';
import { listQuestions } from '../attendees/questions.ts';
import type { EventBody, EventPatchBody } from '../event-api-schema.ts';
import { eventDetailView, summaryView, type EventDetail, type EventSummary } from '../presenters.ts';
import { eventProgramme, eventRooms, events, programmeSpeakers, speakers } from '../schema.ts';
import { endAfterStart, loadEvent, type EventRow } from './event-row.ts';

type ItemRow = typeof eventProgramme.$inferSelect;
type RoomRow = typeof eventRooms.$inferSelect;

export async function listEvents(db: Executor, opts: { kind?: EventRow['kind']; publicOnly: boolean }): Promise<EventSummary[]> {
  const where = and(opts.kind ? eq(events.kind, opts.kind) : undefined, opts.publicOnly ? eq(events.published, true) : undefined);
  const rows = await db.select().from(events).where(where).orderBy(asc(events.startsAt), asc(events.id));
  return rows.map(summaryView);
}

export async function getEventDetail(db: Executor, id: number, opts: { publicOnly: boolean }): Promise<EventDetail> {
  const e = await loadEvent(db, id, { publicOnly: opts.publicOnly });
  const rooms = await db.select().from(eventRooms).where(eq(eventRooms.eventId, id)).orderBy(asc(eventRooms.position), asc(eventRooms.id));
  const items = await db.select().from(eventProgramme).where(eq(eventProgramme.eventId, id)).orderBy(asc(eventProgramme.startsAt), asc(eventProgramme.id));
  const people = await db.select().from(speakers).where(eq(speakers.eventId, id)).orderBy(asc(speakers.id));
  const links = items.length
    ? await db
        .select({ programmeId: programmeSpeakers.programmeId, speakerId: programmeSpeakers.speakerId, role: programmeSpeakers.role })
        .from(programmeSpeakers)
        .where(
          inArray(
            programmeSpeakers.programmeId,
            items.map((i) => i.id),
          ),
        )
        .orderBy(asc(programmeSpeakers.speakerId))
    : [];
  return eventDetailView(e, { rooms, items, links, speakers: people, categories: await listCategories(db, id), questions: await listQuestions(db, id) });
}

export async function getProgrammeItem(
  db: Executor,
  eventId: number,
  itemId: number,
  opts: { publicOnly: boolean },
): Promise<{ event: EventRow; item: ItemRow; room: RoomRow | null }> {
  const event = await loadEvent(db, eventId, opts);
  const [row] = await db
    .select({ item: eventProgramme, room: eventRooms })
    .from(eventProgramme)
    .leftJoin(eventRooms, eq(eventRooms.id, eventProgramme.roomId))
    .where(and(eq(eventProgramme.id, itemId), eq(eventProgramme.eventId, eventId)));
  if (!row) throw notFound({ ko: `프로그램 항목 ${itemId}`, en: `Programme item ${itemId}` });
  return { event, item: row.item, room: row.room };
}

type EventInput = z.infer<typeof EventBody>;
type EventPatch = z.infer<typeof EventPatchBody>;

async function checkPlanAction(tx: Executor, planActionId: number | null | undefined) {
  if (planActionId === undefined || planActionId === null) return;
  try {
    await findAction(tx, planActionId);
  } catch {
    throw invalid([{ field: 'planActionId', message: { ko: '없는 추진계획입니다.', en: 'No such plan action.' } }]);
  }
}

function uniqueEdition(e: unknown): never {
  if (isUniqueViolation(e, 'events_kind_edition_uq')) {
    throw new AppError('EVENT_EDITION_EXISTS', { ko: '같은 종류의 같은 회차 행사가 이미 있습니다.', en: 'An event of this kind with this edition already exists.' }, [
      fieldError('edition', '이미 있는 회차입니다.', 'This edition already exists.'),
    ]);
  }
  throw e;
}

export async function createEvent(db: Executor, actor: Actor, input: EventInput): Promise<EventDetail> {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt <= startsAt) throw invalid([{ field: 'endsAt', message: endAfterStart }]);
  const id = await inTransaction(db, async (tx) => {
    await checkPlanAction(tx, input.planActionId);
    const [e] = await tx
      .insert(events)
      .values({
        kind: input.kind,
        edition: input.edition ?? null,
        titleKo: input.title.ko,
        titleEn: input.title.en ?? null,
        descriptionKo: input.description?.ko ?? null,
        descriptionEn: input.description?.en ?? null,
        startsAt,
        endsAt,
        dateApproximate: input.dateApproximate ?? false,
        venueKo: input.venue?.ko ?? null,
        venueEn: input.venue?.en ?? null,
        streamUrl: input.streamUrl ?? null,
        published: input.published ?? false,
        planActionId: input.planActionId ?? null,
      })
      .returning();
    await recordAudit(tx, actor, { action: 'event.create', entity: 'event', entityId: e!.id, after: summaryView(e!) });
    return e!.id;
  }).catch(uniqueEdition);
  return getEventDetail(db, id, { publicOnly: false });
}

/** True when a change moves the event in a calendar: its time, place or status. */
const calendarChanged = (e: EventRow, set: Partial<EventRow>) =>
  (set.startsAt !== undefined && set.startsAt.getTime() !== e.startsAt.getTime()) ||
  (set.endsAt !== undefined && set.endsAt.getTime() !== e.endsAt.getTime()) ||
  (set.venueKo !== undefined && set.venueKo !== e.venueKo) ||
  (set.venueEn !== undefined && set.venueEn !== e.venueEn) ||
  (set.dateApproximate !== undefined && set.dateApproximate !== e.dateApproximate) ||
  (set.status !== undefined && set.status !== e.status);

const HELD_COMMENT = (e: EventRow) => `행사 개최 완료: ${e.titleKo} (event ${e.id} held)`;

export async function updateEvent(db: Executor, actor: Actor, user: SessionUser, id: number, patch: EventPatch): Promise<EventDetail> {
  await inTransaction(db, async (tx) => {
    const e = await loadEvent(tx, id, { lock: true });
    const startsAt = patch.startsAt ? new Date(patch.startsAt) : e.startsAt;
    const endsAt = patch.endsAt ? new Date(patch.endsAt) : e.endsAt;
    if (endsAt <= startsAt) throw invalid([{ field: 'endsAt', message: endAfterStart }]);
    await checkPlanAction(tx, patch.planActionId);
    const set: Partial<EventRow> = { updatedAt: new Date() };
    if (patch.kind) set.kind = patch.kind;
    if (patch.edition !== undefined) set.edition = patch.edition;
    if (patch.title) Object.assign(set, { titleKo: patch.title.ko, titleEn: patch.title.en ?? null });
    if (patch.description !== undefined) Object.assign(set, { descriptionKo: patch.description?.ko ?? null, descriptionEn: patch.description?.en ?? null });
    if (patch.venue !== undefined) Object.assign(set, { venueKo: patch.venue?.ko ?? null, venueEn: patch.venue?.en ?? null });
    if (patch.outcome !== undefined) Object.assign(set, { outcomeKo: patch.outcome?.ko ?? null, outcomeEn: patch.outcome?.en ?? null });
    if (patch.startsAt) set.startsAt = startsAt;
    if (patch.endsAt) set.endsAt = endsAt;
    // Setting the dates makes them exact unless the caller says otherwise.
    if (patch.dateApproximate !== undefined) set.dateApproximate = patch.dateApproximate;
    else if (patch.startsAt || patch.endsAt) set.dateApproximate = false;
    if (patch.streamUrl !== undefined) set.streamUrl = patch.streamUrl;
    if (patch.published !== undefined) set.published = patch.published;
    if (patch.planActionId !== undefined) set.planActionId = patch.planActionId;
    if (patch.status) set.status = patch.status;
    if (patch.status || patch.startsAt || patch.endsAt || patch.dateApproximate !== undefined) {
      assertEventStatusFitsDates({ status: set.status ?? e.status, startsAt, endsAt, dateApproximate: set.dateApproximate ?? e.dateApproximate }, new Date());
    }
    // Calendars holding the event replace it when its time, place or status changed (SEQUENCE).
    if (calendarChanged(e, set)) set.sequence = e.sequence + 1;
    const [after] = await tx.update(events).set(set).where(eq(events.id, id)).returning();
    await recordAudit(tx, actor, { action: 'event.update', entity: 'event', entityId: id, before: summaryView(e), after: { ...summaryView(after!), patch } });
    // Bound to the plan: an event becoming held marks its action done (history + audit by the plan module).
    if (patch.status === 'held' && e.status !== 'held' && after!.planActionId !== null) {
      const { action } = await findAction(tx, after!.planActionId);
      const change = action.measureKey === null ? { status: 'done' as const, progress: 100 } : { status: 'done' as const };
      await updateAction(tx, actor, user, after!.planActionId, { ...change, comment: HELD_COMMENT(after!) });
    }
  }).catch(uniqueEdition);
  return getEventDetail(db, id, { publicOnly: false });
}
