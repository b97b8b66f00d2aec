/**
 * Hostile access, on PGlite and PostgreSQL: guessing or tampering with another citizen's or
 * school's link token, and reaching staff objects by id across departments, roles and odd ids.
 *
 * - Every token-addressed route (enumerated from app.apiRoutes; a new one fails the test until
 *   it is covered here) refuses altered, foreign, malformed and traversal tokens with the same
 *   404 body as a well-formed unknown token — no oracle — and never shows the other person.
 * - Staff objects: an officer of another department cannot change an action or its evidence;
 *   partners, viewers and anonymous callers cannot change or unmask anything; odd ids answer
 *   400/404, never 500.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { events } from '../../src/modules/events/schema.ts';
import { quarterOf } from '../../src/modules/plan/seoul-time.ts';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { hashToken } from '../../src/server/tokens.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { createTestDepartment, ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import { registeredAs } from '../support/registrant.ts';
import { countRows, planActions } from '../support/running.ts';
import { rows } from '../../src/db/executor.ts';
import type { Json } from '../support/json.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const YEAR = quarterOf(new Date()).year;
const sha256 = (s: string) => hashToken(s);
const randomToken = () => randomBytes(32).toString('base64url');

/** Every token-addressed route and the body a well-meaning caller would send. */
const TOKEN_ROUTES: Record<string, object | undefined> = {
  'GET /api/registrations/:token': undefined,
  'POST /api/registrations/:token/cancel': undefined,
  'POST /api/registrations/:token/accept': undefined,
  'GET /api/registrations/:token/qr.svg': undefined,
  'GET /api/surveys/:token': undefined,
  'POST /api/surveys/:token': { rating: 5, comment: '좋았습니다' },
  'GET /api/school/applications/:token': undefined,
  'GET /api/settlement/feedback/:token': undefined,
  'POST /api/settlement/feedback/:token/photo': undefined,
  'GET /api/training/applications/:token': undefined,
  'POST /api/training/applications/:token/check-in': { sessionId: 1, code: '123456' },
  'POST /api/training/applications/:token/evaluation': { overall: 5, content: 5, instructor: 5, jobRelevance: 5 },
  'GET /api/training/applications/:token/certificate.pdf': undefined,
  'GET /api/certificates/:code': undefined,
};
/** The secret of a route pattern replaced by `secret`. */
const withSecret = (pattern: string, secret: string) => pattern.replace(SECRET_PARAM_NAME, secret);
/** Path parameters that carry a secret rather than an id. */
const SECRET_PARAM = /:(token|code|key|hash|secret)\b/;
const SECRET_PARAM_NAME = /:(token|code)\b/;

/** One character changed at position i, staying inside the base64url alphabet. */
function alterAt(token: string, i: number): string {
  const c = token[i]!;
  return token.slice(0, i) + (c === 'A' ? 'B' : 'A') + token.slice(i + 1);
}

/**
 * Tokens a guesser would try, given the attacker's own token and what they might know of the
 * victim (its id, its stored hash, its token in another form). Each is already URL-encoded.
 */
function tamperedTokens(own: string, victim: { token: string; id: number; hash: string }): Record<string, string> {
  return {
    'own token, first character altered': alterAt(own, 0),
    'own token, middle character altered': alterAt(own, 21),
    'own token, last character altered': alterAt(own, 42),
    'own token, case flipped': own.replace(/[a-zA-Z]/g, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())),
    "victim's stored hash": victim.hash,
    "victim's stored hash, upper case": victim.hash.toUpperCase(),
    "victim's id": String(victim.id),
    "victim's id, zero-padded to 43": String(victim.id).padStart(43, '0'),
    'own token, one short': own.slice(0, 42),
    'own token, one long': `${own}A`,
    'own token + padding': encodeURIComponent(`${own}=`),
    'own token in base64 (+/)': encodeURIComponent(`${own.slice(0, 41)}+/`),
    'own token with a dot': `${own.slice(0, 42)}.`,
    'own token with a space': `${own.slice(0, 42)}%20`,
    'own token with NUL': `${own.slice(0, 42)}%00`,
    'own token, non-ASCII': encodeURIComponent(`${own.slice(0, 41)}가`),
    "victim's token with trailing NUL": `${victim.token}%00`,
    "victim's token with trailing space": `${victim.token}%20`,
    "victim's token + slash": `${victim.token}%2F`,
    'traversal to the victim': `..%2F${victim.token}`,
    'traversal to the victim (double)': `..%2F..%2Fregistrations%2F${victim.token}`,
    'traversal, dots encoded': `%2e%2e%2f${victim.token}`,
    'traversal, double encoded': `..%252F${victim.token}`,
    'traversal, backslash': `..%5C${victim.token}`,
    'traversal via own token': `${own}%2F..%2F${victim.token}`,
    'SQL in the token': encodeURIComponent(`' OR '1'='1`),
    'SQL in the token (43)': encodeURIComponent(`x' OR 1=1--`.padEnd(43, 'a')),
    'just a dot': '.',
    'a wildcard': '%25',
    'all A': 'A'.repeat(43),
    'a well-formed unknown token': randomToken(),
  };
}

