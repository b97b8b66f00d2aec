/**
 * The staff area (the layout route of /staff/… in routes.tsx): waits for the session, checks
 * the route's roles, then shows the page. A signed-out visitor sees "loading" for the moment it
 * takes App to send them to sign in; the sign-in page itself needs no session.
 */
import { Outlet } from 'react-router';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { ForbiddenView } from '../../components/staff/ForbiddenView.tsx';
import { useRoute, useRouteRoles } from '../../router.ts';
import { useSession } from '../../session.ts';

export function StaffArea() {
  const route = useRoute();
  const roles = useRouteRoles();
  const session = useSession();
  if (route.name === 'staffLogin') return <Outlet />;
  const { state } = session;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={session.retry} />;
  if (state.status !== 'signedIn') return <Loading />;
  if (roles && !roles.includes(state.user.role)) return <ForbiddenView />;
  return <Outlet />;
}
