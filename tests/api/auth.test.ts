/** Sign-in, sessions, lockout, CSRF and password change, on PGlite and PostgreSQL. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { auditLog } from '../../src/db/schema.ts';
import { sessions, users } from '../../src/modules/accounts/schema.ts';
import { deleteExpiredSessions } from '../../src/modules/accounts/service.ts';
import { DB_KINDS } from '../support/db.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { createStaff, ORIGIN, signIn, TEST_PASSWORD } from '../support/auth.ts';

for (const kind of DB_KINDS) {
  describe(`sign-in and sessions on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(kind);
    });
    after(() => t.close());

    const login = (email: string, password: string, headers: Record<string, string> = { origin: ORIGIN }) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: { email, password } });
    const auditActions = async (userId: number) =>
      (await t.database.db.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, String(userId))).orderBy(auditLog.id)).map((r) => r.a);

    it('signs in with an HttpOnly, SameSite cookie; /me knows the user; sign-out ends the session', async () => {
      const user = await createStaff(t.database, 'manager');
      const res = await login(user.email.toUpperCase(), TEST_PASSWORD);
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().user.email, user.email);
      const cookie = res.cookies.find((c) => c.name === 'finhub_session')!;
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      assert.equal(cookie.path, '/');
      const headers = { cookie: `finhub_session=${cookie.value}`, origin: ORIGIN };
      const me = await t.app.inject({ url: '/api/auth/me', headers });
      assert.equal(me.statusCode, 200);
      assert.deepEqual(me.json().user, { id: user.id, email: user.email, name: user.name, role: 'manager', departmentId: null });
      // the cookie holds a token; the table holds only its hash
      const [stored] = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
      assert.notEqual(stored!.id, cookie.value);
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers })).statusCode, 204);
      assert.equal((await t.app.inject({ url: '/api/auth/me', headers })).statusCode, 401);
      assert.deepEqual(await auditActions(user.id), ['user.create', 'auth.login', 'auth.logout']);
    });

    it('answers a wrong password and an unknown e-mail alike, in both languages', async () => {
      const user = await createStaff(t.database, 'viewer');
      for (const res of [await login(user.email, 'wrong password!'), await login('nobody@jeonju.test', TEST_PASSWORD)]) {
        assert.equal(res.statusCode, 401);
        assert.equal(res.json().error.code, 'UNAUTHENTICATED');
        assert.match(res.json().error.message.ko, /올바르지 않습니다/);
        assert.match(res.json().error.message.en, /Wrong e-mail or password/);
        assert.equal(res.cookies.length, 0);
      }
    });

    it('locks an account after five failures in a row, even against the right password', async () => {
      const user = await createStaff(t.database, 'officer');
      for (let i = 0; i < 5; i++) assert.equal((await login(user.email, `guess ${i}`)).statusCode, 401);
      const locked = await login(user.email, TEST_PASSWORD);
      assert.equal(locked.statusCode, 429);
      assert.match(locked.json().error.message.en, /locked/);
      const retryAfter = Number(locked.headers['retry-after']);
      assert.ok(retryAfter > 14 * 60 && retryAfter <= 15 * 60, `Retry-After says when the lock ends: ${locked.headers['retry-after']}`);
      assert.deepEqual(await auditActions(user.id), ['user.create', ...Array(4).fill('auth.login_failed'), 'auth.lock']);
      // once the lock has passed, the right password works again
      await t.database.db.update(users).set({ lockedUntil: new Date(Date.now() - 1000) }).where(eq(users.id, user.id));
      assert.equal((await login(user.email, TEST_PASSWORD)).statusCode, 200);
    });

    it('refuses expired sessions and disabled users', async () => {
      const user = await createStaff(t.database, 'viewer');
      const headers = await signIn(t, user.email);
      await t.database.db.update(sessions).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(sessions.userId, user.id));
      assert.equal((await t.app.inject({ url: '/api/auth/me', headers })).statusCode, 401);
      await deleteExpiredSessions(t.database.db); // the hourly job
      assert.equal((await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).length, 0);
      await t.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
      assert.equal((await login(user.email, TEST_PASSWORD)).statusCode, 401);
    });

    it('refuses state-changing requests without a same-origin Origin (CSRF), before anything else', async () => {
      const user = await createStaff(t.database, 'manager');
      const { cookie } = await signIn(t, user.email);
      for (const headers of [{ cookie }, { cookie, origin: 'https://evil.example' }, { cookie, origin: 'null' }, { cookie, referer: 'http://evil.example/x' }]) {
        const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers });
        assert.equal(res.statusCode, 403, JSON.stringify(headers));
        assert.match(res.json().error.message.en, /CSRF/);
      }
      const viaReferer = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, referer: `${ORIGIN}/staff` } });
      assert.equal(viaReferer.statusCode, 204);
      assert.equal((await login(user.email, TEST_PASSWORD, {})).statusCode, 403, 'login needs an Origin too');
    });

    it('changes the password: checks the current one, ends the other sessions', async () => {
      const user = await createStaff(t.database, 'manager');
      const mine = await signIn(t, user.email);
      const other = await signIn(t, user.email);
      const change = (payload: object) => t.app.inject({ method: 'POST', url: '/api/auth/password', headers: mine, payload });
      const wrong = await change({ currentPassword: 'not it at all', newPassword: 'a new long password' });
      assert.equal(wrong.statusCode, 400);
      assert.equal(wrong.json().error.fields[0].field, 'currentPassword');
      const short = await change({ currentPassword: TEST_PASSWORD, newPassword: 'short' });
      assert.equal(short.statusCode, 400);
      assert.equal(short.json().error.fields[0].field, 'password');
      assert.equal((await login(user.email, TEST_PASSWORD)).statusCode, 200, 'nothing changed by the refusals');
      assert.equal((await change({ currentPassword: TEST_PASSWORD, newPassword: 'a new long password' })).statusCode, 204);
      assert.equal((await t.app.inject({ url: '/api/auth/me', headers: mine })).statusCode, 200);
      assert.equal((await t.app.inject({ url: '/api/auth/me', headers: other })).statusCode, 401);
      assert.equal((await login(user.email, TEST_PASSWORD)).statusCode, 401);
      assert.equal((await login(user.email, 'a new long password')).statusCode, 200);
    });

    it('validates the login body field by field', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: ORIGIN }, payload: { email: 'not-an-email' } });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(res.json().error.fields.map((f: { field: string }) => f.field).sort(), ['email', 'password']);
    });
  });
}

describe('login rate limit per client address', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp('pglite', { loginRateLimit: 3 });
  });
  after(() => t.close());

  it('answers 429 in both languages past the limit', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: ORIGIN }, payload: { email: 'x@jeonju.test', password: 'whatever' } });
      codes.push(res.statusCode);
      if (res.statusCode === 429) {
        assert.equal(res.json().error.code, 'RATE_LIMITED');
        assert.match(res.json().error.message.ko, /요청이 너무 많습니다/);
      }
    }
    assert.deepEqual(codes, [401, 401, 401, 429]);
  });
});
