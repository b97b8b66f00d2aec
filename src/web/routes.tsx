/**
 * The route table (react-router, rendered by App with useRoutes), built from the one list of
 * addresses in route-paths.ts (the server answers 404 for any path not in it). Each route names
 * itself in `handle` (router.ts matchRoute: the header and the staff menu mark the current
 * section with it); staff pages sit under the staff area, which waits for the session and checks
 * the route's roles before showing them.
 *
 * Every page is loaded on demand (React.lazy, one chunk each, App shows "loading" meanwhile): a
 * citizen's first page carries neither the staff workspace nor the other public pages.
 */
import { lazy, type ComponentType, type ReactElement } from 'react';
import type { RouteObject } from 'react-router';
import type { Role } from '../modules/accounts/roles.ts';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ROUTE_PATHS, STAFF_PREFIX, type RouteName } from './route-paths.ts';
import { useRoute, type RouteHandle } from './router.ts';
import { CITY_STAFF_ROLES, EDITOR_ROLES, MANAGER_ROLES } from './session.ts';

const ActionPage = lazy(() => import('./pages/ActionPage.tsx').then((m) => ({ default: m.ActionPage })));
const DisclosurePage = lazy(() => import('./pages/DisclosurePage.tsx').then((m) => ({ default: m.DisclosurePage })));
const AcademyPage = lazy(() => import('./pages/AcademyPage.tsx').then((m) => ({ default: m.AcademyPage })));
const AcademySessionPage = lazy(() => import('./pages/AcademySessionPage.tsx').then((m) => ({ default: m.AcademySessionPage })));
const EventPage = lazy(() => import('./pages/EventPage.tsx').then((m) => ({ default: m.EventPage })));
const EventsPage = lazy(() => import('./pages/EventsPage.tsx').then((m) => ({ default: m.EventsPage })));
const OpenDataPage = lazy(() => import('./pages/OpenDataPage.tsx').then((m) => ({ default: m.OpenDataPage })));
const AttractionPage = lazy(() => import('./pages/AttractionPage.tsx').then((m) => ({ default: m.AttractionPage })));
const NewsItemPage = lazy(() => import('./pages/NewsItemPage.tsx').then((m) => ({ default: m.NewsItemPage })));
const NewsPage = lazy(() => import('./pages/NewsPage.tsx').then((m) => ({ default: m.NewsPage })));
const OrdinancePage = lazy(() => import('./pages/OrdinancePage.tsx').then((m) => ({ default: m.OrdinancePage })));
const FacilitiesPage = lazy(() => import('./pages/FacilitiesPage.tsx').then((m) => ({ default: m.FacilitiesPage })));
const FacilityPage = lazy(() => import('./pages/FacilityPage.tsx').then((m) => ({ default: m.FacilityPage })));
const FeedbackBoardPage = lazy(() => import('./pages/FeedbackBoardPage.tsx').then((m) => ({ default: m.FeedbackBoardPage })));
const FeedbackTrackingPage = lazy(() => import('./pages/FeedbackTrackingPage.tsx').then((m) => ({ default: m.FeedbackTrackingPage })));
const FindRegistrationPage = lazy(() => import('./pages/FindRegistrationPage.tsx').then((m) => ({ default: m.FindRegistrationPage })));
const HomePage = lazy(() => import('./pages/HomePage.tsx').then((m) => ({ default: m.HomePage })));
const PlanPage = lazy(() => import('./pages/PlanPage.tsx').then((m) => ({ default: m.PlanPage })));
const RegistrationPage = lazy(() => import('./pages/RegistrationPage.tsx').then((m) => ({ default: m.RegistrationPage })));
const SchoolApplicationPage = lazy(() => import('./pages/SchoolApplicationPage.tsx').then((m) => ({ default: m.SchoolApplicationPage })));
const SchoolPage = lazy(() => import('./pages/SchoolPage.tsx').then((m) => ({ default: m.SchoolPage })));
const SettlementPage = lazy(() => import('./pages/SettlementPage.tsx').then((m) => ({ default: m.SettlementPage })));
const SettlementSurveyPage = lazy(() => import('./pages/SettlementSurveyPage.tsx').then((m) => ({ default: m.SettlementSurveyPage })));
const SurveyPage = lazy(() => import('./pages/SurveyPage.tsx').then((m) => ({ default: m.SurveyPage })));
const CertificatePage = lazy(() => import('./pages/CertificatePage.tsx').then((m) => ({ default: m.CertificatePage })));
const TrainingCheckInPage = lazy(() => import('./pages/TrainingCheckInPage.tsx').then((m) => ({ default: m.TrainingCheckInPage })));
const TrainingCohortPage = lazy(() => import('./pages/TrainingPage.tsx').then((m) => ({ default: m.TrainingCohortPage })));
const TrainingPage = lazy(() => import('./pages/TrainingPage.tsx').then((m) => ({ default: m.TrainingPage })));
const TrainingStatusPage = lazy(() => import('./pages/TrainingStatusPage.tsx').then((m) => ({ default: m.TrainingStatusPage })));
const AcademySessionStaffPage = lazy(() => import('./pages/staff/AcademySessionStaffPage.tsx').then((m) => ({ default: m.AcademySessionStaffPage })));
const AcademyStaffPage = lazy(() => import('./pages/staff/AcademyStaffPage.tsx').then((m) => ({ default: m.AcademyStaffPage })));
const OutboxPage = lazy(() => import('./pages/staff/OutboxPage.tsx').then((m) => ({ default: m.OutboxPage })));
const AuditPage = lazy(() => import('./pages/staff/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const AttractionStaffPage = lazy(() => import('./pages/staff/AttractionStaffPage.tsx').then((m) => ({ default: m.AttractionStaffPage })));
const NewsItemStaffPage = lazy(() => import('./pages/staff/NewsItemStaffPage.tsx').then((m) => ({ default: m.NewsItemStaffPage })));
const NewsStaffPage = lazy(() => import('./pages/staff/NewsStaffPage.tsx').then((m) => ({ default: m.NewsStaffPage })));
const OrdinanceStaffPage = lazy(() => import('./pages/staff/OrdinanceStaffPage.tsx').then((m) => ({ default: m.OrdinanceStaffPage })));
const CheckInPage = lazy(() => import('./pages/staff/CheckInPage.tsx').then((m) => ({ default: m.CheckInPage })));
const DashboardPage = lazy(() => import('./pages/staff/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));
const EventCheckInPage = lazy(() => import('./pages/staff/EventCheckInPage.tsx').then((m) => ({ default: m.EventCheckInPage })));
const EventsStaffPage = lazy(() => import('./pages/staff/EventsStaffPage.tsx').then((m) => ({ default: m.EventsStaffPage })));
const EventStaffPage = lazy(() => import('./pages/staff/EventStaffPage.tsx').then((m) => ({ default: m.EventStaffPage })));
const ImportPage = lazy(() => import('./pages/staff/ImportPage.tsx').then((m) => ({ default: m.ImportPage })));
const LedgerPage = lazy(() => import('./pages/staff/LedgerPage.tsx').then((m) => ({ default: m.LedgerPage })));
const LoginPage = lazy(() => import('./pages/staff/LoginPage.tsx').then((m) => ({ default: m.LoginPage })));
const MeetingMinutesPage = lazy(() => import('./pages/staff/MeetingMinutesPage.tsx').then((m) => ({ default: m.MeetingMinutesPage })));
const MeetingsStaffPage = lazy(() => import('./pages/staff/MeetingsStaffPage.tsx').then((m) => ({ default: m.MeetingsStaffPage })));
const MeetingStaffPage = lazy(() => import('./pages/staff/MeetingStaffPage.tsx').then((m) => ({ default: m.MeetingStaffPage })));
const PasswordPage = lazy(() => import('./pages/staff/PasswordPage.tsx').then((m) => ({ default: m.PasswordPage })));
const PlanEnglishPage = lazy(() => import('./pages/staff/PlanEnglishPage.tsx').then((m) => ({ default: m.PlanEnglishPage })));
const PlanWorkspacePage = lazy(() => import('./pages/staff/PlanWorkspacePage.tsx').then((m) => ({ default: m.PlanWorkspacePage })));
const ReportsPage = lazy(() => import('./pages/staff/ReportsPage.tsx').then((m) => ({ default: m.ReportsPage })));
const SchoolStaffPage = lazy(() => import('./pages/staff/SchoolStaffPage.tsx').then((m) => ({ default: m.SchoolStaffPage })));
const SettlementStaffPage = lazy(() => import('./pages/staff/SettlementStaffPage.tsx').then((m) => ({ default: m.SettlementStaffPage })));
const StaffArea = lazy(() => import('./pages/staff/StaffArea.tsx').then((m) => ({ default: m.StaffArea })));
const UsersPage = lazy(() => import('./pages/staff/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const TrainingCohortStaffPage = lazy(() => import('./pages/staff/TrainingCohortStaffPage.tsx').then((m) => ({ default: m.TrainingCohortStaffPage })));
const TrainingDisplayPage = lazy(() => import('./pages/staff/TrainingDisplayPage.tsx').then((m) => ({ default: m.TrainingDisplayPage })));
const TrainingStaffPage = lazy(() => import('./pages/staff/TrainingStaffPage.tsx').then((m) => ({ default: m.TrainingStaffPage })));

const PrivacyPolicyPage = lazy(() => import('./pages/PrivacyPolicyPage.tsx').then((m) => ({ default: m.PrivacyPolicyPage })));
const CopyrightPage = lazy(() => import('./pages/CopyrightPage.tsx').then((m) => ({ default: m.CopyrightPage })));
const AccessibilityPage = lazy(() => import('./pages/AccessibilityPage.tsx').then((m) => ({ default: m.AccessibilityPage })));

/** A page for one id (`:id`), remounted when the id changes. */
function IdPage({ page: Page }: { page: ComponentType<{ id: number }> }) {
  const route = useRoute();
  return 'id' in route ? <Page key={route.id} id={route.id} /> : <NotFoundPage />;
}

/** The public page of one action of a plan (`:id/actions/:actionId`), remounted when either changes. */
function PlanActionRoute() {
  const route = useRoute();
  return route.name === 'planAction' ? <ActionPage key={`${route.id}-${route.actionId}`} planId={route.id} actionId={route.actionId} /> : <NotFoundPage />;
}

/** A page for one link token (`:token`), remounted when the token changes. */
function TokenPage({ page: Page }: { page: ComponentType<{ token: string }> }) {
  const route = useRoute();
  return 'token' in route ? <Page key={route.token} token={route.token} /> : <NotFoundPage />;
}

/** What each address shows; a name in route-paths.ts without a page here does not compile. */
const PAGES: Record<RouteName, ReactElement> = {
  home: <HomePage />,
  plan: <IdPage page={PlanPage} />,
  planAction: <PlanActionRoute />,
  planDisclosure: <IdPage page={DisclosurePage} />,
  academy: <AcademyPage />,
  academySession: <IdPage page={AcademySessionPage} />,
  findRegistration: <FindRegistrationPage />,
  registration: <TokenPage page={RegistrationPage} />,
  survey: <TokenPage page={SurveyPage} />,
  school: <SchoolPage />,
  schoolApplication: <TokenPage page={SchoolApplicationPage} />,
  events: <EventsPage />,
  event: <IdPage page={EventPage} />,
  training: <TrainingPage />,
  trainingCohort: <IdPage page={TrainingCohortPage} />,
  trainee: <TokenPage page={TrainingStatusPage} />,
  trainingCheckIn: <TrainingCheckInPage />,
  certificate: <TokenPage page={CertificatePage} />,
  openData: <OpenDataPage />,
  ordinance: <OrdinancePage />,
  attraction: <AttractionPage />,
  news: <NewsPage />,
  newsItem: <IdPage page={NewsItemPage} />,
  facilities: <FacilitiesPage />,
  facility: <IdPage page={FacilityPage} />,
  settlement: <SettlementPage />,
  settlementBoard: <FeedbackBoardPage />,
  settlementSurvey: <SettlementSurveyPage />,
  feedbackTracking: <TokenPage page={FeedbackTrackingPage} />,
  privacy: <PrivacyPolicyPage />,
  copyright: <CopyrightPage />,
  accessibility: <AccessibilityPage />,
  staffHome: <DashboardPage />,
  staffLogin: <LoginPage />,
  staffPassword: <PasswordPage />,
  staffImport: <ImportPage />,
  staffUsers: <UsersPage />,
  staffAudit: <AuditPage />,
  staffOutbox: <OutboxPage />,
  staffPlan: <IdPage page={PlanWorkspacePage} />,
  staffPlanAction: <IdPage page={PlanWorkspacePage} />,
  staffLedger: <IdPage page={LedgerPage} />,
  staffReports: <IdPage page={ReportsPage} />,
  staffEnglish: <IdPage page={PlanEnglishPage} />,
  staffAcademy: <AcademyStaffPage />,
  staffAcademySession: <IdPage page={AcademySessionStaffPage} />,
  staffCheckIn: <IdPage page={CheckInPage} />,
  staffSchool: <SchoolStaffPage />,
  staffSettlement: <SettlementStaffPage />,
  staffEvents: <EventsStaffPage />,
  staffEvent: <IdPage page={EventStaffPage} />,
  staffOrdinance: <OrdinanceStaffPage />,
  staffAttraction: <AttractionStaffPage />,
  staffNews: <NewsStaffPage />,
  staffNewsItem: <IdPage page={NewsItemStaffPage} />,
  staffEventCheckIn: <IdPage page={EventCheckInPage} />,
  staffMeetings: <MeetingsStaffPage />,
  staffMeeting: <IdPage page={MeetingStaffPage} />,
  staffMeetingMinutes: <IdPage page={MeetingMinutesPage} />,
  staffTraining: <TrainingStaffPage />,
  staffTrainingCohort: <IdPage page={TrainingCohortStaffPage} />,
  staffTrainingDisplay: <IdPage page={TrainingDisplayPage} />,
};

/** Staff pages limited to some roles (the others are open to every signed-in staff member). */
const ROLES: Partial<Record<RouteName, readonly Role[]>> = {
  staffImport: MANAGER_ROLES,
  staffUsers: ['admin'],
  staffAudit: MANAGER_ROLES,
  staffOutbox: MANAGER_ROLES,
  staffCheckIn: EDITOR_ROLES,
  staffAttraction: CITY_STAFF_ROLES,
  staffEventCheckIn: EDITOR_ROLES,
  staffTrainingDisplay: EDITOR_ROLES,
  staffNews: MANAGER_ROLES,
  staffNewsItem: MANAGER_ROLES,
};

const names = Object.keys(ROUTE_PATHS) as RouteName[];
const isStaff = (name: RouteName) => ROUTE_PATHS[name] === STAFF_PREFIX || ROUTE_PATHS[name].startsWith(`${STAFF_PREFIX}/`);
const route = (name: RouteName): RouteObject => {
  const roles = ROLES[name];
  const handle: RouteHandle = roles ? { name, roles } : { name };
  return { path: ROUTE_PATHS[name], element: PAGES[name], handle };
};

export const routes: RouteObject[] = [
  {
    path: '/',
    children: [
      ...names.filter((n) => !isStaff(n)).map(route),
      { path: STAFF_PREFIX, element: <StaffArea />, children: names.filter(isStaff).map(route) },
      { path: '*', element: <NotFoundPage />, handle: { name: 'notFound' } satisfies RouteHandle },
    ],
  },
];
