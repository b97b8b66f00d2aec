/**
 * The staff workspace's API calls (docs/staff-api.md). Shapes mirror the contract; money is
 * integer won everywhere, dates are ISO strings.
 */
import type { Role } from '../modules/accounts/roles.ts';
import type { ActionStatus, ActionTarget, NormalizedPlan, Period } from '../modules/plan/types.ts';
import { request, type Figures, type Plan, type PublicEvidence } from './api-client.ts';

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  departmentId: number | null;
}

export type AdminUser = User & { disabled: boolean };

export interface Department {
  id: number;
  name: string;
  nameEn: string | null;
}

export interface Measure {
  key: string;
  label: { ko: string; en: string };
  unit: string;
}

export type StaffEvidence = PublicEvidence & {
  published: boolean;
  fileName?: string | null;
  mimeType?: string | null;
  sizeBytes?: number | null;
};

export interface StaffAction {
  id: number;
  text: string;
  target: ActionTarget | null;
  status: ActionStatus;
  progress: number;
  evidence: StaffEvidence[];
  ownerDepartmentId: number | null;
  measureKey: string | null;
  measured: number | null;
  progressSource: 'manual' | 'measure';
  updatedAt?: string | null;
}

export interface StaffEntry {
  id: number;
  year: number;
  period: Period;
  goals: string[];
  actions: StaffAction[];
  figures?: Figures;
}

export type StaffPlan = Omit<Plan, 'schedule'> & { schedule: StaffEntry[] };

export interface HistoryItem {
  at: string;
  actor: { id: number; email: string; name: string } | null;
  statusBefore: ActionStatus;
  statusAfter: ActionStatus;
  progressBefore: number;
  progressAfter: number;
  comment: string | null;
}

export interface LedgerRow {
  sourceLabel: string;
  source: string;
  year: number;
  plannedKrw: number;
  securedKrw: number;
  executedKrw: number;
  executionRate: number | null;
}

export interface Execution {
  id: number;
  sourceLabel: string;
  year: number;
  executedOn: string;
  amountKrw: number;
  description: string;
  createdBy?: ActorRef;
}

export interface Ledger {
  rows: LedgerRow[];
  executions: Execution[];
  totals: Partial<LedgerRow> & { plannedKrw: number; securedKrw: number; executedKrw: number; executionRate: number | null };
}

export type ActorRef = { id: number; email: string; name: string } | null;

export interface ReportListItem {
  year: number;
  quarter: number;
  reportedAt: string;
  reportedBy: ActorRef;
}

export interface ReportAction {
  id: number;
  text: string;
  target: ActionTarget | null;
  status: ActionStatus;
  progress: number;
  ownerDepartment: { id: number; name: string; nameEn?: string | null } | null;
  evidence: { title: string; kind: 'file' | 'link'; published: boolean }[];
}

export interface Report {
  plan: { id: number; title: string; pledge: string; category: string; number: number };
  year: number;
  quarter: number;
  /** When the figures were computed (for a reported quarter: at reporting). */
  generatedAt?: string;
  figures: { quarter: Figures; cumulative: Figures; overall: Figures };
  entries: { year: number; period: Period; goals: string[]; actions: ReportAction[] }[];
  budget: { executedKrw: number; plannedKrw: number; executionRate: number | null; quarterExecutedKrw?: number; executions: Execution[] };
}

export interface ReportAnswer {
  reported: boolean;
  reportedAt: string | null;
  reportedBy?: ActorRef;
  report: Report;
}

