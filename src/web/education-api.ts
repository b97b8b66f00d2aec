/**
 * Calls for the financial academy and the visiting financial school (docs/education-api.md for
 * the flows; the shapes are the server's zod schemas, imported as types only, the same ones the
 * OpenAPI document at /api/docs is made from). Times are ISO strings, shown in Asia/Seoul.
 */
import type { z } from 'zod';
import type { ReceivedSchema } from '../server/api-schema.ts';
import type {
  CheckInBody,
  ConsentSchema,
  FiguresSchema,
  RegistrationBody,
  RegistrationStatusSchema,
  SessionBody,
  SessionPatchBody,
  SessionSchema,
  StaffRegistrationSchema,
  SurveyAnswerBody,
  SurveyInfoSchema,
} from '../modules/education/academy-api-schema.ts';
import type {
  ApplicationBody,
  ApplicationListSchema,
  ApplicationStatusSchema,
  ClassBody,
  ClassResultBody,
  ClassSchema,
  DecisionBody,
  SchoolFiguresSchema,
  SurveyBody,
  SurveySchema,
} from '../modules/education/school-api-schema.ts';
import type { LookupBody, LookupReceivedSchema } from '../modules/registration/api-schema.ts';
import { request } from './api-client.ts';

export type AcademySession = z.infer<typeof SessionSchema>;
export type RegistrationView = z.infer<typeof RegistrationStatusSchema>;
export type RegistrationStatus = RegistrationView['status'];

/**
 * The answer to every registration and school application: the same whatever happened (a phone
 * already registered is not told apart), with no status or link; those come by text or e-mail.
 */
export type Received = z.infer<typeof ReceivedSchema>;
export type ConsentNotice = z.infer<typeof ConsentSchema>;
export type SurveyView = z.infer<typeof SurveyInfoSchema>;

export const academySessions = (when: 'upcoming' | 'past' | 'all', signal?: AbortSignal) => request<{ items: AcademySession[] }>(`/api/academy/sessions?when=${when}`, { signal });
export const academySession = (id: number, signal?: AbortSignal) => request<AcademySession>(`/api/academy/sessions/${id}`, { signal });
export const consentNotice = (purpose: 'academy' | 'school' | 'training', signal?: AbortSignal) => request<ConsentNotice>(`/api/privacy/consent?purpose=${purpose}`, { signal });

export type RegistrationInput = z.input<typeof RegistrationBody>;

export const register = (sessionId: number, body: RegistrationInput) => request<Received>(`/api/academy/sessions/${sessionId}/registrations`, { method: 'POST', json: body });
export const registration = (token: string, signal?: AbortSignal) => request<RegistrationView>(`/api/registrations/${encodeURIComponent(token)}`, { signal });
export const cancelRegistration = (token: string) =>
  request<{ status: RegistrationStatus }>(`/api/registrations/${encodeURIComponent(token)}/cancel`, { method: 'POST', json: {} });
export const acceptOffer = (token: string) => request<{ status: RegistrationStatus }>(`/api/registrations/${encodeURIComponent(token)}/accept`, { method: 'POST', json: {} });
export const sessionCalendarUrl = (id: number) => `/api/academy/sessions/${id}/calendar.ics`;
export const qrUrl = (token: string) => `/api/registrations/${encodeURIComponent(token)}/qr.svg`;
export const survey = (token: string, signal?: AbortSignal) => request<SurveyView>(`/api/surveys/${encodeURIComponent(token)}`, { signal });
export const answerSurvey = (token: string, body: z.input<typeof SurveyAnswerBody>) =>
  request<unknown>(`/api/surveys/${encodeURIComponent(token)}`, { method: 'POST', json: body });

// ---- staff: academy ----

export type SessionInput = z.input<typeof SessionBody>;
export type SessionPatch = z.input<typeof SessionPatchBody>;
export type Registrant = z.infer<typeof StaffRegistrationSchema>;
export type AcademyFigures = z.infer<typeof FiguresSchema>;
/** The counts every row of the academy's figures has (the year, a quarter, a session). */
export type FigureRow = Pick<AcademyFigures['year'], 'registered' | 'attended' | 'attendanceRate' | 'satisfaction' | 'responses'>;

