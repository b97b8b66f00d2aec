/**
 * Authentication, authorization and CSRF defence, in one onRequest hook that runs before the
 * body is parsed or validated: no session → 401, a role without the right → 403.
 *
 * Every /api route declares `config.policy`; a route without one cannot be registered. The
 * policy also writes the route's OpenAPI `security` (`[]` public, the session scheme for staff).
 */
import fastifyCookie from '@fastify/cookie';
import type { RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../modules/audit/service.ts';
import { sessionUser, type SessionUser } from '../modules/accounts/service.ts';
import { ROLES, type Role } from '../modules/accounts/roles.ts';
import { AppError } from './errors.ts';

export type Policy = { public: true } | { roles: readonly Role[] };

export const PUBLIC: Policy = { public: true };
/** Any signed-in staff member. */
export const STAFF: Policy = { roles: ROLES };
export const MANAGERS: Policy = { roles: ['admin', 'manager'] };
export const ADMINS: Policy = { roles: ['admin'] };
/** Those who update actions: managers everywhere, officers for their department (checked in the service). */
export const EDITORS: Policy = { roles: ['admin', 'manager', 'officer'] };

export const SESSION_COOKIE = 'finhub_session';
export const SESSION_SCHEME = 'session';

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
  interface FastifyInstance {
    /** Every /api route with its policy and its per-route rate limit (null: none), for the
     *  authorization-matrix and rate-limit tests and the docs. */
    apiRoutes: { method: string; url: string; policy: Policy; rateLimit: RateLimitOptions | null }[];
  }
  interface FastifyRequest {
    user: SessionUser | null;
    sessionToken: string | null;
  }
}

/** The policy's refusal; a service's own refusal (e.g. another department's action) says more. */
export const ROLE_FORBIDDEN = { ko: '이 작업을 할 권한이 없습니다.', en: 'Your role may not do this.' };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Same-origin check for state-changing requests: the Origin (or Referer) must name this host. */
function sameOrigin(req: FastifyRequest): boolean {
  const source = req.headers.origin ?? req.headers.referer;
  if (!source) return false;
  try {
    const from = new URL(source);
    // Read the Host header under the source's scheme, so default ports (:80, :443) compare equal.
    return from.host === new URL(`${from.protocol}//${req.headers.host}`).host;
  } catch {
    return false;
  }
}

export function actorOf(req: FastifyRequest): Actor {
  return { userId: req.user?.id ?? null, email: req.user?.email ?? null, ip: req.ip };
}

/** The signed-in user, for handlers behind a staff policy (the hook already refused anonymous calls). */
export function userOf(req: FastifyRequest): SessionUser {
  if (!req.user) throw new AppError('UNAUTHENTICATED', { ko: '로그인이 필요합니다.', en: 'Sign-in required.' });
  return req.user;
}

export async function registerAuth(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCookie);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);

  app.decorate('apiRoutes', []);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    // Plugin routes: the API docs page and its assets are public.
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, policy: PUBLIC };
    const policy = route.config?.policy;
    if (!policy) throw new Error(`Route ${route.method} ${route.url} has no policy (config.policy)`);
    const rateLimit = route.config?.rateLimit || null;
    for (const method of [route.method].flat()) if (method !== 'HEAD') app.apiRoutes.push({ method, url: route.url, policy, rateLimit });
    if (route.schema) route.schema = { ...route.schema, security: 'public' in policy ? [] : [{ [SESSION_SCHEME]: [] }] };
  });

  app.addHook('onRequest', async (req: FastifyRequest, _reply: FastifyReply) => {
    if (!req.url.startsWith('/api/')) return; // static files: no session lookup
    const policy = req.routeOptions.config?.policy;
    if (!SAFE_METHODS.has(req.method) && !sameOrigin(req)) {
      throw new AppError('FORBIDDEN', {
        ko: '다른 출처에서 보낸 요청은 받지 않습니다(CSRF 방어).',
        en: 'Cross-origin request refused (CSRF defence): send a same-origin Origin header.',
      });
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      req.user = await sessionUser(req.server.db, token);
      req.sessionToken = req.user ? token : null;
    }
    if (!policy || 'public' in policy) return;
    if (!req.user) throw new AppError('UNAUTHENTICATED', { ko: '로그인이 필요합니다.', en: 'Sign-in required.' });
    if (!policy.roles.includes(req.user.role)) {
      throw new AppError('FORBIDDEN', ROLE_FORBIDDEN);
    }
  });
}
