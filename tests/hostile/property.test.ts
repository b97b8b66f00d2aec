/**
 * Property-based hostile input (fast-check) over every public (anonymous) write route, on PGlite
 * and PostgreSQL. The routes come from the app itself (`app.apiRoutes`, PUBLIC policy, POST / PUT /
 * PATCH / DELETE): a public write route this file does not cover fails the test.
 *
 * Properties, for arbitrary bodies built from each route's real fields (valid values, wrong
 * types, huge strings, any code point, nulls, nested objects, extra fields) and arbitrary URL
 * ids and tokens:
 *   - never a 5xx;
 *   - every 4xx is the bilingual error body {error: {code, message: {ko, en}, fields?}};
 *   - a 4xx writes nothing: a checksum (count + md5 of every row) of every table, audit_log and
 *     outbox included, is the same before and after.
 * And a malformed-JSON corpus on every public write route: clean 400/413/415, nothing written.
 *
 * FINHUB_FC_RUNS sets the runs per route per database (default 100); FINHUB_FC_SEED replays a
 * seed that fast-check printed (with FINHUB_FC_RUNS as it was).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/db/executor.ts';
import { frameworkErrors } from '../../src/server/error-handler.ts';
import { events } from '../../src/modules/events/schema.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import { registeredAs } from '../support/registrant.ts';
import {
  allTables,
  assertErrorShape,
  body,
  changedTables,
  email,
  field,
  malformedCorpus,
  name,
  phone,
  segment,
  tableChecksums,
  anyString,
  hostileValue,
} from '../support/hostile.ts';
import type { Json } from '../support/json.ts';

const NUM_RUNS = Number(process.env.FINHUB_FC_RUNS ?? 100);
const SEED = process.env.FINHUB_FC_SEED ? Number(process.env.FINHUB_FC_SEED) : undefined;
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(Date.now() + ms).toISOString();
const seoulDate = (days: number) => new Date(Date.now() + days * 86_400_000 + 9 * HOUR).toISOString().slice(0, 10);

interface Fixture {
  sessionId: number;
  eventId: number;
  questions: { text: number; choice: number; country: number; affiliation: number };
  /** Tokens of confirmed registrations (cancel, accept). */
  tokens: string[];
  /** Tokens of checked-in registrations (the survey). */
  surveyTokens: string[];
  /** A training cohort taking applications, a session under way, and its selected trainees' tokens (evaluation open). */
  trainingCohortId: number;
  trainingSessionId: number;
  trainingTokens: string[];
}

interface Req {
  url: string;
  payload: unknown;
}

/** What each public write route is sent. A valid body of each, for the malformed corpus, is `valid`. */
interface RouteSpec {
  gen(f: Fixture): fc.Arbitrary<Req>;
  /** A valid request (URL and body text); `bodiless` routes take no body. */
  valid(f: Fixture): { url: string; body: string };
  bodiless?: boolean;
  /** Routes whose success is expected now and then (a generator that never gets through tests little). */
  expectSuccess?: boolean;
}

const bogusToken = fc.base64String({ minLength: 43, maxLength: 44 }).map((s) => s.replace(/[+/=]/g, 'A'));
const tokenSegment = (tokens: string[]) => segment(fc.oneof(fc.constantFrom(...tokens), bogusToken));
const idSegment = (id: number) => segment(fc.oneof({ arbitrary: fc.constant(String(id)), weight: 8 }, { arbitrary: fc.integer({ min: 1, max: 2 ** 31 }).map(String), weight: 1 }));

/**
 * The one 4xx that is meant to write: a wrong e-mail or password is counted (login_throttle), so
 * that guesses slow down. Any other 4xx, and any other table, must stay untouched.
 */
const countedRefusal = (route: string, status: number, changed: string[]) =>
  route === 'POST /api/auth/login' && status === 401 ? changed.filter((table) => table !== 'login_throttle') : changed;

