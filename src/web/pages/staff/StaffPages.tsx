/**
 * The staff area: waits for the session, checks the page's roles, then shows the page. A
 * signed-out visitor sees "loading" for the moment it takes App to send them to sign in.
 */
import type { Role } from '../../../modules/accounts/roles.ts';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { ForbiddenView } from '../../components/staff/ForbiddenView.tsx';
import type { Route } from '../../router.ts';
import { EDITOR_ROLES, MANAGER_ROLES, useSession } from '../../session.ts';
import { AcademySessionStaffPage } from './AcademySessionStaffPage.tsx';
import { AcademyStaffPage } from './AcademyStaffPage.tsx';
import { AuditPage } from './AuditPage.tsx';
import { CheckInPage } from './CheckInPage.tsx';
import { DashboardPage } from './DashboardPage.tsx';
import { EventCheckInPage } from './EventCheckInPage.tsx';
import { EventsStaffPage } from './EventsStaffPage.tsx';
import { EventStaffPage } from './EventStaffPage.tsx';
import { ImportPage } from './ImportPage.tsx';
import { LedgerPage } from './LedgerPage.tsx';
import { LoginPage } from './LoginPage.tsx';
import { PasswordPage } from './PasswordPage.tsx';
import { PlanWorkspacePage } from './PlanWorkspacePage.tsx';
import { ReportsPage } from './ReportsPage.tsx';
import { SchoolStaffPage } from './SchoolStaffPage.tsx';
import { UsersPage } from './UsersPage.tsx';

const PAGE_ROLES: Partial<Record<Route['name'], readonly Role[]>> = {
  staffUsers: ['admin'],
  staffAudit: MANAGER_ROLES,
  staffImport: MANAGER_ROLES,
  staffCheckIn: EDITOR_ROLES,
  staffEventCheckIn: EDITOR_ROLES,
};

export function StaffPages({ route }: { route: Route }) {
  const session = useSession();
  if (route.name === 'staffLogin') return <LoginPage />;
  const { state } = session;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={session.retry} />;
  if (state.status !== 'signedIn') return <Loading />;

  const roles = PAGE_ROLES[route.name];
  if (roles && !roles.includes(state.user.role)) return <ForbiddenView />;
  switch (route.name) {
    case 'staffHome':
      return <DashboardPage />;
    case 'staffPassword':
      return <PasswordPage />;
    case 'staffImport':
      return <ImportPage />;
    case 'staffUsers':
      return <UsersPage />;
    case 'staffAudit':
      return <AuditPage />;
    case 'staffPlan':
      return <PlanWorkspacePage key={route.id} id={route.id} />;
    case 'staffLedger':
      return <LedgerPage key={route.id} id={route.id} />;
    case 'staffReports':
      return <ReportsPage key={route.id} id={route.id} />;
    case 'staffAcademy':
      return <AcademyStaffPage />;
    case 'staffAcademySession':
      return <AcademySessionStaffPage key={route.id} id={route.id} />;
    case 'staffCheckIn':
      return <CheckInPage key={route.id} id={route.id} />;
    case 'staffSchool':
      return <SchoolStaffPage />;
    case 'staffEvents':
      return <EventsStaffPage />;
    case 'staffEvent':
      return <EventStaffPage key={route.id} id={route.id} />;
    case 'staffEventCheckIn':
      return <EventCheckInPage key={route.id} id={route.id} />;
    default:
      return null;
  }
}
