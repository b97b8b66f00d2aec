/**
 * Calls for the financial academy and the visiting financial school (docs/education-api.md).
 * Shapes follow the contract; fields the contract leaves open are optional so the pages still
 * read a server that adds or omits them. Times are ISO strings, shown in Asia/Seoul.
 */
import { request } from './api-client.ts';

export interface LocalText {
  ko: string;
  en?: string | null;
}

export type RegistrationState = 'not_open' | 'open' | 'closed' | 'full' | 'started' | 'cancelled';

export interface AcademySession {
  id: number;
  title: LocalText;
  description?: LocalText | string | null;
  lecturer?: string | null;
  startsAt: string;
  endsAt: string;
  venue: string;
  onlineUrl?: string | null;
  videoUrl?: string | null;
  capacity: number;
  seatsLeft: number;
  waitlistLength: number;
  registrationOpensAt: string;
  registrationClosesAt: string;
  registrationState: RegistrationState;
  cancelled?: boolean;
  programmeId?: number | null;
}

export type RegistrationStatus = 'confirmed' | 'waitlisted' | 'offered' | 'cancelled' | 'expired';

/**
 * The answer to every registration and school application: the same whatever happened (a phone
 * already registered is not told apart), with no status or link; those come by text or e-mail.
 */
export interface Received {
  status: 'received';
  message: { ko: string; en: string };
}

export interface RegistrationView {
  status: RegistrationStatus;
  name: string;
  session: { id: number; title: LocalText; startsAt: string; venue: string };
  offerExpiresAt?: string | null;
  waitlistPosition?: number | null;
  checkedInAt?: string | null;
  /** Whether the link may still cancel (not after the session started); absent from an older server. */
  canCancel?: boolean;
}

export interface ConsentNotice {
  title?: LocalText;
  purpose: LocalText | string;
  items: LocalText | string | (LocalText | string)[];
  retention: LocalText | string;
  refusal: LocalText | string;
  version?: string;
}

export interface SurveyView {
  session?: { id: number; title: LocalText; startsAt?: string };
  answered?: boolean;
  rating?: number | null;
}

export const academySessions = (when: 'upcoming' | 'past' | 'all', signal?: AbortSignal) =>
  request<{ items: AcademySession[] }>(`/api/academy/sessions?when=${when}`, { signal });
export const academySession = (id: number, signal?: AbortSignal) => request<AcademySession>(`/api/academy/sessions/${id}`, { signal });
export const consentNotice = (purpose: 'academy' | 'school', signal?: AbortSignal) =>
  request<ConsentNotice>(`/api/privacy/consent?purpose=${purpose}`, { signal });

export interface RegistrationInput {
  name: string;
  phone: string;
  email?: string;
  consent: boolean;
  waitlist?: boolean;
}

export const register = (sessionId: number, body: RegistrationInput) =>
  request<Received>(`/api/academy/sessions/${sessionId}/registrations`, { method: 'POST', json: body });
export const registration = (token: string, signal?: AbortSignal) => request<RegistrationView>(`/api/registrations/${encodeURIComponent(token)}`, { signal });
export const cancelRegistration = (token: string) =>
  request<{ status: RegistrationStatus }>(`/api/registrations/${encodeURIComponent(token)}/cancel`, { method: 'POST', json: {} });
export const acceptOffer = (token: string) =>
  request<{ status: RegistrationStatus }>(`/api/registrations/${encodeURIComponent(token)}/accept`, { method: 'POST', json: {} });
export const qrUrl = (token: string) => `/api/registrations/${encodeURIComponent(token)}/qr.svg`;
export const survey = (token: string, signal?: AbortSignal) => request<SurveyView>(`/api/surveys/${encodeURIComponent(token)}`, { signal });
export const answerSurvey = (token: string, body: { rating: number; comment?: string }) =>
  request<unknown>(`/api/surveys/${encodeURIComponent(token)}`, { method: 'POST', json: body });