const ROUTES: Record<string, RouteSpec> = {
  'POST /api/auth/login': {
    gen: () =>
      fc.record({
        url: fc.constant('/api/auth/login'),
        payload: body({ email: field(email), password: field(fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), anyString)) }),
      }),
    valid: () => ({ url: '/api/auth/login', body: JSON.stringify({ email: 'nobody@example.com', password: 'wrong password' }) }),
  },
  'POST /api/registrations/:token/cancel': {
    gen: (f) => fc.record({ url: tokenSegment(f.tokens).map((t) => `/api/registrations/${t}/cancel`), payload: fc.oneof(fc.constant(undefined), hostileValue) }),
    valid: (f) => ({ url: `/api/registrations/${f.tokens[0]}/cancel`, body: '{"reason":"x"}' }),
    bodiless: true,
  },
  'POST /api/registrations/lookup': {
    gen: () =>
      fc.record({
        url: fc.constant('/api/registrations/lookup'),
        payload: body({ phone: field(fc.oneof(phone, fc.constantFrom('01012345678', '+81 90 1234 5678', '063-222-1234')), { omit: 2 }), email: field(email, { omit: 2 }) }),
      }),
    valid: () => ({ url: '/api/registrations/lookup', body: JSON.stringify({ email: 'nobody@example.com' }) }),
    expectSuccess: true,
  },
  'POST /api/registrations/:token/accept': {
    gen: (f) => fc.record({ url: tokenSegment(f.tokens).map((t) => `/api/registrations/${t}/accept`), payload: fc.oneof(fc.constant(undefined), hostileValue) }),
    valid: (f) => ({ url: `/api/registrations/${f.tokens[0]}/accept`, body: '{"reason":"x"}' }),
    bodiless: true,
  },
  'POST /api/academy/sessions/:id/registrations': {
    gen: (f) =>
      fc.record({
        url: idSegment(f.sessionId).map((id) => `/api/academy/sessions/${id}/registrations`),
        payload: body({
          name: field(name),
          phone: field(fc.oneof(phone, fc.constantFrom('01012345678', '+82 10 1234 5678', '063-222-1234'))),
          email: field(email, { omit: 4 }),
          consent: field(fc.constant(true)),
          waitlist: field(fc.boolean(), { omit: 4 }),
        }),
      }),
    valid: (f) => ({ url: `/api/academy/sessions/${f.sessionId}/registrations`, body: JSON.stringify({ name: '홍길동', phone: '010-9999-0001', consent: true }) }),
    expectSuccess: true,
  },
  'POST /api/surveys/:token': {
    gen: (f) =>
      fc.record({
        url: tokenSegment(f.surveyTokens).map((t) => `/api/surveys/${t}`),
        payload: body({ rating: field(fc.integer({ min: 1, max: 5 })), comment: field(fc.oneof(fc.string({ maxLength: 100 }), anyString), { omit: 3 }) }),
      }),
    valid: (f) => ({ url: `/api/surveys/${f.surveyTokens[0]}`, body: JSON.stringify({ rating: 5, comment: '좋았습니다' }) }),
    expectSuccess: true,
  },
  'POST /api/events/:id/registrations': {
    gen: (f) => {
      const q = f.questions;
      const answers = fc
        .tuple(
          field(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((x) => x.trim().length > 0)),
          field(fc.constantFrom('lunch', 'none')),
          field(fc.constantFrom('KR', 'US', 'GB', 'JP')),
          field(fc.string({ maxLength: 50 }), { omit: 4 }),
          fc.oneof({ arbitrary: fc.constant({}), weight: 12 }, fc.dictionary(fc.oneof(fc.integer({ min: 1, max: 10 ** 9 }).map(String), anyString), hostileValue, { maxKeys: 2 })),
        )
        .map(([text, choice, country, affiliation, extra]) => {
          const out: Record<string, unknown> = { ...extra };
          for (const [k, v] of [
            [q.text, text],
            [q.choice, choice],
            [q.country, country],
            [q.affiliation, affiliation],
          ] as const)
            if (typeof v !== 'symbol') out[String(k)] = v;
          return out;
        });
      return fc.record({
        url: idSegment(f.eventId).map((id) => `/api/events/${id}/registrations`),
        payload: body({
          category: field(fc.constantFrom('general', 'general', 'general', 'student', 'vip', 'online', 'press')),
          name: field(name),
          nameEn: field(fc.constantFrom('Hong Gildong', 'Jane Doe'), { omit: 4 }),
          phone: field(phone),
          email: field(email),
          affiliation: field(fc.string({ minLength: 1, maxLength: 40 }), { omit: 4 }),
          country: field(fc.constantFrom('KR', 'US', 'gb'), { omit: 4 }),
          answers: field(answers, { omit: 1 }),
          invitationCode: field(fc.constantFrom('ABCDE-FGHIJ', 'x'), { omit: 40 }),
          consent: field(fc.constant(true)),
          waitlist: field(fc.boolean(), { omit: 4 }),
        }),
      });
    },
    valid: (f) => ({
      url: `/api/events/${f.eventId}/registrations`,
      body: JSON.stringify({ category: 'general', name: '홍길동', phone: '010-9999-0002', email: 'a@example.com', consent: true, answers: { [f.questions.text]: '핀테크' } }),
    }),
    expectSuccess: true,
  },
  'POST /api/school/applications': {
    gen: () =>
      fc.record({
        url: fc.constant('/api/school/applications'),
        payload: body({
          schoolName: field(
            fc.oneof(
              name,
              fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map((s) => `${s}초등학교`),
            ),
          ),
          level: field(fc.constantFrom('elementary', 'middle', 'high', 'special', 'other')),
          teacherName: field(name),
          teacherPhone: field(fc.oneof(phone, fc.constant('063-222-1234'))),
          teacherEmail: field(email, { omit: 4 }),
          grade: field(fc.constantFrom('5학년', '1-3학년', 'Grade 6')),
          students: field(fc.integer({ min: 1, max: 5000 })),
          preferredDates: field(fc.uniqueArray(fc.integer({ min: 20, max: 90 }).map(seoulDate), { minLength: 1, maxLength: 3 })),
          topics: field(fc.string({ minLength: 1, maxLength: 200 })),
          consent: field(fc.constant(true)),
        }),
      }),
    valid: () => ({
      url: '/api/school/applications',
      body: JSON.stringify({
        schoolName: '코르푸스초등학교',
        level: 'elementary',
        teacherName: '최교사',
        teacherPhone: '063-222-1234',
        grade: '5학년',
        students: 28,
        preferredDates: [seoulDate(30)],
        topics: '용돈 관리',
        consent: true,
      }),
    }),
    expectSuccess: true,
  },
  'POST /api/settlement/feedback': {
    gen: () =>
      fc.record({
        url: fc.constant('/api/settlement/feedback'),
        payload: body({
          category: field(fc.constantFrom('transport', 'housing', 'education', 'childcare', 'medical', 'culture', 'other')),
          text: field(fc.oneof(fc.string({ minLength: 1, maxLength: 200 }), anyString)),
          anonymous: field(fc.boolean()),
          contact: field(fc.record({ name: field(name, { omit: 2 }), phone: field(fc.oneof(phone, fc.constant('063-222-1234')), { omit: 3 }), email: field(email, { omit: 3 }) }), {
            omit: 2,
          }),
          consent: field(fc.boolean(), { omit: 3 }),
        }),
      }),
    valid: () => ({ url: '/api/settlement/feedback', body: JSON.stringify({ category: 'transport', text: '통근버스가 부족합니다.', anonymous: true }) }),
    expectSuccess: true,
  },
  'POST /api/settlement/feedback/:token/photo': {
    gen: () => fc.record({ url: segment(bogusToken).map((t) => `/api/settlement/feedback/${t}/photo`), payload: fc.oneof(fc.constant(undefined), hostileValue) }),
    valid: () => ({ url: `/api/settlement/feedback/${'A'.repeat(43)}/photo`, body: '{}' }),
    bodiless: true,
  },
  'POST /api/training/cohorts/:id/applications': {
    gen: (f) =>
      fc.record({
        url: idSegment(f.trainingCohortId).map((id) => `/api/training/cohorts/${id}/applications`),
        payload: body({
          name: field(name),
          phone: field(fc.oneof(phone, fc.constant('063-222-1234'))),
          email: field(email, { omit: 4 }),
          statement: field(fc.string({ minLength: 1, maxLength: 200 })),
          documents: field(fc.array(fc.string({ minLength: 1, maxLength: 30 }), { maxLength: 3 }), { omit: 4 }),
          consent: field(fc.constant(true)),
          referralConsent: field(fc.boolean(), { omit: 4 }),
        }),
      }),
    valid: (f) => ({
      url: `/api/training/cohorts/${f.trainingCohortId}/applications`,
      body: JSON.stringify({ name: '홍길동', phone: '010-9999-0003', statement: '지원합니다', consent: true }),
    }),
    expectSuccess: true,
  },
  'POST /api/training/applications/:token/check-in': {
    gen: (f) =>
      fc.record({
        url: tokenSegment(f.trainingTokens).map((t) => `/api/training/applications/${t}/check-in`),
        payload: body({
          sessionId: field(fc.oneof(fc.constant(f.trainingSessionId), fc.integer({ min: 1, max: 2 ** 31 }))),
          code: field(fc.oneof(fc.stringMatching(/^[0-9]{6}$/), fc.string({ maxLength: 8 }))),
        }),
      }),
    valid: (f) => ({ url: `/api/training/applications/${f.trainingTokens[0]}/check-in`, body: JSON.stringify({ sessionId: f.trainingSessionId, code: '123456' }) }),
  },
  'POST /api/training/applications/:token/evaluation': {
    gen: (f) =>
      fc.record({
        url: tokenSegment(f.trainingTokens).map((t) => `/api/training/applications/${t}/evaluation`),
        payload: body({
          overall: field(fc.integer({ min: 1, max: 5 })),
          content: field(fc.integer({ min: 1, max: 5 })),
          instructor: field(fc.integer({ min: 1, max: 5 })),
          jobRelevance: field(fc.integer({ min: 1, max: 5 })),
          comment: field(fc.oneof(fc.string({ maxLength: 100 }), anyString), { omit: 3 }),
        }),
      }),
    valid: (f) => ({ url: `/api/training/applications/${f.trainingTokens[0]}/evaluation`, body: JSON.stringify({ overall: 5, content: 4, instructor: 5, jobRelevance: 4 }) }),
    expectSuccess: true,
  },
};

