/** Sign-in, sessions, guess throttling, CSRF and password change, on PGlite and PostgreSQL, and with the throttle in Redis (REDIS_URL). */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { auditLog } from '../../src/db/schema.ts';
import { sessions, users } from '../../src/modules/accounts/schema.ts';
import { deleteExpiredSessions } from '../../src/modules/accounts/service.ts';
import { loginEmailKey, loginKey, passwordKey } from '../../src/modules/accounts/throttle.ts';
import { ANY_KIND } from '../support/db.ts';
import { COUNTER_STORES } from '../support/redis.ts';
import { throttleProbe, type ThrottleProbe } from '../support/throttle.ts';
import { buildApp } from '../../src/server/app.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { createStaff, ORIGIN, signIn, TEST_PASSWORD } from '../support/auth.ts';

for (const { kind, redis, name } of COUNTER_STORES) {
  describe(`sign-in and sessions on ${name}`, () => {
    let t: TestApp;
    let probe: ThrottleProbe;
    before(async () => {
      t = await openTestApp(kind, { redis });
      probe = throttleProbe(t);
    });
    after(async () => {
      await probe.close();
      await t.close();
    });

    const login = (email: string, password: string, headers: Record<string, string> = { origin: ORIGIN }, remoteAddress = '127.0.0.1') =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: { email, password }, remoteAddress });
    const from = (remoteAddress: string, email: string, password: string) => login(email, password, { origin: ORIGIN }, remoteAddress);
    /** What a caller sees of a refused sign-in: everything but the per-response headers. */
    const seen = (res: Awaited<ReturnType<typeof login>>) => ({
      status: res.statusCode,
      body: res.body,
      headers: Object.keys(res.headers)
        .filter((h) => !['date', 'x-request-id'].includes(h))
        .sort(),
      retryAfter: res.headers['retry-after'] !== undefined,
      cookies: res.cookies.length,
    });
    /** Time passes for the throttle (it counts on its store's clock). */
    const waitOut = (key: string) => probe.waitUntil(key, -1000);
    const auditActions = async (userId: number) =>
      (
        await t.database.db
          .select({ a: auditLog.action })
          .from(auditLog)
          .where(eq(auditLog.entityId, String(userId)))
          .orderBy(auditLog.id)
      ).map((r) => r.a);

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
      assert.deepEqual(me.json().user, { id: user.id, email: user.email, name: user.name, role: 'manager', departmentId: null, organisationId: null });
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
        assert.equal(res.json().error.message.ko, '이메일 또는 비밀번호가 올바르지 않습니다.');
        assert.equal(res.json().error.message.en, 'E-mail or password is incorrect.');
        assert.equal(res.cookies.length, 0);
      }
    });

    it('never locks: five failures delay that address (same 401 as an unknown e-mail, with Retry-After); the right password from elsewhere gets in', async () => {
      const user = await createStaff(t.database, 'admin');
      const stranger = '198.51.100.7';
      const unknown = `nobody-${kind}${redis ? '-redis' : ''}@jeonju.test`;
      const answers = async (email: string) => {
        const seenAll: ReturnType<typeof seen>[] = [];
        for (let i = 0; i < 5; i++) seenAll.push(seen(await from(stranger, email, `guess ${i}`)));
        // The fifth failure made the address wait 1 s (on the store's clock); hold that wait for the test.
        assert.equal((await probe.peek(loginKey(email, stranger)))!.waitMs, 1000, 'the first wait is 1 s');
        await probe.waitUntil(loginKey(email, stranger), 30_000);
        // While it waits, tries from that address are refused unchecked — even the right password.
        const right = await from(stranger, email, TEST_PASSWORD);
        seenAll.push(seen(await from(stranger, email, 'guess 5')), seen(right));
        const retryAfter = Number(right.headers['retry-after']);
        assert.ok(retryAfter > 0 && retryAfter <= 30, `Retry-After: ${right.headers['retry-after']}`);
        return seenAll;
      };
      const known = await answers(user.email);
      const none = await answers(unknown);
      assert.deepEqual(known, none, 'a known and an unknown e-mail answer alike, attempt by attempt');
      assert.deepEqual(
        known.map((k) => [k.status, k.retryAfter, k.cookies]),
        [...Array(5).fill([401, false, 0]), ...Array(2).fill([401, true, 0])],
      );
      assert.equal(JSON.parse(known[6]!.body).error.message.en, 'E-mail or password is incorrect.');
      assert.equal((await probe.peek(loginKey(user.email, stranger)))!.failures, 5, 'refused tries are not counted');
      // The admin, at another address, is not locked out.
      assert.equal((await from('192.0.2.10', user.email, TEST_PASSWORD)).statusCode, 200);
      // Failures are audited (not the refused tries, which were not checked).
      assert.deepEqual(await auditActions(user.id), ['user.create', ...Array(5).fill('auth.login_failed'), 'auth.login']);
      // Once the wait has passed the address is checked again, and its next failure doubles the wait.
      await waitOut(loginKey(user.email, stranger));
      const again = await from(stranger, user.email, 'guess 6');
      assert.equal(again.statusCode, 401);
      assert.equal(again.headers['retry-after'], undefined);
      assert.deepEqual(await probe.peek(loginKey(user.email, stranger)), { failures: 6, waitMs: 2000 }, 'the sixth failure waits 2 s');
      await waitOut(loginKey(user.email, stranger));
      assert.equal((await from(stranger, user.email, TEST_PASSWORD)).statusCode, 200, 'after the wait the right password works');
      assert.equal(await probe.peek(loginKey(user.email, stranger)), null, 'a success clears the count');
    });

    it('guesses spread over many addresses make every failing address wait from its first failure; the right password from a clean one still gets in', async () => {
      const user = await createStaff(t.database, 'admin');
      const unknown = `nobody-spread-${kind}${redis ? '-redis' : ''}@jeonju.test`;
      const waitOf = async (key: string) => (await probe.peek(key))!.waitMs;
      for (const email of [user.email, unknown]) {
        // Five addresses, one guess each: nobody waits yet (each address has its five).
        for (let i = 1; i <= 5; i++) {
          const res = await from(`203.0.113.${i}`, email, 'guess');
          assert.equal(res.statusCode, 401);
          assert.equal(await waitOf(loginKey(email, `203.0.113.${i}`)), 0);
        }
        // From then on, a new address that fails waits 1 s after its first failure.
        for (let i = 6; i <= 8; i++) {
          assert.equal((await from(`203.0.113.${i}`, email, 'guess')).statusCode, 401);
          assert.equal(await waitOf(loginKey(email, `203.0.113.${i}`)), 1000, `address ${i}, ${email}`);
        }
        assert.equal((await probe.peek(loginEmailKey(email)))!.failures, 8);
      }
      // The e-mail's count only slows: the right password from an address that has not failed gets in.
      assert.equal((await from('192.0.2.20', user.email, TEST_PASSWORD)).statusCode, 200, 'not locked out');
      assert.equal(await probe.peek(loginEmailKey(user.email)), null, 'a success clears the count');
      // Idle counts are forgotten: deleted by the hourly job (the table), or expired (Redis).
      await probe.forgetIdle(loginEmailKey(unknown));
      assert.equal(await probe.peek(loginEmailKey(unknown)), null);
      assert.notEqual(await probe.peek(loginKey(unknown, '203.0.113.8')), null, 'fresh counts stay');
    });

    it('ends a session 24 hours after sign-in however busy it is; sliding never goes past that', async () => {
      const user = await createStaff(t.database, 'viewer');
      const headers = await signIn(t, user.email);
      // Used a minute ago and 23 h 59 min old: still valid, and the refresh stops at 24 h from sign-in.
      await t.database.db
        .update(sessions)
        .set({ createdAt: sql`now() - interval '23 hours 59 minutes'`, lastSeenAt: sql`now() - interval '2 minutes'` })
        .where(eq(sessions.userId, user.id));
      assert.equal((await t.app.inject({ url: '/api/auth/me', headers })).statusCode, 200);
      const [row] = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
      assert.ok(
        row!.expiresAt.getTime() <= row!.createdAt.getTime() + 24 * 3_600_000 + 1000,
        `expires ${row!.expiresAt.toISOString()} after created ${row!.createdAt.toISOString()} + 24 h`,
      );
      // 24 h and a minute old, though its sliding expiry lies ahead: refused, and deleted by the hourly job.
      await t.database.db
        .update(sessions)
        .set({ createdAt: sql`now() - interval '24 hours 1 minute'`, expiresAt: sql`now() + interval '1 hour'` })
        .where(eq(sessions.userId, user.id));
      assert.equal((await t.app.inject({ url: '/api/auth/me', headers })).statusCode, 401);
      await deleteExpiredSessions(t.database.db);
      assert.equal((await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).length, 0);
    });

    it('sign-out without a session, or with a dead one, is a bilingual 401', async () => {
      for (const headers of [{ origin: ORIGIN }, { origin: ORIGIN, cookie: 'finhub_session=not-a-session' }]) {
        const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers });
        assert.equal(res.statusCode, 401, res.body);
        assert.equal(res.json().error.code, 'UNAUTHENTICATED');
        assert.equal(res.json().error.message.ko, '로그인이 필요합니다.');
        assert.equal(res.json().error.message.en, 'Sign-in required.');
      }
    });

    it('marks the session cookie Secure when the public address is https (behind a TLS proxy too) or the request came over https', async () => {
      const user = await createStaff(t.database, 'viewer');
      const cookieOf = (res: Awaited<ReturnType<typeof login>>) => res.cookies.find((c) => c.name === 'finhub_session')!;
      // The test app's public address is http://finhub.test: no Secure flag over plain http.
      const plain = await login(user.email, TEST_PASSWORD);
      assert.equal(cookieOf(plain).secure, undefined);
      assert.equal(cookieOf(plain).maxAge, 24 * 60 * 60, 'the cookie may live as long as the session (24 h)');
      const behindProxy = await buildApp({ config: { logLevel: 'silent', loginRateLimit: 0, publicUrl: 'https://finhub.example' }, database: t.database, web: false });
      const trustsProxy = await buildApp({
        config: { logLevel: 'silent', loginRateLimit: 0, publicUrl: 'http://finhub.test', trustProxy: true },
        database: t.database,
        web: false,
      });
      try {
        // The proxy speaks plain http to the app: the configured https address decides.
        const res = await behindProxy.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: ORIGIN }, payload: { email: user.email, password: TEST_PASSWORD } });
        assert.equal(res.statusCode, 200);
        assert.equal(cookieOf(res).secure, true);
        const out = await behindProxy.inject({ method: 'POST', url: '/api/auth/logout', headers: { origin: ORIGIN, cookie: `finhub_session=${cookieOf(res).value}` } });
        assert.equal(out.statusCode, 204);
        assert.equal(cookieOf(out).secure, true, 'the clearing cookie matches');
        // A request that came over https (X-Forwarded-Proto from a trusted proxy).
        const overHttps = await trustsProxy.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { origin: 'https://localhost:80', 'x-forwarded-proto': 'https' },
          payload: { email: user.email, password: TEST_PASSWORD },
        });
        assert.equal(overHttps.statusCode, 200, overHttps.body);
        assert.equal(cookieOf(overHttps).secure, true);
      } finally {
        await behindProxy.close();
        await trustsProxy.close();
      }
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

    it('slows wrong current passwords on a password change: after five, a growing wait (429, bilingual)', async () => {
      const user = await createStaff(t.database, 'manager');
      const mine = await signIn(t, user.email);
      const change = (currentPassword: string) =>
        t.app.inject({ method: 'POST', url: '/api/auth/password', headers: mine, payload: { currentPassword, newPassword: 'another long password' } });
      for (let i = 0; i < 5; i++) assert.equal((await change(`not it ${i}`)).statusCode, 400);
      const waiting = await change(TEST_PASSWORD);
      assert.equal(waiting.statusCode, 429, waiting.body);
      assert.equal(waiting.json().error.code, 'RATE_LIMITED');
      assert.match(waiting.json().error.message.ko, /현재 비밀번호가 여러 번 틀렸습니다\. \d+초 뒤에 다시 시도하십시오\./);
      assert.match(waiting.json().error.message.en, /Try again in \d+ s/);
      assert.ok(Number(waiting.headers['retry-after']) >= 1);
      assert.equal((await login(user.email, TEST_PASSWORD)).statusCode, 200, 'the password did not change');
      await waitOut(passwordKey(user.id));
      assert.equal((await change(TEST_PASSWORD)).statusCode, 204, 'after the wait the right current password works');
      assert.equal(await probe.peek(passwordKey(user.id)), null);
    });

    it('validates the login body field by field', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: ORIGIN }, payload: { email: 'not-an-email' } });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(
        res
          .json()
          .error.fields.map((f: { field: string }) => f.field)
          .sort(),
        ['email', 'password'],
      );
    });
  });
}

describe('login rate limit per client address', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp(ANY_KIND, { loginRateLimit: 3 });
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
