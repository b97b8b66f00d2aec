/**
 * The registration engine's rules beyond the academy's happy paths: capacity changes and the
 * waiting list, offers past their deadline, refusals, the unique-index safety net, masking and
 * the public rate limit — on PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { registrations } from '../../src/modules/registration/schema.ts';
import { isLivePhoneViolation } from '../../src/modules/registration/engine/register.ts';
import { hashToken } from '../../src/server/tokens.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { ANY_KIND, DB_KINDS } from '../support/db.ts';
import { asRegistrant } from '../support/registrant.ts';
import { rows as queryRows } from '../../src/db/executor.ts';
import type { Json } from '../support/json.ts';

const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
let seq = 2000;
const nextPhone = () => `010-4444-${String(seq++).padStart(4, '0')}`;

for (const kind of DB_KINDS) {
  describe(`registration engine on ${kind}`, () => {
    let t: TestApp;
    let manager: Session;
    let officer: Session;

    const call = (method: 'GET' | 'POST' | 'PATCH', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const newSession = async (over: Json = {}) => {
      const res = await call('POST', '/api/academy/sessions', manager, {
        title: { ko: '엔진 시험' },
        startsAt: at(48 * HOUR),
        endsAt: at(50 * HOUR),
        venue: '시청',
        capacity: 1,
        registrationOpensAt: at(-HOUR),
        registrationClosesAt: at(24 * HOUR),
        ...over,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as Json;
    };
    const post = (id: number, payload: Json) => call('POST', `/api/academy/sessions/${id}/registrations`, null, payload);
    /** A registration; json() gives what the registrant's message tells them (the answer itself is RECEIVED). */
    const registerFor = async (id: number, body: Json = {}) => {
      const payload = { name: '신청자', phone: nextPhone(), consent: true, waitlist: true, ...body };
      return asRegistrant(t.database.db, await post(id, payload), payload.phone);
    };
    const statusOf = async (token: string) => (await call('GET', `/api/registrations/${token}`, null)).json();

    before(async () => {
      t = await openTestApp(kind);
      manager = await staffSession(t, 'manager');
      officer = await staffSession(t, 'officer');
    });
    after(() => t.close());

    it('more capacity offers seats to the waiting list in order; less than taken is refused naming capacity', async () => {
      const s = await newSession({ capacity: 1 });
      await registerFor(s.id);
      const w1 = (await registerFor(s.id)).json();
      const w2 = (await registerFor(s.id)).json();
      const w3 = (await registerFor(s.id)).json();
      const more = await call('PATCH', `/api/academy/sessions/${s.id}`, manager, { capacity: 3 });
      assert.equal(more.statusCode, 200, more.body);
      assert.deepEqual([(await statusOf(w1.token)).status, (await statusOf(w2.token)).status, (await statusOf(w3.token)).status], ['offered', 'offered', 'waitlisted']);
      assert.equal(more.json().seatsLeft, 0);
      const less = await call('PATCH', `/api/academy/sessions/${s.id}`, manager, { capacity: 2 });
      assert.equal(less.statusCode, 409);
      assert.equal(less.json().error.code, 'CAPACITY_BELOW_TAKEN');
      assert.equal(less.json().error.fields[0].field, 'capacity');
    });

    it('an offer accepted after its deadline (before the job ran) is refused and passes on', async () => {
      const s = await newSession({ capacity: 1, offerTtlMinutes: 5 });
      const a = (await registerFor(s.id)).json();
      const b = (await registerFor(s.id)).json();
      const c = (await registerFor(s.id)).json();
      await call('POST', `/api/registrations/${a.token}/cancel`, null);
      assert.equal((await statusOf(b.token)).status, 'offered');
      await t.database.db.execute(sql`update registrations set offer_expires_at = now() - interval '1 minute' where token_hash = ${hashToken(b.token)}`);
      const late = await call('POST', `/api/registrations/${b.token}/accept`, null);
      assert.equal(late.statusCode, 409);
      assert.equal(late.json().error.code, 'OFFER_EXPIRED');
      assert.match(late.json().error.message.en, /expired/);
      assert.equal((await statusOf(b.token)).status, 'expired');
      assert.equal((await statusOf(c.token)).status, 'offered');
      // Accepting something that is not an offer: 409 with a message saying so.
      const notOffered = await call('POST', `/api/registrations/${a.token}/accept`, null);
      assert.deepEqual([notOffered.statusCode, notOffered.json().error.code], [409, 'NO_OFFER']);
    });

    it('refuses a full session without a waiting list, check-in of someone not confirmed, and cancelling after the start', async () => {
      const s = await newSession({ capacity: 1, waitlist: false });
      await registerFor(s.id, { waitlist: false });
      const full = await registerFor(s.id);
      assert.equal(full.statusCode, 409);
      assert.equal(full.json().error.code, 'REGISTRATION_FULL_NO_WAITLIST');
      assert.match(full.json().error.message.en, /no waiting list/);

      const s2 = await newSession({ capacity: 1 });
      await registerFor(s2.id);
      const w = (await registerFor(s2.id)).json();
      const refused = await call('POST', `/api/academy/sessions/${s2.id}/check-in`, officer, { token: w.token });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error.code, 'REGISTRATION_NOT_CONFIRMED');
      assert.match(refused.json().error.message.en, /waitlisted/);

      const s3 = await newSession({ capacity: 3 });
      const r = (await registerFor(s3.id)).json();
      await t.database.db.execute(sql`update capacity_pools set starts_at = now() - interval '1 minute' where id = (select pool_id from academy_sessions where id = ${s3.id})`);
      const late = await call('POST', `/api/registrations/${r.token}/cancel`, null);
      assert.equal(late.statusCode, 409);
      assert.equal(late.json().error.code, 'SESSION_STARTED');
      assert.match(late.json().error.message.en, /already started/);
      assert.equal((await statusOf(r.token)).canCancel, false);
    });

    it('the partial unique index refuses a second live registration of a phone, and the engine recognises it', async () => {
      const s = await newSession({ capacity: 5 });
      const first = (await registerFor(s.id, { phone: '010-3030-4040' })).json();
      const [row] = await t.database.db.select().from(registrations).where(sql`${registrations.id} = ${first.id}`);
      let caught: unknown;
      try {
        await t.database.db.insert(registrations).values({ ...row!, id: undefined, tokenHash: 'x'.repeat(64) });
      } catch (e) {
        caught = e;
      }
      assert.ok(caught, 'the insert was refused');
      assert.equal(isLivePhoneViolation(caught), true);
      // Once cancelled, the same phone may register again.
      await call('POST', `/api/registrations/${first.token}/cancel`, null);
      assert.equal((await registerFor(s.id, { phone: '01030304040' })).statusCode, 201);
    });

    it('the answer does not tell whether a phone is registered: the same bytes, no second row, the owner is texted', async () => {
      const answer = (res: { statusCode: number; body: string; headers: Record<string, unknown> }) => ({
        status: res.statusCode,
        type: res.headers['content-type'],
        body: res.body,
      });
      const rows = (phone: string) =>
        queryRows<Json>(t.database.db, sql`select id, status::text as status from registrations where phone = ${phone.replace(/-/g, '')} order by id`);
      const notices = (phone: string) =>
        queryRows<Json>(
          t.database.db,
          sql`select channel::text as channel, body, meta, link_token from outbox where recipient = ${phone.replace(/-/g, '')} and kind = 'registration.duplicate_attempt' order by id`,
        );
      const payload = (phone: string, over: Json = {}) => ({ name: '신청자', phone, email: 'someone@example.org', consent: true, waitlist: true, ...over });

      // An open session: a first registration and a second one with the same phone.
      const open = await newSession({ capacity: 5 });
      const owner = nextPhone();
      const fresh = await post(open.id, payload(owner));
      const again = await post(open.id, payload(owner, { name: '다른 사람', email: 'stranger@example.org' }));
      assert.deepEqual(answer(again), answer(fresh));
      assert.deepEqual(fresh.json(), { status: 'received', message: fresh.json().message });
      assert.ok(!/"id"|token|https?:|registrations\//.test(fresh.body), `no id, token or link in the answer: ${fresh.body}`);
      assert.deepEqual(
        (await rows(owner)).map((r) => r.status),
        ['confirmed'],
        'no second registration',
      );
      const [notice, ...more] = await notices(owner);
      assert.ok(notice, "the number's owner is told");
      assert.equal(notice.channel, 'sms', 'through the number itself, not the e-mail the stranger typed');
      assert.equal(notice.meta.registrationId, (await rows(owner))[0]!.id);
      assert.match(notice.body, /상태: 확정/);
      assert.match(notice.body, /status: confirmed/);
      assert.equal(notice.link_token, null, 'no link to the existing registration');
      assert.equal(more.length, 0);
      // A third try within the hour answers the same and texts no more.
      assert.deepEqual(answer(await post(open.id, payload(owner))), answer(fresh));
      assert.equal((await notices(owner)).length, 1, 'at most one text an hour');

      // A full session: the owner of a seat asking again, and a newcomer joining the waiting list.
      const full = await newSession({ capacity: 1 });
      const seated = nextPhone();
      await post(full.id, payload(seated));
      const newcomer = await post(full.id, payload(nextPhone()));
      const repeat = await post(full.id, payload(seated));
      assert.deepEqual(answer(repeat), answer(newcomer));
      assert.deepEqual(answer(repeat), answer(fresh));
      assert.deepEqual(
        (await rows(seated)).map((r) => r.status),
        ['confirmed'],
      );
      assert.equal((await notices(seated)).length, 1);
      // … and without asking for the waiting list: the same refusal either way.
      const refusedNew = await post(full.id, payload(nextPhone(), { waitlist: false }));
      const refusedOwner = await post(full.id, payload(seated, { waitlist: false }));
      assert.equal(refusedNew.statusCode, 409);
      assert.deepEqual(answer(refusedOwner), answer(refusedNew));

      // A waitlisted owner is told that status.
      const waiting = nextPhone();
      await post(full.id, payload(waiting));
      await post(full.id, payload(waiting));
      assert.match((await notices(waiting))[0]!.body, /상태: 대기/);
    });

    it('the public status page shows no phone or e-mail; staff may add the video after the session', async () => {
      const s = await newSession({ capacity: 2 });
      const r = (await registerFor(s.id, { name: '홍길동', phone: '010-1212-3434', email: 'hong@example.org' })).json();
      const body = JSON.stringify(await statusOf(r.token));
      assert.ok(!body.includes('3434') && !body.includes('hong@') && !body.includes('홍길동'), body);
      const v = await call('PATCH', `/api/academy/sessions/${s.id}`, manager, { videoUrl: 'https://www.youtube.com/watch?v=abc' });
      assert.equal(v.json().videoUrl, 'https://www.youtube.com/watch?v=abc');
      assert.equal((await call('PATCH', `/api/academy/sessions/${s.id}`, manager, { videoUrl: 'javascript:alert(1)' })).statusCode, 400);
      assert.equal((await call('PATCH', `/api/academy/sessions/${s.id}`, manager, {})).statusCode, 400, 'nothing to change');
    });
  });
}

describe('public write rate limit', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp(ANY_KIND, { publicRateLimit: 2 });
  });
  after(() => t.close());

  it('limits registrations per client address (FINHUB_PUBLIC_RATE_LIMIT), with a bilingual 429', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/academy/sessions/999/registrations',
        headers: { origin: ORIGIN },
        payload: { name: 'a', phone: nextPhone(), consent: true },
      });
      codes.push(res.statusCode);
      if (res.statusCode === 429) assert.ok(res.json().error.message.ko && res.json().error.message.en);
    }
    assert.deepEqual(codes, [404, 404, 429]);
  });
});
