/** Events, their programme and attendees as the API answers them (routes and use cases present through these). */
import type { z } from 'zod';
import { maskEmail, maskPhone } from '../../server/mask.ts';
import { registrationState, type Pool, type Registration } from '../registration/engine/state.ts';
import type { AttendeeSchema, CategorySchema, QuestionSchema } from './attendee-api-schema.ts';
import type { EventDetailSchema, EventSummarySchema, ProgrammeItemSchema, RoomSchema, SpeakerSchema } from './event-api-schema.ts';
import type { eventCategories, eventProgramme, eventQuestions, eventRegistrations, eventRooms, events, speakers } from './schema.ts';

type EventRow = typeof events.$inferSelect;
type RoomRow = typeof eventRooms.$inferSelect;
type ItemRow = typeof eventProgramme.$inferSelect;
type SpeakerRow = typeof speakers.$inferSelect;
type CategoryRow = typeof eventCategories.$inferSelect;
type QuestionRow = typeof eventQuestions.$inferSelect;
export type Category = CategoryRow['category'];
export type EventSummary = z.infer<typeof EventSummarySchema>;
export type EventDetail = z.infer<typeof EventDetailSchema>;
export type ProgrammeItemView = z.infer<typeof ProgrammeItemSchema>;
export type CategoryView = z.infer<typeof CategorySchema>;
export type QuestionView = z.infer<typeof QuestionSchema>;
export type AttendeeView = z.infer<typeof AttendeeSchema>;
export interface ProgrammeLink {
  programmeId: number;
  speakerId: number;
  role: string | null;
}

const biReq = (ko: string, en: string | null) => ({ ko, en });

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

/** The whole event: its programme (with speakers by id), rooms, speakers, categories and questions. */
export function eventDetailView(
  e: EventRow,
  parts: { rooms: RoomRow[]; items: ItemRow[]; links: ProgrammeLink[]; speakers: SpeakerRow[]; categories: CategoryView[]; questions: QuestionView[] },
): EventDetail {
  return {
    ...summaryView(e),
    description: e.descriptionKo ? biReq(e.descriptionKo, e.descriptionEn) : null,
    streamUrl: e.streamUrl,
    outcome: e.outcomeKo ? biReq(e.outcomeKo, e.outcomeEn) : null,
    planActionId: e.planActionId,
    rooms: parts.rooms.map(roomView),
    programme: parts.items.map((i) => itemView(i, parts.links)),
    speakers: parts.speakers.map(speakerView),
    categories: parts.categories,
    questions: parts.questions,
  };
}

export const roomView = (r: RoomRow): z.infer<typeof RoomSchema> => ({ id: r.id, position: r.position, name: biReq(r.nameKo, r.nameEn) });

export function speakerView(s: SpeakerRow): z.infer<typeof SpeakerSchema> {
  return {
    id: s.id,
    name: biReq(s.nameKo, s.nameEn),
    affiliation: s.affiliationKo === null && s.affiliationEn === null ? null : { ko: s.affiliationKo, en: s.affiliationEn },
    bio: s.bioKo === null && s.bioEn === null ? null : { ko: s.bioKo, en: s.bioEn },
    photoUrl: s.photoSha256 ? `/api/speakers/${s.id}/photo?v=${s.photoSha256.slice(0, 12)}` : null,
  };
}

export function itemView(i: ItemRow, links: ProgrammeLink[]): ProgrammeItemView {
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

/** A category with its pool's figures (the pool rows carry their counts, kept by a trigger: nothing to count). */
export const categoryView = ({ c, pool }: { c: CategoryRow; pool: Pool }, now = new Date()): CategoryView => ({
  id: c.id,
  category: c.category,
  requiresInvitation: c.requiresInvitation,
  requiresApproval: c.requiresApproval,
  capacity: pool.capacity,
  seatsLeft: Math.max(0, pool.capacity - pool.taken),
  waitlistLength: pool.waiting,
  opensAt: pool.opensAt.toISOString(),
  closesAt: pool.closesAt.toISOString(),
  registrationState: registrationState(pool, pool.taken, now),
});

export const questionView = (q: QuestionRow): QuestionView => ({
  id: q.id,
  kind: q.kind,
  label: { ko: q.labelKo, en: q.labelEn },
  required: q.required,
  options: q.options ?? null,
  maxLength: q.maxLength,
});

/** The registration row, the event's own row and the category: what attendee lists, badges and exports read. */
export interface AttendeeRow {
  r: Registration;
  er: typeof eventRegistrations.$inferSelect;
  category: Category;
}

export const attendeeView = ({ r, er, category }: AttendeeRow): AttendeeView => ({
  id: r.id,
  status: r.status === 'pending' ? 'pending_approval' : r.status,
  category,
  name: r.name,
  nameEn: er.nameEn,
  affiliation: er.affiliation,
  country: er.country,
  phoneMasked: maskPhone(r.phone),
  email: maskEmail(r.email),
  createdAt: r.createdAt.toISOString(),
  checkedInAt: r.checkedInAt?.toISOString() ?? null,
  approval: er.approval,
});
