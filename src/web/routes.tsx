/**
 * The route table (react-router, rendered by App with useRoutes). Each route names itself in
 * `handle` (router.ts matchRoute: the header and the staff menu mark the current section with
 * it); staff pages sit under the staff area, which waits for the session and checks the
 * route's roles before showing them.
 */
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { Role } from '../modules/accounts/roles.ts';
import { AcademyPage } from './pages/AcademyPage.tsx';
import { AcademySessionPage } from './pages/AcademySessionPage.tsx';
import { EventPage } from './pages/EventPage.tsx';
import { EventsPage } from './pages/EventsPage.tsx';
import { AttractionPage } from './pages/AttractionPage.tsx';
import { OpenDataPage } from './pages/OpenDataPage.tsx';
import { OrdinancePage } from './pages/OrdinancePage.tsx';
import { FacilitiesPage } from './pages/FacilitiesPage.tsx';
import { FacilityPage } from './pages/FacilityPage.tsx';
import { FeedbackBoardPage } from './pages/FeedbackBoardPage.tsx';
import { FeedbackTrackingPage } from './pages/FeedbackTrackingPage.tsx';
import { FindRegistrationPage } from './pages/FindRegistrationPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { PlanPage } from './pages/PlanPage.tsx';
import { RegistrationPage } from './pages/RegistrationPage.tsx';
import { SchoolApplicationPage } from './pages/SchoolApplicationPage.tsx';
import { SchoolPage } from './pages/SchoolPage.tsx';
import { SettlementPage } from './pages/SettlementPage.tsx';
import { SettlementSurveyPage } from './pages/SettlementSurveyPage.tsx';
import { SurveyPage } from './pages/SurveyPage.tsx';
import { CertificatePage } from './pages/CertificatePage.tsx';
import { TrainingCheckInPage } from './pages/TrainingCheckInPage.tsx';
import { TrainingCohortPage, TrainingPage } from './pages/TrainingPage.tsx';
import { TrainingStatusPage } from './pages/TrainingStatusPage.tsx';
import { AcademySessionStaffPage } from './pages/staff/AcademySessionStaffPage.tsx';
import { AcademyStaffPage } from './pages/staff/AcademyStaffPage.tsx';
import { AuditPage } from './pages/staff/AuditPage.tsx';
import { OutboxPage } from './pages/staff/OutboxPage.tsx';
import { AttractionStaffPage } from './pages/staff/AttractionStaffPage.tsx';
import { OrdinanceStaffPage } from './pages/staff/OrdinanceStaffPage.tsx';
import { CheckInPage } from './pages/staff/CheckInPage.tsx';
import { DashboardPage } from './pages/staff/DashboardPage.tsx';
import { EventCheckInPage } from './pages/staff/EventCheckInPage.tsx';
import { EventsStaffPage } from './pages/staff/EventsStaffPage.tsx';
import { EventStaffPage } from './pages/staff/EventStaffPage.tsx';
import { ImportPage } from './pages/staff/ImportPage.tsx';
import { LedgerPage } from './pages/staff/LedgerPage.tsx';
import { LoginPage } from './pages/staff/LoginPage.tsx';
import { MeetingMinutesPage } from './pages/staff/MeetingMinutesPage.tsx';
import { MeetingsStaffPage } from './pages/staff/MeetingsStaffPage.tsx';
import { MeetingStaffPage } from './pages/staff/MeetingStaffPage.tsx';
import { PasswordPage } from './pages/staff/PasswordPage.tsx';
import { PlanEnglishPage } from './pages/staff/PlanEnglishPage.tsx';
import { PlanWorkspacePage } from './pages/staff/PlanWorkspacePage.tsx';
import { ReportsPage } from './pages/staff/ReportsPage.tsx';
import { SchoolStaffPage } from './pages/staff/SchoolStaffPage.tsx';
import { SettlementStaffPage } from './pages/staff/SettlementStaffPage.tsx';
import { StaffArea } from './pages/staff/StaffArea.tsx';
import { UsersPage } from './pages/staff/UsersPage.tsx';
import { TrainingCohortStaffPage } from './pages/staff/TrainingCohortStaffPage.tsx';
import { TrainingDisplayPage } from './pages/staff/TrainingDisplayPage.tsx';
import { TrainingStaffPage } from './pages/staff/TrainingStaffPage.tsx';
import { useRoute, type RouteHandle } from './router.ts';
import { CITY_STAFF_ROLES, EDITOR_ROLES, MANAGER_ROLES } from './session.ts';

/** A page for one id (`:id`), remounted when the id changes. */
function IdPage({ page: Page }: { page: ComponentType<{ id: number }> }) {
  const route = useRoute();
  return 'id' in route ? <Page key={route.id} id={route.id} /> : <NotFoundPage />;
}

/** A page for one link token (`:token`), remounted when the token changes. */
function TokenPage({ page: Page }: { page: ComponentType<{ token: string }> }) {
  const route = useRoute();
  return 'token' in route ? <Page key={route.token} token={route.token} /> : <NotFoundPage />;
}

const handle = (name: RouteHandle['name'], roles?: readonly Role[]): RouteHandle => (roles ? { name, roles } : { name });

