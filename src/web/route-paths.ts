/**
 * The web's addresses, one list for both sides: routes.tsx builds react-router's table from it,
 * and the server (src/server/web.ts) answers 200 with the app for a path that matches one of
 * them and 404 (with the same app, which shows its not-found page) for any other. Plain data and
 * a matcher, no React, so the server can import it.
 */
import type { Route } from './router.ts';

export type RouteName = Exclude<Route['name'], 'notFound'>;

/** Full paths by route name; staff pages are the ones under /staff. Order is react-router's (it ranks them anyway). */
export const ROUTE_PATHS = {
  home: '/',
  plan: '/plans/:id',
  planAction: '/plans/:id/actions/:actionId',
  planDisclosure: '/plans/:id/disclosure',
  academy: '/academy',
  academySession: '/academy/sessions/:id',
  findRegistration: '/registrations/find',
  registration: '/registrations/:token',
  survey: '/surveys/:token',
  school: '/school',
  schoolApplication: '/school/applications/:token',
  events: '/events',
  event: '/events/:id',
  training: '/training',
  trainingCohort: '/training/cohorts/:id',
  trainee: '/training/status/:token',
  trainingCheckIn: '/training/check-in',
  certificate: '/certificates/:token',
  openData: '/open-data',
  ordinance: '/cooperation/ordinance',
  attraction: '/cooperation/attraction',
  news: '/news',
  newsItem: '/news/:id',
  facilities: '/facilities',
  facility: '/facilities/:id',
  settlement: '/settlement',
  settlementBoard: '/settlement/board',
  settlementSurvey: '/settlement/survey',
  feedbackTracking: '/settlement/feedback/track/:token',
  privacy: '/privacy',
  copyright: '/copyright',
  accessibility: '/accessibility',
  staffHome: '/staff',
  staffLogin: '/staff/login',
  staffPassword: '/staff/password',
  staffImport: '/staff/import',
  staffUsers: '/staff/users',
  staffAudit: '/staff/audit',
  staffOutbox: '/staff/outbox',
  staffPlan: '/staff/plans/:id',
  /** One action open for editing, under its row of the workspace's list. */
  staffPlanAction: '/staff/plans/:id/actions/:actionId',
  staffLedger: '/staff/plans/:id/ledger',
  staffReports: '/staff/plans/:id/reports',
  staffEnglish: '/staff/plans/:id/english',
  staffAcademy: '/staff/academy',
  staffAcademySession: '/staff/academy/sessions/:id',
  staffCheckIn: '/staff/academy/sessions/:id/check-in',
  staffSchool: '/staff/school',
  staffSettlement: '/staff/settlement',
  staffEvents: '/staff/events',
  staffEvent: '/staff/events/:id',
  staffOrdinance: '/staff/ordinance',
  staffAttraction: '/staff/attraction',
  staffNews: '/staff/news',
  staffNewsItem: '/staff/news/:id',
  staffEventCheckIn: '/staff/events/:id/check-in',
  staffMeetings: '/staff/meetings',
  staffMeeting: '/staff/meetings/:id',
  staffMeetingMinutes: '/staff/meetings/:id/minutes',
  staffTraining: '/staff/training',
  staffTrainingCohort: '/staff/training/cohorts/:id',
  staffTrainingDisplay: '/staff/training/sessions/:id/display',
} as const satisfies Record<RouteName, string>;

export const STAFF_PREFIX = '/staff';

/** Ids in paths: what the server accepts (a positive 32-bit-ish number, no leading zero). */
export const ID = /^[1-9]\d{0,9}$/;
/** Tokens in citizens' links: base64url (the server makes 32 random bytes → 43 characters). */
export const TOKEN = /^[A-Za-z0-9_-]{8,200}$/;

const segments = (pathname: string) => pathname.split('/').filter(Boolean);
const PATTERNS = Object.values(ROUTE_PATHS).map(segments);

function segmentMatches(pattern: string, segment: string): boolean {
  if (pattern === ':id' || pattern === ':actionId') return ID.test(segment);
  if (pattern === ':token') return TOKEN.test(segment);
  return pattern.toLowerCase() === segment.toLowerCase(); // react-router matches case-insensitively
}

/**
 * Whether the app has a page at this path (a trailing slash and letter case do not matter, as in
 * react-router; an id or token must be well-formed, as router.ts's matchRoute requires). A page
 * for an id that does not exist is still a page: it says so itself after asking the API.
 */
export function isPagePath(pathname: string): boolean {
  let parts: string[];
  try {
    parts = segments(pathname).map(decodeURIComponent);
  } catch {
    return false; // a malformed escape
  }
  return PATTERNS.some((p) => p.length === parts.length && p.every((s, i) => segmentMatches(s, parts[i]!)));
}
