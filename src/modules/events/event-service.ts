/**
 * Events core (docs/events-api.md): bilingual events, rooms, the programme (timetable) and
 * speakers with photos. Every write is one transaction with its audit row. Marking an event held
 * marks its plan action done through the plan module's tracking service, in the same transaction.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client.ts';
import { isUniqueViolation } from '../../server/db-errors.ts';
import { AppError, fieldError, invalidFields, notFound, type FieldError } from '../../server/errors.ts';
import type { FileStore } from '../../server/file-store.ts';
import { sha256Of } from '../../server/file-store.ts';
import { recognise } from '../../server/file-type.ts';
import type { UploadedFile } from '../../server/multipart.ts';
import type { SessionUser } from '../accounts/service.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import { findAction } from '../plan/plan-view.ts';
import { updateAction } from '../plan/tracking-service.ts';
import { listCategories, listQuestions } from './attendee-service.ts';
import type {
  EventBody,
  EventDetailSchema,
  EventPatchBody,
  EventSummarySchema,
  ProgrammeBody,
  ProgrammeItemSchema,
  ProgrammePatchBody,
  RoomBody,
  RoomPatchBody,
  RoomSchema,
  SpeakerBody,
  SpeakerPatchBody,
  SpeakerSchema,
} from './event-api-schema.ts';
import { eventProgramme, eventRooms, events, programmeSpeakers, speakers } from './schema.ts';

export type EventRow = typeof events.$inferSelect;
type RoomRow = typeof eventRooms.$inferSelect;
type ItemRow = typeof eventProgramme.$inferSelect;
type SpeakerRow = typeof speakers.$inferSelect;
export type EventSummary = z.infer<typeof EventSummarySchema>;
export type EventDetail = z.infer<typeof EventDetailSchema>;
export type ProgrammeItemView = z.infer<typeof ProgrammeItemSchema>;

const invalid = invalidFields;

const eventNotFound = (id: number) => notFound({ ko: `행사 ${id}`, en: `Event ${id}` });
const endAfterStart: FieldError['message'] = { ko: '시작 시각보다 뒤여야 합니다.', en: 'Must be after startsAt.' };

const biReq = (ko: string, en: string | null) => ({ ko, en });

// ---------------------------------------------------------------------------------------------
// Views

export function summaryView(e: EventRow): EventSummary {
  return {
    id: e.id,
    kind: e.kind,
    edition: e.edition,
    title: biReq(e.titleKo, e.titleEn),
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    dateApproximate: e.dateApproximate,
    status: e.status,
    venue: e.venueKo ? biReq(e.venueKo, e.venueEn) : null,
    published: e.published,
  };
}

const roomView = (r: RoomRow): z.infer<typeof RoomSchema> => ({ id: r.id, position: r.position, name: biReq(r.nameKo, r.nameEn) });

function speakerView(s: SpeakerRow): z.infer<typeof SpeakerSchema> {
  return {
    id: s.id,
    name: biReq(s.nameKo, s.nameEn),
    affiliation: s.affiliationKo === null && s.affiliationEn === null ? null : { ko: s.affiliationKo, en: s.affiliationEn },
    bio: s.bioKo === null && s.bioEn === null ? null : { ko: s.bioKo, en: s.bioEn },
    photoUrl: s.photoSha256 ? `/api/speakers/${s.id}/photo?v=${s.photoSha256.slice(0, 12)}` : null,
  };
}

function itemView(i: ItemRow, links: { programmeId: number; speakerId: number; role: string | null }[]): ProgrammeItemView {
  return {
    id: i.id,
    kind: i.kind,
    title: biReq(i.titleKo, i.titleEn),
    description: i.descriptionKo ? biReq(i.descriptionKo, i.descriptionEn) : null,
    startsAt: i.startsAt.toISOString(),
    endsAt: i.endsAt.toISOString(),
    roomId: i.roomId,
    speakers: links.filter((l) => l.programmeId === i.id).map((l) => ({ id: l.speakerId, role: l.role })),
  };
}

export async function loadEvent(db: Db | Tx, id: number, opts: { lock?: boolean; publicOnly?: boolean } = {}): Promise<EventRow> {
  const q = db.select().from(events).where(eq(events.id, id));
  const [e] = opts.lock ? await q.for('update') : await q;
  if (!e || (opts.publicOnly && !e.published)) throw eventNotFound(id);
  return e;
}

export async function listEvents(db: Db, opts: { kind?: EventRow['kind']; publicOnly: boolean }): Promise<EventSummary[]> {
  const where = and(opts.kind ? eq(events.kind, opts.kind) : undefined, opts.publicOnly ? eq(events.published, true) : undefined);
  const rows = await db.select().from(events).where(where).orderBy(asc(events.startsAt), asc(events.id));
  return rows.map(summaryView);
}

export async function getEventDetail(db: Db | Tx, id: number, opts: { publicOnly: boolean }): Promise<EventDetail> {
  const e = await loadEvent(db, id, { publicOnly: opts.publicOnly });
  const rooms = await db.select().from(eventRooms).where(eq(eventRooms.eventId, id)).orderBy(asc(eventRooms.position), asc(eventRooms.id));
  const items = await db.select().from(eventProgramme).where(eq(eventProgramme.eventId, id)).orderBy(asc(eventProgramme.startsAt), asc(eventProgramme.id));
  const people = await db.select().from(speakers).where(eq(speakers.eventId, id)).orderBy(asc(speakers.id));
  const links = items.length
    ? await db
        .select({ programmeId: programmeSpeakers.programmeId, speakerId: programmeSpeakers.speakerId, role: programmeSpeakers.role })
        .from(programmeSpeakers)
        .where(inArray(programmeSpeakers.programmeId, items.map((i) => i.id)))
        .orderBy(asc(programmeSpeakers.speakerId))
    : [];
  return {
    ...summaryView(e),
    description: e.descriptionKo ? biReq(e.descriptionKo, e.descriptionEn) : null,
    streamUrl: e.streamUrl,
    outcome: e.outcomeKo ? biReq(e.outcomeKo, e.outcomeEn) : null,
    planActionId: e.planActionId,
    rooms: rooms.map(roomView),
    programme: items.map((i) => itemView(i, links)),
    speakers: people.map(speakerView),
    categories: await listCategories(db, id),
    questions: await listQuestions(db, id),
  };
}

export async function getProgrammeItem(db: Db, eventId: number, itemId: number, opts: { publicOnly: boolean }): Promise<{ event: EventRow; item: ItemRow; room: RoomRow | null }> {
  const event = await loadEvent(db, eventId, opts);
  const [row] = await db
    .select({ item: eventProgramme, room: eventRooms })
    .from(eventProgramme)
    .leftJoin(eventRooms, eq(eventRooms.id, eventProgramme.roomId))
    .where(and(eq(eventProgramme.id, itemId), eq(eventProgramme.eventId, eventId)));
  if (!row) throw notFound({ ko: `프로그램 항목 ${itemId}`, en: `Programme item ${itemId}` });
  return { event, item: row.item, room: row.room };
}

// ---------------------------------------------------------------------------------------------
// Events

type EventInput = z.infer<typeof EventBody>;
type EventPatch = z.infer<typeof EventPatchBody>;

async function checkPlanAction(tx: Tx, planActionId: number | null | undefined) {
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

export async function createEvent(db: Db, actor: Actor, input: EventInput): Promise<EventDetail> {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt <= startsAt) throw invalid([{ field: 'endsAt', message: endAfterStart }]);
  const id = await db
    .transaction(async (tx) => {
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
    })
    .catch(uniqueEdition);
  return getEventDetail(db, id, { publicOnly: false });
}

const HELD_COMMENT = (e: EventRow) => `행사 개최 완료: ${e.titleKo} (event ${e.id} held)`;

export async function updateEvent(db: Db, actor: Actor, user: SessionUser, id: number, patch: EventPatch): Promise<EventDetail> {
  await db
    .transaction(async (tx) => {
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
      const [after] = await tx.update(events).set(set).where(eq(events.id, id)).returning();
      await recordAudit(tx, actor, { action: 'event.update', entity: 'event', entityId: id, before: summaryView(e), after: { ...summaryView(after!), patch } });
      // Bound to the plan: an event becoming held marks its action done (history + audit by the plan module).
      if (patch.status === 'held' && e.status !== 'held' && after!.planActionId !== null) {
        const { action } = await findAction(tx, after!.planActionId);
        const change = action.measureKey === null ? { status: 'done' as const, progress: 100 } : { status: 'done' as const };
        await updateAction(tx as unknown as Db, actor, user, after!.planActionId, { ...change, comment: HELD_COMMENT(after!) });
      }
    })
    .catch(uniqueEdition);
  return getEventDetail(db, id, { publicOnly: false });
}

// ---------------------------------------------------------------------------------------------
// Rooms

export async function createRoom(db: Db, actor: Actor, eventId: number, input: z.infer<typeof RoomBody>) {
  return db.transaction(async (tx) => {
    await loadEvent(tx, eventId, { lock: true });
    const [r] = await tx
      .insert(eventRooms)
      .values({ eventId, nameKo: input.name.ko, nameEn: input.name.en ?? null, position: input.position ?? 0 })
      .returning();
    const view = roomView(r!);
    await recordAudit(tx, actor, { action: 'event.room.create', entity: 'event_room', entityId: r!.id, after: { eventId, ...view } });
    return view;
  });
}

async function loadRoom(tx: Tx, eventId: number, roomId: number) {
  const [r] = await tx.select().from(eventRooms).where(and(eq(eventRooms.id, roomId), eq(eventRooms.eventId, eventId))).for('update');
  if (!r) throw notFound({ ko: `행사 ${eventId}의 장소 ${roomId}`, en: `Room ${roomId} of event ${eventId}` });
  return r;
}

export async function updateRoom(db: Db, actor: Actor, eventId: number, roomId: number, patch: z.infer<typeof RoomPatchBody>) {
  return db.transaction(async (tx) => {
    const before = await loadRoom(tx, eventId, roomId);
    const set: Partial<RoomRow> = {};
    if (patch.name) Object.assign(set, { nameKo: patch.name.ko, nameEn: patch.name.en ?? null });
    if (patch.position !== undefined) set.position = patch.position;
    const [r] = await tx.update(eventRooms).set(set).where(eq(eventRooms.id, roomId)).returning();
    const view = roomView(r!);
    await recordAudit(tx, actor, { action: 'event.room.update', entity: 'event_room', entityId: roomId, before: roomView(before), after: view });
    return view;
  });
}

export async function deleteRoom(db: Db, actor: Actor, eventId: number, roomId: number) {
  await db.transaction(async (tx) => {
    const before = await loadRoom(tx, eventId, roomId);
    await tx.delete(eventRooms).where(eq(eventRooms.id, roomId));
    await recordAudit(tx, actor, { action: 'event.room.delete', entity: 'event_room', entityId: roomId, before: { eventId, ...roomView(before) } });
  });
}

// ---------------------------------------------------------------------------------------------
// Programme

async function checkItemRefs(tx: Tx, eventId: number, input: { roomId?: number | null; speakers?: { speakerId: number }[] }) {
  const fields: FieldError[] = [];
  if (input.roomId !== undefined && input.roomId !== null) {
    const [r] = await tx.select({ id: eventRooms.id }).from(eventRooms).where(and(eq(eventRooms.id, input.roomId), eq(eventRooms.eventId, eventId)));
    if (!r) fields.push({ field: 'roomId', message: { ko: '이 행사에 없는 장소입니다.', en: 'No such room in this event.' } });
  }
  if (input.speakers?.length) {
    const ids = [...new Set(input.speakers.map((s) => s.speakerId))];
    if (ids.length !== input.speakers.length) fields.push({ field: 'speakers', message: { ko: '같은 연사가 두 번 있습니다.', en: 'A speaker is listed twice.' } });
    const found = await tx.select({ id: speakers.id }).from(speakers).where(and(inArray(speakers.id, ids), eq(speakers.eventId, eventId)));
    const missing = ids.filter((i) => !found.some((f) => f.id === i));
    if (missing.length) fields.push({ field: 'speakers', message: { ko: `이 행사에 없는 연사입니다: ${missing.join(', ')}`, en: `No such speaker in this event: ${missing.join(', ')}` } });
  }
  if (fields.length) throw invalid(fields);
}

async function itemOut(tx: Tx, item: ItemRow) {
  const links = await tx
    .select({ programmeId: programmeSpeakers.programmeId, speakerId: programmeSpeakers.speakerId, role: programmeSpeakers.role })
    .from(programmeSpeakers)
    .where(eq(programmeSpeakers.programmeId, item.id))
    .orderBy(asc(programmeSpeakers.speakerId));
  return itemView(item, links);
}

export async function createProgrammeItem(db: Db, actor: Actor, eventId: number, input: z.infer<typeof ProgrammeBody>): Promise<ProgrammeItemView> {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt <= startsAt) throw invalid([{ field: 'endsAt', message: endAfterStart }]);
  return db.transaction(async (tx) => {
    await loadEvent(tx, eventId, { lock: true });
    await checkItemRefs(tx, eventId, input);
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

async function loadItem(tx: Tx, eventId: number, itemId: number) {
  const [i] = await tx.select().from(eventProgramme).where(and(eq(eventProgramme.id, itemId), eq(eventProgramme.eventId, eventId))).for('update');
  if (!i) throw notFound({ ko: `프로그램 항목 ${itemId}`, en: `Programme item ${itemId}` });
  return i;
}

export async function updateProgrammeItem(db: Db, actor: Actor, eventId: number, itemId: number, patch: z.infer<typeof ProgrammePatchBody>): Promise<ProgrammeItemView> {
  return db.transaction(async (tx) => {
    const before = await loadItem(tx, eventId, itemId);
    const startsAt = patch.startsAt ? new Date(patch.startsAt) : before.startsAt;
    const endsAt = patch.endsAt ? new Date(patch.endsAt) : before.endsAt;
    if (endsAt <= startsAt) throw invalid([{ field: 'endsAt', message: endAfterStart }]);
    await checkItemRefs(tx, eventId, patch);
    const beforeView = await itemOut(tx, before);
    const set: Partial<ItemRow> = {};
    if (patch.kind) set.kind = patch.kind;
    if (patch.title) Object.assign(set, { titleKo: patch.title.ko, titleEn: patch.title.en ?? null });
    if (patch.description !== undefined) Object.assign(set, { descriptionKo: patch.description?.ko ?? null, descriptionEn: patch.description?.en ?? null });
    if (patch.startsAt) set.startsAt = startsAt;
    if (patch.endsAt) set.endsAt = endsAt;
    if (patch.roomId !== undefined) set.roomId = patch.roomId;
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

export async function deleteProgrammeItem(db: Db, actor: Actor, eventId: number, itemId: number) {
  await db.transaction(async (tx) => {
    const before = await loadItem(tx, eventId, itemId);
    const view = await itemOut(tx, before);
    await tx.delete(eventProgramme).where(eq(eventProgramme.id, itemId));
    await recordAudit(tx, actor, { action: 'event.programme.delete', entity: 'event_programme', entityId: itemId, before: { eventId, ...view } });
  });
}

// ---------------------------------------------------------------------------------------------
// Speakers

const nullable = (v: string | undefined) => v ?? null;

export async function createSpeaker(db: Db, actor: Actor, eventId: number, input: z.infer<typeof SpeakerBody>) {
  return db.transaction(async (tx) => {
    await loadEvent(tx, eventId, { lock: true });
    const [s] = await tx
      .insert(speakers)
      .values({
        eventId,
        nameKo: input.name.ko,
        nameEn: nullable(input.name.en),
        affiliationKo: nullable(input.affiliation?.ko),
        affiliationEn: nullable(input.affiliation?.en),
        bioKo: nullable(input.bio?.ko),
        bioEn: nullable(input.bio?.en),
      })
      .returning();
    const view = speakerView(s!);
    await recordAudit(tx, actor, { action: 'event.speaker.create', entity: 'speaker', entityId: s!.id, after: { eventId, ...view } });
    return view;
  });
}

async function loadSpeaker(tx: Tx | Db, speakerId: number, eventId?: number, lock = false) {
  const q = tx
    .select()
    .from(speakers)
    .where(and(eq(speakers.id, speakerId), eventId === undefined ? undefined : eq(speakers.eventId, eventId)));
  const [s] = lock ? await q.for('update') : await q;
  if (!s) throw notFound({ ko: `연사 ${speakerId}`, en: `Speaker ${speakerId}` });
  return s;
}

export async function updateSpeaker(db: Db, actor: Actor, eventId: number, speakerId: number, patch: z.infer<typeof SpeakerPatchBody>) {
  return db.transaction(async (tx) => {
    const before = await loadSpeaker(tx, speakerId, eventId, true);
    const set: Partial<SpeakerRow> = {};
    if (patch.name) Object.assign(set, { nameKo: patch.name.ko, nameEn: nullable(patch.name.en) });
    if (patch.affiliation !== undefined) Object.assign(set, { affiliationKo: nullable(patch.affiliation?.ko), affiliationEn: nullable(patch.affiliation?.en) });
    if (patch.bio !== undefined) Object.assign(set, { bioKo: nullable(patch.bio?.ko), bioEn: nullable(patch.bio?.en) });
    const [s] = await tx.update(speakers).set(set).where(eq(speakers.id, speakerId)).returning();
    const view = speakerView(s!);
    await recordAudit(tx, actor, { action: 'event.speaker.update', entity: 'speaker', entityId: speakerId, before: speakerView(before), after: view });
    return view;
  });
}

/** Serialises storing and removing one photo's bytes (as the evidence files do). */
const lockFile = (tx: Tx, sha256: string) => tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`speaker-photo:${sha256}`}))`);

export async function deleteSpeaker(db: Db, actor: Actor, eventId: number, speakerId: number) {
  await db.transaction(async (tx) => {
    const before = await loadSpeaker(tx, speakerId, eventId, true);
    await tx.delete(speakers).where(eq(speakers.id, speakerId));
    await recordAudit(tx, actor, { action: 'event.speaker.delete', entity: 'speaker', entityId: speakerId, before: { eventId, ...speakerView(before) } });
  });
}

const PHOTO_KINDS = ['png', 'jpeg', 'gif', 'webp'] as const;

export async function setSpeakerPhoto(db: Db, files: FileStore, actor: Actor, speakerId: number, file: UploadedFile) {
  const found = await recognise(file.bytes, file.fileName);
  const field = [{ field: 'file', message: { ko: '허용 형식: PNG, JPEG, GIF, WebP', en: 'Allowed: PNG, JPEG, GIF, WebP' } }];
  if (!found.ok || !(PHOTO_KINDS as readonly string[]).includes(found.kind)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { ko: '사진은 PNG, JPEG, GIF, WebP 이미지만 올릴 수 있습니다(내용으로 확인).', en: 'A photo must be a PNG, JPEG, GIF or WebP image (checked by content).' }, field);
  }
  const sha256 = sha256Of(file.bytes);
  return db.transaction(async (tx) => {
    const before = await loadSpeaker(tx, speakerId, undefined, true);
    await lockFile(tx, sha256);
    await files.put(file.bytes);
    const [s] = await tx.update(speakers).set({ photoSha256: sha256, photoMimeType: found.mimeType }).where(eq(speakers.id, speakerId)).returning();
    const view = speakerView(s!);
    await recordAudit(tx, actor, { action: 'event.speaker.photo', entity: 'speaker', entityId: speakerId, before: { photoSha256: before.photoSha256 }, after: { photoSha256: sha256, mimeType: found.mimeType } });
    return view;
  });
}

/** The photo of a speaker; public only when the speaker's event is published (staff see all). */
export async function speakerPhoto(db: Db, speakerId: number, staff: boolean) {
  const s = await loadSpeaker(db, speakerId);
  const e = await loadEvent(db, s.eventId).catch(() => null);
  if (!s.photoSha256 || !s.photoMimeType || !e || (!staff && !e.published)) throw notFound({ ko: `연사 ${speakerId}의 사진`, en: `Photo of speaker ${speakerId}` });
  return { sha256: s.photoSha256, mimeType: s.photoMimeType, published: e.published };
}

