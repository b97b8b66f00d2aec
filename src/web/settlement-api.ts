/**
 * Calls for living infrastructure and settlement conditions (facilities, feedback, survey,
 * improvements); the shapes are the server's zod schemas, imported as types only.
 */
import type { z } from 'zod';
import type { ConsentSchema } from '../modules/education/academy-api-schema.ts';
import type {
  FacilityListItemSchema,
  FacilitySchema,
  FeedbackBoardSchema,
  FeedbackBody,
  FeedbackCreatedSchema,
  FeedbackTrackingSchema,
  ImprovementSchema,
  StaffFeedbackSchema,
  SurveysSchema,
} from '../modules/settlement/api-schema.ts';
import { request } from './api-client.ts';

export type FacilityListItem = z.infer<typeof FacilityListItemSchema>;
export type Facility = z.infer<typeof FacilitySchema>;
export type FacilityStage = Facility['stage'];
export type FeedbackInput = z.input<typeof FeedbackBody>;
export type FeedbackCategory = FeedbackInput['category'];
export type FeedbackTracking = z.infer<typeof FeedbackTrackingSchema>;
export type FeedbackBoard = z.infer<typeof FeedbackBoardSchema>;
export type Surveys = z.infer<typeof SurveysSchema>;
export type Improvement = z.infer<typeof ImprovementSchema>;

export const FACILITY_STAGES: readonly FacilityStage[] = ['planning', 'design', 'construction', 'completion', 'opening'];
export const FEEDBACK_CATEGORIES: readonly FeedbackCategory[] = ['transport', 'housing', 'education', 'childcare', 'medical', 'culture', 'other'];

export const facilities = (signal?: AbortSignal) => request<{ items: FacilityListItem[] }>('/api/facilities', { signal });
export const facility = (id: number, signal?: AbortSignal) => request<Facility>(`/api/facilities/${id}`, { signal });

export const settlementConsent = (signal?: AbortSignal) => request<z.infer<typeof ConsentSchema>>('/api/privacy/consent?purpose=settlement', { signal });
export const submitFeedback = (body: FeedbackInput) => request<z.infer<typeof FeedbackCreatedSchema>>('/api/settlement/feedback', { method: 'POST', json: body });
export const trackFeedback = (token: string, signal?: AbortSignal) => request<FeedbackTracking>(`/api/settlement/feedback/${encodeURIComponent(token)}`, { signal });
export function attachFeedbackPhoto(token: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return request<FeedbackTracking>(`/api/settlement/feedback/${encodeURIComponent(token)}/photo`, { method: 'POST', form });
}
export const feedbackBoard = (signal?: AbortSignal) => request<FeedbackBoard>('/api/settlement/feedback', { signal });
export const settlementSurveys = (signal?: AbortSignal) => request<Surveys>('/api/settlement/surveys', { signal });
export const settlementImprovements = (signal?: AbortSignal) => request<{ items: Improvement[] }>('/api/settlement/improvements', { signal });

// ── Staff ───────────────────────────────────────────────────────────────────

export type StaffFeedback = z.infer<typeof StaffFeedbackSchema>;

export const staffFacility = (id: number, signal?: AbortSignal) => request<Facility>(`/api/manage/facilities/${id}`, { signal });
export const updateFacility = (id: number, body: { stage?: FacilityStage; departmentId?: number | null }) =>
  request<Facility>(`/api/manage/facilities/${id}`, { method: 'PATCH', json: body });
export const updateMilestone = (id: number, milestoneId: number, body: { plannedOn?: string | null; doneOn?: string | null }) =>
  request<Facility>(`/api/manage/facilities/${id}/milestones/${milestoneId}`, { method: 'PATCH', json: body });
export const setFacilityBudget = (id: number, lines: Facility['budget']['lines']) => request<Facility>(`/api/manage/facilities/${id}/budget`, { method: 'PUT', json: { lines } });
export const addInspection = (id: number, body: { heldOn: string; findings: string; followUps?: string[] }) =>
  request<Facility>(`/api/manage/facilities/${id}/inspections`, { method: 'POST', json: body });
export function addInspectionPhoto(inspectionId: number, file: File, caption: string) {
  const form = new FormData();
  form.append('file', file);
  if (caption) form.append('caption', caption);
  return request<Facility>(`/api/manage/inspections/${inspectionId}/photos`, { method: 'POST', form });
}
export const setFollowUp = (id: number, done: boolean) => request<Facility>(`/api/manage/follow-ups/${id}`, { method: 'PATCH', json: { done } });

export const staffFeedback = (signal?: AbortSignal) => request<{ items: StaffFeedback[] }>('/api/manage/settlement/feedback', { signal });
export const assignFeedback = (id: number, departmentId: number) =>
  request<StaffFeedback>(`/api/manage/settlement/feedback/${id}/assign`, { method: 'POST', json: { departmentId } });
export const answerFeedback = (id: number, text: string) => request<StaffFeedback>(`/api/manage/settlement/feedback/${id}/answer`, { method: 'POST', json: { text } });
export const closeFeedback = (id: number) => request<StaffFeedback>(`/api/manage/settlement/feedback/${id}/close`, { method: 'POST', json: {} });
export const publishFeedback = (id: number, body: { published: boolean; text?: string; answer?: string }) =>
  request<StaffFeedback>(`/api/manage/settlement/feedback/${id}/publication`, { method: 'POST', json: body });

export const saveSurvey = (year: number, body: { respondents: number; results: { topic: FeedbackCategory; satisfied: number }[] }) =>
  request<unknown>(`/api/manage/settlement/surveys/${year}`, { method: 'PUT', json: body });
export const createImprovement = (body: { kind: Improvement['kind']; title: string; departmentId?: number | null }) =>
  request<Improvement>('/api/manage/settlement/improvements', { method: 'POST', json: body });
export const checkImprovement = (id: number, body: { year: number; quarter: number; status: Improvement['status']; note?: string }) =>
  request<Improvement>(`/api/manage/settlement/improvements/${id}/checks`, { method: 'POST', json: body });
