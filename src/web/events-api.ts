/**
 * Calls for the GENIE Forum, seminars and conferences (docs/events-api.md). Shapes follow the
 * contract and src/modules/events/*-api-schema.ts; fields the contract leaves open are optional
 * so the pages still read a server that adds or omits them. Times are ISO strings, shown in Seoul.
 */
import { request } from './api-client.ts';
import type { ConsentNotice, Received, RegistrationState } from './education-api.ts';

export interface Text2 {
  ko?: string | null;
  en?: string | null;
}

export type EventKind = 'forum' | 'seminar' | 'conference';
export const EVENT_KINDS: readonly EventKind[] = ['forum', 'seminar', 'conference'];
export type EventStatus = 'planned' | 'held' | 'cancelled';
export type Category = 'general' | 'student' | 'press' | 'vip' | 'online';
export const CATEGORIES: readonly Category[] = ['general', 'student', 'press', 'vip', 'online'];
export type ProgrammeKind = 'keynote' | 'talk' | 'panel' | 'break' | 'other';
export const PROGRAMME_KINDS: readonly ProgrammeKind[] = ['keynote', 'talk', 'panel', 'break', 'other'];
export type QuestionKind = 'text' | 'choice' | 'country' | 'affiliation';

export interface EventSummary {
  id: number;
  kind: EventKind;
  edition?: number | null;
  title: Text2;
  startsAt: string;
  endsAt: string;
  dateApproximate?: boolean;
  status?: EventStatus;
  venue?: Text2 | null;
  published?: boolean;
}

export interface Room {
  id: number;
  name: Text2 | string;
}

export interface ProgrammeItem {
  id: number;
  kind: ProgrammeKind;
  title: Text2;
  description?: Text2 | null;
  startsAt: string;
  endsAt: string;
  roomId?: number | null;
  speakers?: { id: number; role?: string | null }[];
}

export interface Speaker {
  id: number;
  name: Text2;
  affiliation?: Text2 | null;
  bio?: Text2 | null;
  photoUrl?: string | null;
}

export interface EventCategory {
  id: number;
  category: Category;
  requiresInvitation: boolean;
  requiresApproval: boolean;
  capacity: number;
  seatsLeft: number;
  waitlistLength: number;
  registrationState?: RegistrationState;
  opensAt?: string;
  closesAt?: string;
}

export interface Question {
  id: number;
  kind: QuestionKind;
  label: Text2;
  required: boolean;
  options?: { value: string; ko: string; en?: string | null }[] | null;
  maxLength?: number | null;
}

export interface EventDetail extends EventSummary {
  description?: Text2 | null;
  streamUrl?: string | null;
  outcome?: Text2 | null;
  planActionId?: number | null;
  rooms?: Room[];
  programme?: ProgrammeItem[];
  speakers?: Speaker[];
  categories?: EventCategory[];
  questions?: Question[];
}

export const events = (signal?: AbortSignal) => request<{ items: EventSummary[] }>('/api/events', { signal });
export const eventDetail = (id: number, signal?: AbortSignal) => request<EventDetail>(`/api/events/${id}`, { signal });
export const eventIcsUrl = (id: number) => `/api/events/${id}/calendar.ics`;
export const sessionIcsUrl = (id: number, itemId: number) => `/api/events/${id}/programme/${itemId}/calendar.ics`;
export const speakerPhotoUrl = (s: Speaker) => s.photoUrl ?? null;

