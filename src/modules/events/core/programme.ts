/** The programme (timetable) of an event: items with their room and speakers. */
import { and, asc, eq, gt, inArray, lt, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { AppError, invalidFields as invalid, notFound, type FieldError } from '../../../server/errors.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import type { ProgrammeBody, ProgrammePatchBody } from '../event-api-schema.ts';
import { itemView, type ProgrammeItemView } from '../presenters.ts';
import { eventProgramme, eventRooms, programmeSpeakers, speakers } from '../schema.ts';
import { endAfterStart, loadEvent } from './event-row.ts';

type ItemRow = typeof eventProgramme.$inferSelect;

async function checkItemRefs(tx: Executor, eventId: number, input: { roomId?: number | null; speakers?: { speakerId: number }[] }) {
  const fields: FieldError[] = [];
  if (input.roomId !== undefined && input.roomId !== null) {
    const [r] = await tx
      .select({ id: eventRooms.id })
      .from(eventRooms)
      .where(and(eq(eventRooms.id, input.roomId), eq(eventRooms.eventId, eventId)));
    if (!r) fields.push({ field: 'roomId', message: { ko: '이 행사에 없는 장소입니다.', en: 'No such room in this event.' } });
  }
  if (input.speakers?.length) {
    const ids = [...new Set(input.speakers.map((s) => s.speakerId))];
    if (ids.length !== input.speakers.length) fields.push({ field: 'speakers', message: { ko: '같은 연사가 두 번 있습니다.', en: 'A speaker is listed twice.' } });
    const found = await tx
      .select({ id: speakers.id })
      .from(speakers)
      .where(and(inArray(speakers.id, ids), eq(speakers.eventId, eventId)));
    const missing = ids.filter((i) => !found.some((f) => f.id === i));
    if (missing.length)
      fields.push({ field: 'speakers', message: { ko: `이 행사에 없는 연사입니다: ${missing.join(', ')}`, en: `No such speaker in this event: ${missing.join(', ')}` } });
  }
  if (fields.length) throw invalid(fields);
}

const seoulClock = (d: Date) => new Date(d.getTime() + 9 * 3600_000).toISOString().slice(11, 16);

/**
 * One room holds one item at a time: refuses an item whose time overlaps another item in the same
 * room (touching ends are fine: 10:00–11:00 then 11:00–12:00). Items without a room clash with none.
 * Callers hold the event's row lock, so two writes cannot both pass the check.
 */
async function refuseOverlap(tx: Executor, eventId: number, item: { id?: number; roomId: number | null; startsAt: Date; endsAt: Date }) {
  if (item.roomId === null) return;
  const [clash] = await tx
    .select()
    .from(eventProgramme)
    .where(
      and(
        eq(eventProgramme.eventId, eventId),
        eq(eventProgramme.roomId, item.roomId),
        lt(eventProgramme.startsAt, item.endsAt),
        gt(eventProgramme.endsAt, item.startsAt),
        ...(item.id !== undefined ? [ne(eventProgramme.id, item.id)] : []),
      ),
    )
    .orderBy(asc(eventProgramme.startsAt))
    .limit(1);
  if (!clash) return;
  const when = `${seoulClock(clash.startsAt)}–${seoulClock(clash.endsAt)}`;
  const ko = `같은 장소의 '${clash.titleKo}'(${when}) 항목과 시간이 겹칩니다.`;
  const en = `The time overlaps '${clash.titleEn ?? clash.titleKo}' (${when}, Korea time) in the same room.`;
  throw new AppError('PROGRAMME_OVERLAP', { ko, en }, [{ field: 'startsAt', message: { ko, en } }]);
}

async function itemOut(tx: Executor, item: ItemRow) {
  const links = await tx
    .select({ programmeId: programmeSpeakers.programmeId, speakerId: programmeSpeakers.speakerId, role: programmeSpeakers.role })
    .from(programmeSpeakers)
    .where(eq(programmeSpeakers.programmeId, item.id))
    .orderBy(asc(programmeSpeakers.speakerId));
  return itemView(item, links);
}

export async function createProgrammeItem(db: Executor, actor: Actor, eventId: number, input: z.infer<typeof ProgrammeBody>): Promise<ProgrammeItemView> {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt <= startsAt) throw invalid([{ field: 'endsAt', message: endAfterStart }]);
  return inTransaction(db, async (tx) => {
    await loadEvent(tx, eventId, { lock: true });
    await checkItemRefs(tx, eventId, input);
    await refuseOverlap(tx, eventId, { roomId: input.roomId ?? null, startsAt, endsAt });
    const [item] = await tx
      .insert(eventProgramme)
      .values({
        eventId,
        kind: input.kind,
        titleKo: input.title.ko,
        titleEn: input.title.en ?? null,
        descriptionKo: input.description?.ko ?? null,
        descriptionEn: input.description?.en ?? null,
        startsAt,
        endsAt,
        roomId: input.roomId ?? null,
      })
      .returning();
    if (input.speakers?.length) await tx.insert(programmeSpeakers).values(input.speakers.map((s) => ({ programmeId: item!.id, speakerId: s.speakerId, role: s.role ?? null })));
    const view = await itemOut(tx, item!);
    await recordAudit(tx, actor, { action: 'event.programme.create', entity: 'event_programme', entityId: item!.id, after: { eventId, ...view } });
    return view;
  });
}

