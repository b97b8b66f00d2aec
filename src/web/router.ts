/**
 * A minimal History API router: the app only has a handful of routes, so a library would
 * cost more than it saves. Links stay real <a href> (keyboard, middle-click and "open in new
 * tab" keep working); plain left clicks on internal links are turned into pushState.
 */
import { useSyncExternalStore, type MouseEvent } from 'react';

const NAVIGATE_EVENT = 'finhub:navigate';

export interface Location {
  pathname: string;
  search: string;
  hash: string;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

// useSyncExternalStore needs a stable snapshot: a string, parsed by the hook.
const snapshot = (): string => window.location.pathname + window.location.search + window.location.hash;

export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { pathname: url.pathname, search: url.search, hash: url.hash };
}

export function navigate(href: string, { replace = false } = {}): void {
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** onClick for internal <a>: lets the browser handle new-tab clicks, hash jumps and other origins. */
export function handleLinkClick(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = event.currentTarget;
  if (anchor.target && anchor.target !== '_self') return;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin) return;
  const samePage = url.pathname === window.location.pathname && url.search === window.location.search;
  if (samePage && url.hash) return; // in-page anchor: native scrolling and focus
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}

export type StaffRouteName =
  | 'staffLogin'
  | 'staffHome'
  | 'staffPassword'
  | 'staffImport'
  | 'staffUsers'
  | 'staffAudit'
  | 'staffPlan'
  | 'staffLedger'
  | 'staffReports'
  | 'staffAcademy'
  | 'staffAcademySession'
  | 'staffCheckIn'
  | 'staffSchool'
  | 'staffEvents'
  | 'staffEvent'
  | 'staffEventCheckIn';

type StaffIdRouteName = 'staffPlan' | 'staffLedger' | 'staffReports' | 'staffAcademySession' | 'staffCheckIn' | 'staffEvent' | 'staffEventCheckIn';

export type Route =
  | { name: 'home' }
  | { name: 'plan'; id: number }
  | { name: 'notFound' }
  | { name: 'academy' | 'school' | 'events' }
  | { name: 'academySession' | 'event'; id: number }
  | { name: 'registration' | 'survey' | 'schoolApplication'; token: string }
  | { name: Exclude<StaffRouteName, StaffIdRouteName> }
  | { name: StaffIdRouteName; id: number };

const STAFF_PAGES: Record<string, Route['name']> = {
  '/staff': 'staffHome',
  '/staff/login': 'staffLogin',
  '/staff/password': 'staffPassword',
  '/staff/import': 'staffImport',
  '/staff/users': 'staffUsers',
  '/staff/audit': 'staffAudit',
  '/staff/academy': 'staffAcademy',
  '/staff/school': 'staffSchool',
  '/staff/events': 'staffEvents',
};

/** Tokens in citizens' links: base64url (the server makes 32 random bytes → 43 characters). */
const TOKEN = '([A-Za-z0-9_-]{8,200})';
const TOKEN_PAGES: [RegExp, 'registration' | 'survey' | 'schoolApplication'][] = [
  [new RegExp(`^/registrations/${TOKEN}$`), 'registration'],
  [new RegExp(`^/surveys/${TOKEN}$`), 'survey'],
  [new RegExp(`^/school/applications/${TOKEN}$`), 'schoolApplication'],
];

const PLAN_PAGES: Record<string, 'staffPlan' | 'staffLedger' | 'staffReports'> = {
  '': 'staffPlan',
  '/ledger': 'staffLedger',
  '/reports': 'staffReports',
};

export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'home' };
  const plan = /^\/plans\/([1-9]\d{0,9})$/.exec(path);
  if (plan?.[1]) return { name: 'plan', id: Number(plan[1]) };
  if (path === '/academy') return { name: 'academy' };
  if (path === '/school') return { name: 'school' };
  const session = /^\/academy\/sessions\/([1-9]\d{0,9})$/.exec(path);
  if (session?.[1]) return { name: 'academySession', id: Number(session[1]) };
  if (path === '/events') return { name: 'events' };
  const event = /^\/events\/([1-9]\d{0,9})$/.exec(path);
  if (event?.[1]) return { name: 'event', id: Number(event[1]) };
  const staffEvent = /^\/staff\/events\/([1-9]\d{0,9})(|\/check-in)$/.exec(path);
  if (staffEvent?.[1]) return { name: staffEvent[2] ? 'staffEventCheckIn' : 'staffEvent', id: Number(staffEvent[1]) };
  for (const [pattern, name] of TOKEN_PAGES) {
    const match = pattern.exec(path);
    if (match?.[1]) return { name, token: match[1] };
  }
  const staffSession = /^\/staff\/academy\/sessions\/([1-9]\d{0,9})(|\/check-in)$/.exec(path);
  if (staffSession?.[1]) return { name: staffSession[2] ? 'staffCheckIn' : 'staffAcademySession', id: Number(staffSession[1]) };
  const staffPage = STAFF_PAGES[path];
  if (staffPage) return { name: staffPage } as Route;
  const staffPlan = /^\/staff\/plans\/([1-9]\d{0,9})(|\/ledger|\/reports)$/.exec(path);
  const planPage = staffPlan ? PLAN_PAGES[staffPlan[2] ?? ''] : undefined;
  if (staffPlan?.[1] && planPage) return { name: planPage, id: Number(staffPlan[1]) };
  return { name: 'notFound' };
}

export function isStaffRoute(route: Route): boolean {
  return route.name.startsWith('staff');
}