export interface AuditRow {
  id: number;
  at: string;
  actorId: number | null;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface AuditFilter {
  entity?: string;
  action?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

type Signal = AbortSignal | undefined;

// ---- session
export const login = (email: string, password: string) =>
  request<{ user: User }>('/api/auth/login', { method: 'POST', json: { email, password }, quiet401: true });
export const logout = () => request<void>('/api/auth/logout', { method: 'POST' });
export const fetchMe = (signal?: Signal) => request<{ user: User }>('/api/auth/me', { signal, quiet401: true });
export const changePassword = (currentPassword: string, newPassword: string) =>
  request<void>('/api/auth/password', { method: 'POST', json: { currentPassword, newPassword } });

// ---- users and departments
export const fetchUsers = (signal?: Signal) => request<{ items: AdminUser[] }>('/api/users', { signal });
export const createUser = (body: { email: string; name: string; role: Role; departmentId: number | null; password: string }) =>
  request<User>('/api/users', { method: 'POST', json: body });
export const updateUser = (id: number, body: Partial<Pick<AdminUser, 'name' | 'role' | 'departmentId' | 'disabled'>>) =>
  request<AdminUser>(`/api/users/${id}`, { method: 'PATCH', json: body });
export const fetchDepartments = (signal?: Signal) => request<{ items: Department[] }>('/api/departments', { signal });
export const createDepartment = (body: { name: string; nameEn: string | null }) =>
  request<Department>('/api/departments', { method: 'POST', json: body });

// ---- plans and actions
export interface PlanHeader {
  pledge?: string;
  title?: string;
  category?: string;
  number?: number;
  period?: { start: number; end: number };
  effects?: string[];
}
export const updatePlanHeader = (id: number, body: PlanHeader) => request<StaffPlan>(`/api/plans/${id}`, { method: 'PATCH', json: body });
export const fetchStaffPlan = (id: number, signal?: Signal) => request<StaffPlan>(`/api/manage/plans/${id}`, { signal });
export const fetchMeasures = (signal?: Signal) => request<{ items: Measure[] }>('/api/measures', { signal });
export const fetchHistory = (actionId: number, signal?: Signal) =>
  request<{ items: HistoryItem[] }>(`/api/actions/${actionId}/history`, { signal });
export const updateAction = (actionId: number, body: { status?: ActionStatus; progress?: number; comment?: string }) =>
  request<StaffAction>(`/api/actions/${actionId}`, { method: 'PATCH', json: body });
export const updateAssignment = (actionId: number, body: { ownerDepartmentId?: number | null; measureKey?: string | null }) =>
  request<StaffAction>(`/api/actions/${actionId}/assignment`, { method: 'PATCH', json: body });

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
export const updateEvidence = (id: number, body: { title?: string; published?: boolean }) =>
  request<StaffEvidence>(`/api/evidence/${id}`, { method: 'PATCH', json: body });
export const deleteEvidence = (id: number) => request<void>(`/api/evidence/${id}`, { method: 'DELETE' });

// ---- ledger
export const fetchLedger = (planId: number, signal?: Signal) => request<Ledger>(`/api/plans/${planId}/ledger`, { signal });
export const setSecured = (planId: number, body: { sourceLabel: string; year: number; securedKrw: number }) =>
  request<unknown>(`/api/plans/${planId}/ledger/secured`, { method: 'PUT', json: body });
export const addExecution = (
  planId: number,
  body: { sourceLabel: string; year: number; executedOn: string; amountKrw: number; description: string },
) => request<Execution>(`/api/plans/${planId}/executions`, { method: 'POST', json: body });
export const deleteExecution = (id: number) => request<void>(`/api/executions/${id}`, { method: 'DELETE' });

// ---- reports
export const fetchReports = (planId: number, signal?: Signal) =>
  request<{ items: ReportListItem[] }>(`/api/plans/${planId}/reports`, { signal });
export const fetchReport = (planId: number, year: number, quarter: number, signal?: Signal) =>
  request<ReportAnswer>(`/api/plans/${planId}/reports/${year}/${quarter}`, { signal });
export const reportQuarter = (planId: number, year: number, quarter: number) =>
  request<unknown>(`/api/plans/${planId}/reports`, { method: 'POST', json: { year, quarter } });
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
export const fetchAudit = (filter: AuditFilter, signal?: Signal) =>
  request<{ items: AuditRow[]; total: number }>(`/api/audit${auditQuery(filter)}`, { signal });
export const auditCsvUrl = (filter: AuditFilter) => `/api/audit.csv${auditQuery({ ...filter, page: undefined, pageSize: undefined })}`;