/** The router's own 404 (the path, once normalised, names no route): the same text for every path. */
function assertRouterNotFound(body: string, label: string) {
  assert.equal(JSON.parse(body).error.message.en, 'No such address.', `${label}: a 404 other than the unknown token's must be the router's: ${body}`);
}

/**
 * A 400 from request validation (a NUL character, which no column may store) is decided from
 * the text alone, before any lookup, so it cannot tell a real token from a made-up one: the same
 * tampering applied to random tokens must give the very same answer.
 */
async function refusedBeforeLookup(
  res: { statusCode: number; body: string },
  send: (token: string) => Promise<{ statusCode: number; body: string }>,
  label: string,
): Promise<boolean> {
  if (res.statusCode !== 400) return false;
  assert.equal(JSON.parse(res.body).error.code, 'VALIDATION_FAILED', `${label}: ${res.body}`);
  const control = await send(tamperedTokens(randomToken(), { token: randomToken(), id: 987654, hash: sha256(randomToken()) })[label]!);
  assert.equal(control.statusCode, 400, `${label}: the same tampering of a random token`);
  assert.equal(control.body, res.body, `${label}: the same refusal whatever the token`);
  return true;
}

for (const kind of DB_KINDS) {
  describe(`registration link tokens on ${kind}`, () => {
    let t: TestApp;
    let manager: Session;
    let officer: Session;
    let sessionId: number;
    let otherSessionId: number;
    let eventId: number;
    /** The attacker A, and the victims B (same session) and E (an event attendee). */
    const people: Record<'A' | 'B' | 'E', { token: string; id: number; name: string; phone: string; email: string }> = {} as never;

    const call = (method: Method, url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const snapshot = async () => ({
      rows: await rows<unknown>(t.database.db, sql`select id, status, token_hash, checked_in_at, offer_expires_at, name, phone, email from registrations order by id`),
      counts: await countRows(t, ['registrations', 'survey_responses', 'event_registrations', 'audit_log', 'outbox']),
    });

    before(async () => {
      t = await openTestApp(kind);
      manager = await staffSession(t, 'manager');
      officer = await staffSession(t, 'officer');
      const session = async (title: string) => {
        const res = await call('POST', '/api/academy/sessions', manager, {
          title: { ko: title },
          startsAt: at(48 * HOUR),
          endsAt: at(50 * HOUR),
          venue: '시청',
          capacity: 5,
          registrationOpensAt: at(-HOUR),
          registrationClosesAt: at(24 * HOUR),
        });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().id as number;
      };
      sessionId = await session('토큰 시험');
      otherSessionId = await session('다른 강좌');
      const register = async (who: 'A' | 'B', name: string, phone: string, email: string) => {
        const res = await call('POST', `/api/academy/sessions/${sessionId}/registrations`, null, { name, phone, email, consent: true });
        assert.equal(res.statusCode, 201, res.body);
        const r = await registeredAs(t.database.db, phone); // the answer carries no token: the message does
        people[who] = { token: r.token, id: r.id, name, phone, email };
      };
      await register('A', '공격자', '010-1111-0001', 'attacker@example.com');
      await register('B', '피해자영희', '010-9999-8877', 'victim.b@example.com');

      const [e] = await t.database.db
        .insert(events)
        .values({
          kind: 'seminar',
          titleKo: '토큰 세미나',
          titleEn: 'Token seminar',
          startsAt: new Date(Date.now() + 72 * HOUR),
          endsAt: new Date(Date.now() + 74 * HOUR),
          published: true,
        })
        .returning();
      eventId = e!.id;
      const cat = await call('POST', `/api/events/${eventId}/categories`, manager, { category: 'general', capacity: 5, opensAt: at(-HOUR), closesAt: at(48 * HOUR) });
      assert.equal(cat.statusCode, 201, cat.body);
      const ev = await call('POST', `/api/events/${eventId}/registrations`, null, {
        category: 'general',
        name: '피해자철수',
        nameEn: 'Victim Chulsoo',
        phone: '010-8888-7766',
        email: 'victim.e@example.com',
        affiliation: '비밀기관',
        consent: true,
        answers: {},
      });
      assert.equal(ev.statusCode, 201, ev.body);
      const e7 = await registeredAs(t.database.db, '010-8888-7766');
      people.E = { token: e7.token, id: e7.id, name: '피해자철수', phone: '010-8888-7766', email: 'victim.e@example.com' };

      // Everyone attended, so the survey routes answer for a real token.
      for (const who of ['A', 'B'] as const) {
        const res = await call('POST', `/api/academy/sessions/${sessionId}/check-in`, officer, { token: people[who].token });
        assert.equal(res.statusCode, 200, res.body);
      }
      const checkE = await call('POST', `/api/events/${eventId}/check-in`, officer, { token: people.E.token });
      assert.equal(checkE.statusCode, 200, checkE.body);
    });
    after(() => t.close());

    it('covers every token-addressed route (a new one must be added here)', () => {
      const tokenRoutes = t.app.apiRoutes.filter((r) => SECRET_PARAM.test(r.url)).map((r) => `${r.method} ${r.url}`);
      assert.deepEqual(
        tokenRoutes.filter((r) => !(r in TOKEN_ROUTES)),
        [],
        'token routes this test does not cover',
      );
      assert.deepEqual(
        Object.keys(TOKEN_ROUTES).filter((r) => !tokenRoutes.includes(r)),
        [],
        'rows for routes that no longer exist',
      );
      for (const r of t.app.apiRoutes.filter((r) => SECRET_PARAM.test(r.url))) assert.ok('public' in r.policy, `${r.method} ${r.url} is public (the token is the credential)`);
    });

    it("refuses every altered, foreign, malformed or traversal token with the unknown token's exact 404", async () => {
      const before = await snapshot();
      for (const [route, body] of Object.entries(TOKEN_ROUTES)) {
        const [method, pattern] = route.split(' ') as [Method, string];
        const url = (token: string) => withSecret(pattern, token);
        const unknown = await call(method, url(randomToken()), null, body);
        assert.equal(unknown.statusCode, 404, `${route} unknown: ${unknown.body}`);
        assert.equal(unknown.json().error.code, 'NOT_FOUND');
        assert.ok(unknown.json().error.message.ko && unknown.json().error.message.en, 'bilingual');
        for (const victim of [people.B, people.E]) {
          for (const [label, token] of Object.entries(tamperedTokens(people.A.token, { token: victim.token, id: victim.id, hash: sha256(victim.token) }))) {
            const res = await call(method, url(token), null, body);
            if (await refusedBeforeLookup(res, (tok) => call(method, url(tok), null, body), label)) continue;
            // No oracle: the same status and body as a well-formed unknown token (a router-level
            // 404 for a path that no longer matches the route is as good: it says even less).
            assert.equal(res.statusCode, 404, `${route} with ${label}: ${res.statusCode} ${res.body}`);
            if (res.body !== unknown.body) assertRouterNotFound(res.body, `${route} with ${label}`);
            for (const secret of [victim.name, victim.phone, victim.phone.replace(/-/g, ''), victim.email, victim.token]) {
              assert.ok(!res.body.includes(secret), `${route} with ${label} shows ${secret}`);
            }
          }
        }
      }
      const afterAll = await snapshot();
      assert.deepEqual(afterAll, before, 'no registration, survey answer, audit row or message changed');
    });

    it('answers an over-long token the same way whether or not it starts with a real one', async () => {
      for (const [route, body] of Object.entries(TOKEN_ROUTES)) {
        const [method, pattern] = route.split(' ') as [Method, string];
        const random = await call(method, withSecret(pattern, randomToken().repeat(5)), null, body);
        const victim = await call(method, withSecret(pattern, people.B.token + randomToken().repeat(4)), null, body);
        // 414: Fastify refuses path parameters over 100 characters (maxParamLength) before routing.
        assert.ok([400, 404, 414].includes(random.statusCode), `${route}: ${random.statusCode}`);
        assert.equal(victim.statusCode, random.statusCode, route);
        // The 414 echoes the path it refused, so compare what it says rather than the bytes.
        if (random.statusCode === 414) assert.equal(victim.json().code, random.json().code, route);
        else assert.equal(victim.body, random.body, route);
      }
    });

    it("shows A only A's own registration: never B's or E's name, phone or e-mail", async () => {
      const bodies: string[] = [];
      for (const route of Object.keys(TOKEN_ROUTES).filter((r) => r.startsWith('GET /api/registrations') || r.startsWith('GET /api/surveys'))) {
        const res = await call('GET', route.split(' ')[1]!.replace(':token', people.A.token), null);
        assert.equal(res.statusCode, 200, `${route}: ${res.body}`);
        bodies.push(res.body);
      }
      const status = JSON.parse(bodies[0]!);
      assert.equal(status.name, '공*자'); // A's own name, masked
      assert.equal(status.session.id, sessionId);
      for (const body of bodies) {
        for (const victim of [people.B, people.E]) {
          for (const secret of [victim.name, victim.phone, victim.phone.replace(/-/g, ''), victim.email, victim.token, '비밀기관', 'Victim']) {
            assert.ok(!body.includes(secret), `A's page shows ${secret}`);
          }
        }
      }
      // A's QR code encodes A's token only.
      const qr = await call('GET', `/api/registrations/${people.A.token}/qr.svg`, null);
      assert.match(qr.headers['content-type'] as string, /image\/svg\+xml/);
      assert.ok(!qr.body.includes(people.B.token));
    });

    it('staff check-in refuses a token of another session or event, and an id of another session', async () => {
      const codeOf = async (id: number) => (await rows<{ check_in_code: string }>(t.database.db, sql`select check_in_code from registrations where id = ${id}`))[0]!.check_in_code;
      const before = await snapshot();
      // The short code under the QR code names one registration in its own session or event only.
      const codeB = await codeOf(people.B.id);
      const codeE = await codeOf(people.E.id);
      for (const [url, code] of [
        [`/api/academy/sessions/${otherSessionId}/check-in`, codeB],
        [`/api/events/${eventId}/check-in`, codeB],
        [`/api/academy/sessions/${sessionId}/check-in`, codeE],
      ] as const) {
        const res = await call('POST', url, officer, { code });
        assert.equal(res.statusCode, 404, `${url} with another's code: ${res.body}`);
        for (const secret of [people.B.name, people.B.phone, people.E.name, people.E.phone]) assert.ok(!res.body.includes(secret));
      }
      const wrongSession = await call('POST', `/api/academy/sessions/${otherSessionId}/check-in`, officer, { token: people.B.token });
      assert.equal(wrongSession.statusCode, 404, wrongSession.body);
      const byId = await call('POST', `/api/academy/sessions/${otherSessionId}/check-in`, officer, { registrationId: people.B.id });
      assert.equal(byId.statusCode, 404, byId.body);
      const eventForAcademy = await call('POST', `/api/events/${eventId}/check-in`, officer, { token: people.B.token });
      assert.equal(eventForAcademy.statusCode, 404, eventForAcademy.body);
      const academyForEvent = await call('POST', `/api/academy/sessions/${sessionId}/check-in`, officer, { registrationId: people.E.id });
      assert.equal(academyForEvent.statusCode, 404, academyForEvent.body);
      const approval = await call('POST', `/api/events/${eventId}/attendees/${people.B.id}/approval`, manager, { approve: true });
      assert.equal(approval.statusCode, 404, `approving an academy registration through an event: ${approval.body}`);
      for (const res of [wrongSession, byId, eventForAcademy, academyForEvent, approval]) {
        for (const secret of [people.B.name, people.B.phone, people.E.name, people.E.phone]) assert.ok(!res.body.includes(secret));
      }
      assert.deepEqual(await snapshot(), before);
    });

    it('a real token still works after all the guessing, and only on its own registration', async () => {
      const cancel = await call('POST', `/api/registrations/${people.A.token}/cancel`, null);
      assert.equal(cancel.statusCode, 200, cancel.body);
      const b = await call('GET', `/api/registrations/${people.B.token}`, null);
      assert.equal(b.json().status, 'confirmed', 'B untouched by A cancelling');
      const e = await call('GET', `/api/registrations/${people.E.token}`, null);
      assert.equal(e.json().status, 'confirmed', 'E untouched by A cancelling');
    });
  });

  describe(`visiting-school application links on ${kind}`, () => {
    let t: TestApp;
    let manager: Session;
    const schools: Record<'X' | 'Y', { token: string; id: number; schoolName: string; teacherName: string; teacherPhone: string; teacherEmail: string }> = {} as never;

    const call = (method: Method, url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const snapshot = async () => ({
      rows: await rows<unknown>(t.database.db, sql`select * from school_applications order by id`),
      counts: await countRows(t, ['school_applications', 'school_classes', 'audit_log', 'outbox']),
    });

    before(async () => {
      t = await openTestApp(kind);
      manager = await staffSession(t, 'manager');
      const survey = await call('POST', '/api/school/surveys', manager, { year: YEAR, opensAt: at(-HOUR), closesAt: at(14 * 24 * HOUR), targetSchools: 3 });
      assert.equal(survey.statusCode, 201, survey.body);
      for (const [key, schoolName, teacherName, teacherPhone, teacherEmail] of [
        ['X', '공격초등학교', '공교사', '063-111-2222', 'x@school.test'],
        ['Y', '피해중학교', '피해선생', '010-5555-4433', 'y.secret@school.test'],
      ] as const) {
        const res = await call('POST', '/api/school/applications', null, {
          schoolName,
          level: 'middle',
          teacherName,
          teacherPhone,
          teacherEmail,
          grade: '2학년',
          students: 30,
          preferredDates: [`${YEAR + 1}-03-10`],
          topics: '신용 관리',
          consent: true,
        });
        assert.equal(res.statusCode, 201, res.body);
        const [row] = await rows<{ id: number }>(t.database.db, sql`select id from school_applications where school_name = ${schoolName}`);
        const [receipt] = await rows<{ link_token: string }>(
          t.database.db,
          sql`select link_token from outbox where kind = 'school.received' and meta->>'applicationId' = ${String(row!.id)}`,
        );
        schools[key] = { token: receipt!.link_token, id: Number(row!.id), schoolName, teacherName, teacherPhone, teacherEmail };
      }
      assert.match(schools.X.token, /^[A-Za-z0-9_-]{43}$/);
    });
    after(() => t.close());

    it("refuses X's altered token, Y's hash, Y's id, malformed and traversal tokens with the unknown token's exact 404", async () => {
      const before = await snapshot();
      const unknown = await call('GET', `/api/school/applications/${randomToken()}`, null);
      assert.equal(unknown.statusCode, 404);
      const y = schools.Y;
      const tries = {
        ...tamperedTokens(schools.X.token, { token: y.token, id: y.id, hash: sha256(y.token) }),
        'traversal to the registration routes': `..%2F..%2Fregistrations%2F${y.token}`,
      };
      for (const [label, token] of Object.entries(tries)) {
        const res = await call('GET', `/api/school/applications/${token}`, null);
        if (await refusedBeforeLookup(res, (tok) => call('GET', `/api/school/applications/${tok}`, null), label)) continue;
        assert.equal(res.statusCode, 404, `${label}: ${res.statusCode} ${res.body}`);
        if (res.body !== unknown.body) assertRouterNotFound(res.body, label);
        for (const secret of [y.schoolName, y.teacherName, y.teacherPhone, y.teacherPhone.replace(/-/g, ''), y.teacherEmail])
          assert.ok(!res.body.includes(secret), `${label} shows ${secret}`);
      }
      const long = await call('GET', `/api/school/applications/${y.token}${randomToken().repeat(5)}`, null);
      const longRandom = await call('GET', `/api/school/applications/${randomToken().repeat(6)}`, null);
      assert.equal(long.statusCode, longRandom.statusCode);
      assert.equal(long.json().code ?? long.json().error.code, longRandom.json().code ?? longRandom.json().error.code);
      assert.deepEqual(await snapshot(), before);
    });

    it("shows X only X's application", async () => {
      const res = await call('GET', `/api/school/applications/${schools.X.token}`, null);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().schoolName, schools.X.schoolName);
      for (const secret of [schools.Y.schoolName, schools.Y.teacherName, schools.Y.teacherPhone, schools.Y.teacherEmail]) assert.ok(!res.body.includes(secret));
      // The public view carries no contact details at all, not even X's own.
      for (const own of [schools.X.teacherPhone, schools.X.teacherEmail]) assert.ok(!res.body.includes(own));
    });

    it("cannot decide, schedule, unmask or list Y's application without staff rights, by id or by token", async () => {
      const viewer = await staffSession(t, 'viewer');
      const partner = await staffSession(t, 'partner');
      const before = await snapshot();
      for (const who of [null, viewer, partner]) {
        for (const idOrToken of [String(schools.Y.id), schools.Y.token, schools.X.token]) {
          for (const [method, path, body] of [
            ['POST', `/api/school/applications/${idOrToken}/decision`, { decision: 'rejected', reason: '해킹' }],
            ['POST', `/api/school/applications/${idOrToken}/classes`, { heldOn: `${YEAR + 1}-03-10`, lecturer: '가짜', classes: 1 }],
            ['POST', `/api/school/applications/${idOrToken}/unmask`, undefined],
          ] as const) {
            const res = await call(method, path, who, body);
            assert.ok([400, 401, 403, 404].includes(res.statusCode), `${method} ${path} as ${who ? 'staff' : 'anonymous'}: ${res.statusCode}`);
            if (who === null) assert.equal(res.statusCode, 401, `anonymous ${method} ${path}`);
            for (const secret of [schools.Y.teacherName, schools.Y.teacherPhone, schools.Y.teacherEmail]) assert.ok(!res.body.includes(secret));
          }
        }
      }
      const list = await call('GET', '/api/school/surveys/1/applications', null);
      assert.equal(list.statusCode, 401);
      assert.deepEqual(await snapshot(), before, 'nothing changed, nothing audited');
      const unmasked = await call('POST', `/api/school/applications/${schools.Y.id}/unmask`, manager);
      assert.equal(unmasked.statusCode, 200, unmasked.body);
      assert.equal(unmasked.json().teacherEmail, schools.Y.teacherEmail);
      const [audit] = await rows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from audit_log where action = 'school.application.unmask' and entity_id = ${String(schools.Y.id)}`,
      );
      assert.equal(Number(audit!.n), 1, 'the manager’s unmasking is audited');
    });
  });

  describe(`staff objects by id on ${kind}`, () => {
    let t: TestApp;
    let planId: number;
    let deptA: number;
    let deptB: number;
    let manager: Session;
    let officerA: Session;
    let officerB: Session;
    let partnerA: Session;
    let viewer: Session;
    let actionA: number;
    let evidenceA: Json;
    let registration: { id: number; phone: string; email: string };

    const call = (method: Method, url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const counts = () => countRows(t, ['actions', 'action_updates', 'action_explanations', 'evidence', 'audit_log', 'registrations']);
    const actionRow = async (id: number) => (await rows<unknown>(t.database.db, sql`select status, progress, owner_department_id from actions where id = ${id}`))[0];
    const evidenceRow = async (id: number) => (await rows<unknown>(t.database.db, sql`select title, published from evidence where id = ${id}`))[0];

    before(async () => {
      t = await openTestApp(kind);
      planId = (await seedPlanIfEmpty(t.database.db))!;
      deptA = (await createTestDepartment(t.database, '금융산업과')).id;
      deptB = (await createTestDepartment(t.database, '혁신도시과')).id;
      manager = await staffSession(t, 'manager');
      officerA = await staffSession(t, 'officer', deptA);
      officerB = await staffSession(t, 'officer', deptB);
      partnerA = await staffSession(t, 'partner', deptA);
      viewer = await staffSession(t, 'viewer');
      actionA = (await planActions(t, planId))[0]!.id;
      const assigned = await call('PATCH', `/api/actions/${actionA}/assignment`, manager, { ownerDepartmentId: deptA });
      assert.equal(assigned.statusCode, 200, assigned.body);
      const link = await call('POST', `/api/actions/${actionA}/links`, officerA, { title: '내부 검토 자료', url: 'https://intra.example/secret', published: false });
      assert.equal(link.statusCode, 201, link.body);
      evidenceA = link.json();
      const s = await call('POST', '/api/academy/sessions', manager, {
        title: { ko: '연락처 시험' },
        startsAt: at(48 * HOUR),
        endsAt: at(50 * HOUR),
        venue: '시청',
        capacity: 5,
        registrationOpensAt: at(-HOUR),
        registrationClosesAt: at(24 * HOUR),
      });
      const r = await call('POST', `/api/academy/sessions/${s.json().id}/registrations`, null, { name: '연락처', phone: '010-3141-5926', email: 'pi@example.com', consent: true });
      assert.equal(r.statusCode, 201, r.body);
      registration = { id: (await registeredAs(t.database.db, '010-3141-5926')).id, phone: '010-3141-5926', email: 'pi@example.com' };
    });
    after(() => t.close());

    it("an officer of another department, a partner, a viewer and an anonymous caller cannot change department A's action or its evidence", async () => {
      const before = { counts: await counts(), action: await actionRow(actionA), evidence: await evidenceRow(evidenceA.id) };
      const attempts: [Method, string, object | undefined][] = [
        ['PATCH', `/api/actions/${actionA}`, { status: 'done', progress: 100, comment: '다른 부서' }],
        ['PATCH', `/api/actions/${actionA}`, { comment: '의견만' }],
        ['PATCH', `/api/actions/${actionA}/assignment`, { ownerDepartmentId: deptB }],
        ['PUT', `/api/actions/${actionA}/explanation`, { ko: '공개 설명 끼워넣기', en: 'Planted' }],
        ['PUT', `/api/actions/${actionA}/explanation`, { ko: '' }],
        ['POST', `/api/actions/${actionA}/links`, { title: '끼워넣기', url: 'https://evil.example/', published: true }],
        ['PATCH', `/api/evidence/${evidenceA.id}`, { published: true }],
        ['PATCH', `/api/evidence/${evidenceA.id}`, { title: '바뀜' }],
        ['DELETE', `/api/evidence/${evidenceA.id}`, undefined],
      ];
      for (const [who, label, expected] of [
        [officerB, 'officer of department B', 403],
        [partnerA, 'partner of department A', 403],
        [viewer, 'viewer', 403],
        [null, 'anonymous', 401],
      ] as const) {
        for (const [method, url, body] of attempts) {
          const res = await call(method, url, who, body);
          assert.equal(res.statusCode, expected, `${label}: ${method} ${url} → ${res.statusCode} ${res.body}`);
          // An officer passes the EDITORS policy and is refused by the department rule; assigning is the managers' (policy).
          const code = expected === 401 ? 'UNAUTHENTICATED' : who === officerB && !url.endsWith('/assignment') ? 'OTHER_DEPARTMENT' : 'FORBIDDEN';
          assert.equal(res.json().error.code, code, `${label}: ${method} ${url}`);
          assert.ok(!res.body.includes('intra.example'), 'a refusal shows no evidence');
        }
      }
      assert.deepEqual({ counts: await counts(), action: await actionRow(actionA), evidence: await evidenceRow(evidenceA.id) }, before);
      // Department A's own officer may; the refusals above were about the caller, not the object.
      const own = await call('PATCH', `/api/evidence/${evidenceA.id}`, officerA, { title: '검토 자료' });
      assert.equal(own.statusCode, 200, own.body);
    });

    it('an anonymous caller sees unpublished evidence neither in the plan nor as a file', async () => {
      const plan = await call('GET', `/api/plans/${planId}`, null);
      assert.equal(plan.statusCode, 200);
      assert.ok(!plan.body.includes('intra.example'));
      const file = await call('GET', `/api/evidence/${evidenceA.id}/file`, null);
      assert.equal(file.statusCode, 404);
      const staffView = await call('GET', `/api/manage/plans/${planId}`, null);
      assert.equal(staffView.statusCode, 401);
      assert.ok(!staffView.body.includes('intra.example'));
      // The workspace's list and one-action views are staff-only too, under any spelling.
      for (const url of [`/api/actions/${actionA}`, `/api/%61ctions/${actionA}`, `/api/manage/plans/${planId}/actions`, `/api/manage/plans/${planId}/actions?overdue=true`]) {
        const res = await call('GET', url, null);
        assert.equal(res.statusCode, 401, url);
        assert.ok(!res.body.includes('intra.example'), url);
      }
    });

    it("unmasking a registrant's phone needs a manager, and only the manager's unmasking is audited", async () => {
      const audited = async () => Number((await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where action = 'registration.unmask'`))[0]!.n);
      const before = await audited();
      for (const [who, expected] of [
        [null, 401],
        [viewer, 403],
        [partnerA, 403],
        [officerA, 403],
        [officerB, 403],
      ] as const) {
        const res = await call('POST', `/api/registrations/${registration.id}/unmask`, who);
        assert.equal(res.statusCode, expected, res.body);
        assert.ok(!res.body.includes('3141') && !res.body.includes('pi@example.com'), 'no contact in a refusal');
      }
      // Staff lists show masked contacts only.
      const list = await call(
        'GET',
        `/api/academy/sessions/${(await rows<{ id: number }>(t.database.db, sql`select id from academy_sessions limit 1`))[0]!.id}/registrations`,
        viewer,
      );
      assert.equal(list.statusCode, 200, list.body);
      assert.ok(!list.body.includes('3141-5926') && !list.body.includes('pi@example.com'), list.body);
      assert.equal(await audited(), before, 'refused unmasking writes no audit row');

      const ok = await call('POST', `/api/registrations/${registration.id}/unmask`, manager);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().email, registration.email);
      assert.match(ok.json().phone, /3141.?5926/);
      assert.match(ok.headers['cache-control'] as string, /no-store/);
      assert.equal(await audited(), before + 1);
      const missing = await call('POST', '/api/registrations/2147483646/unmask', manager);
      assert.equal(missing.statusCode, 404, missing.body);
    });

    it('keeps the outbox to managers: no one else lists it or sends a message again, and the to-do list shows an officer only their department', async () => {
      await t.database.db.execute(sql`insert into outbox (channel, recipient, subject, body, kind, status, attempts, last_error)
        values ('email', 'victim@example.com', '제목', '본문', 'hostile.test', 'failed', 10, 'refused')`);
      const [msg] = await rows<{ id: number }>(t.database.db, sql`select id from outbox where kind = 'hostile.test'`);
      const before = await countRows(t, ['audit_log']);
      for (const who of [officerA, partnerA, viewer, null]) {
        assert.equal((await call('GET', '/api/outbox?status=failed', who)).statusCode, who ? 403 : 401);
        assert.equal((await call('POST', `/api/outbox/${msg!.id}/retry`, who)).statusCode, who ? 403 : 401);
      }
      assert.deepEqual(await countRows(t, ['audit_log']), before);
      const [still] = await rows<{ status: string }>(t.database.db, sql`select status::text from outbox where id = ${msg!.id}`);
      assert.equal(still!.status, 'failed');
      const listed = await call('GET', '/api/outbox?status=failed', manager);
      assert.ok(!listed.body.includes('victim@'), 'recipients are masked even for managers');
      const todoB = (await call('GET', '/api/staff/todo', officerB)).json();
      assert.ok(!todoB.overdueActions.some((a: Json) => a.id === actionA), "another department's action is not on an officer's list");
      assert.equal(todoB.failedMessages.total, 0);
    });

    it('odd ids answer 400 or 404, never 500, on every route with a path parameter', async () => {
      const admin = await staffSession(t, 'admin');
      // Values that cannot name a row: each must be refused as such.
      const garbage = [
        '-1',
        '0',
        '99999999999999999999',
        '2147483648',
        '1;drop',
        '1%3Bdrop%20table%20users',
        '1.5',
        'abc',
        'NaN',
        'Infinity',
        '..%2F..%2Fapi%2Fhealth',
        '%2e%2e',
        '1%00',
        '%27%20OR%201%3D1',
        '1%20OR%201%3D1',
      ];
      // Values a lenient parser reads as a number: never a 500, and never a different object than the plain number names.
      const lenient: [string, string][] = [
        ['1e3', '1000'],
        ['0x10', '16'],
        ['+1', '1'],
        ['1.0', '1'],
        ['%201', '1'],
        ['010', '10'],
      ];
      const failures: string[] = [];
      const routes = t.app.apiRoutes.filter((r) => r.url.includes(':') && !r.url.startsWith('/api/docs'));
      for (const { method, url } of routes) {
        const params = url.match(/:[a-zA-Z]+/g)!;
        const fill = (target: string, value: string) =>
          params.reduce((u, p) => u.replace(p, p === target ? value : p === ':year' ? '2023' : p === ':quarter' ? '3' : p === ':token' ? randomToken() : '1'), url);
        for (const p of params) {
          for (const value of garbage) {
            for (const who of ['-1', '1;drop', '..%2F..%2Fapi%2Fhealth'].includes(value) ? [admin, null] : [admin]) {
              const payload = method === 'GET' || method === 'DELETE' ? undefined : {};
              const target = fill(p, value);
              const res = await call(method as Method, target, who, payload);
              // `%2e%2e` is a dot segment: a WHATWG URL parser (a browser's, and inject's) resolves it
              // before sending, so what arrives is another path (`/api/plans/%2e%2e/actions/1` is
              // `/api/actions/1`). That path must answer exactly as it does when asked directly.
              const resolved = new URL(target, 'http://localhost').pathname;
              if (resolved !== target) {
                const direct = await call(method as Method, resolved, who, payload);
                if (res.statusCode >= 500 || res.statusCode !== direct.statusCode) failures.push(`${method} ${target} → ${res.statusCode}, but ${resolved} → ${direct.statusCode}`);
                continue;
              }
              const okCodes = who ? [400, 404] : [400, 401, 404];
              if (!okCodes.includes(res.statusCode)) failures.push(`${method} ${target} as ${who ? 'admin' : 'anonymous'} → ${res.statusCode} ${res.body.slice(0, 120)}`);
            }
          }
          if (method !== 'GET') continue; // writes: the garbage above suffices, and a lenient alias could change a row
          for (const [value, plain] of lenient) {
            const odd = await call('GET', fill(p, value), admin);
            if (odd.statusCode >= 500) failures.push(`GET ${fill(p, value)} → ${odd.statusCode}`);
            if (odd.statusCode < 300) {
              const canonical = await call('GET', fill(p, plain), admin);
              if (canonical.statusCode !== odd.statusCode) failures.push(`GET ${fill(p, value)} → ${odd.statusCode}, but ${plain} → ${canonical.statusCode}`);
            }
          }
          // A well-formed id that names nothing.
          if (p !== ':year' && p !== ':quarter' && p !== ':token') {
            const none = await call('GET', fill(p, '2147483646'), admin);
            if (none.statusCode !== 404) failures.push(`GET ${fill(p, '2147483646')} → ${none.statusCode} (want 404) ${none.body.slice(0, 120)}`);
          }
        }
      }
      assert.deepEqual(failures, []);
    });

    it('refuses non-canonical numeric ids (0x10, 1e3, +1, 1.0) instead of reading them as another number', async () => {
      for (const value of ['0x1', '1e0', '+1', '1.0', '%201', '01']) {
        const res = await call('GET', `/api/plans/${value}`, null);
        assert.ok([400, 404].includes(res.statusCode), `/api/plans/${value} → ${res.statusCode}`);
      }
    });

    it('news: only managers and admins write, preview or see drafts; a draft and its files stay hidden from everyone else', async () => {
      const draft = await call('POST', '/api/manage/news', manager, { kind: 'notice', title: { ko: '게시 전 공지' }, body: { ko: '아직 비공개입니다.' } });
      assert.equal(draft.statusCode, 201, draft.body);
      const id = draft.json().id as number;
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
      const boundary = '----finhubnews';
      const form = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="alt.ko"\r\n\r\n사진\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
        ),
        png,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const image = await t.app.inject({
        method: 'PUT',
        url: `/api/manage/news/${id}/image`,
        headers: { ...manager.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: form,
      });
      assert.equal(image.statusCode, 200, image.body);
      const before = await countRows(t, ['news_items', 'news_attachments', 'audit_log']);
      const attempts: [Method, string, object | undefined][] = [
        ['POST', '/api/manage/news', { kind: 'notice', title: { ko: '끼워넣기' }, body: { ko: '본문' } }],
        ['PATCH', `/api/manage/news/${id}`, { title: { ko: '바뀜' } }],
        ['POST', `/api/manage/news/${id}/publish`, undefined],
        ['POST', `/api/manage/news/${id}/unpublish`, undefined],
        ['DELETE', `/api/manage/news/${id}/image`, undefined],
        ['GET', `/api/manage/news/${id}`, undefined],
        ['GET', '/api/manage/news', undefined],
      ];
      for (const [who, label, expected] of [
        [officerA, 'officer', 403],
        [partnerA, 'partner', 403],
        [viewer, 'viewer', 403],
        [null, 'anonymous', 401],
      ] as const) {
        for (const [method, url, body] of attempts) {
          const res = await call(method, url, who, body);
          assert.equal(res.statusCode, expected, `${label}: ${method} ${url} → ${res.statusCode} ${res.body}`);
          assert.ok(!res.body.includes('게시 전 공지'), 'a refusal shows nothing of the draft');
        }
        for (const url of [`/api/news/${id}`, `/api/news/${id}/image`]) {
          const res = await call('GET', url, who);
          assert.equal(res.statusCode, 404, `${label}: GET ${url} → ${res.statusCode}`);
        }
        const list = await call('GET', '/api/news', who);
        assert.ok(!list.body.includes('게시 전 공지'), `${label}: the public list shows no draft`);
      }
      assert.deepEqual(await countRows(t, ['news_items', 'news_attachments', 'audit_log']), before, 'refusals write nothing');
      assert.equal((await call('GET', `/api/news/${id}/image`, manager)).statusCode, 200, 'the writers preview the draft image');
    });
  });
}
