/**
 * The financial academy over the registration engine: sessions, registration (confirmed, full,
 * waiting list, duplicates, refusals), cancellation and offers, check-in, unmasking, the survey
 * and the figures — on PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { getMeasure } from '../../src/modules/plan/measures.ts';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { expireOffers } from '../../src/modules/registration/engine/offers.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import { asRegistrant } from '../support/registrant.ts';
import { renderBody } from '../../src/modules/notifications/service.ts';
import { countRows, planActions } from '../support/running.ts';
import { rows } from '../../src/db/executor.ts';
import type { Json } from '../support/json.ts';

const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const TABLES = ['capacity_pools', 'registrations', 'academy_sessions', 'outbox', 'audit_log', 'survey_responses'] as const;

let phoneSeq = 1000;
const nextPhone = () => `010-5555-${String(phoneSeq++).padStart(4, '0')}`;

for (const kind of DB_KINDS) {
  describe(`financial academy on ${kind}`, () => {
    let t: TestApp;
    let manager: Session;
    let officer: Session;
    let viewer: Session;

    const call = (method: 'GET' | 'POST' | 'PATCH', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const counts = () => countRows(t, TABLES);
    const outbox = async (kindLike: string) =>
      await rows<Json>(t.database.db, sql`select recipient, kind, subject, body, meta, link_token from outbox where kind like ${kindLike} order by id`);

    async function newSession(over: Json = {}): Promise<Json> {
      const res = await call('POST', '/api/academy/sessions', manager, {
        title: { ko: '금융아카데미 1강', en: 'Financial academy 1' },
        startsAt: at(48 * HOUR),
        endsAt: at(50 * HOUR),
        venue: '전주시청 강당',
        capacity: 2,
        registrationOpensAt: at(-HOUR),
        registrationClosesAt: at(24 * HOUR),
        lecturer: '김강사',
        ...over,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json();
    }
    /** A registration; json() gives what the registrant's message tells them (the answer itself is RECEIVED). */
    const registerFor = async (id: number, body: Json) =>
      asRegistrant(t.database.db, await call('POST', `/api/academy/sessions/${id}/registrations`, null, { consent: true, ...body }), String(body.phone ?? ''));

    before(async () => {
      t = await openTestApp(kind);
      manager = await staffSession(t, 'manager');
      officer = await staffSession(t, 'officer');
      viewer = await staffSession(t, 'viewer');
    });
    after(() => t.close());

    it('creates a session (managers) and shows it publicly with seats and state', async () => {
      const s = await newSession({ description: { ko: '설명', en: 'About' }, onlineUrl: 'https://example.org/live' });
      assert.equal(s.capacity, 2);
      assert.equal(s.seatsLeft, 2);
      assert.equal(s.waitlistLength, 0);
      assert.equal(s.registrationState, 'open');
      const pub = (await call('GET', `/api/academy/sessions/${s.id}`, null)).json();
      assert.deepEqual(pub.title, { ko: '금융아카데미 1강', en: 'Financial academy 1' });
      assert.equal(pub.lecturer, '김강사');
      const list = (await call('GET', '/api/academy/sessions', null)).json();
      assert.ok(list.items.some((x: Json) => x.id === s.id));
      assert.equal(
        (await call('GET', '/api/academy/sessions?when=past', null)).json().items.some((x: Json) => x.id === s.id),
        false,
      );
      assert.equal((await call('POST', '/api/academy/sessions', officer, {})).statusCode, 403);
    });

    it('registers: confirmed, then full → 409 or waiting list; the same phone in another form registers nothing and texts its owner', async () => {
      const s = await newSession();
      const a = await registerFor(s.id, { name: '홍길동', phone: '010-1234-5678', email: 'hong@example.org' });
      assert.equal(a.statusCode, 201, a.body);
      const ra = a.json();
      assert.equal(ra.status, 'confirmed');
      assert.match(ra.token, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(ra.statusUrl, `http://finhub.test/registrations/${ra.token}`);
      assert.ok(ra.cancelUrl.startsWith(ra.statusUrl));

      const dup = await call('POST', `/api/academy/sessions/${s.id}/registrations`, null, { consent: true, name: '홍길동', phone: '+82 10 1234 5678' });
      assert.equal(dup.statusCode, 201);
      assert.equal(dup.body, a.body, 'the same answer as a new registration');
      assert.equal((await rows<Json>(t.database.db, sql`select count(*)::int as n from registrations where phone = '01012345678'`))[0]!.n, 1);
      const [told] = await outbox('registration.duplicate_attempt');
      assert.equal(told?.recipient, '01012345678', 'the owner of the number is texted');

      assert.equal((await registerFor(s.id, { name: '김철수', phone: '01098765432' })).json().status, 'confirmed');
      const before = await counts();
      const full = await registerFor(s.id, { name: '이영희', phone: nextPhone() });
      assert.equal(full.statusCode, 409);
      assert.equal(full.json().error.code, 'REGISTRATION_FULL');
      assert.match(full.json().error.message.en, /full/);
      assert.deepEqual(await counts(), before, 'a refused registration writes nothing');

      const w = await registerFor(s.id, { name: '이영희', phone: nextPhone(), waitlist: true });
      assert.equal(w.statusCode, 201);
      assert.equal(w.json().status, 'waitlisted');
      assert.equal(w.json().waitlistPosition, 1);
      const pub = (await call('GET', `/api/academy/sessions/${s.id}`, null)).json();
      assert.equal(pub.seatsLeft, 0);
      assert.equal(pub.waitlistLength, 1);
      assert.equal(pub.registrationState, 'full');

      const confirmations = await outbox('registration.confirmed');
      const hong = confirmations.find((m) => m.recipient === 'hong@example.org')!;
      assert.ok(!hong.body.includes(ra.token) && hong.body.includes('/registrations/{{token}}'), 'the stored confirmation holds the link without its token');
      assert.ok(renderBody(hong.body, hong.link_token).includes(ra.statusUrl), 'the confirmation carries the status link when sent');
      assert.match(hong.body, /홍길동님/);
      assert.match(hong.body, /Dear 홍길동/);
      assert.ok(
        confirmations.some((m) => m.recipient === '01098765432'),
        'without e-mail the message goes by SMS',
      );
      assert.equal((await outbox('registration.waitlisted')).length >= 1, true);
    });

    it('refuses closed, not-yet-open, started and cancelled sessions with a message saying which', async () => {
      const cases: [Json, RegExp][] = [
        [{ registrationOpensAt: at(-3 * HOUR), registrationClosesAt: at(-HOUR) }, /closed/],
        [{ registrationOpensAt: at(HOUR), registrationClosesAt: at(2 * HOUR) }, /not opened yet/],
        [{ registrationOpensAt: at(-3 * HOUR), startsAt: at(-HOUR), endsAt: at(HOUR) }, /already started/],
      ];
      for (const [over, message] of cases) {
        const s = await newSession(over);
        const res = await registerFor(s.id, { name: '박민수', phone: nextPhone() });
        assert.equal(res.statusCode, 409, res.body);
        assert.match(res.json().error.message.en, message);
        assert.ok(res.json().error.message.ko.length > 0);
      }
      const s = await newSession();
      await registerFor(s.id, { name: '최지우', phone: nextPhone(), email: 'choi@example.org' });
      const c = await call('PATCH', `/api/academy/sessions/${s.id}`, manager, { cancelled: true });
      assert.equal(c.statusCode, 200, c.body);
      assert.equal(c.json().registrationState, 'cancelled');
      assert.ok((await outbox('registration.pool_cancelled')).some((m) => m.recipient === 'choi@example.org'));
      const res = await registerFor(s.id, { name: '박민수', phone: nextPhone() });
      assert.equal(res.statusCode, 409);
      assert.match(res.json().error.message.en, /cancelled/);
    });

    it('cancel by token offers the seat to the first waitlisted; an expired offer passes on; an offer can be accepted', async () => {
      const s = await newSession({ capacity: 1, offerTtlMinutes: 60 });
      const a = (await registerFor(s.id, { name: '가나다', phone: nextPhone() })).json();
      const b = (await registerFor(s.id, { name: '나', phone: nextPhone(), email: 'b@example.org', waitlist: true })).json();
      const c = (await registerFor(s.id, { name: '다', phone: nextPhone(), email: 'c@example.org', waitlist: true })).json();
      assert.equal(c.waitlistPosition, 2);

      const status = (await call('GET', `/api/registrations/${a.token}`, null)).json();
      assert.equal(status.status, 'confirmed');
      assert.equal(status.name, '가*다', 'the name is masked on the public status page');
      assert.equal(status.session.id, s.id);
      assert.equal(status.canCancel, true);

      const cancel = await call('POST', `/api/registrations/${a.token}/cancel`, null);
      assert.equal(cancel.statusCode, 200, cancel.body);
      assert.deepEqual(cancel.json(), { status: 'cancelled' });
      assert.equal((await call('POST', `/api/registrations/${a.token}/cancel`, null)).statusCode, 200, 'cancelling twice is harmless');
      assert.equal((await outbox('registration.cancelled')).length >= 1, true);

      const bStatus = (await call('GET', `/api/registrations/${b.token}`, null)).json();
      assert.equal(bStatus.status, 'offered');
      assert.ok(bStatus.offerExpiresAt);
      assert.ok((await outbox('registration.offered')).some((m) => m.recipient === 'b@example.org'));
      assert.equal((await call('GET', `/api/registrations/${c.token}`, null)).json().waitlistPosition, 1);

      // b lets the offer lapse: the job expires it and offers the seat to c. The deadline is read, not
      // assumed: an hour's offer made after 21:00 in Seoul runs until 08:00 (offers do not lapse at night).
      const lapsed = new Date(new Date(bStatus.offerExpiresAt).getTime() + 60_000);
      assert.equal(await expireOffers(t.database.db, { publicUrl: 'http://finhub.test' }, lapsed), 1);
      assert.equal((await call('GET', `/api/registrations/${b.token}`, null)).json().status, 'expired');
      assert.equal((await call('POST', `/api/registrations/${b.token}/accept`, null)).statusCode, 409);
      assert.equal((await call('GET', `/api/registrations/${c.token}`, null)).json().status, 'offered');
      assert.ok((await outbox('registration.offer_expired')).some((m) => m.recipient === 'b@example.org'));

      const accept = await call('POST', `/api/registrations/${c.token}/accept`, null);
      assert.equal(accept.statusCode, 200, accept.body);
      assert.deepEqual(accept.json(), { status: 'confirmed' });
      const pub = (await call('GET', `/api/academy/sessions/${s.id}`, null)).json();
      assert.equal(pub.seatsLeft, 0);
      assert.equal(pub.waitlistLength, 0);

      assert.equal((await call('GET', '/api/registrations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', null)).statusCode, 404);
      const qr = await call('GET', `/api/registrations/${c.token}/qr.svg`, null);
      assert.equal(qr.statusCode, 200);
      assert.match(String(qr.headers['content-type']), /^image\/svg\+xml/);
      assert.match(qr.body, /<svg[\s\S]*<\/svg>/);
    });

    it('checks in by token or id, idempotently; lists registrants masked; unmasking is audited', async () => {
      const s = await newSession({ capacity: 5 });
      const a = (await registerFor(s.id, { name: '홍길동', phone: '010-2222-3333', email: 'someone@example.org' })).json();
      const first = await call('POST', `/api/academy/sessions/${s.id}/check-in`, officer, { token: a.token });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().alreadyCheckedIn, false);
      assert.ok(first.json().registration.checkedInAt);
      const second = await call('POST', `/api/academy/sessions/${s.id}/check-in`, officer, { registrationId: a.id });
      assert.equal(second.json().alreadyCheckedIn, true);
      assert.equal(second.json().registration.checkedInAt, first.json().registration.checkedInAt);
      assert.equal((await call('POST', `/api/academy/sessions/${s.id}/check-in`, officer, {})).statusCode, 400);
      const other = await newSession();
      assert.equal((await call('POST', `/api/academy/sessions/${other.id}/check-in`, officer, { token: a.token })).statusCode, 404);

      const list = (await call('GET', `/api/academy/sessions/${s.id}/registrations?q=길동`, viewer)).json();
      assert.equal(list.items.length, 1);
      assert.equal(list.items[0].phoneMasked, '010-****-3333');
      assert.equal(list.items[0].email, 's***@example.org');
      assert.ok(!JSON.stringify(list).includes('2222'));

      assert.equal((await call('POST', `/api/registrations/${a.id}/unmask`, officer)).statusCode, 403);
      const unmasked = await call('POST', `/api/registrations/${a.id}/unmask`, manager);
      assert.equal(unmasked.statusCode, 200);
      assert.deepEqual(unmasked.json(), { phone: '01022223333', email: 'someone@example.org' });
      const audit = (await call('GET', `/api/audit?entity=registration&entityId=${a.id}&action=registration.unmask`, manager)).json();
      assert.equal(audit.items.length, 1);
      assert.equal(audit.items[0].actor?.email ?? audit.items[0].actorEmail, manager.email);
    });

    it('refuses bad input with 400 naming the fields and writes nothing; script-laden text is stored verbatim', async () => {
      const s = await newSession({ capacity: 10 });
      const before = await counts();
      const bad: [Json, string][] = [
        [{ name: '홍길동', phone: '12345', consent: true }, 'phone'],
        [{ name: '홍길동', phone: nextPhone() }, 'consent'],
        [{ name: '홍길동', phone: nextPhone(), consent: false }, 'consent'],
        [{ name: 'x'.repeat(51), phone: nextPhone(), consent: true }, 'name'],
        [{ name: '홍길동', phone: nextPhone(), consent: true, email: 'not-an-email' }, 'email'],
        [{ name: '', phone: nextPhone(), consent: true }, 'name'],
      ];
      for (const [body, field] of bad) {
        const res = await call('POST', `/api/academy/sessions/${s.id}/registrations`, null, body);
        assert.equal(res.statusCode, 400, `${JSON.stringify(body)}: ${res.body}`);
        assert.ok(
          res.json().error.fields.some((f: Json) => f.field === field),
          `${field} named in ${res.body}`,
        );
        assert.ok(res.json().error.message.ko && res.json().error.message.en);
      }
      const badSession = await call('POST', '/api/academy/sessions', manager, { title: { ko: 'x'.repeat(201) }, startsAt: 'tomorrow', venue: '', capacity: 0 });
      assert.equal(badSession.statusCode, 400);
      const fields = badSession.json().error.fields.map((f: Json) => f.field);
      for (const f of ['title.ko', 'startsAt', 'venue', 'capacity']) assert.ok(fields.includes(f), `${f} in ${fields}`);
      const backwards = await call('POST', '/api/academy/sessions', manager, {
        title: { ko: '거꾸로' },
        startsAt: at(50 * HOUR),
        endsAt: at(48 * HOUR),
        venue: '시청',
        capacity: 5,
        registrationOpensAt: at(-HOUR),
        registrationClosesAt: at(HOUR),
      });
      assert.equal(backwards.statusCode, 400);
      assert.deepEqual(
        backwards.json().error.fields.map((f: Json) => f.field),
        ['endsAt'],
      );
      assert.deepEqual(await counts(), before);

      const script = '<script>alert(1)</script>=cmd|" /C calc"!A0';
      const ok = await registerFor(s.id, { name: script, phone: nextPhone() });
      assert.equal(ok.statusCode, 201, ok.body);
      const list = (await call('GET', `/api/academy/sessions/${s.id}/registrations`, viewer)).json();
      assert.equal(list.items.at(-1).name, script, 'stored as given; escaping happens at output');
      const titled = await newSession({ title: { ko: '<img src=x onerror=alert(1)>' } });
      assert.equal((await call('GET', `/api/academy/sessions/${titled.id}`, null)).json().title.ko, '<img src=x onerror=alert(1)>');
    });

    it('pages the registrant list by id (?after=&limit=): total on the first page, nextAfter until the last, q still searches', async () => {
      const s = await newSession({ capacity: 20 });
      const ids: number[] = [];
      for (let i = 0; i < 7; i++) ids.push((await registerFor(s.id, { name: i % 2 ? `김페이지${i}` : `이페이지${i}`, phone: nextPhone() })).json().id);
      const page = async (qs: string) => {
        const res = await call('GET', `/api/academy/sessions/${s.id}/registrations${qs}`, viewer);
        assert.equal(res.statusCode, 200, res.body);
        return res.json();
      };
      const whole = await page('');
      assert.deepEqual(
        whole.items.map((r: Json) => r.id),
        ids,
        'default limit 100 holds all seven, in id order',
      );
      assert.equal(whole.total, 7);
      assert.equal(whole.nextAfter, null);
      const first = await page('?limit=3');
      assert.deepEqual(
        first.items.map((r: Json) => r.id),
        ids.slice(0, 3),
      );
      assert.equal(first.total, 7);
      assert.equal(first.nextAfter, ids[2]);
      const second = await page(`?limit=3&after=${first.nextAfter}`);
      assert.deepEqual(
        second.items.map((r: Json) => r.id),
        ids.slice(3, 6),
      );
      assert.equal(second.total, null, 'deeper pages do not count again');
      assert.equal(second.nextAfter, ids[5]);
      const last = await page(`?limit=3&after=${second.nextAfter}`);
      assert.deepEqual(
        last.items.map((r: Json) => r.id),
        ids.slice(6),
      );
      assert.equal(last.nextAfter, null);
      const exact = await page(`?limit=7`);
      assert.equal(exact.nextAfter, null, 'no next page when the rows end exactly at the limit');
      const kims = await page(`?q=${encodeURIComponent('김페이지')}&limit=2`);
      assert.deepEqual(
        kims.items.map((r: Json) => r.id),
        [ids[1], ids[3]],
      );
      assert.equal(kims.total, 3);
      assert.deepEqual(
        (await page(`?q=${encodeURIComponent('김페이지')}&limit=2&after=${kims.nextAfter}`)).items.map((r: Json) => r.id),
        [ids[5]],
      );
      for (const bad of ['?limit=0', '?limit=501', '?after=-1', '?after=x']) {
        const res = await call('GET', `/api/academy/sessions/${s.id}/registrations${bad}`, viewer);
        assert.equal(res.statusCode, 400, `${bad}: ${res.body}`);
      }
      assert.equal((await page('?limit=500')).items.length, 7);
      assert.equal((await call('GET', `/api/academy/sessions/${s.id + 100000}/registrations`, viewer)).statusCode, 404);
    });

    it('sends the survey to attendees of an ended session, takes answers once, and counts the figures and the measure', async () => {
      const s = await newSession({ capacity: 5, registrationOpensAt: at(-10 * HOUR), registrationClosesAt: at(-8 * HOUR), startsAt: at(-7 * HOUR), endsAt: at(-6 * HOUR) });
      // Registration is over for this past session: put registrants in through a live window first.
      const live = await newSession({ capacity: 5 });
      const a = (await registerFor(live.id, { name: '가나', phone: nextPhone(), email: 'a@example.org' })).json();
      const b = (await registerFor(live.id, { name: '다라', phone: nextPhone() })).json();
      await call('POST', `/api/academy/sessions/${live.id}/check-in`, officer, { token: a.token });
      // Move the session into the past (as if time had passed).
      await t.database.db.execute(sql`update academy_sessions set starts_at = now() - interval '3 hours', ends_at = now() - interval '2 hours' where id = ${live.id}`);
      await t.database.db.execute(
        sql`update capacity_pools set opens_at = now() - interval '5 hours', closes_at = now() - interval '4 hours', starts_at = now() - interval '3 hours' where id = (select pool_id from academy_sessions where id = ${live.id})`,
      );
      void b;

      assert.equal((await call('POST', `/api/academy/sessions/${s.id}/survey`, manager)).json().queued, 0);
      const sent = await call('POST', `/api/academy/sessions/${live.id}/survey`, manager);
      assert.equal(sent.statusCode, 200, sent.body);
      assert.deepEqual(sent.json(), { queued: 1 });
      assert.equal((await call('POST', `/api/academy/sessions/${live.id}/survey`, manager)).statusCode, 409);
      const [invite] = (await outbox('survey.invitation')).filter((m) => m.recipient === 'a@example.org');
      assert.ok(invite!.body.includes('/surveys/{{token}}'), 'the stored invitation holds the link without its token');
      const token = invite!.link_token as string;
      assert.match(token, /^[A-Za-z0-9_-]{43}$/);
      assert.deepEqual((await call('GET', `/api/surveys/${token}`, null)).json().answered, false);
      assert.equal((await call('POST', `/api/surveys/${token}`, null, { rating: 6 })).statusCode, 400);
      const answer = await call('POST', `/api/surveys/${token}`, null, { rating: 4, comment: '좋았습니다' });
      assert.equal(answer.statusCode, 201, answer.body);
      assert.equal((await call('POST', `/api/surveys/${token}`, null, { rating: 5 })).statusCode, 409);

      const year = new Date(Date.now() + 9 * HOUR - 3 * HOUR).getUTCFullYear();
      const figures = (await call('GET', `/api/academy/figures?year=${year}`, viewer)).json();
      const row = figures.sessions.find((x: Json) => x.id === live.id);
      assert.deepEqual(
        { registered: row.registered, attended: row.attended, attendanceRate: row.attendanceRate, satisfaction: row.satisfaction, held: row.held },
        { registered: 2, attended: 1, attendanceRate: 50, satisfaction: 4, held: true },
      );
      assert.ok(figures.year.held >= 2);
      assert.equal(figures.byQuarter.length, 4);

      const measure = getMeasure('education.academy_sessions_held')!;
      assert.equal(measure.unit, '회');
      const n = await measure.measure(t.database.db, { planId: 0, actionId: 0, from: new Date(Date.now() - 24 * HOUR), to: new Date(Date.now() + HOUR) });
      assert.ok(n >= 2, `held sessions: ${n}`);
    });

    it("drives the plan's '전주시 금융아카데미 개최(2회)' through the measure: held sessions count, cancelled ones do not", async () => {
      const planId = (await seedPlanIfEmpty(t.database.db))!;
      const academy = (await planActions(t, planId)).find((a) => a.year === 2022 && a.period === 'Q4' && a.target?.count === 2 && /금융아카데미/.test(a.text))!;
      const measures = (await call('GET', '/api/measures', viewer)).json().items;
      assert.ok(measures.some((m: Json) => m.key === 'education.academy_sessions_held' && m.unit === '회'));
      const bound = await call('PATCH', `/api/actions/${academy.id}/assignment`, manager, { measureKey: 'education.academy_sessions_held' });
      assert.equal(bound.statusCode, 200, bound.body);
      assert.deepEqual([bound.json().measured, bound.json().progress], [0, 0]);
      const past = (day: number) => ({
        startsAt: `2022-11-${day}T19:00:00+09:00`,
        endsAt: `2022-11-${day}T21:00:00+09:00`,
        registrationOpensAt: '2022-10-01T09:00:00+09:00',
        registrationClosesAt: `2022-11-${String(day - 1).padStart(2, '0')}T18:00:00+09:00`,
      });
      await newSession(past(10));
      const cancelled = await newSession(past(17));
      await call('PATCH', `/api/academy/sessions/${cancelled.id}`, manager, { cancelled: true });
      const shown = async () =>
        (await call('GET', `/api/plans/${planId}`, null))
          .json()
          .schedule.flatMap((e: Json) => e.actions)
          .find((a: Json) => a.id === academy.id);
      assert.equal((await shown()).progress, 50, 'one held of two');
      await newSession(past(24));
      assert.equal((await shown()).progress, 100);
      const figures = (await call('GET', '/api/academy/figures?year=2022', viewer)).json();
      assert.deepEqual([figures.year.sessions, figures.year.held, figures.byQuarter[3].held], [2, 2, 2]);
    });

    it('programmes (one per year) and the consent notice', async () => {
      const p = await call('POST', '/api/academy/programmes', manager, { year: 2023, title: { ko: "'23년 전주시 금융아카데미 계획" } });
      assert.equal(p.statusCode, 201, p.body);
      assert.equal((await call('POST', '/api/academy/programmes', manager, { year: 2023, title: { ko: '또' } })).statusCode, 409);
      assert.equal((await call('GET', '/api/academy/programmes', viewer)).json().items[0].year, 2023);
      const s = await newSession({ programmeId: p.json().id });
      assert.equal(s.programmeId, p.json().id);
      const consent = (await call('GET', '/api/privacy/consent?purpose=academy', null)).json();
      for (const k of ['purpose', 'items', 'retention', 'refusal']) assert.ok(consent[k].ko && consent[k].en, k);
      const [row] = await rows<Json>(t.database.db, sql`select consent_version from registrations limit 1`);
      assert.equal(row!.consent_version, consent.version);
    });
  });
}
