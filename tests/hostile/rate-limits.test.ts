/**
 * Rate limits hold, on PGlite and PostgreSQL, and counted in Redis (REDIS_URL): login (FINHUB_LOGIN_RATE_LIMIT) and every public
 * write (FINHUB_PUBLIC_RATE_LIMIT) answer 429 past the limit — bilingual, with Retry-After —
 * write nothing, leave other addresses alone, and let the address through again once the
 * window (one minute) has passed. Every public write route must carry a limit: a new one
 * without fails here. Guesses on one account from many addresses slow those addresses but do
 * not lock the account's owner out. The client address is app.inject's remoteAddress (Fastify's req.ip).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it, mock } from 'node:test';
import { sql } from 'drizzle-orm';
import { events } from '../../src/modules/events/schema.ts';
import { quarterOf } from '../../src/modules/plan/seoul-time.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { loginEmailKey, loginKey } from '../../src/modules/accounts/throttle.ts';
import { createStaff, mintSession, ORIGIN, TEST_PASSWORD } from '../support/auth.ts';
import { COUNTER_STORES } from '../support/redis.ts';
import { throttleProbe, type ThrottleProbe } from '../support/throttle.ts';
import { countRows } from '../support/running.ts';
import { rows } from '../../src/db/executor.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const YEAR = quarterOf(new Date()).year;
const LIMIT = 3;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const TABLES = ['registrations', 'event_registrations', 'survey_responses', 'school_applications', 'users', 'sessions', 'audit_log', 'outbox'] as const;

let addressSeq = 0;
/** A client address no other test in this file uses. */
const newAddress = () => `10.${Math.floor(++addressSeq / 250)}.${addressSeq % 250}.${kindOffset}`;
let kindOffset = 1;
let phoneSeq = 1000;
const nextPhone = () => `010-6${kindOffset}00-${String(phoneSeq++).padStart(4, '0')}`;

/** The bilingual 429 every limit answers, with the seconds to wait in Retry-After. */
function assertLimited(res: { statusCode: number; headers: Record<string, unknown>; body: string }, label: string) {
  assert.equal(res.statusCode, 429, `${label}: ${res.statusCode} ${res.body}`);
  const body = JSON.parse(res.body);
  assert.equal(body.error.code, 'RATE_LIMITED', label);
  assert.match(body.error.message.ko, /요청이 너무 많습니다/, label);
  assert.match(body.error.message.en, /Too many requests/, label);
  const retryAfter = Number(res.headers['retry-after']);
  assert.ok(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 60, `${label}: Retry-After ${String(res.headers['retry-after'])}`);
}

