/**
 * The staff workspace's API calls (docs/staff-api.md). Shapes mirror the contract; money is
 * integer won everywhere, dates are ISO strings.
 */
import type { z } from 'zod';
import type { DepartmentSchema, UserAdminSchema, UserSchema } from '../modules/accounts/api-schema.ts';
import type { AuditRow as AuditRowSchema } from '../modules/audit/routes.ts';
import type { EvidenceSchema, NormalizedPlanSchema, StaffActionSchema, StaffPlanSchema } from '../modules/plan/api-schema.ts';
import type { ExecutionSchema, LedgerSchema } from '../modules/plan/ledger-api-schema.ts';
import type { ReportListSchema, ReportResponseSchema, ReportSchema } from '../modules/plan/report-api-schema.ts';
import type {
  ActionDetailSchema,
  ActionListSchema,
  ActionPatchBody,
  ActionRowSchema,
  AssignmentBody,
  HistorySchema,
  MeasureListSchema,
} from '../modules/plan/tracking-api-schema.ts';
import type { NewUserBody, UserPatchBody } from '../modules/accounts/api-schema.ts';
import type { PlanPatchBody } from '../modules/plan/import-routes.ts';
import type { PlanFiguresListSchema } from '../modules/plan/figures-routes.ts';
import type { EnglishSheetSchema } from '../modules/plan/english-schema.ts';
import { request } from './api-client.ts';

// Shapes: the server's zod schemas (`import type`, erased from the bundle); the OpenAPI
// document at /api/docs is generated from the same schemas.

export type User = z.infer<typeof UserSchema>;
export type AdminUser = z.infer<typeof UserAdminSchema>;
export type Department = z.infer<typeof DepartmentSchema>;
export type Measure = z.infer<typeof MeasureListSchema>['items'][number];
export type StaffEvidence = z.infer<typeof EvidenceSchema>;
export type StaffAction = z.infer<typeof StaffActionSchema>;
export type StaffPlan = z.infer<typeof StaffPlanSchema>;
/** A plan's overall figures and ledger totals, as the staff dashboard lists them. */
export type PlanFigureRow = z.infer<typeof PlanFiguresListSchema>['items'][number];
export type HistoryItem = z.infer<typeof HistorySchema>['items'][number];
export type Ledger = z.infer<typeof LedgerSchema>;
export type LedgerRow = Ledger['rows'][number];
export type Execution = z.infer<typeof ExecutionSchema>;
export type ReportListItem = z.infer<typeof ReportListSchema>['items'][number];
export type Report = z.infer<typeof ReportSchema>;
export type ReportAction = Report['entries'][number]['actions'][number];
export type ReportAnswer = z.infer<typeof ReportResponseSchema>;
export type AuditRow = z.infer<typeof AuditRowSchema>;
export type NormalizedPlan = z.infer<typeof NormalizedPlanSchema>;
export type ActionPatch = z.input<typeof ActionPatchBody>;
export type AssignmentPatch = z.input<typeof AssignmentBody>;
export type NewUser = z.input<typeof NewUserBody>;
export type UserPatch = z.input<typeof UserPatchBody>;

