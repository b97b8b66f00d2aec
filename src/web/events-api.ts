/**
 * Calls for the GENIE Forum, seminars and conferences (docs/events-api.md for the flows). The
 * shapes are the server's zod schemas in src/modules/events/*-api-schema.ts, imported as types
 * only (the OpenAPI document at /api/docs is made from them). Times are ISO strings, shown in Seoul.
 */
import type { z } from 'zod';
import type {
  AttendeeSchema,
  CategoryBody,
  CategoryPatchBody,
  CategorySchema,
  CodesBody,
  CodesCreated,
  EventCheckInBody,
  EventFiguresSchema,
  EventRegistrationBody,
  QuestionBody,
  QuestionPatchBody,
  QuestionSchema,
} from '../modules/events/attendee-api-schema.ts';
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
} from '../modules/events/event-api-schema.ts';
import { request } from './api-client.ts';
import type { ConsentNotice, Received } from './education-api.ts';

export type EventSummary = z.infer<typeof EventSummarySchema>;
export type EventDetail = z.infer<typeof EventDetailSchema>;
export type EventKind = EventSummary['kind'];
export const EVENT_KINDS: readonly EventKind[] = ['forum', 'seminar', 'conference'];
export type EventStatus = EventSummary['status'];
export type Room = z.infer<typeof RoomSchema>;
export type ProgrammeItem = z.infer<typeof ProgrammeItemSchema>;
export type ProgrammeKind = ProgrammeItem['kind'];
export const PROGRAMME_KINDS: readonly ProgrammeKind[] = ['keynote', 'talk', 'panel', 'break', 'other'];
export type Speaker = z.infer<typeof SpeakerSchema>;
export type EventCategory = z.infer<typeof CategorySchema>;
export type Category = EventCategory['category'];
export const CATEGORIES: readonly Category[] = ['general', 'student', 'press', 'vip', 'online'];
export type Question = z.infer<typeof QuestionSchema>;
export type QuestionKind = Question['kind'];
/** A bilingual text of an event (speakers' affiliation and bio may lack the Korean too). */
export type Text2 = { ko: string | null; en: string | null };

export const events = (signal?: AbortSignal) => request<{ items: EventSummary[] }>('/api/events', { signal });
export const eventDetail = (id: number, signal?: AbortSignal) => request<EventDetail>(`/api/events/${id}`, { signal });
export const eventIcsUrl = (id: number) => `/api/events/${id}/calendar.ics`;
export const sessionIcsUrl = (id: number, itemId: number) => `/api/events/${id}/programme/${itemId}/calendar.ics`;

export const eventConsent = (signal?: AbortSignal) => request<ConsentNotice>('/api/privacy/consent?purpose=event', { signal });

export type EventRegistrationInput = z.input<typeof EventRegistrationBody>;

/** The same answer whatever happened (see Received); the result comes by text or e-mail. */
export const registerForEvent = (id: number, body: EventRegistrationInput) => request<Received>(`/api/events/${id}/registrations`, { method: 'POST', json: body });

// ---- staff ----

export type NewEvent = z.input<typeof EventBody>;
export type EventPatch = z.input<typeof EventPatchBody>;
/** What the event form sends: a new event's fields (a change also sets status and outcome). */
export type EventInput = NewEvent & Pick<EventPatch, 'status' | 'outcome'>;
export type Attendee = z.infer<typeof AttendeeSchema>;
export type EventFigures = z.infer<typeof EventFiguresSchema>;
export type FigureRow = EventFigures['total'];

export const manageEvents = (signal?: AbortSignal) => request<{ items: EventSummary[] }>('/api/manage/events', { signal });
/** Staff read an event (published or not) through the public detail route, which the back end serves to staff too. */
export const manageEvent = (id: number, signal?: AbortSignal) => request<EventDetail>(`/api/events/${id}`, { signal });
export const createEvent = (body: NewEvent) => request<EventDetail>('/api/events', { method: 'POST', json: body });
export const updateEvent = (id: number, body: EventPatch) => request<EventDetail>(`/api/events/${id}`, { method: 'PATCH', json: body });