/** The event purpose where the server has one, else the academy's notice (same engine). */
export async function eventConsent(signal?: AbortSignal): Promise<ConsentNotice> {
  try {
    return await request<ConsentNotice>('/api/privacy/consent?purpose=event', { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    return request<ConsentNotice>('/api/privacy/consent?purpose=academy', { signal });
  }
}

export interface EventRegistrationInput {
  category: Category;
  name: string;
  nameEn?: string;
  phone: string;
  email: string;
  affiliation?: string;
  country?: string;
  answers?: Record<string, string>;
  invitationCode?: string;
  consent: true;
  waitlist?: boolean;
}

/** The same answer whatever happened (see Received); the result comes by text or e-mail. */
export const registerForEvent = (id: number, body: EventRegistrationInput) =>
  request<Received>(`/api/events/${id}/registrations`, { method: 'POST', json: body });

// ---- staff ----

export interface EventInput {
  kind?: EventKind;
  edition?: number | null;
  title?: { ko: string; en?: string | null };
  description?: { ko: string; en?: string | null } | null;
  startsAt?: string;
  endsAt?: string;
  dateApproximate?: boolean;
  venue?: { ko: string; en?: string | null } | null;
  streamUrl?: string | null;
  published?: boolean;
  status?: EventStatus;
  outcome?: { ko: string; en?: string | null } | null;
}

export interface Attendee {
  id: number;
  status: string;
  category: Category;
  name: string;
  nameEn?: string | null;
  affiliation?: string | null;
  country?: string | null;
  phoneMasked?: string | null;
  email?: string | null;
  createdAt: string;
  checkedInAt: string | null;
  approval?: string | null;
}

export interface FigureRow {
  registered: number;
  attended: number;
  noShow: number;
  noShowRate: number | null;
}

export interface EventFigures {
  total: FigureRow;
  byCategory: (FigureRow & { category: Category })[];
  byCountry: (FigureRow & { country: string | null })[];
}

export const manageEvents = (signal?: AbortSignal) => request<{ items: EventSummary[] }>('/api/manage/events', { signal });
/** Staff read an event (published or not) through the public detail route, which the back end serves to staff too. */
export const manageEvent = (id: number, signal?: AbortSignal) => request<EventDetail>(`/api/events/${id}`, { signal });
export const createEvent = (body: EventInput) => request<EventDetail>('/api/events', { method: 'POST', json: body });
export const updateEvent = (id: number, body: EventInput) => request<EventDetail>(`/api/events/${id}`, { method: 'PATCH', json: body });

export const addRoom = (id: number, body: { name: { ko: string; en?: string } }) => request<Room>(`/api/events/${id}/rooms`, { method: 'POST', json: body });
export const deleteRoom = (id: number, roomId: number) => request<unknown>(`/api/events/${id}/rooms/${roomId}`, { method: 'DELETE' });
export interface ProgrammeInput {
  kind: ProgrammeKind;
  title: { ko: string; en?: string };
  startsAt: string;
  endsAt: string;
  roomId?: number | null;
  speakers?: { speakerId: number; role?: string }[];
}
export const addProgramme = (id: number, body: ProgrammeInput) => request<ProgrammeItem>(`/api/events/${id}/programme`, { method: 'POST', json: body });
export const deleteProgramme = (id: number, itemId: number) => request<unknown>(`/api/events/${id}/programme/${itemId}`, { method: 'DELETE' });
export interface SpeakerInput {
  name: { ko: string; en?: string };
  affiliation?: { ko: string; en?: string };
  bio?: { ko: string; en?: string };
}
export const addSpeaker = (id: number, body: SpeakerInput) => request<Speaker>(`/api/events/${id}/speakers`, { method: 'POST', json: body });
export const deleteSpeaker = (id: number, speakerId: number) => request<unknown>(`/api/events/${id}/speakers/${speakerId}`, { method: 'DELETE' });
export const uploadSpeakerPhoto = (speakerId: number, file: File) => {
  const form = new FormData();
  form.append('file', file);
  return request<unknown>(`/api/speakers/${speakerId}/photo`, { method: 'POST', form });
};

export interface CategoryInput {
  category: Category;
  capacity: number;
  opensAt: string;
  closesAt: string;
  requiresInvitation?: boolean;
  requiresApproval?: boolean;
}
export const addCategory = (id: number, body: CategoryInput) => request<EventCategory>(`/api/events/${id}/categories`, { method: 'POST', json: body });
export const createCodes = (id: number, categoryId: number, body: { count?: number; maxUses?: number; label?: string }) =>
  request<{ codes: string[]; maxUses?: number; label?: string | null }>(`/api/events/${id}/categories/${categoryId}/codes`, { method: 'POST', json: body });
export interface QuestionInput {
  kind: QuestionKind;
  label: { ko: string; en?: string };
  required?: boolean;
  options?: { value: string; ko: string; en?: string }[];
  maxLength?: number;
}
export const addQuestion = (id: number, body: QuestionInput) => request<Question>(`/api/events/${id}/questions`, { method: 'POST', json: body });

export const approve = (id: number, registrationId: number, approveIt: boolean) =>
  request<unknown>(`/api/events/${id}/attendees/${registrationId}/approval`, { method: 'POST', json: { approve: approveIt } });
export const eventCheckIn = (id: number, body: { token: string } | { registrationId: number }) =>
  request<{ registration: Attendee; alreadyCheckedIn: boolean }>(`/api/events/${id}/check-in`, { method: 'POST', json: body });
export const eventFigures = (id: number, signal?: AbortSignal) => request<EventFigures>(`/api/events/${id}/figures`, { signal });
export const sendEventSurvey = (id: number) => request<{ queued?: number }>(`/api/events/${id}/survey`, { method: 'POST', json: {} });
export const badgesUrl = (id: number, perSheet: 1 | 4 | 8) => `/api/events/${id}/badges.pdf?perSheet=${perSheet}`;
export const exportUrl = (id: number, format: 'xlsx' | 'csv') => `/api/events/${id}/attendees.${format}`;
export const eventCategories = (id: number, signal?: AbortSignal) => request<{ items: EventCategory[] }>(`/api/events/${id}/categories`, { signal });
export const eventQuestions = (id: number, signal?: AbortSignal) => request<{ items: Question[] }>(`/api/events/${id}/questions`, { signal });

/** The event with its categories and questions (from their own routes when the detail leaves them out). */
export async function eventWithRegistration(id: number, signal?: AbortSignal): Promise<EventDetail> {
  const event = await eventDetail(id, signal);
  const [categories, questions] = await Promise.all([
    event.categories ? Promise.resolve(event.categories) : eventCategories(id, signal).then((r) => r.items, () => []),
    event.questions ? Promise.resolve(event.questions) : eventQuestions(id, signal).then((r) => r.items, () => []),
  ]);
  return { ...event, categories, questions };
}
