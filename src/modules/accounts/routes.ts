/** Sign-in, sessions, users and departments. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, ADMINS, PUBLIC, SESSION_COOKIE, STAFF, userOf } from '../../server/auth.ts';
import { DepartmentSchema, IdParams, LoginBody, NewDepartmentBody, NewUserBody, PasswordBody, UserAdminSchema, UserPatchBody, UserSchema } from './api-schema.ts';
import { AppError } from '../../server/errors.ts';
import { changePassword, createDepartment, createUser, listDepartments, listUsers, login, logout, SESSION_MAX_AGE_MS, updateUser } from './service.ts';

/** The session token of a signed-in request; without one (no or a dead cookie) a bilingual 401, never a crash. */
function sessionTokenOf(req: FastifyRequest): string {
  if (!req.user || !req.sessionToken) throw new AppError('UNAUTHENTICATED', { ko: '로그인이 필요합니다.', en: 'Sign-in required.' });
  return req.sessionToken;
}

/**
 * `secureCookies`: the public address (FINHUB_PUBLIC_URL) is https, so the session cookie is
 * Secure even when a TLS proxy forwards plain http; a request that came over https sets it too.
 */
export const accountRoutes: FastifyPluginAsyncZod<{ loginRateLimit: number; secureCookies?: boolean }> = async (app, { loginRateLimit, secureCookies = false }) => {
  const cookieOptions = (req: FastifyRequest) => ({ httpOnly: true, sameSite: 'lax' as const, secure: secureCookies || req.protocol === 'https', path: '/' });

  app.post(
    '/api/auth/login',
    {
      config: { policy: PUBLIC, rateLimit: loginRateLimit > 0 ? { max: loginRateLimit, timeWindow: '1 minute' } : false, errors: ['UNAUTHENTICATED'] },
      schema: { operationId: 'login', summary: 'Sign in / 로그인', tags: ['auth'], body: LoginBody, response: { 200: z.object({ user: UserSchema }) } },
    },
    async (req, reply) => {
      const { token, user } = await login(app.db, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null }, app.throttle);
      // The cookie lives as long as the session may (its maximum age); the server ends it sooner when idle.
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(req), maxAge: Math.floor(SESSION_MAX_AGE_MS / 1000) });
      return { user };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { policy: STAFF }, schema: { operationId: 'logout', summary: 'Sign out / 로그아웃', tags: ['auth'], response: { 204: z.null() } } },
    async (req, reply) => {
      await logout(app.db, actorOf(req), sessionTokenOf(req));
      reply.clearCookie(SESSION_COOKIE, cookieOptions(req));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { config: { policy: STAFF }, schema: { operationId: 'me', summary: 'The signed-in user / 내 정보', tags: ['auth'], response: { 200: z.object({ user: UserSchema }) } } },
    async (req) => ({ user: userOf(req) }),
  );

  app.post(
    '/api/auth/password',
    {
      config: { policy: STAFF, errors: ['RATE_LIMITED'] },
      schema: { operationId: 'changePassword', summary: 'Change my password / 비밀번호 변경', tags: ['auth'], body: PasswordBody, response: { 204: z.null() } },
    },
    async (req, reply) => {
      const user = userOf(req);
      await changePassword(app.db, { ...actorOf(req), userId: user.id }, sessionTokenOf(req), req.body.currentPassword, req.body.newPassword, app.throttle);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/users',
    {
      config: { policy: ADMINS },
      schema: { operationId: 'listUsers', summary: 'Staff users / 사용자 목록', tags: ['users'], response: { 200: z.object({ items: z.array(UserAdminSchema) }) } },
    },
    async () => ({ items: await listUsers(app.db) }),
  );

  app.post(
    '/api/users',
    {
      config: { policy: ADMINS, errors: ['EMAIL_TAKEN'] },
      schema: { operationId: 'createUser', summary: 'Add a staff user / 사용자 추가', tags: ['users'], body: NewUserBody, response: { 201: UserSchema } },
    },
    async (req, reply) => reply.status(201).send(await createUser(app.db, actorOf(req), req.body)),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { policy: ADMINS, errors: ['OWN_ACCOUNT'] },
      schema: {
        operationId: 'updateUser',
        summary: 'Change role, department, or disable / 사용자 변경',
        tags: ['users'],
        params: IdParams,
        body: UserPatchBody,
        response: { 200: UserAdminSchema },
      },
    },
    async (req) => updateUser(app.db, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/departments',
    {
      config: { policy: STAFF },
      schema: { operationId: 'listDepartments', summary: 'Departments / 부서 목록', tags: ['users'], response: { 200: z.object({ items: z.array(DepartmentSchema) }) } },
    },
    async () => ({ items: await listDepartments(app.db) }),
  );

  app.post(
    '/api/departments',
    {
      config: { policy: ADMINS, errors: ['DEPARTMENT_EXISTS'] },
      schema: { operationId: 'createDepartment', summary: 'Add a department / 부서 추가', tags: ['users'], body: NewDepartmentBody, response: { 201: DepartmentSchema } },
    },
    async (req, reply) => reply.status(201).send(await createDepartment(app.db, actorOf(req), req.body)),
  );
};