async function loadItem(tx: Executor, eventId: number, itemId: number) {
  const [i] = await tx
    .select()
    .from(eventProgramme)
    .where(and(eq(eventProgramme.id, itemId), eq(eventProgramme.eventId, eventId)))
    .for('update');
  if (!i) throw notFound({ ko: `프로그램 항목 ${itemId}`, en: `Programme item ${itemId}` });
  return i;
}

export async function updateProgrammeItem(db: Executor, actor: Actor, eventId: number, itemId: number, patch: z.infer<typeof ProgrammePatchBody>): Promise<ProgrammeItemView> {
  return inTransaction(db, async (tx) => {
    await loadEvent(tx, eventId, { lock: true });
    const before = await loadItem(tx, eventId, itemId);
    const startsAt = patch.startsAt ? new Date(patch.startsAt) : before.startsAt;
    const endsAt = patch.endsAt ? new Date(patch.endsAt) : before.endsAt;
    if (endsAt <= startsAt) throw invalid([{ field: 'endsAt', message: endAfterStart }]);
    await checkItemRefs(tx, eventId, patch);
    await refuseOverlap(tx, eventId, { id: itemId, roomId: patch.roomId !== undefined ? patch.roomId : before.roomId, startsAt, endsAt });
    const beforeView = await itemOut(tx, before);
    const set: Partial<ItemRow> = {};
    if (patch.kind) set.kind = patch.kind;
    if (patch.title) Object.assign(set, { titleKo: patch.title.ko, titleEn: patch.title.en ?? null });
    if (patch.description !== undefined) Object.assign(set, { descriptionKo: patch.description?.ko ?? null, descriptionEn: patch.description?.en ?? null });
    if (patch.startsAt) set.startsAt = startsAt;
    if (patch.endsAt) set.endsAt = endsAt;
    if (patch.roomId !== undefined) set.roomId = patch.roomId;
    if (Object.keys(set).length) set.updatedAt = new Date();
    // Calendars holding the item replace it when its time or room changed (SEQUENCE).
    const moved =
      (set.startsAt !== undefined && set.startsAt.getTime() !== before.startsAt.getTime()) ||
      (set.endsAt !== undefined && set.endsAt.getTime() !== before.endsAt.getTime()) ||
      (set.roomId !== undefined && set.roomId !== before.roomId);
    if (moved) set.sequence = before.sequence + 1;
    const [item] = Object.keys(set).length ? await tx.update(eventProgramme).set(set).where(eq(eventProgramme.id, itemId)).returning() : [before];
    if (patch.speakers) {
      await tx.delete(programmeSpeakers).where(eq(programmeSpeakers.programmeId, itemId));
      if (patch.speakers.length) await tx.insert(programmeSpeakers).values(patch.speakers.map((s) => ({ programmeId: itemId, speakerId: s.speakerId, role: s.role ?? null })));
    }
    const view = await itemOut(tx, item!);
    await recordAudit(tx, actor, { action: 'event.programme.update', entity: 'event_programme', entityId: itemId, before: beforeView, after: view });
    return view;
  });
}

export async function deleteProgrammeItem(db: Executor, actor: Actor, eventId: number, itemId: number) {
  await inTransaction(db, async (tx) => {
    const before = await loadItem(tx, eventId, itemId);
    const view = await itemOut(tx, before);
    await tx.delete(eventProgramme).where(eq(eventProgramme.id, itemId));
    await recordAudit(tx, actor, { action: 'event.programme.delete', entity: 'event_programme', entityId: itemId, before: { eventId, ...view } });
  });
}
