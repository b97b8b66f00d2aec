/**
 * Calls for professional training and job linkage (src/modules/training; the shapes are the
 * server's zod schemas, imported as types only).
 */
import type { z } from 'zod';
import type {
  ApplicationBody,
  ApplicationStatusSchema,
  CertificateSchema,
  CheckInCodeSchema,
  CohortBody,
  CohortSchema,
  CohortStaffSchema,
  CourseBody,
  CourseSchema,
  EmployerBody,
  EmployerSchema,
  EvaluationBody,
  FollowUpBody,
  EvaluationResultsSchema,
  FiguresSchema,
  IssueSchema,
  PlacementBody,
  PlacementSchema,
  PostingBody,
  PostingSchema,
  ReferralPatchBody,
  ReferralSchema,
  SessionBody,
  SessionSchema,
  StaffApplicationSchema,
  VerificationSchema,
} from '../modules/training/api-schema.ts';
import { request } from './api-client.ts';
import type { Received } from './education-api.ts';

export type Cohort = z.infer<typeof CohortSchema>;
export type Course = z.infer<typeof CourseSchema>;
export type TraineeStatus = z.infer<typeof ApplicationStatusSchema>;
export type StaffTrainee = z.infer<typeof StaffApplicationSchema>;
export type TrainingSession = z.infer<typeof SessionSchema>;
export type Verification = z.infer<typeof VerificationSchema>;
export type CheckInCode = z.infer<typeof CheckInCodeSchema>;
export type TrainingFigures = z.infer<typeof FiguresSchema>;
export type EvaluationResults = z.infer<typeof EvaluationResultsSchema>;
export type Placement = z.infer<typeof PlacementSchema>;

const tok = encodeURIComponent;

export const cohorts = (signal?: AbortSignal) => request<{ items: Cohort[] }>('/api/training/cohorts', { signal });
export const cohort = (id: number, signal?: AbortSignal) => request<Cohort>(`/api/training/cohorts/${id}`, { signal });
export const applyTraining = (cohortId: number, body: z.input<typeof ApplicationBody>) =>
  request<Received>(`/api/training/cohorts/${cohortId}/applications`, { method: 'POST', json: body });
export const traineeStatus = (token: string, signal?: AbortSignal) => request<TraineeStatus>(`/api/training/applications/${tok(token)}`, { signal });
export const selfCheckIn = (token: string, sessionId: number, code: string) =>
  request<{ sessionId: number; status: 'present'; alreadyCheckedIn: boolean }>(`/api/training/applications/${tok(token)}/check-in`, { method: 'POST', json: { sessionId, code } });
export const answerEvaluation = (token: string, body: z.input<typeof EvaluationBody>) =>
  request<{ id: number }>(`/api/training/applications/${tok(token)}/evaluation`, { method: 'POST', json: body });
export const ownCertificateUrl = (token: string) => `/api/training/applications/${tok(token)}/certificate.pdf`;
export const verifyCertificate = (code: string, signal?: AbortSignal) => request<Verification>(`/api/certificates/${tok(code)}`, { signal });

// staff
export const courses = (signal?: AbortSignal) => request<{ items: Course[] }>('/api/training/courses', { signal });
export const createCourse = (body: z.input<typeof CourseBody>) => request<Course>('/api/training/courses', { method: 'POST', json: body });
export const createCohort = (body: z.input<typeof CohortBody>) => request<Cohort>('/api/training/cohorts', { method: 'POST', json: body });
export const cohortApplications = (id: number, signal?: AbortSignal) =>
  request<{ cohort: z.infer<typeof CohortStaffSchema>; items: StaffTrainee[] }>(`/api/training/cohorts/${id}/applications`, { signal });
export const decide = (id: number, decision: 'selected' | 'waitlisted' | 'rejected' | 'withdrawn', reason: string) =>
  request<StaffTrainee>(`/api/training/applications/${id}/decision`, { method: 'POST', json: { decision, reason } });
export const cohortSessions = (id: number, signal?: AbortSignal) => request<{ items: TrainingSession[] }>(`/api/training/cohorts/${id}/sessions`, { signal });
export const createSession = (cohortId: number, body: z.input<typeof SessionBody>) =>
  request<TrainingSession>(`/api/training/cohorts/${cohortId}/sessions`, { method: 'POST', json: body });
export const checkInCode = (sessionId: number, signal?: AbortSignal) => request<CheckInCode>(`/api/training/sessions/${sessionId}/check-in-code`, { signal });
export const markAttendance = (sessionId: number, items: { applicationId: number; status: 'present' | 'absent'; reason?: string }[]) =>
  request<unknown>(`/api/training/sessions/${sessionId}/attendance`, { method: 'PUT', json: { items } });
export const recordScores = (cohortId: number, items: { applicationId: number; pre?: number | null; post?: number | null }[]) =>
  request<unknown>(`/api/training/cohorts/${cohortId}/scores`, { method: 'PUT', json: { items } });
export const sendEvaluation = (cohortId: number) => request<{ queued: number }>(`/api/training/cohorts/${cohortId}/evaluation`, { method: 'POST', json: {} });
export const evaluationResults = (cohortId: number, signal?: AbortSignal) => request<EvaluationResults>(`/api/training/cohorts/${cohortId}/evaluation`, { signal });
export const issueCertificates = (cohortId: number) => request<z.infer<typeof IssueSchema>>(`/api/training/cohorts/${cohortId}/certificates`, { method: 'POST', json: {} });
export const revokeCertificate = (id: number, reason: string) =>
  request<z.infer<typeof CertificateSchema>>(`/api/training/certificates/${id}/revoke`, { method: 'POST', json: { reason } });
export const certificatePdfUrl = (id: number) => `/api/training/certificates/${id}/pdf`;
export const trainingFigures = (signal?: AbortSignal) => request<TrainingFigures>('/api/training/figures', { signal });
export const placements = (signal?: AbortSignal) => request<{ items: Placement[] }>('/api/training/placements', { signal });

export type Employer = z.infer<typeof EmployerSchema>;
export type Posting = z.infer<typeof PostingSchema>;
export type Referral = z.infer<typeof ReferralSchema>;
export const employers = (signal?: AbortSignal) => request<{ items: Employer[] }>('/api/training/employers', { signal });
export const createEmployer = (body: z.input<typeof EmployerBody>) => request<Employer>('/api/training/employers', { method: 'POST', json: body });
export const postings = (signal?: AbortSignal) => request<{ items: Posting[] }>('/api/training/postings', { signal });
export const createPosting = (body: z.input<typeof PostingBody>) => request<Posting>('/api/training/postings', { method: 'POST', json: body });
export const referrals = (postingId: number, signal?: AbortSignal) => request<{ items: Referral[] }>(`/api/training/postings/${postingId}/referrals`, { signal });
export const refer = (postingId: number, applicationId: number) => request<Referral>(`/api/training/postings/${postingId}/referrals`, { method: 'POST', json: { applicationId } });
export const updateReferral = (id: number, body: z.input<typeof ReferralPatchBody>) => request<Referral>(`/api/training/referrals/${id}`, { method: 'PATCH', json: body });
export const createPlacement = (body: z.input<typeof PlacementBody>) => request<Placement>('/api/training/placements', { method: 'POST', json: body });
export const recordFollowUp = (id: number, body: z.input<typeof FollowUpBody>) => request<Placement>(`/api/training/placements/${id}/follow-up`, { method: 'POST', json: body });