export const routes: RouteObject[] = [
  {
    path: '/',
    children: [
      { index: true, element: <HomePage />, handle: handle('home') },
      { path: 'plans/:id', element: <IdPage page={PlanPage} />, handle: handle('plan') },
      { path: 'academy', element: <AcademyPage />, handle: handle('academy') },
      { path: 'academy/sessions/:id', element: <IdPage page={AcademySessionPage} />, handle: handle('academySession') },
      { path: 'registrations/find', element: <FindRegistrationPage />, handle: handle('findRegistration') },
      { path: 'registrations/:token', element: <TokenPage page={RegistrationPage} />, handle: handle('registration') },
      { path: 'surveys/:token', element: <TokenPage page={SurveyPage} />, handle: handle('survey') },
      { path: 'school', element: <SchoolPage />, handle: handle('school') },
      { path: 'school/applications/:token', element: <TokenPage page={SchoolApplicationPage} />, handle: handle('schoolApplication') },
      { path: 'events', element: <EventsPage />, handle: handle('events') },
      { path: 'events/:id', element: <IdPage page={EventPage} />, handle: handle('event') },
      { path: 'training', element: <TrainingPage />, handle: handle('training') },
      { path: 'training/cohorts/:id', element: <IdPage page={TrainingCohortPage} />, handle: handle('trainingCohort') },
      { path: 'training/status/:token', element: <TokenPage page={TrainingStatusPage} />, handle: handle('trainee') },
      { path: 'training/check-in', element: <TrainingCheckInPage />, handle: handle('trainingCheckIn') },
      { path: 'certificates/:token', element: <TokenPage page={CertificatePage} />, handle: handle('certificate') },
      { path: 'open-data', element: <OpenDataPage />, handle: handle('openData') },
      { path: 'cooperation/ordinance', element: <OrdinancePage />, handle: handle('ordinance') },
      { path: 'cooperation/attraction', element: <AttractionPage />, handle: handle('attraction') },
      { path: 'facilities', element: <FacilitiesPage />, handle: handle('facilities') },
      { path: 'facilities/:id', element: <IdPage page={FacilityPage} />, handle: handle('facility') },
      { path: 'settlement', element: <SettlementPage />, handle: handle('settlement') },
      { path: 'settlement/board', element: <FeedbackBoardPage />, handle: handle('settlementBoard') },
      { path: 'settlement/survey', element: <SettlementSurveyPage />, handle: handle('settlementSurvey') },
      { path: 'settlement/feedback/track/:token', element: <TokenPage page={FeedbackTrackingPage} />, handle: handle('feedbackTracking') },
      {
        path: 'staff',
        element: <StaffArea />,
        children: [
          { index: true, element: <DashboardPage />, handle: handle('staffHome') },
          { path: 'login', element: <LoginPage />, handle: handle('staffLogin') },
          { path: 'password', element: <PasswordPage />, handle: handle('staffPassword') },
          { path: 'import', element: <ImportPage />, handle: handle('staffImport', MANAGER_ROLES) },
          { path: 'users', element: <UsersPage />, handle: handle('staffUsers', ['admin']) },
          { path: 'audit', element: <AuditPage />, handle: handle('staffAudit', MANAGER_ROLES) },
          { path: 'outbox', element: <OutboxPage />, handle: handle('staffOutbox', MANAGER_ROLES) },
          { path: 'plans/:id', element: <IdPage page={PlanWorkspacePage} />, handle: handle('staffPlan') },
          { path: 'plans/:id/ledger', element: <IdPage page={LedgerPage} />, handle: handle('staffLedger') },
          { path: 'plans/:id/reports', element: <IdPage page={ReportsPage} />, handle: handle('staffReports') },
          { path: 'plans/:id/english', element: <IdPage page={PlanEnglishPage} />, handle: handle('staffEnglish') },
          { path: 'academy', element: <AcademyStaffPage />, handle: handle('staffAcademy') },
          { path: 'academy/sessions/:id', element: <IdPage page={AcademySessionStaffPage} />, handle: handle('staffAcademySession') },
          { path: 'academy/sessions/:id/check-in', element: <IdPage page={CheckInPage} />, handle: handle('staffCheckIn', EDITOR_ROLES) },
          { path: 'school', element: <SchoolStaffPage />, handle: handle('staffSchool') },
          { path: 'settlement', element: <SettlementStaffPage />, handle: handle('staffSettlement') },
          { path: 'events', element: <EventsStaffPage />, handle: handle('staffEvents') },
          { path: 'events/:id', element: <IdPage page={EventStaffPage} />, handle: handle('staffEvent') },
          { path: 'ordinance', element: <OrdinanceStaffPage />, handle: handle('staffOrdinance') },
          { path: 'attraction', element: <AttractionStaffPage />, handle: handle('staffAttraction', CITY_STAFF_ROLES) },
          { path: 'events/:id/check-in', element: <IdPage page={EventCheckInPage} />, handle: handle('staffEventCheckIn', EDITOR_ROLES) },
          { path: 'meetings', element: <MeetingsStaffPage />, handle: handle('staffMeetings') },
          { path: 'meetings/:id', element: <IdPage page={MeetingStaffPage} />, handle: handle('staffMeeting') },
          { path: 'meetings/:id/minutes', element: <IdPage page={MeetingMinutesPage} />, handle: handle('staffMeetingMinutes') },
          { path: 'training', element: <TrainingStaffPage />, handle: handle('staffTraining') },
          { path: 'training/cohorts/:id', element: <IdPage page={TrainingCohortStaffPage} />, handle: handle('staffTrainingCohort') },
          { path: 'training/sessions/:id/display', element: <IdPage page={TrainingDisplayPage} />, handle: handle('staffTrainingDisplay', EDITOR_ROLES) },
        ],
      },
      { path: '*', element: <NotFoundPage />, handle: handle('notFound') },
    ],
  },
];
