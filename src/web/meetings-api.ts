/**
 * Calls for partner organisations and regular consultations (docs/meetings-api.md). The shapes
 * are the server's zod schemas in src/modules/cooperation/meetings-api-schema.ts, imported as types only.
 */
import type { z } from 'zod';
import type {
  AgendaBody,
  AttendeeBody,
  MeetingBody,
  MeetingPatchBody,
  MeetingSchema,
  OrganisationPatchBody,
  OrganisationSchema,
  OutcomeBody,
  OutcomeSchema,
  OverdueSchema,
  SeriesBody,
  SeriesSchema,
} from '../modules/cooperation/meetings-api-schema.ts';
import { request } from './api-client.ts';

export type Organisation = z.infer<typeof OrganisationSchema>;
export type Series = z.infer<typeof SeriesSchema>;
export type Meeting = z.infer<typeof MeetingSchema>;
export type Outcome = z.infer<typeof OutcomeSchema>;
export type OverdueItem = z.infer<typeof OverdueSchema>['items'][number];

export const organisationsList = (signal?: AbortSignal) => request<{ items: Organisation[] }>('/api/organisations', { signal });
export const seriesList = (signal?: AbortSignal) => request<{ items: Series[] }>('/api/meeting-series', { signal });
export const createSeries = (body: z.input<typeof SeriesBody>) => request<{ id: number }>('/api/meeting-series', { method: 'POST', json: body });
export const createMeeting = (seriesId: number, body: z.input<typeof MeetingBody>) =>
  request<{ id: number }>(`/api/meeting-series/${seriesId}/meetings`, { method: 'POST', json: body });
export const meetingDetail = (id: number, signal?: AbortSignal) => request<Meeting>(`/api/meetings/${id}`, { signal });
export const updateMeeting = (id: number, body: z.input<typeof MeetingPatchBody>) => request<Meeting>(`/api/meetings/${id}`, { method: 'PATCH', json: body });
export const addAttendee = (id: number, body: z.input<typeof AttendeeBody>) => request<{ id: number }>(`/api/meetings/${id}/attendees`, { method: 'POST', json: body });
export const removeAttendee = (id: number, attendeeId: number) => request<unknown>(`/api/meetings/${id}/attendees/${attendeeId}`, { method: 'DELETE' });
export const removeAgendaItem = (id: number, itemId: number) => request<unknown>(`/api/meetings/${id}/agenda/${itemId}`, { method: 'DELETE' });
export const updateOrganisation = (id: number, body: z.input<typeof OrganisationPatchBody>) => request<Organisation>(`/api/organisations/${id}`, { method: 'PATCH', json: body });
export const addAgendaItem = (id: number, body: z.input<typeof AgendaBody>) => request<{ id: number }>(`/api/meetings/${id}/agenda`, { method: 'POST', json: body });
export const addOutcome = (id: number, body: z.input<typeof OutcomeBody>) => request<{ id: number }>(`/api/meetings/${id}/outcomes`, { method: 'POST', json: body });
export const setOutcomeStatus = (id: number, status: 'open' | 'done') => request<Outcome>(`/api/outcomes/${id}`, { method: 'PATCH', json: { status } });
export const sendInvitations = (id: number) => request<{ queued: number }>(`/api/meetings/${id}/invitations`, { method: 'POST' });
export const approveMinutes = (id: number) => request<{ queued: number }>(`/api/meetings/${id}/minutes/approve`, { method: 'POST' });
export const overdueItems = (signal?: AbortSignal) => request<{ items: OverdueItem[] }>('/api/cooperation/overdue', { signal });
export const invitationUrl = (id: number) => `/api/meetings/${id}/invitation.ics`;
export const minutesPdfUrl = (id: number) => `/api/meetings/${id}/minutes.pdf`;
