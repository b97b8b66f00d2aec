/**
 * Calendars other software accepts (issue 12): every .ics finhub serves — an event, a programme
 * item, an academy session — is read by two independent parsers (python3-icalendar and
 * python3-vobject, tests/support/independent.ts) that must agree; lines end with CR LF and fold
 * at 75 octets; the UID stays when the public address changes; rescheduling raises SEQUENCE and
 * moves LAST-MODIFIED / DTSTAMP, so calendar programs replace the entry — on PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import { icsLineProblems, readIcs, type IcsEvent } from '../support/independent.ts';

const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const utc = (iso: string) => `${new Date(iso).toISOString().slice(0, 19)}Z`;
/** A title every calendar program has to keep as text: TEXT separators, a backslash, several scripts. */
const TITLE = { ko: '제4회 지니포럼; 금융, 중심지 \\ 전주', en: 'GENIE Forum; Nguyễn, 王, Müller' };

for (const kind of DB_KINDS) {
  describe(`calendars read by python icalendar and vobject on ${kind}`, () => {
    let t: TestApp;
    let manager: Session;
    const call = (method: 'GET' | 'POST' | 'PATCH', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });

    /** Fetches a calendar, checks its lines and media type, and reads it with both parsers (one VEVENT). */
    async function calendar(url: string, app = t.app): Promise<IcsEvent & { calendarName: string | null }> {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /^text\/calendar; charset=utf-8$/);
      assert.deepEqual(icsLineProblems(res.body), []);
      const r = readIcs(res.body);
      assert.deepEqual(r.components, ['VCALENDAR', 'VEVENT']);
      assert.equal(r.name, r.xwrCalname);
      return { ...r.events[0]!, calendarName: r.name };
    }

    before(async () => {
      t = await openTestApp(kind);
      manager = await staffSession(t, 'manager');
    });
    after(() => t.close());

    it('an event and its programme item: texts, UID, SEQUENCE and LAST-MODIFIED through a reschedule and a cancellation', async () => {
      const e = (
        await call('POST', '/api/events', manager, {
          kind: 'forum',
          title: TITLE,
          startsAt: at(30 * 24 * HOUR),
          endsAt: at(30 * 24 * HOUR + 8 * HOUR),
          venue: { ko: '전주 한국소리문화의전당, 모악당', en: 'Sori Arts Center; Moak Hall' },
          published: true,
        })
      ).json();
      const room = (await call('POST', `/api/events/${e.id}/rooms`, manager, { name: { ko: '대공연장', en: 'Main hall' } })).json();
      const item = (
        await call('POST', `/api/events/${e.id}/programme`, manager, {
          kind: 'keynote',
          title: { ko: '기조연설, 금융의 미래', en: 'Keynote; the future' },
          startsAt: at(30 * 24 * HOUR + HOUR),
          endsAt: at(30 * 24 * HOUR + 2 * HOUR),
          roomId: room.id,
        })
      ).json();

      const v1 = await calendar(`/api/events/${e.id}/calendar.ics`);
      assert.equal(v1.UID, `event-${e.id}@finhub.jeonju.go.kr`);
      assert.equal(v1.SUMMARY, `${TITLE.ko} / ${TITLE.en}`);
      assert.equal(v1.calendarName, `${TITLE.ko} / ${TITLE.en}`);
      assert.equal(v1.LOCATION, '전주 한국소리문화의전당, 모악당 / Sori Arts Center; Moak Hall');
      assert.equal(v1.SEQUENCE, 0);
      assert.equal(v1.STATUS, 'CONFIRMED');
      assert.equal(v1.DTSTART, utc(e.startsAt));
      assert.equal(v1.DTEND, utc(e.endsAt));
      assert.ok(v1['LAST-MODIFIED'] && v1.DTSTAMP, 'LAST-MODIFIED and DTSTAMP are there');
      const i1 = await calendar(`/api/events/${e.id}/programme/${item.id}/calendar.ics`);
      assert.equal(i1.UID, `event-${e.id}-item-${item.id}@finhub.jeonju.go.kr`);
      assert.equal(i1.SUMMARY, `기조연설, 금융의 미래 / Keynote; the future — ${TITLE.ko} / ${TITLE.en}`);
      assert.equal(i1.LOCATION, '대공연장 / Main hall, 전주 한국소리문화의전당, 모악당 / Sori Arts Center; Moak Hall');
      assert.equal(i1.SEQUENCE, 0);

      // A change that does not move it keeps SEQUENCE; a new time raises it and LAST-MODIFIED.
      await new Promise((r) => setTimeout(r, 1100));
      assert.equal((await call('PATCH', `/api/events/${e.id}`, manager, { description: { ko: '설명' } })).statusCode, 200);
      assert.equal((await calendar(`/api/events/${e.id}/calendar.ics`)).SEQUENCE, 0);
      const moved = await call('PATCH', `/api/events/${e.id}`, manager, { startsAt: at(31 * 24 * HOUR), endsAt: at(31 * 24 * HOUR + 8 * HOUR) });
      assert.equal(moved.statusCode, 200, moved.body);
      const v2 = await calendar(`/api/events/${e.id}/calendar.ics`);
      assert.equal(v2.UID, v1.UID);
      assert.equal(v2.SEQUENCE, 1);
      assert.equal(v2.DTSTART, utc(moved.json().startsAt));
      assert.ok(v2['LAST-MODIFIED']! > v1['LAST-MODIFIED']!, `${v2['LAST-MODIFIED']} after ${v1['LAST-MODIFIED']}`);
      assert.equal(v2.DTSTAMP, v2['LAST-MODIFIED']);
      // The item's SEQUENCE follows its event's, and its own reschedule.
      assert.equal((await calendar(`/api/events/${e.id}/programme/${item.id}/calendar.ics`)).SEQUENCE, 1);
      const itemMoved = await call('PATCH', `/api/events/${e.id}/programme/${item.id}`, manager, { startsAt: at(31 * 24 * HOUR + HOUR), endsAt: at(31 * 24 * HOUR + 3 * HOUR) });
      assert.equal(itemMoved.statusCode, 200, itemMoved.body);
      const i2 = await calendar(`/api/events/${e.id}/programme/${item.id}/calendar.ics`);
      assert.equal(i2.SEQUENCE, 2);
      assert.equal(i2.UID, i1.UID);
      assert.equal(i2.DTEND, utc(itemMoved.json().endsAt));

      assert.equal((await call('PATCH', `/api/events/${e.id}`, manager, { status: 'cancelled' })).statusCode, 200);
      const v3 = await calendar(`/api/events/${e.id}/calendar.ics`);
      assert.equal(v3.STATUS, 'CANCELLED');
      assert.equal(v3.SEQUENCE, 2);
      assert.equal((await calendar(`/api/events/${e.id}/programme/${item.id}/calendar.ics`)).SEQUENCE, 3);

      // Another public address: the same UIDs (only the links change).
      const other = await openTestApp(kind, { publicUrl: 'https://finhub.jeonju.go.kr' });
      try {
        // The other app has its own database: copy nothing, compare the UID scheme on an event of its own.
        const m2 = await staffSession(other, 'manager');
        const e2 = (
          await other.app.inject({
            method: 'POST',
            url: '/api/events',
            headers: m2.headers,
            payload: { kind: 'seminar', title: { ko: '세미나' }, startsAt: at(HOUR * 50), endsAt: at(HOUR * 52), published: true },
          })
        ).json();
        const x = await calendar(`/api/events/${e2.id}/calendar.ics`, other.app);
        assert.equal(x.UID, `event-${e2.id}@finhub.jeonju.go.kr`);
        assert.equal(x.URL, `https://finhub.jeonju.go.kr/events/${e2.id}`);
      } finally {
        await other.close();
      }
    });

    it('an academy session: GET /api/academy/sessions/:id/calendar.ics, rescheduled and cancelled', async () => {
      const s = (
        await call('POST', '/api/academy/sessions', manager, {
          title: { ko: '금융아카데미 3강: 예금, 적금; 그리고 \\ 보험', en: 'Academy 3' },
          description: { ko: '첫 줄\n둘째 줄', en: 'Line one' },
          startsAt: at(48 * HOUR),
          endsAt: at(50 * HOUR),
          venue: '전주시청 강당, 4층',
          capacity: 10,
          registrationOpensAt: at(-HOUR),
          registrationClosesAt: at(24 * HOUR),
          lecturer: '김강사',
        })
      ).json();
      const url = `/api/academy/sessions/${s.id}/calendar.ics`;
      const v1 = await calendar(url);
      assert.equal(v1.UID, `academy-session-${s.id}@finhub.jeonju.go.kr`);
      assert.equal(v1.SUMMARY, '금융아카데미 3강: 예금, 적금; 그리고 \\ 보험 / Academy 3');
      assert.equal(v1.calendarName, '전주시 금융아카데미 / Jeonju Financial Academy — 금융아카데미 3강: 예금, 적금; 그리고 \\ 보험 / Academy 3');
      assert.equal(v1.LOCATION, '전주시청 강당, 4층');
      assert.equal(v1.DESCRIPTION, `첫 줄\n둘째 줄 / Line one\n\n강사 / Lecturer: 김강사\n\nhttp://finhub.test/academy/sessions/${s.id}`);
      assert.equal(v1.URL, `http://finhub.test/academy/sessions/${s.id}`);
      assert.equal(v1.SEQUENCE, 0);
      assert.equal(v1.DTSTART, utc(s.startsAt));
      assert.equal(v1.STATUS, 'CONFIRMED');

      await new Promise((r) => setTimeout(r, 1100));
      assert.equal((await call('PATCH', `/api/academy/sessions/${s.id}`, manager, { lecturer: '이강사' })).statusCode, 200);
      assert.equal((await calendar(url)).SEQUENCE, 0);
      const moved = await call('PATCH', `/api/academy/sessions/${s.id}`, manager, { startsAt: at(72 * HOUR), endsAt: at(74 * HOUR) });
      assert.equal(moved.statusCode, 200, moved.body);
      const v2 = await calendar(url);
      assert.equal(v2.SEQUENCE, 1);
      assert.equal(v2.UID, v1.UID);
      assert.equal(v2.DTSTART, utc(moved.json().startsAt));
      assert.ok(v2['LAST-MODIFIED']! > v1['LAST-MODIFIED']!);
      assert.equal((await call('PATCH', `/api/academy/sessions/${s.id}`, manager, { venue: '전북은행 본점' })).statusCode, 200);
      assert.equal((await calendar(url)).SEQUENCE, 2);
      assert.equal((await call('PATCH', `/api/academy/sessions/${s.id}`, manager, { cancelled: true })).statusCode, 200);
      const v3 = await calendar(url);
      assert.equal(v3.STATUS, 'CANCELLED');
      assert.equal(v3.SEQUENCE, 3);

      assert.equal((await call('GET', '/api/academy/sessions/999999/calendar.ics', null)).statusCode, 404);
    });
  });
}