export interface AuditFilter {
  actorId?: string;
  q?: string;
  entity?: string;
  action?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

type Signal = AbortSignal | undefined;

// ---- session
export const login = (email: string, password: string) => request<{ user: User }>('/api/auth/login', { method: 'POST', json: { email, password }, quiet401: true });
export const logout = () => request<void>('/api/auth/logout', { method: 'POST' });
export const fetchMe = (signal?: Signal) => request<{ user: User }>('/api/auth/me', { signal, quiet401: true });
export const changePassword = (currentPassword: string, newPassword: string) => request<void>('/api/auth/password', { method: 'POST', json: { currentPassword, newPassword } });

// ---- users and departments
export const fetchUsers = (signal?: Signal) => request<{ items: AdminUser[] }>('/api/users', { signal });
export const createUser = (body: NewUser) => request<User>('/api/users', { method: 'POST', json: body });
export const updateUser = (id: number, body: UserPatch) => request<AdminUser>(`/api/users/${id}`, { method: 'PATCH', json: body });
export const fetchDepartments = (signal?: Signal) => request<{ items: Department[] }>('/api/departments', { signal });
export const createDepartment = (body: { name: string; nameEn: string | null }) => request<Department>('/api/departments', { method: 'POST', json: body });

// ---- plans and actions
export type PlanHeader = z.input<typeof PlanPatchBody>;
export const updatePlanHeader = (id: number, body: PlanHeader) => request<StaffPlan>(`/api/plans/${id}`, { method: 'PATCH', json: body });
export const fetchPlanFigures = (signal?: Signal) => request<{ items: PlanFigureRow[] }>('/api/plans/figures', { signal });
export const fetchStaffPlan = (id: number, signal?: Signal) => request<StaffPlan>(`/api/manage/plans/${id}`, { signal });
export const fetchMeasures = (signal?: Signal) => request<{ items: Measure[] }>('/api/measures', { signal });
export const fetchHistory = (actionId: number, signal?: Signal) => request<{ items: HistoryItem[] }>(`/api/actions/${actionId}/history`, { signal });
export const updateAction = (actionId: number, body: ActionPatch) => request<StaffAction>(`/api/actions/${actionId}`, { method: 'PATCH', json: body });
export const updateAssignment = (actionId: number, body: AssignmentPatch) => request<StaffAction>(`/api/actions/${actionId}/assignment`, { method: 'PATCH', json: body });

// ---- evidence
export function uploadEvidence(actionId: number, file: File, title: string, published: boolean) {
  const form = new FormData();
  // Text fields before the file: a streaming multipart parser sees them first.
  if (title) form.append('title', title); // the server names it after the file otherwise
  form.append('published', published ? 'true' : 'false');
  form.append('file', file);
  return request<StaffEvidence>(`/api/actions/${actionId}/evidence`, { method: 'POST', form });
}
export const addLink = (actionId: number, body: { title: string; url: string; published: boolean }) =>
  request<StaffEvidence>(`/api/actions/${actionId}/links`, { method: 'POST', json: body });
export const updateEvidence = (id: number, body: { title?: string; published?: boolean }) => request<StaffEvidence>(`/api/evidence/${id}`, { method: 'PATCH', json: body });
export const deleteEvidence = (id: number) => request<void>(`/api/evidence/${id}`, { method: 'DELETE' });

// ---- ledger
export const fetchLedger = (planId: number, signal?: Signal) => request<Ledger>(`/api/plans/${planId}/ledger`, { signal });
export const setSecured = (planId: number, body: { sourceLabel: string; year: number; securedKrw: number }) =>
  request<unknown>(`/api/plans/${planId}/ledger/secured`, { method: 'PUT', json: body });
/** The explicit, audited override of the secured money (확보액 초과 집행). */
type SecuredOverride = { exceedSecured?: boolean; overrideReason?: string };
export const addExecution = (planId: number, body: { sourceLabel: string; year: number; executedOn: string; amountKrw: number; description: string } & SecuredOverride) =>
  request<Execution>(`/api/plans/${planId}/executions`, { method: 'POST', json: body });
export const updateExecution = (id: number, body: Partial<{ sourceLabel: string; year: number; executedOn: string; amountKrw: number; description: string }> & SecuredOverride) =>
  request<Execution>(`/api/executions/${id}`, { method: 'PATCH', json: body });
export const deleteExecution = (id: number) => request<void>(`/api/executions/${id}`, { method: 'DELETE' });

// ---- reports
export const fetchReports = (planId: number, signal?: Signal) => request<{ items: ReportListItem[] }>(`/api/plans/${planId}/reports`, { signal });
export const fetchReport = (planId: number, year: number, quarter: number, signal?: Signal) => request<ReportAnswer>(`/api/plans/${planId}/reports/${year}/${quarter}`, { signal });
export const reportQuarter = (planId: number, year: number, quarter: number) => request<unknown>(`/api/plans/${planId}/reports`, { method: 'POST', json: { year, quarter } });
export const reportXlsxUrl = (planId: number, year: number, quarter: number) => `/api/plans/${planId}/reports/${year}/${quarter}.xlsx`;

// ---- import
export function previewImport(file: File) {
  const form = new FormData();
  form.append('file', file);
  return request<{ plan: NormalizedPlan; warnings: string[] }>('/api/plans/import/preview', { method: 'POST', form });
}
export function saveImport(file: File, replace: boolean) {
  const form = new FormData();
  form.append('replace', replace ? 'true' : 'false');
  form.append('file', file);
  return request<{ id: number; replaced: boolean }>('/api/plans/import', { method: 'POST', form });
}

// ---- audit
function auditQuery(filter: AuditFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== undefined && value !== '') params.set(key, String(value));
  const query = params.toString();
  return query ? `?${query}` : '';
}
export const fetchAudit = (filter: AuditFilter, signal?: Signal) => request<{ items: AuditRow[]; total: number }>(`/api/audit${auditQuery(filter)}`, { signal });
export const fetchAuditFacets = (signal?: Signal) => request<{ actors: { id: number; label: string }[]; entities: string[]; actions: string[] }>('/api/audit/facets', { signal });
export const auditCsvUrl = (filter: AuditFilter) => `/api/audit.csv${auditQuery({ ...filter, page: undefined, pageSize: undefined })}`;

// ---- the workspace's action list and one action
export type ActionListRow = z.infer<typeof ActionRowSchema>;
export type ActionList = z.infer<typeof ActionListSchema>;
export type ActionDetail = z.infer<typeof ActionDetailSchema>;
export const fetchActionList = (planId: number, query: string, signal?: Signal) => request<ActionList>(`/api/manage/plans/${planId}/actions${query}`, { signal });
export const fetchAction = (actionId: number, signal?: Signal) => request<ActionDetail>(`/api/actions/${actionId}`, { signal });

export type EnglishSheet = z.infer<typeof EnglishSheetSchema>;
export const fetchEnglishSheet = (planId: number, signal?: Signal) => request<EnglishSheet>(`/api/manage/plans/${planId}/english`, { signal });
export const saveEnglishSheet = (planId: number, texts: { key: string; en: string | null }[]) =>
  request<EnglishSheet>(`/api/plans/${planId}/english`, { method: 'PUT', json: { texts } });