for (const kind of DB_KINDS) {
  describe(`hostile input properties on ${kind}`, () => {
    let t: TestApp;
    let manager: Session;
    let tables: string[];
    const f = {} as Fixture;
    const stats: Record<string, Record<string, number>> = {};
    /**
     * Whether the app passes `frameworkErrors` (src/server/error-handler.ts) to Fastify: until
     * src/server/app.ts does, an undecodable URL gets Fastify's own 400 body (a known gap, counted
     * and reported by the todo test below); once it does, the properties hold for those URLs too.
     */
    let badUrlWired = false;
    const badUrlGaps: string[] = [];
    const rawFastifyBadUrl = (status: number, text: string) =>
      (status === 400 || status === 414) && /^\{"error":"Bad Request","code":"FST_ERR_(BAD_URL|MAX_PARAM_LENGTH)"/.test(text);

    const call = (method: string, url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method: method as 'POST', url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });

    before(async () => {
      t = await openTestApp(kind);
      const probe = await t.app.inject({ method: 'POST', url: '/api/events/%/registrations', headers: { origin: ORIGIN } });
      badUrlWired = !rawFastifyBadUrl(probe.statusCode, probe.body);
      manager = await staffSession(t, 'manager');
      tables = await allTables(t);
      assert.ok(tables.includes('audit_log') && tables.includes('outbox') && tables.includes('registrations'), tables.join());

      const s = await call('POST', '/api/academy/sessions', manager, {
        title: { ko: '속성 기반 시험 강좌' },
        venue: '전주시청',
        capacity: 100_000,
        startsAt: iso(72 * HOUR),
        endsAt: iso(74 * HOUR),
        registrationOpensAt: iso(-HOUR),
        registrationClosesAt: iso(48 * HOUR),
      });
      assert.equal(s.statusCode, 201, s.body);
      f.sessionId = s.json().id;

      const [e] = await t.database.db
        .insert(events)
        .values({
          kind: 'seminar',
          edition: 901,
          titleKo: '속성 시험 세미나',
          titleEn: 'Property seminar',
          startsAt: new Date(Date.now() + 72 * HOUR),
          endsAt: new Date(Date.now() + 80 * HOUR),
          published: true,
        })
        .returning();
      f.eventId = e!.id;
      const window = { opensAt: iso(-HOUR), closesAt: iso(48 * HOUR) };
      for (const extra of [
        { category: 'general', capacity: 100_000 },
        { category: 'student', capacity: 1, waitlist: false },
        { category: 'vip', capacity: 100, requiresInvitation: true },
        { category: 'online', capacity: 100, requiresApproval: true },
      ]) {
        const res = await call('POST', `/api/events/${f.eventId}/categories`, manager, { ...window, ...extra });
        assert.equal(res.statusCode, 201, res.body);
      }
      const qs = {} as Json;
      for (const [key, b] of [
        ['text', { kind: 'text', label: { ko: '관심 분야' }, required: true, maxLength: 20 }],
        [
          'choice',
          {
            kind: 'choice',
            label: { ko: '오찬' },
            options: [
              { value: 'lunch', ko: '참석' },
              { value: 'none', ko: '불참' },
            ],
          },
        ],
        ['country', { kind: 'country', label: { ko: '국적' } }],
        ['affiliation', { kind: 'affiliation', label: { ko: '소속' }, maxLength: 50 }],
      ] as const) {
        const res = await call('POST', `/api/events/${f.eventId}/questions`, manager, b);
        assert.equal(res.statusCode, 201, res.body);
        qs[key] = res.json().id;
      }
      f.questions = qs as Fixture['questions'];

      const year = Number(seoulDate(0).slice(0, 4));
      const survey = await call('POST', '/api/school/surveys', manager, { year, opensAt: iso(-HOUR), closesAt: iso(14 * 24 * HOUR), targetSchools: 3 });
      assert.equal(survey.statusCode, 201, survey.body);

      f.tokens = [];
      f.surveyTokens = [];
      for (let i = 0; i < 40; i++) {
        const phone = `010-5555-${String(1000 + i)}`;
        const r = await call('POST', `/api/academy/sessions/${f.sessionId}/registrations`, null, { name: `토큰 ${i}`, phone, consent: true });
        assert.equal(r.statusCode, 201, r.body);
        const { token } = await registeredAs(t.database.db, phone); // the answer carries no token: the message does
        if (i < 20) f.tokens.push(token);
        else {
          const c = await call('POST', `/api/academy/sessions/${f.sessionId}/check-in`, manager, { token });
          assert.equal(c.statusCode, 200, c.body);
          f.surveyTokens.push(token);
        }
      }
      // Training: a cohort taking applications, 30 selected trainees, a session under way, the evaluation sent.
      const course = await call('POST', '/api/training/courses', manager, {
        track: 'fintech',
        title: { ko: '속성 과정', en: 'Property course' },
        hours: 10,
        minAttendancePct: 50,
        minScore: 50,
      });
      assert.equal(course.statusCode, 201, course.body);
      const cohort = await call('POST', '/api/training/cohorts', manager, {
        courseId: course.json().id,
        name: '속성 1기',
        startsOn: seoulDate(0),
        endsOn: seoulDate(10),
        capacity: 10_000,
        applyOpensAt: iso(-HOUR),
        applyClosesAt: iso(48 * HOUR),
        criteria: { ko: '누구나', en: 'Anyone' },
        documents: { ko: '없음', en: 'None' },
      });
      assert.equal(cohort.statusCode, 201, cohort.body);
      f.trainingCohortId = cohort.json().id;
      const ids: number[] = [];
      for (let i = 0; i < 30; i++) {
        const phone = `010-5556-${String(1000 + i)}`;
        const r = await call('POST', `/api/training/cohorts/${f.trainingCohortId}/applications`, null, { name: `교육생 ${i}`, phone, statement: '지원', consent: true });
        assert.equal(r.statusCode, 201, r.body);
        const [row] = await rows<{ id: number }>(t.database.db, sql`select id from training_applications where phone = ${phone.replace(/-/g, '')}`);
        ids.push(Number(row!.id));
        const d = await call('POST', `/api/training/applications/${row!.id}/decision`, manager, { decision: 'selected', reason: '선발' });
        assert.equal(d.statusCode, 200, d.body);
      }
      const session = await call('POST', `/api/training/cohorts/${f.trainingCohortId}/sessions`, manager, {
        title: { ko: '속성 회차', en: 'Property session' },
        startsAt: iso(-HOUR),
        endsAt: iso(4 * HOUR),
        room: '교육장',
      });
      assert.equal(session.statusCode, 201, session.body);
      f.trainingSessionId = session.json().id;
      assert.equal((await call('POST', `/api/training/cohorts/${f.trainingCohortId}/evaluation`, manager)).statusCode, 200);
      const links = await rows<{ link_token: string }>(t.database.db, sql`select link_token from outbox where kind = 'training.evaluation' order by id`);
      f.trainingTokens = links.map((l) => l.link_token);
      assert.equal(f.trainingTokens.length, 30);
    });
    after(async () => {
      for (const [route, s] of Object.entries(stats)) console.log(`# ${kind} ${route}: ${JSON.stringify(s)}`);
      await t?.close();
    });

    it('covers every public write route the app has', () => {
      const publicWrites = t.app.apiRoutes.filter((r) => 'public' in r.policy && WRITE_METHODS.includes(r.method)).map((r) => `${r.method} ${r.url}`);
      assert.ok(publicWrites.length >= 7, publicWrites.join('\n'));
      assert.deepEqual(
        publicWrites.filter((k) => !(k in ROUTES)),
        [],
        'public write routes that tests/hostile/property.test.ts does not cover: add them to ROUTES',
      );
      assert.deepEqual(
        Object.keys(ROUTES).filter((k) => !publicWrites.includes(k)),
        [],
        'ROUTES names a route that is gone or no longer public',
      );
    });

    for (const [route, spec] of Object.entries(ROUTES)) {
      const method = route.split(' ')[0]!;
      it(`${route}: never a 5xx, 4xx bilingual, a 4xx writes nothing (${NUM_RUNS} runs)`, async () => {
        const s: Record<string, number> = {};
        stats[route] = s;
        await fc.assert(
          fc.asyncProperty(spec.gen(f), async (req) => {
            const beforeSums = await tableChecksums(t, tables);
            const res = await t.app.inject({
              method: method as 'POST',
              url: req.url,
              headers: { origin: ORIGIN, ...(req.payload === undefined ? {} : { 'content-type': 'application/json' }) },
              ...(req.payload === undefined ? {} : { payload: JSON.stringify(req.payload) }),
            });
            const label = `${route} ${req.url.slice(0, 120)} → ${res.statusCode}`;
            // FINHUB_FC_DEBUG=1: which fields each 400 names (to tune the generators).
            if (process.env.FINHUB_FC_DEBUG && res.statusCode === 400)
              console.log(
                `# 400 ${req.url.slice(0, 60)} ${res
                  .json()
                  .error.fields?.map((x: Json) => x.field)
                  .join(',')}`,
              );
            if (res.statusCode >= 500) console.log(`# 5xx for ${JSON.stringify(req).slice(0, 2000)}`);
            s[res.statusCode] = (s[res.statusCode] ?? 0) + 1;
            assert.ok(res.statusCode < 500, `${label}: ${res.body.slice(0, 300)}`);
            if (!badUrlWired && rawFastifyBadUrl(res.statusCode, res.body)) {
              badUrlGaps.push(req.url);
              assert.deepEqual(changedTables(beforeSums, await tableChecksums(t, tables)), [], `${label} wrote`);
              return;
            }
            assert.ok((res.statusCode >= 200 && res.statusCode < 300) || res.statusCode >= 400, label);
            if (res.statusCode >= 400) {
              assertErrorShape(res.statusCode, res.body, label);
              assert.deepEqual(countedRefusal(route, res.statusCode, changedTables(beforeSums, await tableChecksums(t, tables))), [], `${label} wrote: ${res.body.slice(0, 300)}`);
            }
          }),
          {
            numRuns: NUM_RUNS,
            ...(SEED === undefined ? {} : { seed: SEED }),
            endOnFailure: true,
            // The route's valid request runs first, so every route gets through at least once.
            examples: [[{ url: spec.valid(f).url, payload: JSON.parse(spec.valid(f).body) }]],
          },
        );
        const ok = Object.entries(s)
          .filter(([k]) => k.startsWith('2'))
          .reduce((n, [, v]) => n + v, 0);
        const refused = Object.entries(s)
          .filter(([k]) => k.startsWith('4'))
          .reduce((n, [, v]) => n + v, 0);
        assert.ok(refused > 0, `${route}: no request was refused: ${JSON.stringify(s)}`);
        if (spec.expectSuccess) assert.ok(ok > 0, `${route}: no request got through, the generator tests too little: ${JSON.stringify(s)}`);
      });
    }

    it('answers the malformed-JSON corpus on every public write route with a clean 400/413/415 and writes nothing', async () => {
      // Fresh valid tokens so that the corpus would show up as a cancelled or answered registration.
      const fresh = async (i: number) => {
        const r = await call('POST', `/api/academy/sessions/${f.sessionId}/registrations`, null, { name: `말뭉치 ${i}`, phone: `010-6666-${String(1000 + i)}`, consent: true });
        assert.equal(r.statusCode, 201, r.body);
        return (await registeredAs(t.database.db, `010-6666-${String(1000 + i)}`)).token;
      };
      const liveToken = await fresh(0);
      const checkedIn = await fresh(1);
      assert.equal((await call('POST', `/api/academy/sessions/${f.sessionId}/check-in`, manager, { token: checkedIn })).statusCode, 200);
      const fx: Fixture = { ...f, tokens: [liveToken], surveyTokens: [checkedIn] };
      let cases = 0;
      for (const [route, spec] of Object.entries(ROUTES)) {
        const method = route.split(' ')[0]!;
        const valid = spec.valid(fx);
        for (const c of malformedCorpus(valid.body)) {
          // A route without a body ignores a well-formed one: send those to an unknown token.
          const url = spec.bodiless && !c.parserLevel ? valid.url.replace(/registrations\/[^/]+/, 'registrations/unknown-token-0000') : valid.url;
          const beforeSums = await tableChecksums(t, tables);
          const res = await t.app.inject({ method: method as 'POST', url, headers: { origin: ORIGIN, 'content-type': c.contentType }, payload: c.payload });
          const label = `${route} [${c.name}] → ${res.statusCode}`;
          if (c.parserLevel) assert.ok([400, 413, 415].includes(res.statusCode), `${label}: ${res.body.slice(0, 300)}`);
          else assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${label}: ${res.body.slice(0, 300)}`);
          assertErrorShape(res.statusCode, res.body, label);
          assert.deepEqual(countedRefusal(route, res.statusCode, changedTables(beforeSums, await tableChecksums(t, tables))), [], `${label} wrote`);
          cases++;
        }
      }
      assert.ok(cases >= 7 * 30, `${cases} cases`);
      // Nothing was polluted by the prototype keys.
      assert.equal(({} as Json).isAdmin, undefined);
      assert.equal(({} as Json).polluted, undefined);
      // The valid requests themselves still work (the corpus was refused for its defects only).
      for (const [route, spec] of Object.entries(ROUTES)) {
        // (The feedback photo takes multipart only: its JSON "valid" request is an unknown token, tested above.)
        if (route === 'POST /api/auth/login' || route.endsWith('/accept') || route.endsWith('/photo')) continue;
        const v = spec.valid(fx);
        const res = await t.app.inject({ method: 'POST', url: v.url, headers: { origin: ORIGIN, 'content-type': 'application/json' }, payload: v.body });
        assert.ok([200, 201, 202, 409].includes(res.statusCode), `${route} valid: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    });

    it('undecodable URLs and over-long path parameters get the bilingual 400', async () => {
      assert.ok(badUrlWired, `Fastify's own 400 body for: ${[...new Set(badUrlGaps)].slice(0, 5).join(' ')}`);
    });

    it('the frameworkErrors handler answers undecodable URLs in the bilingual shape', async () => {
      const bare = Fastify({ frameworkErrors, maxParamLength: 100 });
      bare.post('/api/x/:token', async () => ({ ok: true }));
      try {
        for (const url of ['/api/x/%', '/api/x/%ff%fe', `/api/x/${'a'.repeat(200)}`]) {
          const res = await bare.inject({ method: 'POST', url });
          assert.equal(res.statusCode, 400, url);
          assertErrorShape(400, res.body, url);
        }
      } finally {
        await bare.close();
      }
    });

    it('regressions: U+0000 and lone surrogates are a 400 naming the field (were a 500), in bodies, params and queries', async () => {
      const sessionUrl = `/api/academy/sessions/${f.sessionId}/registrations`;
      for (const [raw, fieldName] of [
        [JSON.stringify({ name: 'a\u0000b', phone: '010-4444-0001', consent: true }), 'name'],
        ['{"name":"a\\ud800b","phone":"010-4444-0002","consent":true}', 'name'],
        ['{"name":"a","phone":"010-4444-0003","consent":true,"email":"\\udfff@x.kr"}', 'email'],
      ] as const) {
        const beforeSums = await tableChecksums(t, tables);
        const res = await t.app.inject({ method: 'POST', url: sessionUrl, headers: { origin: ORIGIN, 'content-type': 'application/json' }, payload: raw });
        assert.equal(res.statusCode, 400, res.body);
        assert.equal(assertErrorShape(400, res.body, raw).error.fields[0].field, fieldName);
        assert.deepEqual(changedTables(beforeSums, await tableChecksums(t, tables)), []);
      }
      const q = await call('GET', `/api/academy/sessions/${f.sessionId}/registrations?q=%00`, manager);
      assert.equal(q.statusCode, 400, q.body);
      assert.equal(q.json().error.fields[0].field, 'q');
      const tok = await call('POST', '/api/registrations/%00abc/cancel', null);
      assert.equal(tok.statusCode, 400, tok.body);
    });
  });
}
