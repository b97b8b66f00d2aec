/**
 * The staff menu under the header: dashboard, users (admins), audit (managers), password, and
 * sign-out. The current section is marked with aria-current.
 */
import { ROLE_LABELS } from '../../../modules/accounts/roles.ts';
import { logout, type User } from '../../staff-api.ts';
import { useI18n, withLang, type MessageKey } from '../../i18n.ts';
import { useNavigate } from 'react-router';
import type { Route } from '../../router.ts';
import { isManager, useSession } from '../../session.ts';
import { Link } from '../Link.tsx';

interface Item {
  href: string;
  label: MessageKey;
  current: boolean;
}

export function StaffNav({ user, route }: { user: User; route: Route }) {
  const { lang, t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const items: Item[] = [
    { href: '/staff', label: 'navDashboard', current: ['staffHome', 'staffPlan', 'staffPlanAction', 'staffLedger', 'staffReports', 'staffImport'].includes(route.name) },
  ];
  items.push({ href: '/staff/academy', label: 'navStaffAcademy', current: ['staffAcademy', 'staffAcademySession', 'staffCheckIn'].includes(route.name) });
  items.push({ href: '/staff/school', label: 'navStaffSchool', current: route.name === 'staffSchool' });
  items.push({ href: '/staff/settlement', label: 'navStaffSettlement', current: route.name === 'staffSettlement' });
  items.push({ href: '/staff/events', label: 'navStaffEvents', current: ['staffEvents', 'staffEvent', 'staffEventCheckIn'].includes(route.name) });
  items.push({ href: '/staff/meetings', label: 'navStaffMeetings', current: ['staffMeetings', 'staffMeeting', 'staffMeetingMinutes'].includes(route.name) });
  items.push({ href: '/staff/training', label: 'navStaffTraining', current: ['staffTraining', 'staffTrainingCohort', 'staffTrainingDisplay'].includes(route.name) });
  items.push({ href: '/staff/ordinance', label: 'navStaffOrdinance', current: route.name === 'staffOrdinance' });
  if (user.role !== 'partner') items.push({ href: '/staff/attraction', label: 'navStaffAttraction', current: route.name === 'staffAttraction' });
  if (isManager(user)) items.push({ href: '/staff/news', label: 'navStaffNews', current: ['staffNews', 'staffNewsItem'].includes(route.name) });
  if (user.role === 'admin') items.push({ href: '/staff/users', label: 'navUsers', current: route.name === 'staffUsers' });
  if (isManager(user)) items.push({ href: '/staff/audit', label: 'navAudit', current: route.name === 'staffAudit' });
  if (isManager(user)) items.push({ href: '/staff/outbox', label: 'navOutbox', current: route.name === 'staffOutbox' });
  items.push({ href: '/staff/password', label: 'navPassword', current: route.name === 'staffPassword' });

  const signOut = async () => {
    try {
      await logout();
    } catch {
      /* an expired session is signed out already */
    }
    session.setUser(null);
    navigate(withLang('/staff/login', lang));
  };

  return (
    <nav className="staff-nav" aria-label={t('staffNavLabel')} data-testid="staff-nav">
      <div className="inner">
        <ul className="staff-nav-links">
          {items.map((item) => (
            <li key={item.href}>
              <Link href={item.href} aria-current={item.current ? 'page' : undefined}>
                {t(item.label)}
              </Link>
            </li>
          ))}
        </ul>
        <div className="staff-nav-user">
          <span data-testid="staff-user">
            {user.name} <span className="staff-role">({ROLE_LABELS[user.role][lang]})</span>
          </span>
          <button type="button" className="button-tertiary" onClick={signOut} data-testid="sign-out">
            {t('navSignOut')}
          </button>
        </div>
      </div>
    </nav>
  );
}