export const addRoom = (id: number, body: z.input<typeof RoomBody>) => request<Room>(`/api/events/${id}/rooms`, { method: 'POST', json: body });
export const deleteRoom = (id: number, roomId: number) => request<unknown>(`/api/events/${id}/rooms/${roomId}`, { method: 'DELETE' });
export type ProgrammeInput = z.input<typeof ProgrammeBody>;
export const addProgramme = (id: number, body: ProgrammeInput) => request<ProgrammeItem>(`/api/events/${id}/programme`, { method: 'POST', json: body });
export const deleteProgramme = (id: number, itemId: number) => request<unknown>(`/api/events/${id}/programme/${itemId}`, { method: 'DELETE' });
export type SpeakerInput = z.input<typeof SpeakerBody>;
export const addSpeaker = (id: number, body: SpeakerInput) => request<Speaker>(`/api/events/${id}/speakers`, { method: 'POST', json: body });
export const deleteSpeaker = (id: number, speakerId: number) => request<unknown>(`/api/events/${id}/speakers/${speakerId}`, { method: 'DELETE' });
export const uploadSpeakerPhoto = (speakerId: number, file: File) => {
  const form = new FormData();
  form.append('file', file);
  return request<unknown>(`/api/speakers/${speakerId}/photo`, { method: 'POST', form });
};

export type CategoryInput = z.input<typeof CategoryBody>;
export const addCategory = (id: number, body: CategoryInput) => request<EventCategory>(`/api/events/${id}/categories`, { method: 'POST', json: body });
export const createCodes = (id: number, categoryId: number, body: z.input<typeof CodesBody>) =>
  request<z.infer<typeof CodesCreated>>(`/api/events/${id}/categories/${categoryId}/codes`, { method: 'POST', json: body });
export type QuestionInput = z.input<typeof QuestionBody>;
export const addQuestion = (id: number, body: QuestionInput) => request<Question>(`/api/events/${id}/questions`, { method: 'POST', json: body });

// Editing in place: each PATCH changes only the fields it sends.
export const updateRoom = (id: number, roomId: number, body: z.input<typeof RoomPatchBody>) => request<Room>(`/api/events/${id}/rooms/${roomId}`, { method: 'PATCH', json: body });
export const updateSpeaker = (id: number, speakerId: number, body: z.input<typeof SpeakerPatchBody>) =>
  request<Speaker>(`/api/events/${id}/speakers/${speakerId}`, { method: 'PATCH', json: body });
export const updateProgramme = (id: number, itemId: number, body: z.input<typeof ProgrammePatchBody>) =>
  request<ProgrammeItem>(`/api/events/${id}/programme/${itemId}`, { method: 'PATCH', json: body });
export const updateCategory = (id: number, categoryId: number, body: z.input<typeof CategoryPatchBody>) =>
  request<EventCategory>(`/api/events/${id}/categories/${categoryId}`, { method: 'PATCH', json: body });
export const updateQuestion = (id: number, questionId: number, body: z.input<typeof QuestionPatchBody>) =>
  request<Question>(`/api/events/${id}/questions/${questionId}`, { method: 'PATCH', json: body });

export const approve = (id: number, registrationId: number, approveIt: boolean) =>
  request<unknown>(`/api/events/${id}/attendees/${registrationId}/approval`, { method: 'POST', json: { approve: approveIt } });
export const eventCheckIn = (id: number, body: z.input<typeof EventCheckInBody>) =>
  request<{ registration: Attendee; alreadyCheckedIn: boolean }>(`/api/events/${id}/check-in`, { method: 'POST', json: body });
export const eventFigures = (id: number, signal?: AbortSignal) => request<EventFigures>(`/api/events/${id}/figures`, { signal });
export const sendEventSurvey = (id: number) => request<{ queued: number }>(`/api/events/${id}/survey`, { method: 'POST', json: {} });
export const badgesUrl = (id: number, perSheet: 1 | 4 | 8) => `/api/events/${id}/badges.pdf?perSheet=${perSheet}`;
export const exportUrl = (id: number, format: 'xlsx' | 'csv') => `/api/events/${id}/attendees.${format}`;
