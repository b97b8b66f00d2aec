/**
 * Check-in on the day, at the academy and at events, on PGlite and PostgreSQL: the short code
 * printed under the QR code (shape, uniqueness, typed in any case with dashes, scoped to its
 * session or event, audited), and the window (FINHUB_CHECK_IN_OPENS_MINUTES: refused before, with
 * a Korean and English message naming when it opens, writing nothing; accepted from then on).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../src/config.ts';
import { rows } from '../../src/db/executor.ts';
import { events } from '../../src/modules/events/schema.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import type { Json } from '../support/json.ts';
import { asRegistrant } from '../support/registrant.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const CODE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/;

let phoneSeq = 1000;
const nextPhone = () => `010-6666-${String(phoneSeq++).padStart(4, '0')}`;

it('check-in opens 60 minutes before the start unless FINHUB_CHECK_IN_OPENS_MINUTES says otherwise', () => {
  assert.equal(loadConfig({}).checkInOpensMinutes, 60);
  assert.equal(loadConfig({ FINHUB_CHECK_IN_OPENS_MINUTES: '15' }).checkInOpensMinutes, 15);
  assert.throws(() => loadConfig({ FINHUB_CHECK_IN_OPENS_MINUTES: '-1' }), /FINHUB_CHECK_IN_OPENS_MINUTES/);
  assert.throws(() => loadConfig({ FINHUB_CHECK_IN_OPENS_MINUTES: String(31 * 24 * 60) }), /FINHUB_CHECK_IN_OPENS_MINUTES/);
});

for (const kind of DB_KINDS) {
  describe(`check-in by code and its window on ${kind}`, () => {
    let t: TestApp;
    let manager: Session;
    let officer: Session;

    const call = (method: 'GET' | 'POST', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });

    /** An academy session starting `startsIn` from now, open for registration now. */
    async function session(startsIn: number): Promise<number> {
      const res = await call('POST', '/api/academy/sessions', manager, {
        title: { ko: '입장 확인 강좌', en: 'Check-in lecture' },
        startsAt: at(startsIn),
        endsAt: at(startsIn + 2 * HOUR),
        venue: '전주시청 강당',
        capacity: 10,
        registrationOpensAt: at(-2 * HOUR),
        registrationClosesAt: at(Math.min(startsIn, 24 * HOUR) - 5 * MINUTE),
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id;
    }
    async function register(sessionId: number) {
      const phone = nextPhone();
      const r = await asRegistrant(t.database.db, await call('POST', `/api/academy/sessions/${sessionId}/registrations`, null, { name: '홍길동', phone, consent: true }), phone);
      const status = await call('GET', `/api/registrations/${r.json().token}`, null);
      assert.equal(status.statusCode, 200, status.body);
      const { id, token } = r.json() as { id: number; token: string };
      return { id, token, code: status.json().checkInCode as string };
    }
    /** An event starting `startsIn` from now with a general category open now. */
    async function event(startsIn: number): Promise<number> {
      const [e] = await t.database.db
        .insert(events)
        .values({ kind: 'seminar', titleKo: '금융세미나', startsAt: new Date(Date.now() + startsIn), endsAt: new Date(Date.now() + startsIn + 2 * HOUR), published: true })
        .returning();
      const res = await call('POST', `/api/events/${e!.id}/categories`, manager, {
        category: 'general',
        capacity: 10,
        opensAt: at(-2 * HOUR),
        closesAt: at(startsIn - 5 * MINUTE),
      });
      assert.equal(res.statusCode, 201, res.body);
      return e!.id;
    }
    async function registerAtEvent(eventId: number) {
      const phone = nextPhone();
      const payload = { category: 'general', name: '김참가', phone, email: `p${phoneSeq}@example.com`, consent: true, answers: {} };
      const r = await asRegistrant(t.database.db, await call('POST', `/api/events/${eventId}/registrations`, null, payload), phone);
      const status = await call('GET', `/api/registrations/${r.json().token}`, null);
      assert.equal(status.json().status, 'confirmed', `${r.body} ${status.body}`);
      const { id, token } = r.json() as { id: number; token: string };
      return { id, token, code: status.json().checkInCode as string };
    }
    const checkedIn = async (id: number) =>
      (await rows<{ checked_in_at: Date | null }>(t.database.db, sql`select checked_in_at from registrations where id = ${id}`))[0]!.checked_in_at;
    const audits = async (id: number) =>
      await rows<{ after: Json }>(t.database.db, sql`select after from audit_log where action = 'registration.check_in' and entity_id = ${String(id)}`);

    before(async () => {
      t = await openTestApp(kind, { checkInOpensMinutes: 60 });
      manager = await staffSession(t, 'manager');
      officer = await staffSession(t, 'officer');
    });
    after(() => t.close());

    it('gives each confirmed registration a short unambiguous code, unique, shown on its status page', async () => {
      const s = await session(30 * MINUTE);
      const people = await Promise.all(Array.from({ length: 6 }, () => register(s)));
      for (const p of people) assert.match(p.code, CODE);
      assert.equal(new Set(people.map((p) => p.code)).size, people.length);
      const stored = await rows<{ n: number; distinct_codes: number }>(
        t.database.db,
        sql`select count(*)::int as n, count(distinct check_in_code)::int as distinct_codes from registrations`,
      );
      assert.equal(stored[0]!.n, stored[0]!.distinct_codes, 'every stored code is unique');
      // Not confirmed (cancelled): no code to show.
      const cancelled = await register(s);
      assert.equal((await call('POST', `/api/registrations/${cancelled.token}/cancel`, null)).statusCode, 200);
      assert.equal((await call('GET', `/api/registrations/${cancelled.token}`, null)).json().checkInCode, null);
    });

    it('checks in by the typed code (any case, dashes and spaces), once, audited; scoped to its session', async () => {
      const s = await session(30 * MINUTE);
      const other = await session(40 * MINUTE);
      const p = await register(s);
      const typed = `${p.code.slice(0, 3).toLowerCase()}-${p.code.slice(3)} `.replace(/ $/, '');
      const wrongSession = await call('POST', `/api/academy/sessions/${other}/check-in`, officer, { code: p.code });
      assert.equal(wrongSession.statusCode, 404);
      assert.equal(await checkedIn(p.id), null);
      const first = await call('POST', `/api/academy/sessions/${s}/check-in`, officer, { code: typed });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().alreadyCheckedIn, false);
      assert.equal(first.json().registration.name, '홍길동');
      const again = await call('POST', `/api/academy/sessions/${s}/check-in`, officer, { code: `${p.code.slice(0, 3)} ${p.code.slice(3)}` });
      assert.equal(again.json().alreadyCheckedIn, true);
      const trail = await audits(p.id);
      assert.equal(trail.length, 1);
      assert.equal(trail[0]!.after.by, 'code');
      // A code of the right shape that names no one, a wrong shape (400 naming the field), two ways at once.
      const unknown = await call('POST', `/api/academy/sessions/${s}/check-in`, officer, { code: 'ZZZZZZ' === p.code ? 'YYYYYY' : 'ZZZZZZ' });
      assert.equal(unknown.statusCode, 404);
      assert.match(unknown.json().error.message.ko, /신청 내역/);
      const bad = await call('POST', `/api/academy/sessions/${s}/check-in`, officer, { code: '<script>' });
      assert.equal(bad.statusCode, 400);
      assert.ok(
        bad.json().error.fields.some((f: Json) => f.field === 'code'),
        bad.body,
      );
      assert.equal((await call('POST', `/api/academy/sessions/${s}/check-in`, officer, { code: p.code, registrationId: p.id })).statusCode, 400);
    });

    it('refuses check-in before the window opens, naming when, and writes nothing; accepts from then on', async () => {
      const later = await session(3 * HOUR);
      const p = await register(later);
      for (const body of [{ token: p.token }, { code: p.code }, { registrationId: p.id }]) {
        const res = await call('POST', `/api/academy/sessions/${later}/check-in`, officer, body);
        assert.equal(res.statusCode, 409, res.body);
        const { code, message } = res.json().error;
        assert.equal(code, 'CHECK_IN_NOT_OPEN');
        assert.match(message.ko, /시작 60분 전인 .+부터 할 수 있습니다/);
        assert.match(message.en, /opens 60 minutes before the start, on .+ \(KST\)/);
      }
      assert.equal(await checkedIn(p.id), null);
      assert.equal((await audits(p.id)).length, 0);

      const soon = await session(50 * MINUTE);
      const q = await register(soon);
      const ok = await call('POST', `/api/academy/sessions/${soon}/check-in`, officer, { token: q.token });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.ok(await checkedIn(q.id));
      assert.equal((await audits(q.id))[0]!.after.by, 'qr');
    });

    it('at an event: the code checks in within the window, is refused before it and at another event', async () => {
      const today = await event(20 * MINUTE);
      const p = await registerAtEvent(today);
      assert.match(p.code, CODE);
      const ok = await call('POST', `/api/events/${today}/check-in`, officer, { code: p.code.toLowerCase() });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().alreadyCheckedIn, false);
      assert.equal((await call('POST', `/api/events/${today}/check-in`, officer, { code: p.code })).json().alreadyCheckedIn, true);

      const nextWeek = await event(7 * 24 * HOUR);
      const q = await registerAtEvent(nextWeek);
      assert.equal((await call('POST', `/api/events/${today}/check-in`, officer, { code: q.code })).statusCode, 404);
      const early = await call('POST', `/api/events/${nextWeek}/check-in`, officer, { code: q.code });
      assert.equal(early.statusCode, 409, early.body);
      assert.equal(early.json().error.code, 'CHECK_IN_NOT_OPEN');
      assert.equal(await checkedIn(q.id), null);
      const bad = await call('POST', `/api/events/${today}/check-in`, officer, { code: 'x' });
      assert.equal(bad.statusCode, 400);
    });
  });
}