for (const [n, { kind, redis, name }] of COUNTER_STORES.entries()) {
  describe(`rate limits on ${name}`, () => {
    let t: TestApp;
    let probe: ThrottleProbe;
    let manager: Record<string, string>;
    let sessionId: number;
    let eventId: number;
    let user: { email: string };

    const call = (method: Method, url: string, remoteAddress: string, payload?: object, headers: Record<string, string> = {}) =>
      t.app.inject({ method, url, remoteAddress, headers: { origin: ORIGIN, ...headers }, ...(payload ? { payload } : {}) });
    const staffCall = (method: Method, url: string, payload?: object) => t.app.inject({ method, url, headers: manager, ...(payload ? { payload } : {}) });
    const counts = () => countRows(t, TABLES);
    const registration = () => ({ name: '신청자', phone: nextPhone(), consent: true });
    const school = (n: number) => ({
      schoolName: `속도초등학교 ${kind} ${n}`,
      level: 'elementary',
      teacherName: '김교사',
      teacherPhone: nextPhone(),
      grade: '5학년',
      students: 20,
      preferredDates: [`${YEAR + 1}-04-01`],
      topics: '저축',
      consent: true,
    });

    /** A request every public write route accepts as far as the limit goes (refusals still count). */
    const sample = (method: string, url: string): [string, object | undefined] => {
      const path = url.replace(':token', randomBytes(32).toString('base64url')).replace(':id', String(url.startsWith('/api/events') ? eventId : sessionId));
      if (url === '/api/auth/login') return [path, { email: 'nobody@jeonju.test', password: 'wrong password' }];
      if (url === '/api/academy/sessions/:id/registrations') return [path, registration()];
      if (url === '/api/events/:id/registrations') return [path, { category: 'general', name: '참가자', phone: nextPhone(), email: 'p@example.com', consent: true, answers: {} }];
      if (url === '/api/school/applications') return [path, school(phoneSeq)];
      if (url === '/api/surveys/:token') return [path, { rating: 4 }];
      if (url === '/api/settlement/feedback') return [path, { category: 'transport', text: '통근버스 증차 요청', anonymous: true }];
      return [path, method === 'GET' ? undefined : {}];
    };

    before(async () => {
      kindOffset = n + 1;
      t = await openTestApp(kind, { loginRateLimit: LIMIT, publicRateLimit: LIMIT, redis });
      probe = throttleProbe(t);
      // Sessions minted straight in the table: signing in would spend the login limit.
      manager = await mintSession(t.database, (await createStaff(t.database, 'manager')).id);
      user = await createStaff(t.database, 'officer');
      const s = await staffCall('POST', '/api/academy/sessions', {
        title: { ko: '속도 제한 시험' },
        startsAt: at(48 * HOUR),
        endsAt: at(50 * HOUR),
        venue: '시청',
        capacity: 500,
        registrationOpensAt: at(-HOUR),
        registrationClosesAt: at(24 * HOUR),
      });
      assert.equal(s.statusCode, 201, s.body);
      sessionId = s.json().id;
      const [e] = await t.database.db
        .insert(events)
        .values({ kind: 'seminar', titleKo: '속도 세미나', startsAt: new Date(Date.now() + 72 * HOUR), endsAt: new Date(Date.now() + 74 * HOUR), published: true })
        .returning();
      eventId = e!.id;
      const cat = await staffCall('POST', `/api/events/${eventId}/categories`, { category: 'general', capacity: 500, opensAt: at(-HOUR), closesAt: at(48 * HOUR) });
      assert.equal(cat.statusCode, 201, cat.body);
      const survey = await staffCall('POST', '/api/school/surveys', { year: YEAR, opensAt: at(-HOUR), closesAt: at(14 * 24 * HOUR), targetSchools: 50 });
      assert.equal(survey.statusCode, 201, survey.body);
    });
    after(async () => {
      await probe.close();
      await t.close();
    });

    it('every public write route carries a per-address limit from the configuration', () => {
      const publicWrites = t.app.apiRoutes.filter((r) => 'public' in r.policy && WRITE_METHODS.has(r.method));
      assert.ok(publicWrites.length >= 7, 'login, registrations, cancel, accept, survey, event registrations, school applications');
      const unlimited = publicWrites.filter((r) => !r.rateLimit).map((r) => `${r.method} ${r.url}`);
      assert.deepEqual(unlimited, [], 'public write routes without config.rateLimit');
      for (const r of publicWrites) {
        assert.equal(r.rateLimit!.max, LIMIT, `${r.method} ${r.url}: max from loginRateLimit/publicRateLimit`);
        assert.ok(['1 minute', 60_000].includes(r.rateLimit!.timeWindow as string | number), `${r.method} ${r.url}: window ${String(r.rateLimit!.timeWindow)}`);
      }
    });

    it('every public write route answers 429 past the limit, and only to that address', async () => {
      const publicWrites = t.app.apiRoutes.filter((r) => 'public' in r.policy && WRITE_METHODS.has(r.method));
      for (const { method, url } of publicWrites) {
        const address = newAddress();
        const codes: number[] = [];
        for (let i = 0; i <= LIMIT; i++) {
          const [path, body] = sample(method, url);
          codes.push((await call(method as Method, path, address, body)).statusCode);
        }
        assert.ok(
          codes.slice(0, LIMIT).every((c) => c !== 429 && c < 500),
          `${method} ${url}: ${codes.join(',')}`,
        );
        const [path, body] = sample(method, url);
        assertLimited(await call(method as Method, path, address, body), `${method} ${url}`);
        const [path2, body2] = sample(method, url);
        const other = await call(method as Method, path2, newAddress(), body2);
        assert.ok(other.statusCode !== 429 && other.statusCode < 500, `${method} ${url} from another address: ${other.statusCode} ${other.body}`);
      }
    });

    it('a registration over the limit writes nothing; another address still registers', async () => {
      const address = newAddress();
      for (let i = 0; i < LIMIT; i++) {
        const ok = await call('POST', `/api/academy/sessions/${sessionId}/registrations`, address, registration());
        assert.equal(ok.statusCode, 201, ok.body);
      }
      const before = await counts();
      for (let i = 0; i < 5; i++) assertLimited(await call('POST', `/api/academy/sessions/${sessionId}/registrations`, address, registration()), `registration ${i}`);
      assert.deepEqual(await counts(), before, 'no registration, audit row or message');
      const other = await call('POST', `/api/academy/sessions/${sessionId}/registrations`, newAddress(), registration());
      assert.equal(other.statusCode, 201, other.body);
    });

    it('a school application over the limit writes nothing; another address still applies', async () => {
      const address = newAddress();
      for (let i = 0; i < LIMIT; i++) {
        const ok = await call('POST', '/api/school/applications', address, school(1000 + i));
        assert.equal(ok.statusCode, 201, ok.body);
      }
      const before = await counts();
      assertLimited(await call('POST', '/api/school/applications', address, school(2000)), 'school application');
      assert.deepEqual(await counts(), before);
      const other = await call('POST', '/api/school/applications', newAddress(), school(2000));
      assert.equal(other.statusCode, 201, other.body);
    });

    it('a login over the limit is not even tried: no failure counted, no session, no audit row', async () => {
      const address = newAddress();
      // The attempts the sign-in throttle counted on this e-mail (src/modules/accounts/throttle.ts).
      const failedLogins = async () => (await probe.peek(loginEmailKey(user.email)))?.failures ?? 0;
      for (let i = 0; i < LIMIT - 1; i++) assert.equal((await call('POST', '/api/auth/login', address, { email: user.email, password: 'wrong password' })).statusCode, 401);
      assert.equal(await failedLogins(), LIMIT - 1);
      assert.equal((await call('POST', '/api/auth/login', address, { email: 'nobody@jeonju.test', password: 'wrong password' })).statusCode, 401);
      const before = await counts();
      // Past the limit even the right password is refused from this address, and nothing is written.
      assertLimited(await call('POST', '/api/auth/login', address, { email: user.email, password: 'wrong password' }), 'login');
      const right = await call('POST', '/api/auth/login', address, { email: user.email, password: TEST_PASSWORD });
      assertLimited(right, 'login with the right password');
      assert.equal(right.cookies.length, 0, 'no session cookie');
      assert.deepEqual(await counts(), before);
      assert.equal(await failedLogins(), LIMIT - 1, 'the limited attempts did not count as failures');
      // Another address signs in (and the failures reset).
      const other = await call('POST', '/api/auth/login', newAddress(), { email: user.email, password: TEST_PASSWORD });
      assert.equal(other.statusCode, 200, other.body);
      assert.equal(await failedLogins(), 0);
    });

    it('after the window passes the same address goes through again', async () => {
      // The window is the limit plugin's one minute, timed by Date.now() (or by Redis's expiry): move the clock, not the test.
      mock.timers.enable({ apis: ['Date'], now: Date.now() });
      try {
        const address = newAddress();
        const register = () => call('POST', `/api/academy/sessions/${sessionId}/registrations`, address, registration());
        const login = () => call('POST', '/api/auth/login', address, { email: 'nobody@jeonju.test', password: 'wrong password' });
        for (let i = 0; i < LIMIT; i++) {
          assert.equal((await register()).statusCode, 201);
          assert.equal((await login()).statusCode, 401);
        }
        assertLimited(await register(), 'registration');
        assertLimited(await login(), 'login');
        await probe.passTime(30_000);
        const half = await register();
        assertLimited(half, 'registration half-way through the window');
        assert.ok(Number(half.headers['retry-after']) <= 30, `Retry-After counts down: ${String(half.headers['retry-after'])}`);
        await probe.passTime(31_000);
        const again = await register();
        assert.equal(again.statusCode, 201, again.body);
        assert.equal((await login()).statusCode, 401, 'login is tried again');
      } finally {
        mock.timers.reset();
      }
    });

    it('guesses from many addresses do not lock the owner out; each failing address then waits', async () => {
      const victim = await createStaff(t.database, 'manager');
      const audits = async (action: string) =>
        Number((await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where action = ${action} and entity_id = ${String(victim.id)}`))[0]!.n);
      for (let i = 0; i < 5; i++) {
        const res = await call('POST', '/api/auth/login', newAddress(), { email: victim.email, password: `guess ${i}` });
        assert.equal(res.statusCode, 401, `attempt ${i + 1}: ${res.body}`);
      }
      assert.equal(await audits('auth.login_failed'), 5);
      // A sixth address that fails now waits 1 s after its first failure, not its fifth…
      const sixth = newAddress();
      assert.equal((await call('POST', '/api/auth/login', sixth, { email: victim.email, password: 'guess 5' })).statusCode, 401);
      assert.equal((await probe.peek(loginKey(victim.email, sixth)))!.waitMs, 1000);
      // …but the right password from an address that has not failed gets in: no lock to abuse.
      const right = await call('POST', '/api/auth/login', newAddress(), { email: victim.email, password: TEST_PASSWORD });
      assert.equal(right.statusCode, 200, right.body);
      assert.equal(right.cookies.filter((c) => c.name === 'finhub_session').length, 1);
    });

    it('a client cannot pick its own address with X-Forwarded-For to escape the limit', async () => {
      const address = newAddress();
      const codes: number[] = [];
      for (let i = 0; i <= LIMIT + 2; i++) {
        const res = await call('POST', '/api/auth/login', address, { email: 'nobody@jeonju.test', password: 'x' }, { 'x-forwarded-for': `203.0.113.${i + 1}` });
        codes.push(res.statusCode);
      }
      assert.ok(codes.includes(429), `spoofed addresses escaped the limit: ${codes.join(',')}`);
    });
  });
}
