/**
 * Server state: one TanStack Query client for the app, and the query key of every resource the
 * pages load. Keys are arrays from the general to the particular, so invalidating a prefix
 * (`['staff', 'plans', 3]`) reloads everything under it (the plan, its ledger, its reports).
 * Everything a signed-in user loads sits under `['staff']` and is dropped when the user changes.
 */
import { QueryClient, type QueryKey } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A failed load shows the error view with its own retry button at once, as before;
      // a 404 is an answer (the not-found view), never worth repeating.
      retry: false,
      // Data changes when someone saves, not when the window gets focus: a refetch on focus
      // would only move a form's figures under the user's hands.
      refetchOnWindowFocus: false,
    },
  },
});

export const keys = {
  plans: () => ['plans'] as const,
  privacyPolicy: () => ['privacy-policy'] as const,
  plan: (id: number) => ['plans', id] as const,
  planAction: (id: number, actionId: number) => ['plans', id, 'actions', actionId] as const,
  planReports: (id: number) => ['plans', id, 'public-reports'] as const,
  planDisclosure: (id: number) => ['plans', id, 'disclosure'] as const,
  academy: () => ['academy', 'page'] as const,
  academySession: (id: number) => ['academy', 'sessions', id, 'page'] as const,
  survey: (token: string) => ['surveys', token] as const,
  registration: (token: string) => ['registrations', token] as const,
  school: () => ['school', 'page'] as const,
  schoolApplication: (token: string) => ['school', 'applications', token] as const,
  events: () => ['events'] as const,
  trainingCohorts: () => ['training', 'cohorts'] as const,
  trainingCohort: (id: number) => ['training', 'cohorts', id] as const,
  trainee: (token: string) => ['training', 'trainees', token] as const,
  certificate: (code: string) => ['certificates', code] as const,
  event: (id: number) => ['events', id, 'page'] as const,
  ordinance: () => ['ordinance'] as const,
  openData: () => ['open-data'] as const,
  attraction: () => ['attraction'] as const,
  facilities: () => ['facilities'] as const,
  facility: (id: number) => ['facilities', id] as const,
  settlementConsent: () => ['settlement', 'consent'] as const,
  feedbackTracking: (token: string) => ['settlement', 'feedback', token] as const,
  feedbackBoard: () => ['settlement', 'board'] as const,
  settlementSurvey: () => ['settlement', 'survey'] as const,
  home: () => ['home'] as const,
  newsAll: () => ['news'] as const,
  news: (kind: string | null, page: number) => ['news', 'list', kind, page] as const,
  newsItem: (id: number) => ['news', 'items', id] as const,

  staff: () => ['staff'] as const,
  staffPlans: () => ['staff', 'plans'] as const,
  staffPlan: (id: number) => ['staff', 'plans', id] as const,
  staffLedger: (id: number) => ['staff', 'plans', id, 'ledger'] as const,
  staffReports: (id: number) => ['staff', 'plans', id, 'reports'] as const,
  staffEnglish: (id: number) => ['staff', 'plans', id, 'english'] as const,
  staffReport: (id: number, year: number, quarter: number) => ['staff', 'plans', id, 'reports', year, quarter] as const,
  staffLists: () => ['staff', 'lists'] as const,
  /** The workspace's filtered list: under the plan, so a save that invalidates the plan reloads it. */
  staffActionList: (planId: number, query: string) => ['staff', 'plans', planId, 'actions', query] as const,
  staffAction: (id: number) => ['staff', 'actions', id] as const,
  staffUsers: () => ['staff', 'users'] as const,
  staffAudit: (filter: object, page: number) => ['staff', 'audit', filter, page] as const,
  staffAcademy: () => ['staff', 'academy', 'sessions'] as const,
  staffAcademySession: (id: number) => ['staff', 'academy', 'sessions', id] as const,
  staffAcademyFigures: (year: number) => ['staff', 'academy', 'figures', year] as const,
  staffSchool: (surveyId: number | null, withApplications: boolean) => ['staff', 'school', 'surveys', surveyId, withApplications] as const,
  staffSchoolFigures: (year: number) => ['staff', 'school', 'figures', year] as const,
  staffEvents: () => ['staff', 'events'] as const,
  staffMeetingSeries: () => ['staff', 'meetings', 'series'] as const,
  staffMeeting: (id: number) => ['staff', 'meetings', id] as const,
  staffOrganisations: () => ['staff', 'organisations'] as const,
  staffOverdue: () => ['staff', 'meetings', 'overdue'] as const,
  staffTraining: () => ['staff', 'training'] as const,
  staffTrainingCohort: (id: number) => ['staff', 'training', 'cohorts', id] as const,
  staffSettlement: (withFeedback: boolean) => ['staff', 'settlement', withFeedback] as const,
  staffEvent: (id: number) => ['staff', 'events', id] as const,
  staffOrdinance: () => ['staff', 'ordinance'] as const,
  staffAttraction: () => ['staff', 'attraction'] as const,
  staffNewsAll: () => ['staff', 'news'] as const,
  staffNews: (page: number) => ['staff', 'news', 'list', page] as const,
  staffNewsItem: (id: number) => ['staff', 'news', id] as const,
  staffTodo: () => ['staff', 'todo'] as const,
  staffOutbox: (filter: object) => ['staff', 'outbox', filter] as const,
  staffEventFigures: (id: number) => ['staff', 'events', id, 'figures'] as const,
} satisfies Record<string, (...args: never[]) => QueryKey>;

/**
 * Loads again, in the background, everything under `key` that a page shows (the rest is marked
 * stale and loads when next shown). For the form side: call it after a save.
 */
export function invalidate(key: QueryKey): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: key });
}

/** After sign-in or sign-out: nothing the previous user loaded may show. */
export function forgetStaffData(): void {
  queryClient.removeQueries({ queryKey: keys.staff() });
}
