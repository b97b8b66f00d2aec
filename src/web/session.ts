/**
 * Who is signed in to the staff workspace. The session itself is an HttpOnly cookie the page
 * cannot read; `GET /api/auth/me` says whose it is. Any staff call that answers 401 (expiry,
 * sign-out in another tab) marks the session as ended, and the app sends the user to sign in.
 */
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { Role } from '../modules/accounts/roles.ts';
import { ApiError, UNAUTHORIZED_EVENT } from './api-client.ts';
import { forgetStaffData } from './queries.ts';
import { fetchMe, type User } from './staff-api.ts';

type SessionState = { status: 'loading' } | { status: 'signedIn'; user: User } | { status: 'signedOut' } | { status: 'error'; error: unknown };

export interface Session {
  state: SessionState;
  /** After sign-in (a user) or sign-out (null). */
  setUser: (user: User | null) => void;
  retry: () => void;
}

export const SessionContext = createContext<Session>({ state: { status: 'signedOut' }, setUser: () => {}, retry: () => {} });

export function useSession(): Session {
  return useContext(SessionContext);
}

/** The signed-in user; staff pages are only rendered once there is one. */
export function useUser(): User {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useUser outside a signed-in staff page');
  return state.user;
}

export const MANAGER_ROLES: readonly Role[] = ['admin', 'manager'];
export const EDITOR_ROLES: readonly Role[] = ['admin', 'manager', 'officer'];
/** City staff: every role but partners (outside institutions), as the server's CITY_STAFF policy. */
export const CITY_STAFF_ROLES: readonly Role[] = ['admin', 'manager', 'officer', 'viewer'];

export const isManager = (user: User) => MANAGER_ROLES.includes(user.role);
/** The city's own staff see citizens' (masked) personal data; a partner institution does not
 *  (the server's CITY_STAFF policy refuses it; docs/security.md). */
export const seesPersonalData = (user: User) => user.role !== 'partner';

/** Loads the session while `active` (the staff area is shown); keeps it across staff pages. */
export function useSessionLoader(active: boolean): Session {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the trigger of a retry
  useEffect(() => {
    if (!active || loaded) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchMe(controller.signal).then(
      ({ user }) => {
        setState({ status: 'signedIn', user });
        setLoaded(true);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) {
          setState({ status: 'signedOut' });
          setLoaded(true);
        } else setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [active, loaded, attempt]);

  useEffect(() => {
    const onUnauthorized = () => {
      forgetStaffData();
      setState({ status: 'signedOut' });
    };
    window.addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
  }, []);

  const setUser = useCallback((user: User | null) => {
    forgetStaffData();
    setState(user ? { status: 'signedIn', user } : { status: 'signedOut' });
    setLoaded(true);
  }, []);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, setUser, retry };
}
