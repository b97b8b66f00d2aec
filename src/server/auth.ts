/**
 * Authentication, authorization and CSRF defence, in one onRequest hook that runs before the
 * body is parsed or validated: no session → 401, a role without the right → 403.
 *
 * Access is decided from the route the router matched (`req.routeOptions`), never from the URL
 * text: `/%61pi/users`, `/api/./users` and `GET http://host/api/users` all match `/api/users` and
 * get its policy. Every route — API, web page, static file — declares `config.policy` (or is
 * registered through `registerWithPolicy`); one without cannot be registered, and a matched route
 * that somehow has none is refused (default deny). The Origin check covers every state-changing
 * request, matched or not. The policy also writes the route's OpenAPI `security`.
 */
import fastifyCookie from '@fastify/cookie';
import type { RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../modules/audit/service.ts';
import { sessionUser, type SessionUser } from '../modules/accounts/service.ts';
import { ROLES, type Role } from '../modules/accounts/roles.ts';
import { AppError, type ErrorCode } from './errors.ts';
import { routeFacts, SAFE_METHODS, withErrorResponses } from './route-errors.ts';

/** `public`: anyone (a staff session, when present, is still read: staff see drafts);
 *  `assets`: anyone, and no session lookup (static files, the API docs pages). */
export type Policy = { public: true; assets?: true } | { roles: readonly Role[] };

export const PUBLIC: Policy = { public: true };
export const ASSETS: Policy = { public: true, assets: true };
/** Any signed-in staff member, partners included: aggregate figures and the plan, never citizens' personal data. */
export const STAFF: Policy = { roles: ROLES };
/** The city's own staff, who may see citizens' (masked) personal data: not `partner`, an outside institution. */
export const CITY_STAFF: Policy = { roles: ROLES.filter((r) => r !== 'partner') };
export const MANAGERS: Policy = { roles: ['admin', 'manager'] };
export const ADMINS: Policy = { roles: ['admin'] };
/** Those who update actions: managers everywhere, officers for their department (checked in the service). */
export const EDITORS: Policy = { roles: ['admin', 'manager', 'officer'] };

export const SESSION_COOKIE = 'finhub_session';
export const SESSION_SCHEME = 'session';

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
    /** The domain codes (src/server/errors.ts) the route's handler may answer, beyond those its
     *  policy, method, schema and rate limit imply: documented in OpenAPI (src/server/route-errors.ts). */
    errors?: readonly ErrorCode[];
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

/** The policy for every route a plugin registers without its own (static files, the docs UI). */
const DEFAULT_POLICY = Symbol('finhub.defaultPolicy');

/**
 * Runs `register` (which registers a third-party plugin whose routes cannot carry
 * `config.policy`) in a scope whose routes get `policy`. Fastify makes each plugin scope with
 * Object.create(parent), so the mark on this scope is seen by the scopes the plugin opens inside
 * it, and by nothing outside.
 */
export async function registerWithPolicy(app: FastifyInstance, policy: Policy, register: (scope: FastifyInstance) => PromiseLike<unknown>): Promise<void> {
  await app.register(async (scope) => {
    (scope as unknown as Record<symbol, Policy>)[DEFAULT_POLICY] = policy;
    await register(scope);
  });
}

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
  app.addHook('onRoute', function (route) {
    const policy = route.config?.policy ?? (this as unknown as Record<symbol, Policy | undefined>)[DEFAULT_POLICY];
    if (!policy) throw new Error(`Route ${[route.method].flat().join(',')} ${route.url} has no policy (config.policy)`);
    route.config = { ...route.config, policy };
    if (!route.url.startsWith('/api/')) return;
    const rateLimit = route.config?.rateLimit || null;
    for (const method of [route.method].flat()) if (method !== 'HEAD') app.apiRoutes.push({ method, url: route.url, policy, rateLimit });
    if (route.schema) {
      // The error answers come from what the route is (src/server/route-errors.ts), not a hand-written map.
      const schema = withErrorResponses(routeFacts(route));
      route.schema = { ...schema, security: 'public' in policy ? [] : [{ [SESSION_SCHEME]: [] }] };
    }
  });

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    // Every state-changing request, whatever its path and whether or not a route matched.
    if (!SAFE_METHODS.has(req.method) && !sameOrigin(req)) {
      throw new AppError('CROSS_ORIGIN', {
        ko: '다른 출처에서 보낸 요청은 받지 않습니다(CSRF 방어).',
        en: 'Cross-origin request refused (CSRF defence): send a same-origin Origin header.',
      });
    }
    // No route matched: the not-found handler answers (a plain 404 under /api).
    if (req.routeOptions.url === undefined) return;
    const policy = req.routeOptions.config.policy;
    if (!policy) {
      // Default deny: onRoute refuses such routes, so this is a bug, not a visitor's mistake.
      req.log.error({ route: req.routeOptions.url }, 'matched route has no policy: refused');
      throw new AppError('FORBIDDEN', ROLE_FORBIDDEN);
    }
    if ('assets' in policy) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      req.user = await sessionUser(req.server.db, token);
      req.sessionToken = req.user ? token : null;
    }
    if ('public' in policy) return;
    // Staff answers may carry personal data: never kept by a browser or a shared cache.
    void reply.header('cache-control', 'no-store');
    if (!req.user) throw new AppError('UNAUTHENTICATED', { ko: '로그인이 필요합니다.', en: 'Sign-in required.' });
    if (!policy.roles.includes(req.user.role)) {
      throw new AppError('FORBIDDEN', ROLE_FORBIDDEN);
    }
  });
}
