/**
 * Routing is react-router's, in its declarative mode (<BrowserRouter> in main.tsx, the route
 * table in routes.tsx rendered by App with useRoutes, its addresses in route-paths.ts). This file names the routes: App matches
 * the address once per render and shares the current route (its name and validated id or
 * token, and who may see it) through RouteContext, for the header, the staff menu, the staff
 * area's role check and the pages' ids.
 */
import { createContext, useContext } from 'react';
import { matchRoutes, type Location, type RouteObject } from 'react-router';
import type { Role } from '../modules/accounts/roles.ts';
import { ID, TOKEN } from './route-paths.ts';

type StaffRouteName =
  | 'staffLogin'
  | 'staffHome'
  | 'staffPassword'
  | 'staffImport'
  | 'staffUsers'
  | 'staffAudit'
  | 'staffOutbox'
  | 'staffPlan'
  | 'staffPlanAction'
  | 'staffLedger'
  | 'staffReports'
  | 'staffEnglish'
  | 'staffAcademy'
  | 'staffAcademySession'
  | 'staffCheckIn'
  | 'staffSchool'
  | 'staffSettlement'
  | 'staffEvents'
  | 'staffEvent'
  | 'staffEventCheckIn'
  | 'staffMeetings'
  | 'staffMeeting'
  | 'staffMeetingMinutes'
  | 'staffTraining'
  | 'staffTrainingCohort'
  | 'staffTrainingDisplay'
  | 'staffOrdinance'
  | 'staffAttraction'
  | 'staffNews'
  | 'staffNewsItem';

type StaffIdRouteName =
  | 'staffPlan'
  | 'staffPlanAction'
  | 'staffLedger'
  | 'staffReports'
  | 'staffEnglish'
  | 'staffAcademySession'
  | 'staffCheckIn'
  | 'staffEvent'
  | 'staffEventCheckIn'
  | 'staffMeeting'
  | 'staffMeetingMinutes'
  | 'staffTrainingCohort'
  | 'staffTrainingDisplay'
  | 'staffNewsItem';
type IdRouteName = 'plan' | 'planDisclosure' | 'academySession' | 'event' | 'facility' | 'trainingCohort' | 'newsItem' | StaffIdRouteName;
type TokenRouteName = 'registration' | 'survey' | 'schoolApplication' | 'feedbackTracking' | 'trainee' | 'certificate';

export type Route =
  | {
      name:
        | 'home'
        | 'notFound'
        | 'academy'
        | 'school'
        | 'events'
        | 'facilities'
        | 'settlement'
        | 'settlementBoard'
        | 'settlementSurvey'
        | 'findRegistration'
        | 'ordinance'
        | 'attraction'
        | 'training'
        | 'trainingCheckIn'
        | 'privacy'
        | 'copyright'
        | 'accessibility'
        | 'news'
        | 'openData';
    }
  | { name: Exclude<StaffRouteName, StaffIdRouteName> }
  | { name: IdRouteName; id: number }
  | { name: 'planAction'; id: number; actionId: number }
  | { name: TokenRouteName; token: string };

/** What a route of routes.tsx carries in its `handle`: its name, and who may see it (staff pages). */
export interface RouteHandle {
  name: Route['name'];
  roles?: readonly Role[];
}

export interface CurrentRoute {
  route: Route;
  roles?: readonly Role[];
}

/** The route an address shows: the deepest match with a handle; a malformed id or token is not found. */
export function matchRoute(routes: RouteObject[], location: Partial<Location>): CurrentRoute {
  const match = [...(matchRoutes(routes, location) ?? [])].reverse().find((m) => m.route.handle);
  const handle = match?.route.handle as RouteHandle | undefined;
  if (!match || !handle) return { route: { name: 'notFound' } };
  const { id, actionId, token } = match.params;
  if (id !== undefined && !ID.test(id)) return { route: { name: 'notFound' } };
  if (actionId !== undefined && !ID.test(actionId)) return { route: { name: 'notFound' } };
  if (token !== undefined && !TOKEN.test(token)) return { route: { name: 'notFound' } };
  const route = (
    id !== undefined
      ? { name: handle.name, id: Number(id), ...(actionId !== undefined ? { actionId: Number(actionId) } : {}) }
      : token !== undefined
        ? { name: handle.name, token }
        : { name: handle.name }
  ) as Route;
  return { route, roles: handle.roles };
}

export const RouteContext = createContext<CurrentRoute>({ route: { name: 'notFound' } });

/** The current route (App provides it). */
export function useRoute(): Route {
  return useContext(RouteContext).route;
}

/** The roles the current route is limited to, if any. */
export function useRouteRoles(): readonly Role[] | undefined {
  return useContext(RouteContext).roles;
}

export function isStaffRoute(route: Route): boolean {
  return route.name.startsWith('staff');
}