export const createSession = (body: SessionInput) => request<AcademySession>('/api/academy/sessions', { method: 'POST', json: body });
export const updateSession = (id: number, body: SessionPatch) => request<AcademySession>(`/api/academy/sessions/${id}`, { method: 'PATCH', json: body });
export const unmask = (registrationId: number) =>
  request<{ phone: string | null; email: string | null }>(`/api/registrations/${registrationId}/unmask`, { method: 'POST', json: {} });
export const checkIn = (sessionId: number, body: z.input<typeof CheckInBody>) =>
  request<{ registration: Registrant; alreadyCheckedIn: boolean }>(`/api/academy/sessions/${sessionId}/check-in`, { method: 'POST', json: body });
export const sendSurvey = (sessionId: number) => request<{ queued: number }>(`/api/academy/sessions/${sessionId}/survey`, { method: 'POST', json: {} });
export const academyFigures = (year: number, signal?: AbortSignal) => request<AcademyFigures>(`/api/academy/figures?year=${year}`, { signal });

// ---- the visiting school ----

export type SchoolSurvey = z.infer<typeof SurveySchema>;
export type ApplicationInput = z.input<typeof ApplicationBody>;
export type SchoolLevel = ApplicationInput['level'];
export const SCHOOL_LEVELS: readonly SchoolLevel[] = ['elementary', 'middle', 'high', 'special', 'other'];
export type SchoolClass = z.infer<typeof ClassSchema>;
export type ApplicationView = z.infer<typeof ApplicationStatusSchema>;
export type ApplicationStatus = ApplicationView['status'];
export type ApplicationList = z.infer<typeof ApplicationListSchema>;
export type StaffApplication = ApplicationList['items'][number];
export type SchoolFigures = z.infer<typeof SchoolFiguresSchema>;
export type SchoolFigureRow = SchoolFigures['byQuarter'][number];

export const currentSchoolSurvey = (signal?: AbortSignal) => request<SchoolSurvey>('/api/school/surveys/current', { signal });
export const applySchool = (body: ApplicationInput) => request<Received>('/api/school/applications', { method: 'POST', json: body });
export const schoolApplication = (token: string, signal?: AbortSignal) => request<ApplicationView>(`/api/school/applications/${encodeURIComponent(token)}`, { signal });
export const schoolSurveys = (signal?: AbortSignal) => request<{ items: SchoolSurvey[] }>('/api/school/surveys', { signal });
export const createSchoolSurvey = (body: z.input<typeof SurveyBody>) => request<SchoolSurvey>('/api/school/surveys', { method: 'POST', json: body });
export const surveyApplications = (surveyId: number, signal?: AbortSignal) => request<ApplicationList>(`/api/school/surveys/${surveyId}/applications`, { signal });
export const decide = (applicationId: number, body: z.input<typeof DecisionBody>) =>
  request<unknown>(`/api/school/applications/${applicationId}/decision`, { method: 'POST', json: body });
export const scheduleClass = (applicationId: number, body: z.input<typeof ClassBody>) =>
  request<SchoolClass>(`/api/school/applications/${applicationId}/classes`, { method: 'POST', json: body });
export const recordClass = (classId: number, body: z.input<typeof ClassResultBody>) => request<SchoolClass>(`/api/school/classes/${classId}`, { method: 'PATCH', json: body });
export const schoolFigures = (year: number, signal?: AbortSignal) => request<SchoolFigures>(`/api/school/figures?year=${year}`, { signal });

export type LookupReceived = z.infer<typeof LookupReceivedSchema>;
/** "Find my registration": the link goes to the phone or e-mail given; the answer is always the same. */
export const lookUpRegistration = (body: z.input<typeof LookupBody>) => request<LookupReceived>('/api/registrations/lookup', { method: 'POST', json: body });