/** The last path segment of a status or cancel URL the server returned: the token. */
export function tokenFromUrl(url: string | undefined, fallback: string): string {
  if (!url) return fallback;
  const match = /\/registrations\/([^/?#]+)/.exec(url);
  return match?.[1] ? decodeURIComponent(match[1]) : fallback;
}

// ---- staff: academy ----

export interface SessionInput {
  title: { ko: string; en?: string };
  lecturer?: string;
  description?: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  onlineUrl?: string;
  videoUrl?: string;
  capacity: number;
  registrationOpensAt: string;
  registrationClosesAt: string;
  cancelled?: boolean;
}

export type SessionPatch = Partial<Omit<SessionInput, 'lecturer' | 'onlineUrl' | 'videoUrl'>> & {
  lecturer?: string | null;
  onlineUrl?: string | null;
  videoUrl?: string | null;
};

export interface Registrant {
  id: number;
  status: RegistrationStatus;
  name: string;
  phoneMasked: string | null;
  email?: string | null;
  createdAt: string;
  checkedInAt: string | null;
}

export interface FigureRow {
  registered: number;
  attended: number;
  attendanceRate: number | null;
  satisfaction: number | null;
  sessions?: number;
}

export interface AcademyFigures {
  sessions: (FigureRow & { id: number; title: LocalText | string })[];
  byQuarter: (FigureRow & { quarter: number; year?: number })[];
  year: FigureRow & { year?: number };
}

export const createSession = (body: SessionInput) => request<AcademySession>('/api/academy/sessions', { method: 'POST', json: body });
export const updateSession = (id: number, body: SessionPatch) => request<AcademySession>(`/api/academy/sessions/${id}`, { method: 'PATCH', json: body });
export const unmask = (registrationId: number) => request<{ phone: string | null; email: string | null }>(`/api/registrations/${registrationId}/unmask`, { method: 'POST', json: {} });
export const checkIn = (sessionId: number, body: { token: string } | { registrationId: number }) =>
  request<{ registration: Registrant; alreadyCheckedIn: boolean }>(`/api/academy/sessions/${sessionId}/check-in`, { method: 'POST', json: body });
export const sendSurvey = (sessionId: number) => request<{ queued: number }>(`/api/academy/sessions/${sessionId}/survey`, { method: 'POST', json: {} });
export const academyFigures = (year: number, signal?: AbortSignal) => request<AcademyFigures>(`/api/academy/figures?year=${year}`, { signal });

// ---- the visiting school ----

export type SchoolLevel = 'elementary' | 'middle' | 'high' | 'special' | 'other';
export const SCHOOL_LEVELS: readonly SchoolLevel[] = ['elementary', 'middle', 'high', 'special', 'other'];
export type ApplicationStatus = 'submitted' | 'selected' | 'rejected' | 'scheduled' | 'completed' | 'withdrawn';

export interface SchoolSurvey {
  id: number;
  year: number;
  opensAt: string;
  closesAt: string;
  open: boolean;
  targetSchools?: number;
}

export interface ApplicationInput {
  schoolName: string;
  level: SchoolLevel;
  teacherName: string;
  teacherPhone: string;
  teacherEmail?: string;
  grade: string;
  students: number;
  preferredDates: string[];
  topics: string;
  consent: boolean;
}

export interface SchoolClass {
  id?: number;
  heldOn: string;
  lecturer: string;
  classes: number;
  studentsReached?: number | null;
  notes?: string | null;
  evidenceUrl?: string | null;
}

export interface ApplicationView {
  status: ApplicationStatus;
  schoolName: string;
  decisionReason: string | null;
  classes: SchoolClass[];
}

export interface StaffApplication {
  id: number;
  status: ApplicationStatus;
  schoolName: string;
  level: SchoolLevel;
  teacherName: string;
  teacherPhone?: string | null;
  teacherPhoneMasked?: string | null;
  grade: string;
  students: number;
  preferredDates: string[];
  topics: string;
  decisionReason: string | null;
  classes?: SchoolClass[];
  createdAt?: string;
}

export interface SchoolFigureRow {
  classes?: number;
  schools: number;
  students: number;
  quarter?: number;
}

export interface SchoolFigures {
  year: number;
  target?: number | null;
  byQuarter?: SchoolFigureRow[];
  total?: SchoolFigureRow & { target?: number | null; rate?: number | null };
}

export const currentSchoolSurvey = (signal?: AbortSignal) => request<SchoolSurvey>('/api/school/surveys/current', { signal });
export const applySchool = (body: ApplicationInput) => request<Received>('/api/school/applications', { method: 'POST', json: body });
export const schoolApplication = (token: string, signal?: AbortSignal) =>
  request<ApplicationView>(`/api/school/applications/${encodeURIComponent(token)}`, { signal });
export const schoolSurveys = (signal?: AbortSignal) => request<{ items: SchoolSurvey[] }>('/api/school/surveys', { signal });
export const createSchoolSurvey = (body: { year: number; opensAt: string; closesAt: string; targetSchools: number }) =>
  request<SchoolSurvey>('/api/school/surveys', { method: 'POST', json: body });
export const surveyApplications = (surveyId: number, signal?: AbortSignal) =>
  request<{ items: StaffApplication[]; target: number; selected: number }>(`/api/school/surveys/${surveyId}/applications`, { signal });
export const decide = (applicationId: number, body: { decision: 'selected' | 'rejected'; reason: string }) =>
  request<unknown>(`/api/school/applications/${applicationId}/decision`, { method: 'POST', json: body });
export const scheduleClass = (applicationId: number, body: { heldOn: string; lecturer: string; classes: number }) =>
  request<SchoolClass>(`/api/school/applications/${applicationId}/classes`, { method: 'POST', json: body });
export const recordClass = (classId: number, body: { studentsReached: number; notes?: string; evidenceUrl?: string }) =>
  request<SchoolClass>(`/api/school/classes/${classId}`, { method: 'PATCH', json: body });
export const schoolFigures = (year: number, signal?: AbortSignal) => request<SchoolFigures>(`/api/school/figures?year=${year}`, { signal });
